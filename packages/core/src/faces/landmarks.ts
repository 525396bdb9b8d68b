import type { Raster } from "../decode/photo.js";
import { resampleRect, type Rect } from "./resample.js";
import { runModel } from "./sessions.js";
import { greyPlane } from "./tensors.js";

/** A point in raster pixels. */
export type Point = [number, number];

/** 68 facial landmarks in the iBUG layout (jaw 0-16, brows 17-26, nose 27-35, eyes 36-41 and 42-47, mouth 48-67). */
export type FaceLandmarks68 = Point[];

const SIDE = 64;

/** Runs the 68-point landmark model on the face box (grey 64x64, /256, as the model was trained). */
export async function detectLandmarks(raster: Raster, box: Rect): Promise<FaceLandmarks68> {
  const input = greyPlane(resampleRect(raster, box, SIDE, SIDE, 127), 256);
  const { output } = await runModel("landmark", input, [1, 1, SIDE, SIDE]);
  const points: FaceLandmarks68 = [];
  for (let i = 0; i < 68; i++) points.push([box.x + output[i * 2] * box.width, box.y + output[i * 2 + 1] * box.height]);
  return points;
}

/** Mean of some landmarks. */
export function centroid(points: FaceLandmarks68, indices: readonly number[]): Point {
  let x = 0;
  let y = 0;
  for (const i of indices) {
    x += points[i][0];
    y += points[i][1];
  }
  return [x / indices.length, y / indices.length];
}

/** Euclidean distance between two points. */
export const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Landmark indices of each eye: [outer corner, upper lid, upper lid, inner corner, lower lid, lower lid] (image-left eye first). */
export const EYE_POINTS = {
  left: [36, 37, 38, 39, 40, 41],
  right: [42, 43, 44, 45, 46, 47],
} as const;

/** Eye aspect ratio (Soukupova and Cech 2016): lid opening over eye width; near 0 when closed. */
export function eyeAspectRatio(points: FaceLandmarks68, eye: readonly number[]): number {
  const [p1, p2, p3, p4, p5, p6] = eye.map((i) => points[i]);
  return (distance(p2, p6) + distance(p3, p5)) / (2 * distance(p1, p4));
}
