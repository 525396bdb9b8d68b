import { COLOUR_BINS, COLOUR_VALUES_PER_BIN } from "./types.js";

/** Reference for the WASM colourStats kernel: per luma bin (luma >> 3) count, sum and sum of squares of rg = R-G and yb = R+G-2B. */
export function colourStatsReference(rgb: Uint8Array): Float64Array {
  const out = new Float64Array(COLOUR_BINS * COLOUR_VALUES_PER_BIN);
  for (let p = 0; p + 2 < rgb.length; p += 3) {
    const r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
    const y = (77 * r + 150 * g + 29 * b + 128) >> 8;
    const rg = r - g;
    const yb = r + g - 2 * b;
    const k = (y >> 3) * COLOUR_VALUES_PER_BIN;
    out[k]++;
    out[k + 1] += rg;
    out[k + 2] += yb;
    out[k + 3] += rg * rg;
    out[k + 4] += yb * yb;
  }
  return out;
}
