/** A CIELAB colour (D65 white). */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** sRGB 8-bit component to linear light (IEC 61966-2-1). */
export function srgbToLinear(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

const labF = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);

/** CIELAB (D65) of an 8-bit sRGB colour; fractional inputs (means) are allowed. */
export function srgbToLab(r: number, g: number, b: number): Lab {
  const R = srgbToLinear(r), G = srgbToLinear(g), B = srgbToLinear(b);
  const X = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const Y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const Z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const fx = labF(X), fy = labF(Y), fz = labF(Z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIELAB L* of a grey with this 8-bit luma: how the eye ranks brightness, used to compare regions. */
export function lumaToLightness(luma: number): number {
  return 116 * labF(srgbToLinear(luma)) - 16;
}

/** Rounds to a fixed number of decimals so reports stay readable and stable. */
export const round = (value: number, decimals = 2): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
