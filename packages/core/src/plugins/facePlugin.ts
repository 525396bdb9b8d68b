import type { AnalysisContext } from "../context.js";
import { facesOf, mainExpression, mainEyesOpen, mainFace, mainLandmarks, mainPose } from "../faces/faceAnalysis.js";
import { centroid, distance, EYE_POINTS, eyeAspectRatio } from "../faces/landmarks.js";
import { EXPRESSIONS } from "../faces/expression.js";
import type { FactDefinition, FactValueType, PhotoPlugin } from "./types.js";

// The pose model reads frontal faces as pitched down: median -10.0 deg over the 60 corpus photos
// labelled frontal (spread -22..+4). Adding it back centres frontal faces on 0 (README, face analysis).
const PITCH_BIAS_DEG = -10;

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** Builds one face fact; every face fact runs after detection, below the file facts in priority. */
function fact(
  id: string,
  unit: string,
  type: FactValueType,
  zh: string,
  en: string,
  compute: (ctx: AnalysisContext) => Promise<unknown>,
  priority = 10,
): FactDefinition {
  return { id, unit, type, priority, description: { zh, en }, compute };
}

/** Eye centres (image-left first) and their distance, in raster pixels. */
async function eyeCentres(ctx: AnalysisContext) {
  const points = await mainLandmarks(ctx);
  const left = centroid(points, EYE_POINTS.left);
  const right = centroid(points, EYE_POINTS.right);
  return { left, right, mid: [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2] as const, distance: distance(left, right) };
}

/** Inner-lip opening: mean of the three inner lip point pairs (61-67, 62-66, 63-65), raster pixels. */
async function innerLipGap(ctx: AnalysisContext): Promise<number> {
  const p = await mainLandmarks(ctx);
  return (distance(p[61], p[67]) + distance(p[62], p[66]) + distance(p[63], p[65])) / 3;
}

