import type { Raster } from "../decode/photo.js";

/** Content bounds inside any padding bars: [left, right] columns and [top, bottom] rows, inclusive. */
export interface ContentBounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A line continues a padding run while every pixel is within this L1 RGB distance of the fill colour (JPEG ringing stays inside). */
const FILL_TOLERANCE = 24;
/** Padding is at most this share of the width or height per side. */
const MAX_PADDING_SHARE = 0.3;
/** Past the run (skipping one anti-aliased line), at least EDGE_SHARE of the line must differ from the fill by more than EDGE_DIFFERS. */
const EDGE_DIFFERS = 40;
const EDGE_SHARE = 0.5;

/**
 * Finds padding bars (uniform fill added around a photo, like white bars that square a portrait, or the fill
 * a rotated crop leaves): a run of lines of one fill colour from an edge, where the line past it mostly differs from the fill.
 * A plain backdrop above a head is flat too, but the line that ends it is still mostly backdrop, so it stays.
 */
export function findContentBounds(raster: Raster): ContentBounds {
  const { data, width, height } = raster;
  const pixel = (x: number, y: number) => (y * width + x) * 3;
  // Scans lines i = 0, 1, ... from one edge; `at(i, t)` is the pixel offset of position t along line i.
  const distance = (p: number, q: number) => Math.abs(data[p] - data[q]) + Math.abs(data[p + 1] - data[q + 1]) + Math.abs(data[p + 2] - data[q + 2]);
  const scan = (lines: number, length: number, at: (i: number, t: number) => number): number => {
    const limit = Math.floor(lines * MAX_PADDING_SHARE);
    const fill = at(0, 0);
    let i = 0;
    for (; i < limit; i++) {
      let t = 0;
      while (t < length && distance(at(i, t), fill) <= FILL_TOLERANCE) t++;
      if (t < length) break;
    }
    if (i === 0 || i + 1 >= limit) return 0;
    let differing = 0;
    for (let t = 0; t < length; t++) if (distance(at(i + 1, t), fill) > EDGE_DIFFERS) differing++;
    return differing >= EDGE_SHARE * length ? i + 1 : 0;
  };
  return {
    left: scan(width, height, (i, t) => pixel(i, t)),
    right: width - 1 - scan(width, height, (i, t) => pixel(width - 1 - i, t)),
    top: scan(height, width, (i, t) => pixel(t, i)),
    bottom: height - 1 - scan(height, width, (i, t) => pixel(t, height - 1 - i)),
  };
}
