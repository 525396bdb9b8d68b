import type { Raster } from "../decode/photo.js";
import { resampleRect, type Rect } from "./resample.js";
import { runModel } from "./sessions.js";

const SIDE = 256;
// The window around a candidate: the box grown by half its size on each side, as BlazeFace expects a face with context.
const CONTEXT = 0.5;

/**
 * Second opinion from an independent detector (MediaPipe BlazeFace, back-camera model): the highest face score
 * it gives inside a square window around the candidate. Used only when the primary detector is unsure.
 */
export async function confirmationScore(raster: Raster, box: Rect): Promise<number> {
  const side = Math.max(box.width, box.height) * (1 + 2 * CONTEXT);
  const window: Rect = { x: box.x + box.width / 2 - side / 2, y: box.y + box.height / 2 - side / 2, width: side, height: side };
  const rgb = resampleRect(raster, window, SIDE, SIDE, 0);
  const input = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) input[i] = rgb[i] / 127.5 - 1;
  const outputs = await runModel("blazeface", input, [1, SIDE, SIDE, 3]);
  let best = -Infinity;
  for (const name of ["Identity:0", "Identity_1:0"]) for (const logit of outputs[name]) if (logit > best) best = logit;
  return 1 / (1 + Math.exp(-best));
}
