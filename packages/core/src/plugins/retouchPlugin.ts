import { faceOf } from "./kernelSession.js";
import type { PhotoPlugin } from "./types.js";

/** Retouch facts: skin texture that beauty filters flatten, and the EXIF tags beauty apps leave. */
export const retouchPlugin: PhotoPlugin = {
  name: "retouch",
  version: "1.0.0",
  facts: [
    {
      id: "retouch.score",
      unit: "ratio",
      type: "number",
      priority: 20,
      description: {
        zh: "皮肤纹理指数：脸颊与额头的高频纹理，相对眼部边缘锐度与照片噪声（几何平均）之比；磨皮后变低",
        en: "Skin texture index: high-frequency texture of cheeks and forehead over the geometric mean of eye-edge sharpness and photo noise; skin smoothing lowers it",
      },
      compute: async (ctx) => (await faceOf(ctx)).textureIndex,
    },
    {
      id: "retouch.skinTexture",
      unit: "levels",
      type: "number",
      priority: 20,
      description: { zh: "脸颊与额头拉普拉斯均方根（人脸缩放到标准大小后）", en: "RMS Laplacian of cheeks and forehead, with the face scaled to the reference size" },
      compute: async (ctx) => (await faceOf(ctx)).skinTexture,
    },
    {
      id: "retouch.softwareTag",
      unit: "",
      type: "string",
      priority: 90,
      description: {
        zh: "EXIF 中可能记录美颜软件名称的字段（Software、Make、Model），以“ / ”连接，没有则为空",
        en: "EXIF fields where beauty apps leave their name (Software, Make, Model), joined by \" / \"; empty when none",
      },
      compute: (ctx) => {
        const { software, make, model } = ctx.photo.exif;
        return [software, make, model].filter((v): v is string => !!v).join(" / ");
      },
    },
  ],
};
