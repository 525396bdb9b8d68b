import type { PixelKernels } from "../kernels/pixelKernels.js";
import type { LaplacianSums } from "../kernels/types.js";
import { lumaToLightness, round } from "./cielab.js";
import { eyePatches, faceHalves, innerFace, skinPatches, toPlaneRect, type FaceBox, type FaceGeometry } from "./faceGeometry.js";
import { histogramStats, type ExposureMeasurement } from "./histogramStats.js";

/** Face width (raster px) face measures are normalised to: the national spec's face width at 358x441 is 179-255 px. */
export const FACE_REFERENCE_WIDTH = 200;

/** Integer factor that brings a face of this width near FACE_REFERENCE_WIDTH (never enlarges). */
export const faceReduction = (faceWidth: number): number => Math.max(1, Math.round(faceWidth / FACE_REFERENCE_WIDTH));

/** Face-region measures that need the face's position. */
export interface FaceMeasurement {
  /** Exposure of the inner face (see innerFace) on full-resolution luma. */
  exposure: ExposureMeasurement;
  /** Variance of the Laplacian over the inner face, at the reference face scale (8-bit luma levels squared). */
  sharpness: number;
  /** L* of the image-left half of the face minus the image-right half. */
  balance: number;
  /** RMS Laplacian of skin patches, eye patches and backdrop (noise floor), at the reference face scale. */
  skinTexture: number;
  eyeTexture: number;
  noise: number | null;
  /** Skin texture over the geometric mean of eye-edge texture and noise floor: low when skin is smoothed but edges kept. */
  textureIndex: number;
}

/** Noise floor (RMS Laplacian, levels) assumed when the backdrop is too small to measure or clipped flat. */
export const NOISE_FLOOR = 0.5;

const sumLaplacians = (all: LaplacianSums[]): LaplacianSums =>
  all.reduce((a, b) => ({ count: a.count + b.count, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares, sumAbs: a.sumAbs + b.sumAbs }), { count: 0, sum: 0, sumSquares: 0, sumAbs: 0 });

const rms = (s: LaplacianSums) => (s.count > 0 ? Math.sqrt(s.sumSquares / s.count) : Number.NaN);

/** Thrown when the face region lies outside the photo: the caller turns it into FactUnavailable. */
export class FaceRegionOutside extends Error {
  constructor(what: string) {
    super(`the ${what} lies outside the photo`);
    this.name = "FaceRegionOutside";
  }
}

/**
 * Runs the face-region kernels on a loaded photo whose background mask is grown: exposure and lighting on
 * full-resolution luma, sharpness and texture on luma reduced to the reference face scale.
 */
export function measureFace(kernels: PixelKernels, width: number, height: number, g: FaceGeometry): FaceMeasurement {
  const inside = (box: FaceBox, what: string) => {
    const rect = toPlaneRect(box, 1, width, height, 0);
    if (!rect) throw new FaceRegionOutside(what);
    return rect;
  };
  const inner = innerFace(g);
  const exposure = histogramStats(kernels.histogram("luma", inside(inner, "face")));
  if (!exposure) throw new FaceRegionOutside("face");
  const [leftHalf, rightHalf] = faceHalves(g).map((half, i) => histogramStats(kernels.histogram("luma", inside(half, i ? "right half of the face" : "left half of the face"))));
  const balance = lumaToLightness(leftHalf!.mean) - lumaToLightness(rightHalf!.mean);

  const factor = faceReduction(g.box.width);
  const reduced = kernels.reduce(factor);
  const onReduced = (box: FaceBox) => toPlaneRect(box, factor, reduced.width, reduced.height);
  const faceRect = onReduced(inner);
  if (!faceRect) throw new FaceRegionOutside("face");
  const face = kernels.laplacian("reduced", faceRect);
  const sharpness = face.sumSquares / face.count - (face.sum / face.count) ** 2;
  const patches = (boxes: FaceBox[]) => sumLaplacians(boxes.flatMap((b) => {
    const rect = onReduced(b);
    return rect ? [kernels.laplacian("reduced", rect)] : [];
  }));
  const skin = patches(skinPatches(g));
  const eyes = patches(eyePatches(g));
  if (skin.count === 0 || eyes.count === 0) throw new FaceRegionOutside("skin and eye patches");
  const background = kernels.reducedBackgroundLaplacian();
  const noise = background.count >= 100 ? rms(background) : null;
  return {
    exposure,
    sharpness: round(sharpness, 1),
    balance: round(balance),
    skinTexture: round(rms(skin), 3),
    eyeTexture: round(rms(eyes), 3),
    noise: noise === null ? null : round(noise, 3),
    textureIndex: round(rms(skin) / Math.sqrt(rms(eyes) * Math.max(noise ?? NOISE_FLOOR, NOISE_FLOOR)), 3),
  };
}
