import { FACE_REFERENCE_WIDTH } from "../measures/measureFace.js";
import { faceOf } from "./kernelSession.js";
import type { PhotoPlugin } from "./types.js";

/** Sharpness of the face: blur and defocus lower it. */
export const sharpnessPlugin: PhotoPlugin = {
  name: "sharpness",
  version: "1.0.0",
  facts: [
    {
      id: "sharpness.face",
      unit: "levels²",
      type: "number",
      priority: 20,
      description: {
        zh: `人脸内部区域（眉上至嘴下）拉普拉斯算子方差（人脸缩放到约 ${FACE_REFERENCE_WIDTH} 像素宽后计算；越低越模糊）`,
        en: `Variance of the Laplacian over the inner face (brows to below the mouth), measured with the face scaled to about ${FACE_REFERENCE_WIDTH} px wide (lower is blurrier)`,
      },
      compute: async (ctx) => (await faceOf(ctx)).sharpness,
    },
  ],
};
