import type { Raster } from "../decode/photo.js";

/** An axis-aligned rectangle in raster pixels; it may extend past the image (the outside reads as padding). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Source taps of one output coordinate: indices (-1 = outside the image) and weights summing to 1. */
interface Taps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float32Array;
}

/** Area-averaging taps when shrinking (no aliasing), linear taps when enlarging, along one axis. */
function axisTaps(origin: number, span: number, outSize: number, limit: number): Taps {
  const step = span / outSize;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const index: number[] = [];
  const weight: number[] = [];
  for (let o = 0; o < outSize; o++) {
    start[o] = index.length;
    if (step > 1) {
      const a = origin + o * step;
      const b = a + step;
      for (let i = Math.floor(a); i < Math.ceil(b); i++) {
        const w = Math.min(b, i + 1) - Math.max(a, i);
        if (w <= 0) continue;
        index.push(i >= 0 && i < limit ? i : -1);
        weight.push(w / step);
      }
    } else {
      const centre = origin + (o + 0.5) * step - 0.5;
      const i0 = Math.floor(centre);
      const f = centre - i0;
      // Inside the image the edge pixel extends to its outer border; only samples centred outside read padding.
      const inside = centre >= -0.5 && centre <= limit - 0.5;
      const clamp = (i: number) => (inside ? Math.min(limit - 1, Math.max(0, i)) : -1);
      index.push(clamp(i0), clamp(i0 + 1));
      weight.push(1 - f, f);
    }
    count[o] = index.length - start[o];
  }
  return { start, count, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

/**
 * Resamples a rectangle of the raster to outWidth x outHeight interleaved RGB floats (0-255): the input of
 * every face model. Separable, so cost grows with the rectangle's rows times the output width, not its area squared.
 */
export function resampleRect(raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad = 127): Float32Array {
  const xs = axisTaps(rect.x, rect.width, outWidth, raster.width);
  const ys = axisTaps(rect.y, rect.height, outHeight, raster.height);
  // Horizontal pass over only the source rows the vertical taps use.
  let rowFirst = raster.height;
  let rowLast = -1;
  for (const i of ys.index) {
    if (i < 0) continue;
    if (i < rowFirst) rowFirst = i;
    if (i > rowLast) rowLast = i;
  }
  const rows = Math.max(0, rowLast - rowFirst + 1);
  const horizontal = new Float32Array(rows * outWidth * 3);
  const src = raster.data;
  const stride = raster.width * 3;
  for (let r = 0; r < rows; r++) {
    const rowOffset = (rowFirst + r) * stride;
    let out = r * outWidth * 3;
    for (let o = 0; o < outWidth; o++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      const end = xs.start[o] + xs.count[o];
      for (let t = xs.start[o]; t < end; t++) {
        const i = xs.index[t];
        const w = xs.weight[t];
        if (i < 0) {
          red += pad * w;
          green += pad * w;
          blue += pad * w;
        } else {
          const p = rowOffset + i * 3;
          red += src[p] * w;
          green += src[p + 1] * w;
          blue += src[p + 2] * w;
        }
      }
      horizontal[out++] = red;
      horizontal[out++] = green;
      horizontal[out++] = blue;
    }
  }
  const result = new Float32Array(outWidth * outHeight * 3);
  const rowStride = outWidth * 3;
  for (let o = 0; o < outHeight; o++) {
    const end = ys.start[o] + ys.count[o];
    const out = o * rowStride;
    for (let t = ys.start[o]; t < end; t++) {
      const i = ys.index[t];
      const w = ys.weight[t];
      if (i < 0) {
        for (let k = 0; k < rowStride; k++) result[out + k] += pad * w;
      } else {
        const from = (i - rowFirst) * rowStride;
        for (let k = 0; k < rowStride; k++) result[out + k] += horizontal[from + k] * w;
      }
    }
  }
  return result;
}
