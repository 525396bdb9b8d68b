import type { PhotoExif } from "./exif.js";

/** Raster formats the checker decodes; anything else is refused with UNSUPPORTED_FORMAT. */
export type PhotoFormat = "jpeg" | "png" | "webp" | "gif" | "tiff" | "heif" | "avif";

/** 8-bit sRGB RGB pixels, orientation applied, row-major without padding. */
export interface Raster {
  width: number;
  height: number;
  /** width * height * 3 bytes. */
  data: Uint8Array;
  /** Raster pixels per file pixel: 1 unless the photo was larger than the analysis limit. */
  scale: number;
}

/** A decoded photo: what the file says about itself, plus the pixels every measurement reads. */
export interface Photo {
  format: PhotoFormat;
  /** Size of the file as received, in bytes. */
  byteSize: number;
  /** Displayed width and height in file pixels (EXIF orientation applied). */
  width: number;
  height: number;
  /** Pixels per inch from the file header, or null when the file does not say. */
  dpi: number | null;
  /** Channels stored in the file (1 grey, 3 colour, 4 with alpha or CMYK). */
  channels: number;
  /** Colour space stored in the file, as libvips names it: srgb, b-w, cmyk, rgb16, grey16. */
  colourSpace: string;
  bitsPerSample: number;
  hasAlpha: boolean;
  hasIccProfile: boolean;
  exif: PhotoExif;
  raster: Raster;
  /** The encoded file, kept for measurements that read the container itself. */
  bytes: Uint8Array;
}
