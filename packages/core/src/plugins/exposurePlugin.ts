import type { AnalysisContext } from "../context.js";
import type { ExposureMeasurement } from "../measures/histogramStats.js";
import { faceOf, imageExposureOf } from "./kernelSession.js";
import type { FactDefinition, PhotoPlugin } from "./types.js";

type Field = keyof ExposureMeasurement;

const FIELDS: { field: Field; unit: string; zh: string; en: string }[] = [
  { field: "mean", unit: "levels", zh: "平均亮度（8 位色阶）", en: "mean luma (8-bit levels)" },
  { field: "spread", unit: "levels", zh: "亮度标准差（8 位色阶）", en: "standard deviation of luma (8-bit levels)" },
  { field: "darkShare", unit: "ratio", zh: "亮度 0–25 的欠曝像素比例", en: "share of under-exposed pixels (luma 0-25)" },
  { field: "brightShare", unit: "ratio", zh: "亮度 230–255 的过曝像素比例", en: "share of over-exposed pixels (luma 230-255)" },
  { field: "dynamicRange", unit: "levels", zh: "动态范围（第 1 至第 99 百分位亮度之差）", en: "dynamic range (luma between the 1st and 99th percentiles)" },
];

/** One fact per exposure statistic, over the face box (`exposure.face.*`) or the whole photo (`exposure.*`). */
function exposureFacts(prefix: string, where: { zh: string; en: string }, priority: number, source: (ctx: AnalysisContext) => Promise<ExposureMeasurement>): FactDefinition[] {
  return FIELDS.map(({ field, unit, zh, en }) => ({
    id: `${prefix}.${field}`,
    unit,
    type: "number",
    priority,
    description: { zh: `${where.zh}${zh}`, en: `${en[0].toUpperCase()}${en.slice(1)} ${where.en}` },
    compute: async (ctx) => (await source(ctx))[field],
  }));
}

/** Exposure facts (OFIQ-style luminance mean, variance, under/over-exposure shares, dynamic range) on the face and the whole photo. */
export const exposurePlugin: PhotoPlugin = {
  name: "exposure",
  version: "1.0.0",
  facts: [
    ...exposureFacts("exposure", { zh: "整张照片的", en: "of the whole photo" }, 50, imageExposureOf),
    ...exposureFacts("exposure.face", { zh: "人脸内部区域（眉上至嘴下）的", en: "of the inner face (brows to below the mouth)" }, 20, async (ctx) => (await faceOf(ctx)).exposure),
  ],
};
