/** An 8-bit sRGB colour as [R, G, B]. */
export type Rgb = readonly [number, number, number];

/** A pixel rectangle [x0, x1) x [y0, y1) in a plane's own coordinates. */
export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where background growth is seeded: row `top` from column `left` to `right`, and both columns from `top` down to row `sideEnd` (exclusive). */
export interface ProbeFrame {
  left: number;
  top: number;
  right: number;
  sideEnd: number;
}

/** Sums of the background mask, as the backgroundStats kernel returns them. */
export interface BackgroundSums {
  count: number;
  /** Sum of R, G, B over background pixels. */
  sum: [number, number, number];
  /** Sum of squares of R, G, B over background pixels. */
  sumSquares: [number, number, number];
  /** Sum of |dY/dx| + |dY/dy| between background neighbours, and how many pixels contributed. */
  gradientSum: number;
  gradientCount: number;
  /** Luma sum and count of background pixels within the band beside the person, and beyond it. */
  nearSum: number;
  nearCount: number;
  farSum: number;
  farCount: number;
  /** Non-background pixels outside each row's longest non-background run: objects beside the person. */
  clutter: number;
  /** Person (non-background) pixels per row and per column. */
  rows: Uint32Array;
  columns: Uint32Array;
}

/** Laplacian sums over a region: count, sum, sum of squares, sum of absolute values. */
export interface LaplacianSums {
  count: number;
  sum: number;
  sumSquares: number;
  sumAbs: number;
}

/** Number of luma bins of the colour statistics and the f64 values per bin (count, rg, yb, rg^2, yb^2). */
export const COLOUR_BINS = 32;
export const COLOUR_VALUES_PER_BIN = 5;
