import type { Raster } from "@photoaudit/core";

/** A rectangle in raster pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Edge-preserving smoothing (a bilateral filter, Tomasi and Manduchi 1998) of the pixels inside `box`:
 * what beauty apps do to skin. Each output pixel is the mean of its (2r+1)^2 neighbours weighted by spatial
 * distance (sigmaSpace px) and by colour difference (sigmaRange levels), so texture flattens and edges stay.
 * Returns a new raster; used to build retouch cases from real photos (eval's synthetic set and tests).
 */
export function bilateralSmooth(raster: Raster, box: Box, sigmaSpace = 3, sigmaRange = 25): Raster {
  const { width, height, data } = raster;
  const out = new Uint8Array(data);
  const radius = Math.ceil(2 * sigmaSpace);
  const spatial = new Float64Array((2 * radius + 1) ** 2);
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) spatial[(dy + radius) * (2 * radius + 1) + dx + radius] = Math.exp(-(dx * dx + dy * dy) / (2 * sigmaSpace ** 2));
  }
  const rangeWeight = new Float64Array(3 * 255 * 255 + 1);
  for (let d = 0; d < rangeWeight.length; d++) rangeWeight[d] = Math.exp(-d / (2 * sigmaRange ** 2 * 3));
  const x0 = Math.max(0, Math.floor(box.x)), x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y0 = Math.max(0, Math.floor(box.y)), y1 = Math.min(height, Math.ceil(box.y + box.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const c = (y * width + x) * 3;
      let wsum = 0, r = 0, g = 0, b = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const p = (yy * width + xx) * 3;
          const dr = data[p] - data[c], dg = data[p + 1] - data[c + 1], db = data[p + 2] - data[c + 2];
          const w = spatial[(dy + radius) * (2 * radius + 1) + dx + radius] * rangeWeight[dr * dr + dg * dg + db * db];
          wsum += w;
          r += w * data[p];
          g += w * data[p + 1];
          b += w * data[p + 2];
        }
      }
      out[c] = Math.round(r / wsum);
      out[c + 1] = Math.round(g / wsum);
      out[c + 2] = Math.round(b / wsum);
    }
  }
  return { ...raster, data: out };
}
