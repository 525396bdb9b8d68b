import type { PixelKernels } from "../kernels/pixelKernels.js";
import { COLOUR_BINS, COLOUR_VALUES_PER_BIN } from "../kernels/types.js";
import { round } from "./cielab.js";

/** Chroma variety (8-bit levels) below which an image holds no colour beyond one tone: greyscale, or sepia and other toned prints. */
export const TONED_CHROMA_VARIETY = 2;

/** Colour of the whole photo. */
export interface ColourMeasurement {
  /** Hasler and Suesstrunk (2003) colourfulness M = sigma_rgyb + 0.3 mu_rgyb, on 8-bit levels. */
  colourfulness: number;
  /** RMS chroma (rg, yb) left after removing the mean chroma of each brightness level: zero for greyscale and sepia, large for real colour. */
  chromaVariety: number;
  /** Whether the image is greyscale or a single tone (chromaVariety below TONED_CHROMA_VARIETY). */
  greyscale: boolean;
}

/** Measures colourfulness and whether the colour is more than a single tone, from one colourStats pass. */
export function measureColour(kernels: PixelKernels): ColourMeasurement {
  const bins = kernels.colourStats();
  let n = 0, rg = 0, yb = 0, rg2 = 0, yb2 = 0, residual = 0;
  for (let k = 0; k < COLOUR_BINS; k++) {
    const o = k * COLOUR_VALUES_PER_BIN;
    const count = bins[o];
    if (count === 0) continue;
    // yb in the kernel is R + G - 2B, twice Hasler and Suesstrunk's 0.5(R + G) - B.
    const [srg, syb, srg2, syb2] = [bins[o + 1], bins[o + 2] / 2, bins[o + 3], bins[o + 4] / 4];
    n += count;
    rg += srg;
    yb += syb;
    rg2 += srg2;
    yb2 += syb2;
    residual += srg2 - (srg * srg) / count + syb2 - (syb * syb) / count;
  }
  if (n === 0) return { colourfulness: 0, chromaVariety: 0, greyscale: true };
  const muRg = rg / n, muYb = yb / n;
  const sigma = Math.sqrt(Math.max(0, rg2 / n - muRg ** 2) + Math.max(0, yb2 / n - muYb ** 2));
  const colourfulness = sigma + 0.3 * Math.hypot(muRg, muYb);
  const chromaVariety = Math.sqrt(Math.max(0, residual / n));
  return { colourfulness: round(colourfulness), chromaVariety: round(chromaVariety), greyscale: chromaVariety < TONED_CHROMA_VARIETY };
}
