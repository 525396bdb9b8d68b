import { round } from "./cielab.js";

/** Exposure statistics of a luma region, all derived from its 256-bin histogram. */
export interface ExposureMeasurement {
  /** Mean and standard deviation of luma (8-bit levels). */
  mean: number;
  spread: number;
  /** Share of pixels at luma 0-25 (crushed shadows) and 230-255 (blown highlights), as OFIQ's exposure-prevention measures count them. */
  darkShare: number;
  brightShare: number;
  /** Luma range between the 1st and 99th percentiles (8-bit levels). */
  dynamicRange: number;
}

/** Luma 0..DARK_MAX counts as under-exposed and BRIGHT_MIN..255 as over-exposed (OFIQ UnderExposurePrevention uses 0-25). */
export const DARK_MAX = 25;
export const BRIGHT_MIN = 230;

/** Exposure statistics from a luma histogram; null when the histogram is empty. */
export function histogramStats(histogram: Uint32Array): ExposureMeasurement | null {
  let n = 0, sum = 0, sumSq = 0, dark = 0, bright = 0;
  for (let v = 0; v < 256; v++) {
    const c = histogram[v];
    n += c;
    sum += c * v;
    sumSq += c * v * v;
    if (v <= DARK_MAX) dark += c;
    if (v >= BRIGHT_MIN) bright += c;
  }
  if (n === 0) return null;
  const percentile = (q: number) => {
    const target = q * n;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > target) return v;
    }
    return 255;
  };
  const mean = sum / n;
  return {
    mean: round(mean),
    spread: round(Math.sqrt(Math.max(0, sumSq / n - mean * mean))),
    darkShare: round(dark / n, 4),
    brightShare: round(bright / n, 4),
    dynamicRange: percentile(0.99) - percentile(0.01),
  };
}
