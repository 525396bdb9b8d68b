// Pixel kernels for photoaudit: flat functions over linear memory, no policy.
// The loader (packages/core/src/wasm.ts) owns the memory layout; see scratchBase().
export { scratchBase } from "./memory";
export { lumaPlane, lumaPlaneScalar, boxDownsample } from "./planes";
export { growBackground, backgroundStats } from "./background";
export { colourStats, colourScratchBytes } from "./colour";
export { regionHistogram } from "./exposure";
export { laplacianStats, laplacianStatsScalar } from "./sharpness";
export { maskedLaplacianStats } from "./retouch";
export { resampleRgb } from "./resample";
