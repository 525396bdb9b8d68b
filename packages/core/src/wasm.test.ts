import { describe, expect, it } from "vitest";
import { corpusAvailable, corpusPhoto, CORPUS_SKIP_REASON } from "../../../test/support/corpus.js";
import { decodePhoto } from "./decode/decodePhoto.js";
import { lumaHistogramReference } from "./kernels/lumaHistogram.js";
import { WasmKernels } from "./wasm.js";

function randomPixels(count: number, seed = 7): Uint8Array {
  const pixels = new Uint8Array(count * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    pixels[i] = state >>> 24;
  }
  return pixels;
}

describe("WASM luma histogram", () => {
  it("matches the TypeScript reference bin for bin on random pixels", () => {
    const kernels = new WasmKernels();
    const pixels = randomPixels(10_007);
    kernels.loadPixels(pixels);
    const histogram = kernels.lumaHistogram();
    expect(Array.from(histogram)).toEqual(Array.from(lumaHistogramReference(pixels)));
    expect(histogram.reduce((a, b) => a + b, 0)).toBe(10_007);
  });

  it("puts pure black, white and grey in the right bins", () => {
    const kernels = new WasmKernels();
    kernels.loadPixels(new Uint8Array([0, 0, 0, 255, 255, 255, 128, 128, 128]));
    const histogram = kernels.lumaHistogram();
    expect([histogram[0], histogram[255], histogram[128]]).toEqual([1, 1, 1]);
  });

  it("reuses one instance across photos of growing size", () => {
    const kernels = new WasmKernels();
    for (const count of [10, 1_000_000, 100]) {
      const pixels = randomPixels(count, count);
      kernels.loadPixels(pixels);
      expect(Array.from(kernels.lumaHistogram())).toEqual(Array.from(lumaHistogramReference(pixels)));
    }
  });

  it.skipIf(!corpusAvailable)("matches the reference on a corpus photo", async () => {
    const photo = await decodePhoto(corpusPhoto("deepface-img30-damon-light.jpg"));
    const kernels = new WasmKernels();
    kernels.loadPixels(photo.raster.data);
    expect(Array.from(kernels.lumaHistogram())).toEqual(Array.from(lumaHistogramReference(photo.raster.data)));
  });
  if (!corpusAvailable) it.skip(CORPUS_SKIP_REASON, () => {});
});
