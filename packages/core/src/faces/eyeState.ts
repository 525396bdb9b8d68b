import type { Raster } from "../decode/photo.js";
import { centroid, distance, type FaceLandmarks68 } from "./landmarks.js";
import { resampleRect } from "./resample.js";
import { runModel } from "./sessions.js";
import { greyPlane, softmax } from "./tensors.js";

const SIDE = 24;
// Crop side relative to the eye's corner-to-corner width, as the vendor wrapper does.
const CROP_PER_EYE_WIDTH = 1.6;

/** Probability that one eye is open (fr_eye: index 0 closed, 1 open; confirmed on corpus crops). */
export async function eyeOpenProbability(raster: Raster, points: FaceLandmarks68, eye: readonly number[]): Promise<number> {
  const [outer, lidA, lidB, inner, lidC, lidD] = eye;
  const [cx, cy] = centroid(points, [lidA, lidB, lidC, lidD]);
  const side = Math.max(2, distance(points[outer], points[inner]) * CROP_PER_EYE_WIDTH);
  const crop = resampleRect(raster, { x: cx - side / 2, y: cy - side / 2, width: side, height: side }, SIDE, SIDE, 127);
  const { output } = await runModel("eye", greyPlane(crop, 255), [1, 1, SIDE, SIDE]);
  return softmax(output)[1];
}
