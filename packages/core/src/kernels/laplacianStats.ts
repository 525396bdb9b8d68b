import { BACKGROUND } from "./growBackground.js";
import type { LaplacianSums, PixelRect } from "./types.js";

/** Reference for the WASM laplacianStats kernel: sums of the 4-neighbour Laplacian over a rectangle one pixel inside the plane. */
export function laplacianStatsReference(plane: Uint8Array, stride: number, rect: PixelRect): LaplacianSums {
  const s: LaplacianSums = { count: (rect.x1 - rect.x0) * (rect.y1 - rect.y0), sum: 0, sumSquares: 0, sumAbs: 0 };
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0, i = y * stride + rect.x0; x < rect.x1; x++, i++) {
      const lap = 4 * plane[i] - plane[i - 1] - plane[i + 1] - plane[i - stride] - plane[i + stride];
      s.sum += lap;
      s.sumSquares += lap * lap;
      s.sumAbs += Math.abs(lap);
    }
  }
  return s;
}

/** Reference for the WASM maskedLaplacianStats kernel: Laplacian sums over interior pixels whose 3x3 neighbourhood is all background. */
export function maskedLaplacianStatsReference(plane: Uint8Array, mask: Uint8Array, width: number, height: number): LaplacianSums {
  const s: LaplacianSums = { count: 0, sum: 0, sumSquares: 0, sumAbs: 0 };
  for (let y = 1; y + 1 < height; y++) {
    for (let x = 1; x + 1 < width; x++) {
      const i = y * width + x;
      let all = BACKGROUND;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) all &= mask[i + dy * width + dx];
      if (all !== BACKGROUND) continue;
      const lap = 4 * plane[i] - plane[i - 1] - plane[i + 1] - plane[i - width] - plane[i + width];
      s.count++;
      s.sum += lap;
      s.sumSquares += lap * lap;
      s.sumAbs += Math.abs(lap);
    }
  }
  return s;
}
