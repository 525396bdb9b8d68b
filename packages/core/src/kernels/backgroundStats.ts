import { BACKGROUND } from "./growBackground.js";
import type { BackgroundSums, PixelRect } from "./types.js";

/**
 * Reference for the WASM backgroundStats kernel: colour sums, gradient energy, near/far luma and the silhouette
 * profile of a mask, over the content rectangle only (rows and columns outside it count 0).
 */
export function backgroundStatsReference(rgb: Uint8Array, luma: Uint8Array, mask: Uint8Array, width: number, height: number, content: PixelRect, band: number): BackgroundSums {
  const { x0, y0, x1, y1 } = content;
  const s: BackgroundSums = {
    count: 0, sum: [0, 0, 0], sumSquares: [0, 0, 0], gradientSum: 0, gradientCount: 0,
    nearSum: 0, nearCount: 0, farSum: 0, farCount: 0, clutter: 0, rows: new Uint32Array(height), columns: new Uint32Array(width),
  };
  const far = 0x3fffffff;
  const left = new Uint32Array(width);
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    let last = far;
    let run = 0;
    let longest = 0;
    for (let x = x0; x < x1; x++) {
      if (mask[row + x] !== BACKGROUND) {
        last = 0;
        s.rows[y]++;
        s.columns[x]++;
        longest = Math.max(longest, ++run);
      } else {
        run = 0;
        if (last !== far) last++;
      }
      left[x] = last;
    }
    s.clutter += s.rows[y] - longest;
    last = far;
    for (let x = x1 - 1; x >= x0; x--) {
      const i = row + x;
      if (mask[i] !== BACKGROUND) {
        last = 0;
        continue;
      }
      if (last !== far) last++;
      const nearest = Math.min(left[x], last);
      s.count++;
      for (let c = 0; c < 3; c++) {
        const v = rgb[i * 3 + c];
        s.sum[c] += v;
        s.sumSquares[c] += v * v;
      }
      const yv = luma[i];
      if (nearest <= band) {
        s.nearSum += yv;
        s.nearCount++;
      } else {
        s.farSum += yv;
        s.farCount++;
      }
      if (x + 1 < x1 && y + 1 < y1 && mask[i + 1] === BACKGROUND && mask[i + width] === BACKGROUND) {
        s.gradientSum += Math.abs(luma[i + 1] - yv) + Math.abs(luma[i + width] - yv);
        s.gradientCount++;
      }
    }
  }
  return s;
}
