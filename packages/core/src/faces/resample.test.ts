import { describe, expect, it } from "vitest";
import type { Raster } from "../decode/photo.js";
import { resampleRect, resampleRectReference } from "./resample.js";

function raster(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Raster {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  return { width, height, data, scale: 1 };
}

describe("resampleRect", () => {
  it.each([
    ["WASM", resampleRect],
    ["TypeScript", resampleRectReference],
  ])("keeps a flat colour flat when shrinking, enlarging or cropping (%s)", (_name, resample) => {
    const flat = raster(37, 23, () => [10, 200, 90]);
    for (const [w, h] of [[5, 3], [2, 1], [80, 50], [37, 23]]) {
      const out = resample(flat, { x: 0, y: 0, width: 37, height: 23 }, w, h, 127);
      for (let i = 0; i < out.length; i += 3) expect([out[i], out[i + 1], out[i + 2]].map(Math.round)).toEqual([10, 200, 90]);
    }
  });

  it("averages areas when shrinking, so a fine checkerboard becomes mid grey instead of aliasing", () => {
    const checker = raster(64, 64, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    for (const resample of [resampleRect, resampleRectReference]) {
      const out = resample(checker, { x: 0, y: 0, width: 64, height: 64 }, 8, 8, 127);
      for (const v of out) expect(Math.abs(v - 127.5)).toBeLessThanOrEqual(0.01);
    }
  });

  it("reads outside the image as padding", () => {
    const white = raster(10, 10, () => [255, 255, 255]);
    const out = resampleRect(white, { x: -10, y: 0, width: 20, height: 10 }, 2, 1, 0);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(out.subarray(3, 6))).toEqual([255, 255, 255]);
  });

  it("samples the right region: the left half of a left-black/right-white image is black", () => {
    const halves = raster(20, 4, (x) => (x < 10 ? [0, 0, 0] : [255, 255, 255]));
    const left = resampleRect(halves, { x: 0, y: 0, width: 10, height: 4 }, 4, 2);
    const right = resampleRect(halves, { x: 10, y: 0, width: 10, height: 4 }, 4, 2);
    expect(Math.max(...left)).toBe(0);
    expect(Math.min(...right)).toBe(255);
  });
});

describe("WASM resample against its TypeScript reference", () => {
  it("agrees within 0.01 levels on random pixels for shrinks, enlargements and rectangles past the edges", () => {
    let state = 99;
    const noise = raster(173, 131, () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return [state >>> 24, (state >>> 16) & 255, (state >>> 8) & 255];
    });
    const cases: [{ x: number; y: number; width: number; height: number }, number, number][] = [
      [{ x: 0, y: 0, width: 173, height: 131 }, 64, 48],
      [{ x: -40.5, y: -12.25, width: 250, height: 160 }, 320, 240],
      [{ x: 30.7, y: 20.2, width: 41.3, height: 37.9 }, 224, 224],
      [{ x: 100, y: 90, width: 120, height: 80 }, 24, 24],
      [{ x: 0, y: 0, width: 173, height: 131 }, 173, 131],
    ];
    for (const [rect, w, h] of cases) {
      const wasm = resampleRect(noise, rect, w, h, 127);
      const reference = resampleRectReference(noise, rect, w, h, 127);
      expect(wasm.length).toBe(reference.length);
      let worst = 0;
      for (let i = 0; i < wasm.length; i++) worst = Math.max(worst, Math.abs(wasm[i] - reference[i]));
      expect(worst, JSON.stringify(rect)).toBeLessThan(0.01);
    }
  });
});
