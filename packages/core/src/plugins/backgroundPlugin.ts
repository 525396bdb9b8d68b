import type { AnalysisContext } from "../context.js";
import { round } from "../measures/cielab.js";
import { backgroundOf } from "./kernelSession.js";
import { FactUnavailable, type PhotoPlugin } from "./types.js";

const PRIORITY = 50;

const noSilhouette = () =>
  new FactUnavailable({ zh: "背景估计中没有找到人物轮廓", en: "the background estimate found no silhouette of a person" });

/** The first silhouette row, or FactUnavailable when the background estimate found no person. */
async function topRow(ctx: AnalysisContext): Promise<number> {
  const { topRow } = await backgroundOf(ctx);
  if (topRow === null) throw noSilhouette();
  return topRow;
}

/** Background facts: the backdrop's colour and plainness, and the silhouette it leaves (head top, left and right extent). */
export const backgroundPlugin: PhotoPlugin = {
  name: "background",
  version: "1.0.0",
  facts: [
    {
      id: "background.lightness",
      unit: "L*",
      type: "number",
      priority: PRIORITY,
      description: { zh: "背景平均颜色的 CIELAB 明度 L*（0 黑 – 100 白）", en: "CIELAB lightness L* of the mean background colour (0 black - 100 white)" },
      compute: async (ctx) => (await backgroundOf(ctx)).lightness,
    },
    {
      id: "background.chroma",
      unit: "C*ab",
      type: "number",
      priority: PRIORITY,
      description: { zh: "背景平均颜色的 CIELAB 彩度 C*（0 为中性灰白）", en: "CIELAB chroma C* of the mean background colour (0 is neutral)" },
      compute: async (ctx) => (await backgroundOf(ctx)).chroma,
    },
    {
      id: "background.uniformity",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: {
        zh: "画面上边和两侧上部与背景色一致的比例（纯色背景约为 1，杂乱场景较低）",
        en: "Share of the frame (top edge, upper side edges) matching the backdrop colour: about 1 for a plain backdrop, low for busy scenes",
      },
      compute: async (ctx) => (await backgroundOf(ctx)).frameAgreement,
    },
    {
      id: "background.spread",
      unit: "levels",
      type: "number",
      priority: PRIORITY,
      description: { zh: "背景像素颜色相对均值的均方根偏差（8 位色阶）", en: "RMS deviation of background pixels from their mean colour (8-bit levels)" },
      compute: async (ctx) => (await backgroundOf(ctx)).spread,
    },
    {
      id: "background.gradient",
      unit: "levels/px",
      type: "number",
      priority: PRIORITY,
      description: { zh: "背景内相邻像素的平均亮度梯度（纹理与边缘能量）", en: "Mean luma gradient between neighbouring background pixels (texture and edge energy)" },
      compute: async (ctx) => (await backgroundOf(ctx)).gradient,
    },
    {
      id: "background.clutter",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: { zh: "人物旁既非背景也非人物的像素（物体、标志、他人）与背景像素之比", en: "Pixels beside the person that are neither backdrop nor person (objects, signs, other people), per backdrop pixel" },
      compute: async (ctx) => (await backgroundOf(ctx)).clutter,
    },
    {
      id: "background.coverage",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: { zh: "背景占整张照片的比例", en: "Share of the photo that is background" },
      compute: async (ctx) => (await backgroundOf(ctx)).coverage,
    },
    {
      id: "head.topPx",
      unit: "px",
      type: "number",
      priority: PRIORITY,
      description: { zh: "头顶（人物轮廓最上端）到照片上边缘的距离（文件像素）", en: "Distance from the top edge of the photo to the top of the head (silhouette), in file pixels" },
      compute: async (ctx) => round((await topRow(ctx)) / ctx.photo.raster.scale, 1),
    },
    {
      id: "head.topRatio",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: { zh: "头顶到上边缘的距离占照片高度的比例", en: "Distance from the top edge to the top of the head, as a share of the photo height" },
      compute: async (ctx) => round((await topRow(ctx)) / ctx.photo.raster.height, 4),
    },
    {
      id: "silhouette.leftRatio",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: { zh: "人物轮廓最左端占照片宽度的比例", en: "Leftmost column of the silhouette, as a share of the photo width" },
      compute: async (ctx) => {
        const { leftColumn } = await backgroundOf(ctx);
        if (leftColumn === null) throw noSilhouette();
        return round(leftColumn / ctx.photo.raster.width, 4);
      },
    },
    {
      id: "silhouette.rightRatio",
      unit: "ratio",
      type: "number",
      priority: PRIORITY,
      description: { zh: "人物轮廓最右端占照片宽度的比例", en: "Rightmost column of the silhouette, as a share of the photo width" },
      compute: async (ctx) => {
        const { rightColumn } = await backgroundOf(ctx);
        if (rightColumn === null) throw noSilhouette();
        return round((rightColumn + 1) / ctx.photo.raster.width, 4);
      },
    },
  ],
};
