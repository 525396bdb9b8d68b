/** Stable codes for every way a photo can be refused; clients branch on these, never on messages. */
export type PhotoErrorCode =
  | "EMPTY_INPUT"
  | "FILE_UNREADABLE"
  | "UNSUPPORTED_FORMAT"
  | "MULTI_FRAME"
  | "CORRUPT_IMAGE"
  | "TOO_LARGE"
  | "DECODE_TIMEOUT";

/** A photo that cannot be analysed: `code` is stable, `message` says what was wrong and what to do. */
export class PhotoError extends Error {
  readonly code: PhotoErrorCode;

  constructor(code: PhotoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PhotoError";
    this.code = code;
  }

  /** Plain `{code, message}` for reports and API errors. */
  toJSON(): { code: PhotoErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** True when `value` is a PhotoError (also across module copies, by name and code). */
export function isPhotoError(value: unknown): value is PhotoError {
  return value instanceof PhotoError || (value instanceof Error && value.name === "PhotoError" && "code" in value);
}
