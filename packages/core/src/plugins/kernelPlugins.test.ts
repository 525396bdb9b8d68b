import { describe, expect, it } from "vitest";
import { syntheticFaceBox, syntheticPortrait } from "../../../../test/support/syntheticPortrait.js";
import { AnalysisContext } from "../context.js";
import type { Photo, Raster } from "../decode/photo.js";
import { backgroundPlugin } from "./backgroundPlugin.js";
import { colourPlugin } from "./colourPlugin.js";
import { exposurePlugin } from "./exposurePlugin.js";
import { lightingPlugin } from "./lightingPlugin.js";
import { PluginRegistry } from "./registry.js";
import { retouchPlugin } from "./retouchPlugin.js";
import { sharpnessPlugin } from "./sharpnessPlugin.js";
import type { PhotoPlugin } from "./types.js";

const KERNEL_PLUGINS = [colourPlugin, backgroundPlugin, exposurePlugin, sharpnessPlugin, lightingPlugin, retouchPlugin];

function photoOf(raster: Raster, exif: Partial<Photo["exif"]> = {}): Photo {
  return {
    format: "jpeg", byteSize: 20_000, width: Math.round(raster.width / raster.scale), height: Math.round(raster.height / raster.scale),
    dpi: 350, channels: 3, colourSpace: "srgb", bitsPerSample: 8, hasAlpha: false, hasIccProfile: false,
    exif: { captureDate: null, software: null, orientation: null, make: null, model: null, error: null, ...exif },
    raster, bytes: new Uint8Array(0),
  };
}

/** A stand-in for the face plugin: the face box the test knows. */
const faceAt = (box: { x: number; y: number; width: number; height: number } | null): PhotoPlugin => ({
  name: "face",
  version: "test",
  facts: [{ id: "face.box", unit: "raster px", type: "object", description: { zh: "", en: "" }, compute: () => box ?? Promise.reject(new Error("unused")) }],
});

async function facts(raster: Raster, face: PhotoPlugin | null, ids: string[], exif: Partial<Photo["exif"]> = {}) {
  const registry = new PluginRegistry([...(face ? [face] : []), ...KERNEL_PLUGINS]);
  const ctx = new AnalysisContext(photoOf(raster, exif), registry.facts);
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const o = await ctx.outcome(id);
    out[id] = o.status === "ok" ? o.value : { unavailable: o.reason.en };
  }
  return { out, ctx };
}

/** Maps every pixel's luma through a sepia tone: colour that only follows brightness. */
function sepia(raster: Raster): Raster {
  const data = new Uint8Array(raster.data.length);
  for (let p = 0; p < data.length; p += 3) {
    const y = (77 * raster.data[p] + 150 * raster.data[p + 1] + 29 * raster.data[p + 2]) >> 8;
    data[p] = Math.min(255, Math.round(y * 1.07 + 20));
    data[p + 1] = Math.round(y * 0.95 + 8);
    data[p + 2] = Math.round(y * 0.75);
  }
  return { ...raster, data };
}

