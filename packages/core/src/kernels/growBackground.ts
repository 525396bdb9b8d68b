import type { ProbeFrame, Rgb } from "./types.js";

/** Value of a background pixel in a mask (0 marks the person or clutter). */
export const BACKGROUND = 255;

/**
 * Reference for the WASM growBackground kernel: region growing from a probe frame (row `top`, columns `left` and `right` down to `sideEnd`); a pixel joins when
 * its L1 RGB distance to the neighbour that reaches it is <= localTolerance and to `reference` <= globalTolerance.
 */
export function growBackgroundReference(rgb: Uint8Array, width: number, height: number, probe: ProbeFrame, reference: Rgb, localTolerance: number, globalTolerance: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const queue = new Uint32Array(width * height);
  const [r, g, b] = reference;
  const toReference = (i: number) => Math.abs(rgb[i * 3] - r) + Math.abs(rgb[i * 3 + 1] - g) + Math.abs(rgb[i * 3 + 2] - b);
  const between = (i: number, j: number) =>
    Math.abs(rgb[i * 3] - rgb[j * 3]) + Math.abs(rgb[i * 3 + 1] - rgb[j * 3 + 1]) + Math.abs(rgb[i * 3 + 2] - rgb[j * 3 + 2]);
  let tail = 0;
  const seed = (i: number) => {
    if (mask[i] === 0 && toReference(i) <= globalTolerance) {
      mask[i] = BACKGROUND;
      queue[tail++] = i;
    }
  };
  for (let x = probe.left; x <= probe.right; x++) seed(probe.top * width + x);
  for (let y = probe.top + 1; y < probe.sideEnd; y++) {
    seed(y * width + probe.left);
    seed(y * width + probe.right);
  }
  const grow = (from: number, to: number) => {
    if (mask[to] !== 0 || between(to, from) > localTolerance || toReference(to) > globalTolerance) return;
    mask[to] = BACKGROUND;
    queue[tail++] = to;
  };
  for (let head = 0; head < tail; head++) {
    const i = queue[head];
    const y = Math.floor(i / width);
    const x = i - y * width;
    if (x > 0) grow(i, i - 1);
    if (x + 1 < width) grow(i, i + 1);
    if (y > 0) grow(i, i - width);
    if (y + 1 < height) grow(i, i + width);
  }
  return mask;
}
