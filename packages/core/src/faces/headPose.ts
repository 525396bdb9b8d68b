import type { Raster } from "../decode/photo.js";
import { resampleRect, type Rect } from "./resample.js";
import { runModel } from "./sessions.js";
import { planarRgb, softmax } from "./tensors.js";

/** Head pose in degrees: yaw (positive = turned towards image-left), pitch, roll. */
export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

const SIDE = 224;
const IMAGENET_MEAN = [0.485 * 255, 0.456 * 255, 0.406 * 255];
const IMAGENET_STD = [0.229 * 255, 0.224 * 255, 0.225 * 255];

/** Expected angle of a 66-bin classifier head (3-degree bins from -99). */
const binnedAngle = (logits: Float32Array): number => softmax(logits).reduce((sum, p, i) => sum + p * i, 0) * 3 - 99;

/** Runs the pose model on the face box grown by a quarter on each side (the crop it was trained on). */
export async function estimateHeadPose(raster: Raster, box: Rect): Promise<HeadPose> {
  const crop: Rect = { x: box.x - box.width / 4, y: box.y - box.height / 4, width: box.width * 1.5, height: box.height * 1.5 };
  const input = planarRgb(resampleRect(raster, crop, SIDE, SIDE, 0), IMAGENET_MEAN, IMAGENET_STD);
  const outputs = await runModel("pose", input, [1, 3, SIDE, SIDE]);
  return { yaw: binnedAngle(outputs.output), pitch: binnedAngle(outputs["617"]), roll: binnedAngle(outputs["618"]) };
}