describe("background, colour, exposure, sharpness, lighting and retouch facts", () => {
  it("measures a white backdrop and where the head starts", async () => {
    const raster = syntheticPortrait({ headTop: 30 });
    const { out } = await facts(raster, null, ["background.lightness", "background.chroma", "background.uniformity", "background.clutter", "head.topPx", "head.topRatio", "lighting.backgroundShadow"]);
    expect(out["background.lightness"]).toBeGreaterThan(95);
    expect(out["background.chroma"]).toBeLessThan(2);
    expect(out["background.uniformity"]).toBe(1);
    expect(out["background.clutter"]).toBe(0);
    expect(Math.abs((out["head.topPx"] as number) - 30)).toBeLessThanOrEqual(1);
    expect(out["head.topRatio"]).toBeCloseTo(30 / 441, 2);
    expect(Math.abs(out["lighting.backgroundShadow"] as number)).toBeLessThan(1);
  });

  it("says there is no silhouette when the whole photo is backdrop", async () => {
    const { out } = await facts(syntheticPortrait({ skin: [250, 250, 250], clothes: [250, 250, 250] }), null, ["head.topPx", "silhouette.leftRatio", "background.coverage"]);
    expect(out["head.topPx"]).toEqual({ unavailable: "the background estimate found no silhouette of a person" });
    expect(out["silhouette.leftRatio"]).toEqual({ unavailable: "the background estimate found no silhouette of a person" });
    expect(out["background.coverage"]).toBe(1);
  });

  it("reports the head top in file pixels when the raster was downscaled", async () => {
    const raster = { ...syntheticPortrait({ headTop: 40 }), scale: 0.5 };
    const { out } = await facts(raster, null, ["head.topPx"]);
    expect(Math.abs((out["head.topPx"] as number) - 80)).toBeLessThanOrEqual(2);
  });

  it("sees a blue backdrop as chromatic and a dark one as dark", async () => {
    const blue = await facts(syntheticPortrait({ background: [60, 130, 220] }), null, ["background.chroma"]);
    expect(blue.out["background.chroma"]).toBeGreaterThan(30);
    const dark = await facts(syntheticPortrait({ background: [30, 30, 30] }), null, ["background.lightness"]);
    expect(dark.out["background.lightness"]).toBeLessThan(20);
  });

  it("finds a shadow cast on the backdrop beside the person", async () => {
    const raster = syntheticPortrait({ noise: 0 });
    const box = syntheticFaceBox(raster);
    // Darken the backdrop towards the person's left side over 12 px (250 down to 226), as a soft flash shadow would.
    for (let y = 0; y < raster.height; y++) {
      const row = y * raster.width;
      for (let x = 0; x < raster.width; x++) {
        const p = (row + x) * 3;
        if (raster.data[p] !== 250 || raster.data[p + 2] !== 250) continue;
        let d = 1;
        while (d <= 12 && x + d < raster.width && raster.data[p + d * 3] === 250) d++;
        if (d <= 12 && x + d < raster.width) raster.data.fill(226 + 2 * (d - 1), p, p + 3);
      }
    }
    const { out } = await facts(raster, faceAt(box), ["lighting.backgroundShadow"]);
    expect(out["lighting.backgroundShadow"]).toBeGreaterThan(1.5);
  });

  it("calls greyscale and sepia photos single-tone and a colour photo colour", async () => {
    const colour = syntheticPortrait();
    const grey = { ...colour, data: colour.data.map((_, i, d) => d[i - (i % 3) + 1]) };
    const ids = ["image.greyscale", "image.chromaVariety", "image.colourfulness"];
    const c = (await facts(colour, null, ids)).out;
    const g = (await facts(grey, null, ids)).out;
    const s = (await facts(sepia(colour), null, ids)).out;
    expect(c["image.greyscale"]).toBe(false);
    expect(g).toEqual({ "image.greyscale": true, "image.chromaVariety": 0, "image.colourfulness": 0 });
    expect(s["image.greyscale"]).toBe(true);
    expect(s["image.colourfulness"]).toBeGreaterThan(8);
  });

  it("marks face-region facts unavailable, with a reason, when there is no face", async () => {
    const { out } = await facts(syntheticPortrait(), null, ["sharpness.face", "exposure.face.mean", "lighting.balance", "retouch.score", "exposure.mean"]);
    for (const id of ["sharpness.face", "exposure.face.mean", "lighting.balance", "retouch.score"]) {
      expect(out[id]).toEqual({ unavailable: expect.stringContaining("no face region to measure") });
    }
    expect(typeof out["exposure.mean"]).toBe("number");
  });

  it("measures the face region from the face box", async () => {
    const raster = syntheticPortrait({ noise: 8 });
    const { out, ctx } = await facts(raster, faceAt(syntheticFaceBox(raster)), ["exposure.face.mean", "exposure.face.brightShare", "sharpness.face", "lighting.balance", "retouch.score", "retouch.skinTexture"]);
    expect(out["exposure.face.mean"]).toBeGreaterThan(180);
    expect(out["exposure.face.brightShare"]).toBeLessThan(0.25);
    expect(out["sharpness.face"]).toBeGreaterThan(0);
    expect(Math.abs(out["lighting.balance"] as number)).toBeLessThan(1);
    expect(out["retouch.score"]).toBeGreaterThan(0);
    expect(Object.keys(ctx.stepTimings)).toEqual(expect.arrayContaining(["kernels.load", "kernels.face"]));
  });

  it("sees side light as a left-right imbalance", async () => {
    const raster = syntheticPortrait({ noise: 2 });
    for (let p = 0; p < raster.data.length; p += 3) {
      const x = (p / 3) % raster.width;
      if (x < raster.width / 2) for (let c = 0; c < 3; c++) raster.data[p + c] = Math.round(raster.data[p + c] * 0.6);
    }
    const { out } = await facts(raster, faceAt(syntheticFaceBox(raster)), ["lighting.balance"]);
    expect(out["lighting.balance"]).toBeLessThan(-10);
  });

  it("copies the pixels into WASM once per photo, even when another photo ran in between", async () => {
    const a = syntheticPortrait({ background: [250, 250, 250] });
    const b = syntheticPortrait({ background: [40, 90, 200] });
    const registry = new PluginRegistry([faceAt(syntheticFaceBox(a)), ...KERNEL_PLUGINS]);
    const ctxA = new AnalysisContext(photoOf(a), registry.facts);
    const ctxB = new AnalysisContext(photoOf(b), registry.facts);
    expect(await ctxA.value("background.lightness")).toBeGreaterThan(95);
    expect(await ctxB.value("background.lightness")).toBeLessThan(60);
    // Photo A's face step needs A's pixels and mask again: they are reloaded, not read from B.
    const fresh = new AnalysisContext(photoOf(a), registry.facts);
    expect(await ctxA.value("retouch.score")).toEqual(await fresh.value("retouch.score"));
  });

  it("reports the EXIF tags where beauty apps sign", async () => {
    const { out } = await facts(syntheticPortrait(), null, ["retouch.softwareTag"], { software: "Meitu 9.1", make: "Apple" });
    expect(out["retouch.softwareTag"]).toBe("Meitu 9.1 / Apple");
    expect((await facts(syntheticPortrait(), null, ["retouch.softwareTag"])).out["retouch.softwareTag"]).toBe("");
  });
});
