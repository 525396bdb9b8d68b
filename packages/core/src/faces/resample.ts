import type { Raster } from "../decode/photo.js";
import { wasmKernels } from "../wasm.js";

/** An axis-aligned rectangle in raster pixels; it may extend past the image (the outside reads as padding). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Source taps of one output coordinate: in-image indices with weights, plus the weight of padding read outside. */
interface Taps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float64Array;
  /** Total weight of taps that fall outside the image (they read `pad`). */
  padWeight: Float64Array;
}

/** Area-averaging taps when shrinking (no aliasing), linear taps when enlarging, along one axis. */
function axisTaps(origin: number, span: number, outSize: number, limit: number): Taps {
  const step = span / outSize;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const padWeight = new Float64Array(outSize);
  const index: number[] = [];
  const weight: number[] = [];
  const add = (o: number, i: number, w: number) => {
    if (i < 0) {
      padWeight[o] += w;
    } else {
      index.push(i);
      weight.push(w);
    }
  };
  for (let o = 0; o < outSize; o++) {
    start[o] = index.length;
    if (step > 1) {
      const a = origin + o * step;
      const b = a + step;
      for (let i = Math.floor(a); i < Math.ceil(b); i++) {
        const w = Math.min(b, i + 1) - Math.max(a, i);
        if (w > 0) add(o, i >= 0 && i < limit ? i : -1, w / step);
      }
    } else {
      const centre = origin + (o + 0.5) * step - 0.5;
      const i0 = Math.floor(centre);
      const f = centre - i0;
      // Inside the image the edge pixel extends to its outer border; only samples centred outside read padding.
      const inside = centre >= -0.5 && centre <= limit - 0.5;
      const clamp = (i: number) => (inside ? Math.min(limit - 1, Math.max(0, i)) : -1);
      add(o, clamp(i0), 1 - f);
      add(o, clamp(i0 + 1), f);
    }
    count[o] = index.length - start[o];
  }
  return { start, count, index: Int32Array.from(index), weight: Float64Array.from(weight), padWeight };
}

/**
 * Resamples a rectangle of the raster to outWidth x outHeight interleaved RGB floats (0-255), the input of
 * every face model, by separable area averaging (linear when enlarging). It runs in WASM, where the kernels
 * already hold the photo's pixels.
 */
export function resampleRect(raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad = 127): Float32Array {
  return resampleLevel(raster, rect, outWidth, outHeight, pad, true);
}

/** The TypeScript resample, the reference the WASM kernel is tested against. */
export const resampleRectReference = (raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad = 127): Float32Array =>
  resampleLevel(raster, rect, outWidth, outHeight, pad, false);

/** Separable area-averaging resample, in WASM or in TypeScript. */
function resampleLevel(raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad: number, inWasm: boolean): Float32Array {
  const xs = axisTaps(rect.x, rect.width, outWidth, raster.width);
  const ys = axisTaps(rect.y, rect.height, outHeight, raster.height);
  // Horizontal pass over only the source rows the vertical taps use.
  let rowFirst = raster.height;
  let rowLast = -1;
  for (const i of ys.index) {
    if (i < rowFirst) rowFirst = i;
    if (i > rowLast) rowLast = i;
  }
  const rows = Math.max(0, rowLast - rowFirst + 1);
  if (inWasm) return wasmKernels().resampleRgb(raster, xs, ys, rows > 0 ? rowFirst : 0, rows, pad);
  const horizontal = new Float32Array(rows * outWidth * 3);
  const src = raster.data;
  const stride = raster.width * 3;
  const { start: xStart, count: xCount, index: xIndex, weight: xWeight, padWeight: xPad } = xs;
  for (let r = 0; r < rows; r++) {
    const rowOffset = (rowFirst + r) * stride;
    let out = r * outWidth * 3;
    for (let o = 0; o < outWidth; o++) {
      const padded = pad * xPad[o];
      let red = padded;
      let green = padded;
      let blue = padded;
      const end = xStart[o] + xCount[o];
      for (let t = xStart[o]; t < end; t++) {
        const p = rowOffset + xIndex[t] * 3;
        const w = xWeight[t];
        red += src[p] * w;
        green += src[p + 1] * w;
        blue += src[p + 2] * w;
      }
      horizontal[out++] = red;
      horizontal[out++] = green;
      horizontal[out++] = blue;
    }
  }
  const result = new Float32Array(outWidth * outHeight * 3);
  const rowStride = outWidth * 3;
  for (let o = 0; o < outHeight; o++) {
    const out = o * rowStride;
    const padded = pad * ys.padWeight[o];
    if (padded !== 0) result.fill(padded, out, out + rowStride);
    const end = ys.start[o] + ys.count[o];
    for (let t = ys.start[o]; t < end; t++) {
      const from = (ys.index[t] - rowFirst) * rowStride;
      const w = ys.weight[t];
      for (let k = 0; k < rowStride; k++) result[out + k] += horizontal[from + k] * w;
    }
  }
  return result;
}
