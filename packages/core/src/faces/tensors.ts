/** Interleaved RGB floats (0-255) to planar NCHW floats with per-channel (x - mean) / std. */
export function planarRgb(hwc: Float32Array, mean: readonly number[], std: readonly number[]): Float32Array {
  const pixels = hwc.length / 3;
  const out = new Float32Array(hwc.length);
  for (let c = 0; c < 3; c++) {
    const m = mean[c];
    const s = 1 / std[c];
    const plane = c * pixels;
    for (let i = 0; i < pixels; i++) out[plane + i] = (hwc[i * 3 + c] - m) * s;
  }
  return out;
}

/** Interleaved RGB floats (0-255) to one grey plane (ITU-R BT.601 weights, as OpenCV) divided by `divisor`. */
export function greyPlane(hwc: Float32Array, divisor: number): Float32Array {
  const pixels = hwc.length / 3;
  const out = new Float32Array(pixels);
  const k = 1 / divisor;
  for (let i = 0; i < pixels; i++) out[i] = (0.299 * hwc[i * 3] + 0.587 * hwc[i * 3 + 1] + 0.114 * hwc[i * 3 + 2]) * k;
  return out;
}

/** Softmax of a logit vector. */
export function softmax(logits: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(logits));
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}
