import { backgroundOf, faceOf } from "./kernelSession.js";
import { FactUnavailable, type PhotoPlugin } from "./types.js";

/** Lighting facts: even light across the face, and no shadow cast on the backdrop. */
export const lightingPlugin: PhotoPlugin = {
  name: "lighting",
  version: "1.0.0",
  facts: [
    {
      id: "lighting.balance",
      unit: "ΔL*",
      type: "number",
      priority: 20,
      description: {
        zh: "人脸左半与右半的明度差 L*（图像左减右；侧光时绝对值大）",
        en: "Lightness difference L* between the left and right halves of the face (image left minus right; large under side light)",
      },
      compute: async (ctx) => (await faceOf(ctx)).balance,
    },
    {
      id: "lighting.backgroundShadow",
      unit: "ΔL*",
      type: "number",
      priority: 50,
      description: {
        zh: "远离人物的背景与紧邻人物轮廓的背景的明度差 L*（正值表示人物身后有阴影）",
        en: "Lightness L* of the backdrop away from the person minus beside the silhouette (positive: a shadow behind the person)",
      },
      compute: async (ctx) => {
        const { shadow } = await backgroundOf(ctx);
        if (shadow === null) {
          throw new FactUnavailable({ zh: "人物旁或远处没有可比较的背景", en: "there is no backdrop both beside and away from the person to compare" });
        }
        return shadow;
      },
    },
  ],
};
