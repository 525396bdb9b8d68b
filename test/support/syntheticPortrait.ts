import type { Raster } from "@photoaudit/core";

/** Options of a drawn head-and-shoulders test image. */
export interface PortraitOptions {
  width?: number;
  height?: number;
  background?: [number, number, number];
  /** Skin and clothes colours. */
  skin?: [number, number, number];
  clothes?: [number, number, number];
  /** Row where the top of the head is drawn. */
  headTop?: number;
  /** Uniform noise amplitude (+/- levels) added to every channel. */
  noise?: number;
  seed?: number;
}

/**
 * A synthetic ID-style raster: a plain backdrop, an elliptical head whose top is at `headTop`, shoulders reaching the
 * bottom edge, light noise. Known geometry makes background, head-top and face-region measures checkable exactly.
 */
export function syntheticPortrait(options: PortraitOptions = {}): Raster {
  const { width = 358, height = 441, background = [250, 250, 250], skin = [225, 180, 150], clothes = [40, 45, 60], noise = 3, seed = 1 } = options;
  const headTop = options.headTop ?? Math.round(height * 0.08);
  const cx = width / 2;
  const ry = height * 0.3;
  const rx = width * 0.27;
  const cy = headTop + ry;
  const shoulderTop = cy + ry * 0.85;
  const data = new Uint8Array(width * height * 3);
  let state = seed >>> 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour = background;
      if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) colour = skin;
      else if (y >= shoulderTop && Math.abs(x - cx) <= width * 0.12 + (y - shoulderTop) * 1.6) colour = clothes;
      for (let c = 0; c < 3; c++) {
        state = (state * 1103515245 + 12345) >>> 0;
        const jitter = noise ? Math.round(((state >>> 16) / 65535 - 0.5) * 2 * noise) : 0;
        data[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, colour[c] + jitter));
      }
    }
  }
  return { width, height, data, scale: 1 };
}

/** The face box the synthetic portrait's head ellipse implies (raster pixels). */
export function syntheticFaceBox(raster: Raster, headTop = Math.round(raster.height * 0.08)) {
  const ry = raster.height * 0.3;
  const rx = raster.width * 0.27;
  return { x: raster.width / 2 - rx, y: headTop + ry * 0.3, width: 2 * rx, height: ry * 1.6 };
}
