import type { Raster } from "../decode/photo.js";
import { resampleRect, type Rect } from "./resample.js";
import { runModel } from "./sessions.js";
import { planarRgb, softmax } from "./tensors.js";

/** FER2013 label order of fr_expression (from the vendor's demo app). */
export const EXPRESSIONS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"] as const;
export type Expression = (typeof EXPRESSIONS)[number];

const SIDE = 224;

/** Probability of each expression; the crop is the box widened to 1.2x from its top-left corner, as in the wrapper. */
export async function classifyExpression(raster: Raster, box: Rect): Promise<Record<Expression, number>> {
  const crop: Rect = { x: box.x, y: box.y, width: box.width * 1.2, height: box.height * 1.2 };
  const input = planarRgb(resampleRect(raster, crop, SIDE, SIDE, 0), [0, 0, 0], [255, 255, 255]);
  const { output } = await runModel("expression", input, [1, 3, SIDE, SIDE]);
  const p = softmax(output);
  return Object.fromEntries(EXPRESSIONS.map((name, i) => [name, p[i]])) as Record<Expression, number>;
}
