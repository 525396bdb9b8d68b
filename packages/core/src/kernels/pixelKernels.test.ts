import { describe, expect, it } from "vitest";
import { corpusAvailable, corpusPhoto, CORPUS_SKIP_REASON } from "../../../../test/support/corpus.js";
import { syntheticPortrait } from "../../../../test/support/syntheticPortrait.js";
import { decodePhoto } from "../decode/decodePhoto.js";
import type { Raster } from "../decode/photo.js";
import { measureBackground, probeFrame } from "../measures/measureBackground.js";
import { WasmKernels } from "../wasm.js";
import type { PixelKernels } from "./pixelKernels.js";
import { ReferenceKernels } from "./referenceKernels.js";

// Tolerance: exact. Every kernel works in integers (sums up to 2^53 are exact in f64), so WASM and the
// TypeScript reference must agree value for value; any difference is a bug, not rounding.

function randomRaster(width: number, height: number, seed: number): Raster {
  const data = new Uint8Array(width * height * 3);
  let state = seed;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    data[i] = state >>> 24;
  }
  return { width, height, data, scale: 1 };
}

/** Runs every kernel on one raster and returns all outputs, so two implementations can be compared whole. */
function runAll(kernels: PixelKernels, raster: Raster) {
  kernels.load(raster);
  const { width, height } = raster;
  const frame = probeFrame(raster);
  const grown = kernels.growBackground(frame, [raster.data[0], raster.data[1], raster.data[2]], 24, 72);
  const mask = kernels.backgroundMask();
  const stats = kernels.backgroundStats({ x0: 0, y0: 0, x1: width, y1: height }, 7);
  const inset = kernels.backgroundStats({ x0: 5, y0: 3, x1: Math.max(6, width - 9), y1: Math.max(4, height - 2) }, 5);
  const inner = { x0: 1, y0: 1, x1: width - 1, y1: height - 1 };
  const odd = { x0: 3, y0: 2, x1: Math.max(4, width - 5), y1: Math.max(3, height - 3) };
  const out: Record<string, unknown> = {
    grown, mask: Array.from(mask), stats: { ...stats, rows: Array.from(stats.rows), columns: Array.from(stats.columns) },
    inset: { ...inset, rows: Array.from(inset.rows), columns: Array.from(inset.columns) },
    colour: Array.from(kernels.colourStats()),
    histogramWhole: Array.from(kernels.histogram("luma", { x0: 0, y0: 0, x1: width, y1: height })),
    histogramOdd: Array.from(kernels.histogram("luma", odd)),
    laplacianInner: kernels.laplacian("luma", inner),
    laplacianOdd: kernels.laplacian("luma", odd),
  };
  for (const factor of [1, 2, 3]) {
    const reduced = kernels.reduce(factor);
    if (reduced.width < 3 || reduced.height < 3) continue;
    out[`reduced${factor}`] = {
      reduced,
      laplacian: kernels.laplacian("reduced", { x0: 1, y0: 1, x1: reduced.width - 1, y1: reduced.height - 1 }),
      histogram: Array.from(kernels.histogram("reduced", { x0: 0, y0: 0, x1: reduced.width, y1: reduced.height })),
      background: kernels.reducedBackgroundLaplacian(),
    };
  }
  return out;
}

describe("WASM kernels against the TypeScript reference", () => {
  const wasm = new WasmKernels();
  const reference = new ReferenceKernels();

  it.each([
    ["random 37x23 (SIMD tails)", randomRaster(37, 23, 3)],
    ["random 64x48", randomRaster(64, 48, 11)],
    ["portrait 358x441, white", syntheticPortrait()],
    ["portrait 301x377, blue, noisy", syntheticPortrait({ width: 301, height: 377, background: [40, 120, 220], noise: 12 })],
    ["portrait 1001x1233, grey", syntheticPortrait({ width: 1001, height: 1233, background: [200, 200, 200], noise: 6 })],
  ])("agree exactly on %s", (_name, raster) => {
    expect(runAll(wasm, raster)).toEqual(runAll(reference, raster));
  });

  it("gives the same measurements through either implementation", () => {
    const raster = syntheticPortrait({ noise: 5 });
    wasm.load(raster);
    reference.load(raster);
    expect(measureBackground(wasm, raster)).toEqual(measureBackground(reference, raster));
  });

  it("reloads when another photo arrives, growing memory", () => {
    const small = syntheticPortrait({ width: 100, height: 120 });
    const large = syntheticPortrait({ width: 1500, height: 1800 });
    for (const raster of [small, large, small]) {
      expect(runAll(wasm, raster).stats).toEqual(runAll(reference, raster).stats);
      expect(wasm.holds(raster)).toBe(true);
    }
  });

  it.skipIf(!corpusAvailable).each(["deepface-img30-damon-light.jpg", "zitaoli-idphoto-red-bob.jpg", "fr-obama-and-biden.jpg", "yale-s04-normal-grey.png"])(
    "agree exactly on corpus photo %s",
    async (file) => {
      const { raster } = await decodePhoto(corpusPhoto(file));
      expect(runAll(wasm, raster)).toEqual(runAll(reference, raster));
    },
  );
  if (!corpusAvailable) it.skip(CORPUS_SKIP_REASON, () => {});
});
