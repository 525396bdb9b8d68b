import type { Raster } from "../decode/photo.js";
import type { PixelKernels } from "../kernels/pixelKernels.js";
import type { ProbeFrame, Rgb } from "../kernels/types.js";
import { findContentBounds } from "./framePadding.js";
import { lumaToLightness, round, srgbToLab } from "./cielab.js";

/** Region-growing tolerances, L1 distance over R, G, B: between neighbours (the silhouette edge stops growth) and to the reference colour. */
export const BACKGROUND_LOCAL_TOLERANCE = 24;
export const BACKGROUND_GLOBAL_TOLERANCE = 72;
/** Share of the height, from the top, whose side columns are sampled for the reference colour (below it, shoulders reach the edges). */
const PROBE_SIDE_SHARE = 0.6;
/** Inset of the probe frame from the content bounds, as a share of the shorter side (at least 2 px). */
const PROBE_INSET_SHARE = 0.01;
/** A row or column belongs to the silhouette when at least this share of it is not background (ignores specks). */
const SILHOUETTE_MIN_SHARE = 0.02;
/** Width of the band beside the person, as a share of the image width, in which backdrop shadows are looked for. */
const SHADOW_BAND_SHARE = 0.04;

/** What the background estimate says about one photo (raster pixels unless stated). */
export interface BackgroundMeasurement {
  /** Median colour of the frame probe the growth was measured against. */
  reference: Rgb;
  /** Share of the frame probe (top row, upper side columns) within the global tolerance of the reference: low for busy scenes. */
  frameAgreement: number;
  /** Share of the image inside any padding bars that is background. */
  coverage: number;
  /** Pixels beside the person that are neither background nor person (objects, signs, other people), per background pixel. */
  clutter: number;
  /** CIELAB of the mean background colour, and its chroma. */
  lightness: number;
  a: number;
  b: number;
  chroma: number;
  /** RMS deviation of background pixels from their mean colour (8-bit levels, averaged over R, G, B). */
  spread: number;
  /** Mean |dY/dx| + |dY/dy| between background neighbours (8-bit luma levels per pixel): texture and edges left in the backdrop. */
  gradient: number;
  /** L* of the backdrop far from the person minus L* beside the person (positive: darker beside the person, a cast shadow). */
  shadow: number | null;
  /** First row from the top where the silhouette starts, or null when no silhouette was found. */
  topRow: number | null;
  /** Leftmost and rightmost silhouette columns, or null. */
  leftColumn: number | null;
  rightColumn: number | null;
}

/** The probe frame: inset from the content bounds (past padding and the 1-2 px edge lines JPEG and scanners leave), top row and upper side columns. */
export function probeFrame(raster: Raster, bounds = findContentBounds(raster)): ProbeFrame {
  const inset = Math.max(2, Math.round(Math.min(raster.width, raster.height) * PROBE_INSET_SHARE));
  const left = Math.min(bounds.left + inset, raster.width - 1);
  const right = Math.max(left, bounds.right - inset);
  const top = Math.min(bounds.top + inset, raster.height - 1);
  const sideEnd = Math.max(top + 1, Math.round(bounds.top + (bounds.bottom - bounds.top) * PROBE_SIDE_SHARE));
  return { left, top, right, sideEnd };
}

/** Pixel indices of the probe frame, in the order the kernel seeds them. */
function probePixels(frame: ProbeFrame, width: number): number[] {
  const indices: number[] = [];
  for (let x = frame.left; x <= frame.right; x++) indices.push(frame.top * width + x);
  for (let y = frame.top + 1; y < frame.sideEnd; y++) indices.push(y * width + frame.left, y * width + frame.right);
  return indices;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[sorted.length >> 1];
};

/** First and last index whose count reaches `min`, or nulls. */
function extent(counts: Uint32Array, min: number): [number | null, number | null] {
  let first: number | null = null;
  let last: number | null = null;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] >= min) {
      first ??= i;
      last = i;
    }
  }
  return [first, last];
}

/** Estimates the background by region growing from the frame and measures its colour, uniformity and the silhouette it leaves. */
export function measureBackground(kernels: PixelKernels, raster: Raster): BackgroundMeasurement {
  const { data, width, height } = raster;
  const bounds = findContentBounds(raster);
  const content = { x0: bounds.left, y0: bounds.top, x1: bounds.right + 1, y1: bounds.bottom + 1 };
  const frame = probeFrame(raster, bounds);
  const probe = probePixels(frame, width);
  const reference: Rgb = [0, 1, 2].map((c) => median(probe.map((i) => data[i * 3 + c]))) as unknown as Rgb;
  const agreeing = probe.filter(
    (i) => Math.abs(data[i * 3] - reference[0]) + Math.abs(data[i * 3 + 1] - reference[1]) + Math.abs(data[i * 3 + 2] - reference[2]) <= BACKGROUND_GLOBAL_TOLERANCE,
  ).length;

  kernels.growBackground(frame, reference, BACKGROUND_LOCAL_TOLERANCE, BACKGROUND_GLOBAL_TOLERANCE);
  const s = kernels.backgroundStats(content, Math.max(2, Math.round(width * SHADOW_BAND_SHARE)));
  const contentWidth = content.x1 - content.x0;
  const contentHeight = content.y1 - content.y0;
  const n = Math.max(1, s.count);
  const mean = s.sum.map((v) => v / n);
  const variance = s.sumSquares.map((v, c) => Math.max(0, v / n - mean[c] ** 2));
  const lab = srgbToLab(mean[0], mean[1], mean[2]);
  const [topRow] = extent(s.rows, Math.max(2, Math.ceil(contentWidth * SILHOUETTE_MIN_SHARE)));
  const [leftColumn, rightColumn] = extent(s.columns, Math.max(2, Math.ceil(contentHeight * SILHOUETTE_MIN_SHARE)));
  const shadow = s.nearCount > 0 && s.farCount > 0 ? lumaToLightness(s.farSum / s.farCount) - lumaToLightness(s.nearSum / s.nearCount) : null;
  return {
    reference,
    frameAgreement: round(agreeing / probe.length, 4),
    coverage: round(s.count / (contentWidth * contentHeight), 4),
    clutter: round(s.clutter / n, 4),
    lightness: round(lab.L),
    a: round(lab.a),
    b: round(lab.b),
    chroma: round(Math.hypot(lab.a, lab.b)),
    spread: round(Math.sqrt((variance[0] + variance[1] + variance[2]) / 3)),
    gradient: round(s.gradientCount > 0 ? s.gradientSum / s.gradientCount : 0, 3),
    shadow: shadow === null ? null : round(shadow),
    topRow,
    leftColumn,
    rightColumn,
  };
}
