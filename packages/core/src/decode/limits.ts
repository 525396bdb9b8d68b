/** Limits applied before and during decoding; they keep hostile or absurd files from exhausting memory or time. */
export interface DecodeLimits {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Largest accepted image, in pixels (width x height as stored in the file). */
  maxPixels: number;
  /** Longest side of the analysis raster; larger photos are downscaled once at decode time. */
  maxAnalysisSide: number;
  /** Seconds sharp may spend producing the raster before the decode is abandoned. */
  timeoutSeconds: number;
}

/** Defaults sized for phone photos: a 48-64 MP camera file passes, a decompression bomb does not. */
export const DEFAULT_DECODE_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxBytes: 40 * 1024 * 1024,
  maxPixels: 64_000_000,
  maxAnalysisSide: 1600,
  timeoutSeconds: 20,
});

/** Fills unset fields from the defaults and rejects nonsensical values early. */
export function resolveDecodeLimits(overrides: Partial<DecodeLimits> = {}): DecodeLimits {
  const limits = { ...DEFAULT_DECODE_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new TypeError(`Expected a positive number for decode limit ${name} but received ${String(value)}`);
    }
  }
  return limits;
}
