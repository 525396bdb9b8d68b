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

/** Half-size copy by 2x2 box averaging (an odd last row or column is averaged with itself): one pyramid level. */
function halve(raster: Raster): Raster {
  const width = Math.ceil(raster.width / 2);
  const height = Math.ceil(raster.height / 2);
  const src = raster.data;
  const data = new Uint8Array(width * height * 3);
  const stride = raster.width * 3;
  for (let y = 0; y < height; y++) {
    const top = 2 * y * stride;
    const bottom = Math.min(2 * y + 1, raster.height - 1) * stride;
    let out = y * width * 3;
    for (let x = 0; x < width; x++) {
      const left = 2 * x * 3;
      const right = Math.min(2 * x + 1, raster.width - 1) * 3;
      for (let c = 0; c < 3; c++) {
        data[out++] = (src[top + left + c] + src[top + right + c] + src[bottom + left + c] + src[bottom + right + c] + 2) >> 2;
      }
    }
  }
  return { width, height, data, scale: raster.scale / 2 };
}

// Pyramid levels per raster (level 0 is the raster itself), built on demand and dropped with the raster.
const pyramids = new WeakMap<Uint8Array, Raster[]>();

/** The coarsest pyramid level that still has at least the output's resolution over `rect`, and its factor. */
function pyramidLevel(raster: Raster, rect: Rect, outWidth: number, outHeight: number): { level: Raster; factor: number } {
  const shrink = Math.min(rect.width / outWidth, rect.height / outHeight);
  let levels = pyramids.get(raster.data);
  if (!levels) {
    levels = [raster];
    pyramids.set(raster.data, levels);
  }
  let index = 0;
  // Halving is itself area averaging, so any level that still needs shrinking to the output keeps the result anti-aliased.
  while (shrink / 2 ** (index + 1) >= 1 && levels[index].width >= 4 && levels[index].height >= 4) {
    if (!levels[index + 1]) levels[index + 1] = halve(levels[index]);
    index++;
  }
  return { level: levels[index], factor: 2 ** index };
}

/**
 * Resamples a rectangle of the raster to outWidth x outHeight interleaved RGB floats (0-255): the input of
 * every face model, by separable area averaging. With `fromPyramid`, large shrinks start from a cached
 * half-size pyramid level, so a 2048 px photo costs about what a 512 px one does; the detector uses it, while
 * the landmark, eye, pose and expression crops keep exact sampling (their thresholds were measured with it).
 */
export function resampleRect(raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad = 127, fromPyramid = false): Float32Array {
  // The photo itself is resampled in WASM, where the kernels already hold its pixels; small pyramid
  // levels stay in TypeScript rather than evict the photo from WASM memory.
  if (!fromPyramid) return resampleLevel(raster, rect, outWidth, outHeight, pad, true);
  const { level, factor } = pyramidLevel(raster, rect, outWidth, outHeight);
  const scaled = factor === 1 ? rect : { x: rect.x / factor, y: rect.y / factor, width: rect.width / factor, height: rect.height / factor };
  return resampleLevel(level, scaled, outWidth, outHeight, pad, factor === 1);
}

/** The TypeScript resample, the reference the WASM kernel is tested against. */
export const resampleRectReference = (raster: Raster, rect: Rect, outWidth: number, outHeight: number, pad = 127): Float32Array =>
  resampleLevel(raster, rect, outWidth, outHeight, pad, false);

/** Separable area-averaging resample of one raster level, in WASM or in TypeScript. */
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
