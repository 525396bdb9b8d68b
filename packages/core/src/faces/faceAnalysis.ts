import type { AnalysisContext } from "../context.js";
import { FactUnavailable } from "../plugins/types.js";
import { detectFaces, type DetectedFace } from "./detectFaces.js";
import { classifyExpression, type Expression } from "./expression.js";
import { eyeOpenProbability } from "./eyeState.js";
import { estimateHeadPose, type HeadPose } from "./headPose.js";
import { detectLandmarks, EYE_POINTS, type FaceLandmarks68 } from "./landmarks.js";

// Shared, memoised face steps of one photo: each model runs at most once, and only when a fact asks for it.

/** Every face in the photo, largest first (one detector pass plus tiles and confirmations). */
export const facesOf = (ctx: AnalysisContext): Promise<DetectedFace[]> =>
  ctx.step("faces.detect", () => detectFaces(ctx.photo.raster));

const NO_FACE = { zh: "未检测到人脸", en: "no face was found" };

/** The largest face; its absence makes every face fact unavailable. */
export async function mainFace(ctx: AnalysisContext): Promise<DetectedFace> {
  const faces = await facesOf(ctx);
  if (faces.length === 0) throw new FactUnavailable(NO_FACE);
  return faces[0];
}

/** 68 landmarks of the main face, in raster pixels. */
export const mainLandmarks = (ctx: AnalysisContext): Promise<FaceLandmarks68> =>
  ctx.step("faces.landmarks", async () => detectLandmarks(ctx.photo.raster, (await mainFace(ctx)).box));

/** Open probability of each eye of the main face (left = image-left). */
export const mainEyesOpen = (ctx: AnalysisContext): Promise<{ left: number; right: number }> =>
  ctx.step("faces.eyes", async () => {
    const points = await mainLandmarks(ctx);
    const [left, right] = await Promise.all([
      eyeOpenProbability(ctx.photo.raster, points, EYE_POINTS.left),
      eyeOpenProbability(ctx.photo.raster, points, EYE_POINTS.right),
    ]);
    return { left, right };
  });

/** Head pose of the main face as the model estimates it (uncalibrated). */
export const mainPose = (ctx: AnalysisContext): Promise<HeadPose> =>
  ctx.step("faces.pose", async () => estimateHeadPose(ctx.photo.raster, (await mainFace(ctx)).box));

/** Expression probabilities of the main face. */
export const mainExpression = (ctx: AnalysisContext): Promise<Record<Expression, number>> =>
  ctx.step("faces.expression", async () => classifyExpression(ctx.photo.raster, (await mainFace(ctx)).box));
