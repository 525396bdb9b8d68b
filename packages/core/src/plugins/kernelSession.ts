import type { AnalysisContext } from "../context.js";
import type { Raster } from "../decode/photo.js";
import type { PixelKernels } from "../kernels/pixelKernels.js";
import { measureBackground, type BackgroundMeasurement } from "../measures/measureBackground.js";
import { measureColour, type ColourMeasurement } from "../measures/measureColour.js";
import type { FaceLandmarks68 } from "../faces/landmarks.js";
import { faceGeometry, type FaceBox, type FaceGeometry } from "../measures/faceGeometry.js";
import { histogramStats, type ExposureMeasurement } from "../measures/histogramStats.js";
import { FaceRegionOutside, measureFace, type FaceMeasurement } from "../measures/measureFace.js";
import { wasmKernels } from "../wasm.js";
import { FactUnavailable } from "./types.js";

/** The photo whose background mask the thread's kernels hold (reset when another photo is loaded). */
let maskOwner: Raster | undefined;

/** The thread's WASM kernels holding this photo's pixels: copied in once per photo (timed as step kernels.load). */
export function kernelsFor(ctx: AnalysisContext): PixelKernels {
  const kernels = wasmKernels();
  const { raster } = ctx.photo;
  if (!kernels.holds(raster)) {
    const started = performance.now();
    kernels.load(raster);
    maskOwner = undefined;
    ctx.stepTimings["kernels.load"] = (ctx.stepTimings["kernels.load"] ?? 0) + performance.now() - started;
  }
  return kernels;
}

/** Grows the background mask of this photo in the kernels (again, if another photo was loaded in between). */
function backgroundIn(ctx: AnalysisContext, kernels: PixelKernels): BackgroundMeasurement {
  const measured = measureBackground(kernels, ctx.photo.raster);
  maskOwner = ctx.photo.raster;
  return measured;
}

/** Background estimate of the photo, one kernel pass shared by every background, head and shadow fact. */
export const backgroundOf = (ctx: AnalysisContext): Promise<BackgroundMeasurement> =>
  ctx.step("kernels.background", () => backgroundIn(ctx, kernelsFor(ctx)));

/** Colour statistics of the photo, one kernel pass shared by the colour facts. */
export const colourOf = (ctx: AnalysisContext): Promise<ColourMeasurement> => ctx.step("kernels.colour", () => measureColour(kernelsFor(ctx)));

/** Exposure statistics of the whole photo from one luma histogram. */
export const imageExposureOf = (ctx: AnalysisContext): Promise<ExposureMeasurement> =>
  ctx.step("kernels.exposure", () => {
    const { width, height } = ctx.photo.raster;
    const stats = histogramStats(kernelsFor(ctx).histogram("luma", { x0: 0, y0: 0, x1: width, y1: height }));
    if (!stats) throw new FactUnavailable({ zh: "照片没有像素", en: "the photo has no pixels" });
    return stats;
  });

/** Where the main face is: its box, and the eyes from the landmarks when they exist (the box alone otherwise). */
async function faceGeometryOf(ctx: AnalysisContext): Promise<FaceGeometry> {
  let box: FaceBox;
  try {
    box = await ctx.value<FaceBox>("face.box");
  } catch (error) {
    if (!(error instanceof FactUnavailable)) throw error;
    throw new FactUnavailable({ zh: `没有可测量的人脸区域（${error.reason.zh}）`, en: `there is no face region to measure (${error.reason.en})` });
  }
  let landmarks: FaceLandmarks68 | null = null;
  try {
    landmarks = await ctx.value<FaceLandmarks68>("face.landmarks");
  } catch (error) {
    if (!(error instanceof FactUnavailable)) throw error; // no landmarks: the box places the patches
  }
  return faceGeometry(box, landmarks);
}

/** Face-region measures (exposure, sharpness, lighting balance, skin texture), one shared kernel step per photo. */
export async function faceOf(ctx: AnalysisContext): Promise<FaceMeasurement> {
  const geometry = await faceGeometryOf(ctx);
  return ctx.step("kernels.face", () => {
    const kernels = kernelsFor(ctx);
    if (maskOwner !== ctx.photo.raster) backgroundIn(ctx, kernels);
    try {
      return measureFace(kernels, ctx.photo.raster.width, ctx.photo.raster.height, geometry);
    } catch (error) {
      if (error instanceof FaceRegionOutside) {
        throw new FactUnavailable({ zh: "人脸区域超出照片范围，无法测量", en: `the face region cannot be measured: ${error.message}` });
      }
      throw error;
    }
  });
}
