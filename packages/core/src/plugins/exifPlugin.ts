import type { PhotoPlugin } from "./types.js";
import { FactUnavailable } from "./types.js";

const DAYS_PER_MONTH = 365.2425 / 12;

/** EXIF facts: when the photo was taken and which program wrote it. */
export const exifPlugin: PhotoPlugin = {
  name: "exif",
  version: "1.0.0",
  facts: [
    {
      id: "exif.captureDate",
      unit: "",
      type: "string",
      priority: 90,
      description: { zh: "EXIF 拍摄时间（相机本地时间）", en: "EXIF capture date (camera local time)" },
      compute: (ctx) => {
        const { captureDate, error } = ctx.photo.exif;
        if (captureDate === null) {
          throw new FactUnavailable(
            error
              ? { zh: `EXIF 信息损坏，无法读取拍摄时间（${error}）`, en: `the EXIF block is broken, so the capture date is unknown (${error})` }
              : { zh: "照片没有 EXIF 拍摄时间", en: "the photo has no EXIF capture date" },
          );
        }
        return captureDate;
      },
    },
    {
      id: "capture.ageMonths",
      unit: "months",
      type: "number",
      priority: 90,
      description: {
        zh: "拍摄时间距检测日期的月数（由 EXIF 拍摄时间计算）",
        en: "Months between the EXIF capture date and the check date",
      },
      compute: async (ctx) => {
        const captured = Date.parse(`${await ctx.value<string>("exif.captureDate")}Z`);
        const days = (ctx.options.checkDate.getTime() - captured) / 86_400_000;
        return Math.round((days / DAYS_PER_MONTH) * 100) / 100;
      },
    },
    {
      id: "exif.software",
      unit: "",
      type: "string",
      priority: 90,
      description: { zh: "EXIF 中记录的处理软件", en: "Software named in the EXIF block" },
      compute: (ctx) => ctx.photo.exif.software ?? "",
    },
  ],
};
