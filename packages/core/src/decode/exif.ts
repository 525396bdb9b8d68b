import exifReader from "exif-reader";

/** The EXIF fields the checker uses; every field is null when absent or unreadable. */
export interface PhotoExif {
  /** When the photo was taken, as written by the camera (local time, no zone): "2024-04-30T09:08:07". */
  captureDate: string | null;
  /** The program that last wrote the file (beauty apps and editors leave their name here). */
  software: string | null;
  /** EXIF orientation 1-8 as stored; the decoded pixels already have it applied. */
  orientation: number | null;
  make: string | null;
  model: string | null;
  /** Why the EXIF block could not be read, when it was present but broken. */
  error: string | null;
}

export const EMPTY_EXIF: Readonly<PhotoExif> = Object.freeze({
  captureDate: null,
  software: null,
  orientation: null,
  make: null,
  model: null,
  error: null,
});

// EXIF dates carry no zone; exif-reader parses them as UTC, so the UTC fields give back the written clock time.
const formatExifDate = (value: unknown): string | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 19) : null;

const text = (value: unknown): string | null => {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\0+$/, "").trim();
  return trimmed.length > 0 ? trimmed.slice(0, 200) : null;
};

/** Reads the EXIF fields the rules need; a broken block yields nulls and an `error`, never a throw. */
export function readExif(block: Uint8Array | undefined, maxBytes = 256 * 1024): PhotoExif {
  if (!block || block.length === 0) return { ...EMPTY_EXIF };
  if (block.length > maxBytes) {
    return { ...EMPTY_EXIF, error: `EXIF block of ${block.length} bytes exceeds ${maxBytes}; ignored` };
  }
  try {
    const tags = exifReader(Buffer.from(block.buffer, block.byteOffset, block.byteLength));
    const image = (tags.Image ?? {}) as Record<string, unknown>;
    const photo = (tags.Photo ?? {}) as Record<string, unknown>;
    const orientation = Number(image.Orientation);
    return {
      captureDate:
        formatExifDate(photo.DateTimeOriginal) ?? formatExifDate(photo.DateTimeDigitized) ?? formatExifDate(image.DateTime),
      software: text(image.Software),
      orientation: Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : null,
      make: text(image.Make),
      model: text(image.Model),
      error: null,
    };
  } catch (error) {
    return { ...EMPTY_EXIF, error: `EXIF block unreadable: ${(error as Error).message}` };
  }
}
