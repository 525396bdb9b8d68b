import fc from "fast-check";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeJpeg, makePng } from "../../../../test/support/images.js";
import { isPhotoError, PhotoError } from "../errors.js";
import { decodePhoto } from "./decodePhoto.js";
import { DEFAULT_DECODE_LIMITS } from "./limits.js";
import { readExif } from "./exif.js";

const frame = (background: string) => sharp({ create: { width: 8, height: 8, channels: 3, background } }).png().toBuffer();
const animated = async (format: "webp" | "gif" | "tiff") => {
  const joined = sharp([await frame("#f00"), await frame("#0f0")], { join: { animated: true } });
  return new Uint8Array(await joined[format]().toBuffer());
};

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await decodePhoto(bytes);
    return "decoded";
  } catch (error) {
    if (!isPhotoError(error)) throw error;
    return (error as PhotoError).code;
  }
}

describe("hostile and unusual photos: a Photo or a PhotoError with a stable code, never a crash", () => {
  it.each([
    ["animated WebP", () => animated("webp"), "MULTI_FRAME"],
    ["animated GIF", () => animated("gif"), "MULTI_FRAME"],
    ["multi-page TIFF", () => animated("tiff"), "MULTI_FRAME"],
    ["HEIC container (not decodable with sharp's prebuilt libheif)", async () => new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic"), Buffer.alloc(64, 7)])), "UNSUPPORTED_FORMAT"],
  ])("%s -> %s", async (_name, make, code) => {
    expect(await codeOf(await make())).toBe(code);
  });

  it("turns a CMYK JPEG into sRGB pixels", async () => {
    const cmyk = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#c83214" } }).toColourspace("cmyk").jpeg().toBuffer();
    const photo = await decodePhoto(new Uint8Array(cmyk));
    expect(photo.colourSpace).toBe("cmyk");
    const [r, g, b] = photo.raster.data;
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(110);
    expect(b).toBeLessThan(90);
  });

  it("reads a JPEG with an embedded ICC profile and no alpha", async () => {
    const p3 = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#3c8c3c" } }).withIccProfile("p3").jpeg().toBuffer();
    const photo = await decodePhoto(new Uint8Array(p3));
    expect(photo.hasIccProfile).toBe(true);
    expect(photo.raster.data.length).toBe(20 * 20 * 3);
  });

  it("decodes AVIF", async () => {
    const avif = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#f00" } }).avif().toBuffer();
    expect((await decodePhoto(new Uint8Array(avif))).format).toBe("avif");
  });

  it("decodes a 1x1 image and a 20000x20 strip", async () => {
    const dot = await decodePhoto(await makePng(1, 1));
    expect([dot.width, dot.height, dot.raster.data.length]).toEqual([1, 1, 3]);
    const strip = await decodePhoto(await makeJpeg({ width: 20_000, height: 20 }));
    expect([strip.width, strip.height]).toEqual([20_000, 20]);
    expect(strip.raster.width).toBe(DEFAULT_DECODE_LIMITS.maxAnalysisSide);
  });

  // Where a red marker placed at the stored top-left ends up after each EXIF orientation (TIFF 6.0 / EXIF 2.3).
  const MARKER_CORNER: Record<number, "top-left" | "top-right" | "bottom-right" | "bottom-left"> = {
    1: "top-left",
    2: "top-right",
    3: "bottom-right",
    4: "bottom-left",
    5: "top-left",
    6: "top-right",
    7: "bottom-right",
    8: "bottom-left",
  };
  it.each(Object.entries(MARKER_CORNER).map(([o, corner]) => [Number(o), corner] as const))("applies EXIF orientation %i (marker ends %s)", async (orientation, corner) => {
    const marker = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#ff0000" } }).png().toBuffer();
    const stored = await sharp({ create: { width: 60, height: 30, channels: 3, background: "#0000ff" } })
      .composite([{ input: marker, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation })
      .toBuffer();
    const photo = await decodePhoto(new Uint8Array(stored));
    const [w, h] = orientation >= 5 ? [30, 60] : [60, 30];
    expect([photo.width, photo.height]).toEqual([w, h]);
    const at = (x: number, y: number) => photo.raster.data[(y * w + x) * 3];
    const corners = { "top-left": at(2, 2), "top-right": at(w - 3, 2), "bottom-right": at(w - 3, h - 3), "bottom-left": at(2, h - 3) };
    for (const [name, red] of Object.entries(corners)) {
      if (name === corner) expect(red, name).toBeGreaterThan(200);
      else expect(red, name).toBeLessThan(60);
    }
  });

  it("ignores an oversized EXIF block with a reason instead of parsing it", () => {
    const exif = readExif(new Uint8Array(300 * 1024));
    expect(exif.captureDate).toBeNull();
    expect(exif.error).toMatch(/exceeds/);
  });
});

describe("decoder under random corruption (fast-check)", () => {
  const withTimeout = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`decode hung for more than ${ms} ms`)), ms))]);

  /** Applies byte edits and an optional cut to valid bytes. */
  const mutate = (bytes: Uint8Array, edits: { at: number; value: number }[], cut: number | null) => {
    const copy = new Uint8Array(bytes);
    for (const { at, value } of edits) copy[at % copy.length] = value;
    return cut === null ? copy : copy.subarray(0, Math.max(0, copy.length - (cut % copy.length)));
  };
  const edits = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 12 });
  const cut = fc.option(fc.nat(), { nil: null });

  it.each([
    ["JPEG", () => makeJpeg({ width: 64, height: 48 })],
    ["PNG", () => makePng(64, 48)],
  ])("mutated %s bytes give a Photo or a PhotoError, within 10 s each", async (_name, make) => {
    const valid = await make();
    await fc.assert(
      fc.asyncProperty(edits, cut, async (e, c) => {
        try {
          const photo = await withTimeout(decodePhoto(mutate(valid, e, c)), 10_000);
          expect(photo.raster.data.length).toBe(photo.raster.width * photo.raster.height * 3);
        } catch (error) {
          if (!isPhotoError(error)) throw error;
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  }, 120_000);
});