/** Face detection, landmarks, eye state, head pose and expression facts of the main (largest) face. */
export const facePlugin: PhotoPlugin = {
  name: "face",
  version: "1.0.0",
  facts: [
    fact("face.count", "", "integer", "检测到的人脸数", "Number of faces found", async (ctx) => (await facesOf(ctx)).length, 20),
    fact("face.boxes", "raster px", "array", "所有人脸框及置信度（分析栅格像素）", "Every face box {x, y, width, height, score} in analysis-raster pixels, largest first", async (ctx) =>
      (await facesOf(ctx)).map(({ box, score }) => ({ x: round(box.x, 1), y: round(box.y, 1), width: round(box.width, 1), height: round(box.height, 1), score: round(score) })),
    ),
    fact("face.score", "probability", "number", "主人脸的检测置信度", "Detector confidence of the main face", async (ctx) => round((await mainFace(ctx)).score)),
    fact("face.box", "raster px", "object", "主人脸框（分析栅格像素）", "Main face box {x, y, width, height} in analysis-raster pixels (file pixels times raster scale)", async (ctx) => {
      const { box } = await mainFace(ctx);
      return { x: round(box.x, 1), y: round(box.y, 1), width: round(box.width, 1), height: round(box.height, 1) };
    }),
    fact("face.landmarks", "raster px", "array", "主人脸 68 个特征点（iBUG 排列，分析栅格像素）", "68 landmarks of the main face (iBUG layout) in analysis-raster pixels", async (ctx) =>
      (await mainLandmarks(ctx)).map(([x, y]) => [round(x, 1), round(y, 1)]),
    ),
    fact("face.widthPx", "px", "number", "脸宽：下颌点 0 到 16 的距离（原图像素）", "Face width: jaw point 0 to 16, in file pixels", async (ctx) => {
      const p = await mainLandmarks(ctx);
      return round(distance(p[0], p[16]) / ctx.photo.raster.scale, 1);
    }),
    fact("face.widthRatio", "ratio", "number", "脸宽占图像宽度的比例", "Face width (jaw 0-16) over image width", async (ctx) => {
      const p = await mainLandmarks(ctx);
      return round(distance(p[0], p[16]) / ctx.photo.raster.width);
    }),
    fact("face.heightRatio", "ratio", "number", "人脸框高度占图像高度的比例", "Face box height over image height", async (ctx) =>
      round((await mainFace(ctx)).box.height / ctx.photo.raster.height),
    ),
    fact("face.centerXRatio", "ratio", "number", "人脸框中心的横向位置（占图像宽度）", "Horizontal centre of the face box over image width", async (ctx) => {
      const { box } = await mainFace(ctx);
      return round((box.x + box.width / 2) / ctx.photo.raster.width);
    }),
    fact("eyes.lineYRatio", "ratio", "number", "双眼连线高度（自上而下，占图像高度）", "Eye line height from the top over image height", async (ctx) =>
      round((await eyeCentres(ctx)).mid[1] / ctx.photo.raster.height),
    ),
    fact("eyes.midXRatio", "ratio", "number", "双眼中点的横向位置（占图像宽度）", "Eye midpoint from the left over image width", async (ctx) =>
      round((await eyeCentres(ctx)).mid[0] / ctx.photo.raster.width),
    ),
    fact("eyes.midXPx", "px", "number", "双眼中点距左边缘（原图像素）", "Eye midpoint from the left edge, file pixels", async (ctx) =>
      round((await eyeCentres(ctx)).mid[0] / ctx.photo.raster.scale, 1),
    ),
    fact("eyes.lineFromBottomPx", "px", "number", "双眼连线距下边缘（原图像素）", "Eye line above the bottom edge, file pixels", async (ctx) =>
      round((ctx.photo.raster.height - (await eyeCentres(ctx)).mid[1]) / ctx.photo.raster.scale, 1),
    ),
    fact("eyes.distancePx", "px", "number", "两眼中心距离（原图像素）", "Distance between the eye centres, file pixels", async (ctx) =>
      round((await eyeCentres(ctx)).distance / ctx.photo.raster.scale, 1),
    ),
    fact("eyes.leftOpen", "probability", "number", "图像左侧眼睛睁开的概率", "Probability that the image-left eye is open", async (ctx) => round((await mainEyesOpen(ctx)).left), 5),
    fact("eyes.rightOpen", "probability", "number", "图像右侧眼睛睁开的概率", "Probability that the image-right eye is open", async (ctx) => round((await mainEyesOpen(ctx)).right), 5),
    fact("eyes.leftAspectRatio", "ratio", "number", "图像左侧眼睛的纵横比（睑裂高度/眼宽）", "Eye aspect ratio (lid opening over eye width) of the image-left eye", async (ctx) =>
      round(eyeAspectRatio(await mainLandmarks(ctx), EYE_POINTS.left)),
    ),
    fact("eyes.rightAspectRatio", "ratio", "number", "图像右侧眼睛的纵横比", "Eye aspect ratio of the image-right eye", async (ctx) =>
      round(eyeAspectRatio(await mainLandmarks(ctx), EYE_POINTS.right)),
    ),
    fact("mouth.openRatio", "ratio", "number", "内唇开口高度占人脸框高度的比例", "Inner-lip opening over face box height", async (ctx) =>
      round((await innerLipGap(ctx)) / (await mainFace(ctx)).box.height),
    ),
    fact("mouth.widthRatio", "ratio", "number", "嘴宽（嘴角 48 到 54）与两眼距离之比", "Mouth width (corners 48-54) over eye distance", async (ctx) => {
      const p = await mainLandmarks(ctx);
      return round(distance(p[48], p[54]) / (await eyeCentres(ctx)).distance);
    }),
    fact("mouth.cornerLift", "ratio", "number", "嘴角相对唇中线的上扬量与两眼距离之比（微笑为正）", "Lift of the mouth corners above the lip centre over eye distance (smiles are positive)", async (ctx) => {
      const p = await mainLandmarks(ctx);
      const lift = (p[51][1] + p[57][1]) / 2 - (p[48][1] + p[54][1]) / 2;
      return round(lift / (await eyeCentres(ctx)).distance);
    }),
    fact("pose.yaw", "deg", "number", "头部左右转动角（正值朝图像左侧）", "Head yaw in degrees (positive: turned towards image-left)", async (ctx) => round((await mainPose(ctx)).yaw, 2), 5),
    fact("pose.pitch", "deg", "number", "头部俯仰角（已按语料校准）", "Head pitch in degrees (calibrated on the corpus)", async (ctx) => round((await mainPose(ctx)).pitch - PITCH_BIAS_DEG, 2), 5),
    fact("pose.roll", "deg", "number", "头部侧倾角", "Head roll in degrees", async (ctx) => round((await mainPose(ctx)).roll, 2), 5),
    fact("expression.neutral", "probability", "number", "表情模型给出的中性表情概率", "Probability of a neutral expression (expression model)", async (ctx) => round((await mainExpression(ctx)).neutral), 1),
    fact("expression.label", "", "string", "表情模型最可能的表情", `Most likely expression (${EXPRESSIONS.join(", ")})`, async (ctx) => {
      const probabilities = await mainExpression(ctx);
      return EXPRESSIONS.reduce((best, name) => (probabilities[name] > probabilities[best] ? name : best), EXPRESSIONS[0]);
    }, 1),
  ],
};
