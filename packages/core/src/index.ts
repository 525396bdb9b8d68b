export { PhotoError, isPhotoError, type PhotoErrorCode } from "./errors.js";
export { decodePhoto } from "./decode/decodePhoto.js";
export { DEFAULT_DECODE_LIMITS, resolveDecodeLimits, type DecodeLimits } from "./decode/limits.js";
export type { Photo, PhotoFormat, Raster } from "./decode/photo.js";
export type { PhotoExif } from "./decode/exif.js";
export { sniffFormat, type SniffedFormat } from "./decode/sniff.js";
export { AnalysisContext, type AnalysisOptions, type FactOutcome } from "./context.js";
export {
  FactUnavailable,
  type Bilingual,
  type FactDefinition,
  type FactValueType,
  type OperatorDefinition,
  type PhotoPlugin,
} from "./plugins/types.js";
export { BUILTIN_PLUGINS, PluginRegistry } from "./plugins/registry.js";
export { PluginError, type PluginErrorCode } from "./plugins/pluginError.js";
export { PLUGINS_ENV, createPluginRegistry, loadPluginModule, pluginPathsFromEnv, pluginShapeProblems } from "./plugins/loadPlugins.js";
export { ModelError, modelManifest, modelsDirectory, resolveModelFile, type ModelEntry } from "./models/modelFiles.js";
export { WasmKernels, wasmKernels } from "./wasm.js";
export { detectFaces, suppressOverlaps, type DetectedFace } from "./faces/detectFaces.js";
export { resampleRect, type Rect } from "./faces/resample.js";
export { detectLandmarks, EYE_POINTS, eyeAspectRatio, type FaceLandmarks68, type Point } from "./faces/landmarks.js";
export { loadedModels } from "./faces/sessions.js";
export { facesOf, mainFace, mainLandmarks } from "./faces/faceAnalysis.js";
export { ReferenceKernels } from "./kernels/referenceKernels.js";
export type { PixelKernels, PlaneName } from "./kernels/pixelKernels.js";
export type { BackgroundSums, LaplacianSums, PixelRect, ProbeFrame, Rgb } from "./kernels/types.js";
export { measureBackground, probeFrame, type BackgroundMeasurement } from "./measures/measureBackground.js";
export { measureColour, type ColourMeasurement } from "./measures/measureColour.js";
export { histogramStats, type ExposureMeasurement } from "./measures/histogramStats.js";
export { measureFace, faceReduction, type FaceMeasurement } from "./measures/measureFace.js";
export { faceGeometry, type FaceBox, type FaceGeometry } from "./measures/faceGeometry.js";
