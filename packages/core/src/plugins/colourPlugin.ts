import { colourOf } from "./kernelSession.js";
import type { PhotoPlugin } from "./types.js";

const PRIORITY = 50;

/** Colour facts: is this a colour photo, or greyscale or a single tone (sepia)? */
export const colourPlugin: PhotoPlugin = {
  name: "colour",
  version: "1.0.0",
  facts: [
    {
      id: "image.colourfulness",
      unit: "M",
      type: "number",
      priority: PRIORITY,
      description: { zh: "Hasler–Süsstrunk 色彩丰富度 M（0 为灰度）", en: "Hasler-Suesstrunk colourfulness M (0 for greyscale)" },
      compute: async (ctx) => (await colourOf(ctx)).colourfulness,
    },
    {
      id: "image.chromaVariety",
      unit: "levels",
      type: "number",
      priority: PRIORITY,
      description: {
        zh: "去除各亮度级平均色调后剩余的色度均方根（灰度与单色调如棕褐色照片接近 0）",
        en: "RMS chroma left after removing each brightness level's mean tint (near 0 for greyscale and single-tone photos such as sepia)",
      },
      compute: async (ctx) => (await colourOf(ctx)).chromaVariety,
    },
    {
      id: "image.greyscale",
      unit: "",
      type: "boolean",
      priority: PRIORITY,
      description: { zh: "是否为灰度或单色调照片（色度多样性低于 2 个色阶）", en: "Whether the photo is greyscale or a single tone (chroma variety below 2 levels)" },
      compute: async (ctx) => (await colourOf(ctx)).greyscale,
    },
  ],
};
