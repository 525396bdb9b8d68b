import type { PixelRect } from "./types.js";

/** Reference for the WASM regionHistogram kernel: 256-bin histogram of a u8 plane over a rectangle. */
export function regionHistogramReference(plane: Uint8Array, stride: number, rect: PixelRect): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0, i = y * stride + rect.x0; x < rect.x1; x++, i++) histogram[plane[i]]++;
  }
  return histogram;
}
