import sharp, { type Metadata, type OutputInfo } from "sharp";
import { PhotoError } from "../errors.js";
import { readExif } from "./exif.js";
import { resolveDecodeLimits, type DecodeLimits } from "./limits.js";
import type { Photo, PhotoFormat } from "./photo.js";
import { sniffFormat } from "./sniff.js";

const READABLE = new Set<PhotoFormat>(["jpeg", "png", "webp", "gif", "tiff", "heif", "avif"]);
const WHAT_TO_SEND = "Send a JPEG (or PNG/WebP) photo.";

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Maps a libvips failure to the code a client can act on. */
function decodeFailure(error: unknown, stage: string): PhotoError {
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (/pixel limit/i.test(detail)) {
    return new PhotoError("TOO_LARGE", `The image has more pixels than allowed (${detail}). Resize it before sending.`, { cause: error });
  }
  if (/timeout/i.test(detail)) {
    return new PhotoError("DECODE_TIMEOUT", `Decoding the image took too long (${stage}). Re-save it as a plain JPEG and try again.`, { cause: error });
  }
  return new PhotoError("CORRUPT_IMAGE", `The image could not be decoded (${stage}: ${detail}). The file is damaged or truncated: export it again from the original.`, { cause: error });
}

/** Decodes untrusted bytes into a Photo, refusing anything that is not one still raster image within the limits. */
export async function decodePhoto(bytes: Uint8Array, overrides: Partial<DecodeLimits> = {}): Promise<Photo> {
  const limits = resolveDecodeLimits(overrides);
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`Expected Uint8Array for bytes but received ${typeof bytes}`);
  }
  if (bytes.length === 0) {
    throw new PhotoError("EMPTY_INPUT", `The file is empty (0 bytes). ${WHAT_TO_SEND}`);
  }
  if (bytes.length > limits.maxBytes) {
    throw new PhotoError("TOO_LARGE", `The file is ${kib(bytes.length)}, above the limit of ${kib(limits.maxBytes)}. Compress or resize it before sending.`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === "svg" || sniffed === "pdf") {
    throw new PhotoError("UNSUPPORTED_FORMAT", `${sniffed.toUpperCase()} is a vector or document format and is refused (it can reference other files and is not a photo). ${WHAT_TO_SEND}`);
  }
  if (sniffed === "unknown") {
    throw new PhotoError("UNSUPPORTED_FORMAT", `The file is not an image this checker reads (its first bytes match no JPEG, PNG, WebP, GIF, TIFF or HEIF header). ${WHAT_TO_SEND}`);
  }

  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options = { limitInputPixels: limits.maxPixels, failOn: "warning" as const };
  let meta: Metadata;
  try {
    // The header read decodes no pixels, so it runs unlimited and the size check below explains a refusal in our words.
    meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    if (sniffed === "heif") {
      // The bundled libheif decodes AVIF only; HEIC (HEVC) is patented and left out of sharp's prebuilt binaries.
      throw new PhotoError("UNSUPPORTED_FORMAT", "HEIC photos cannot be decoded here. Export the photo as JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible).", { cause: error });
    }
    throw decodeFailure(error, "reading the header");
  }
  const format = (meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format) as PhotoFormat;
  if (!READABLE.has(format)) {
    throw new PhotoError("UNSUPPORTED_FORMAT", `${String(meta.format).toUpperCase()} images are not accepted. ${WHAT_TO_SEND}`);
  }
  const storedWidth = meta.width ?? 0;
  const storedHeight = meta.height ?? 0;
  if (storedWidth <= 0 || storedHeight <= 0) {
    throw new PhotoError("CORRUPT_IMAGE", `The image header declares no size (${storedWidth}x${storedHeight}). Export the photo again.`);
  }
  if (storedWidth * storedHeight > limits.maxPixels) {
    throw new PhotoError("TOO_LARGE", `The image is ${storedWidth}x${storedHeight} pixels, above the limit of ${limits.maxPixels} pixels. Resize it before sending.`);
  }
  if ((meta.pages ?? 1) > 1) {
    throw new PhotoError("MULTI_FRAME", `The file holds ${meta.pages} frames or pages; a photo must be one still image. Save a single frame as JPEG.`);
  }

  const exif = readExif(meta.exif);
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? storedHeight : storedWidth;
  const height = rotated ? storedWidth : storedHeight;
  const scale = Math.min(1, limits.maxAnalysisSide / Math.max(width, height));

  let pipeline = sharp(input, options).rotate();
  if (scale < 1) {
    pipeline = pipeline.resize({ width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), fit: "fill", kernel: "linear" });
  }
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await pipeline
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .timeout({ seconds: limits.timeoutSeconds })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw decodeFailure(error, "decoding the pixels");
  }
  if (decoded.info.channels !== 3) {
    throw new PhotoError("CORRUPT_IMAGE", `The image decoded to ${decoded.info.channels} channels instead of 3. Re-save it as an RGB JPEG.`);
  }

  return {
    format,
    byteSize: bytes.length,
    width,
    height,
    dpi: meta.density && meta.density > 0 ? meta.density : null,
    channels: meta.channels ?? 3,
    colourSpace: meta.space ?? "unknown",
    bitsPerSample: meta.depth === "ushort" ? 16 : 8,
    hasAlpha: meta.hasAlpha ?? false,
    hasIccProfile: meta.hasProfile ?? false,
    exif,
    raster: {
      width: decoded.info.width,
      height: decoded.info.height,
      data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
      scale: decoded.info.width / width,
    },
    bytes,
  };
}
