/** Container formats recognised from their first bytes, before any decoder sees the file. */
export type SniffedFormat = "jpeg" | "png" | "webp" | "gif" | "tiff" | "heif" | "avif" | "svg" | "pdf" | "unknown";

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

/** Names the container from magic bytes, so vector and document formats are refused before decoding. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 1, 4) === "PNG" && bytes[0] === 0x89) return "png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (ascii(bytes, 0, 4) === "GIF8") return "gif";
  if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*") return "tiff";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    return brand === "avif" || brand === "avis" ? "avif" : "heif";
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!doctype")) && head.includes("<svg"))) {
    return "svg";
  }
  return "unknown";
}
