import type { Raster } from "../decode/photo.js";
import type { BackgroundSums, LaplacianSums, PixelRect, ProbeFrame, Rgb } from "./types.js";

/** Which u8 plane a kernel reads: full-resolution luma, or luma box-averaged by `reduce` (the face at a standard scale). */
export type PlaneName = "luma" | "reduced";

/**
 * The pixel loops measurements need, over one loaded photo. Implemented twice: by WasmKernels (the fast path)
 * and by ReferenceKernels (plain TypeScript, for tests and the bench), so both can be compared call for call.
 */
export interface PixelKernels {
  /** Which implementation this is, for bench and test output. */
  readonly kind: "wasm" | "reference";
  /** Takes in one photo's pixels (copied once) and derives its luma plane; later calls read them. */
  load(raster: Raster): void;
  /** Whether `raster` is the photo currently loaded. */
  holds(raster: Raster): boolean;
  /** Grows the background mask from a probe frame (see growBackground); returns the background pixel count. */
  growBackground(probe: ProbeFrame, reference: Rgb, localTolerance: number, globalTolerance: number): number;
  /** Statistics of the current background mask inside the content rectangle (past padding bars), with `band` px as the near-person band. */
  backgroundStats(content: PixelRect, band: number): BackgroundSums;
  /** A copy of the current background mask (255 background, 0 person), for tests and debugging. */
  backgroundMask(): Uint8Array;
  /** Colour statistics per luma bin (see colourStats). */
  colourStats(): Float64Array;
  /** 256-bin histogram of a plane over a rectangle. */
  histogram(plane: PlaneName, rect: PixelRect): Uint32Array;
  /** Laplacian sums of a plane over a rectangle kept one pixel inside the plane. */
  laplacian(plane: PlaneName, rect: PixelRect): LaplacianSums;
  /** Box-averages luma and the background mask by an integer factor into the "reduced" planes; returns their size. */
  reduce(factor: number): { width: number; height: number };
  /** Laplacian sums of the reduced luma where the reduced mask is all background (the photo's noise floor). */
  reducedBackgroundLaplacian(): LaplacianSums;
}
