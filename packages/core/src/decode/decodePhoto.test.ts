import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeJpeg, makePng, pngHeaderDeclaring } from "../../../../test/support/images.js";
import { PhotoError } from "../errors.js";
import { decodePhoto } from "./decodePhoto.js";

async function refusal(bytes: Uint8Array, limits = {}): Promise<PhotoError> {
  try {
    await decodePhoto(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(PhotoError);
    return error as PhotoError;
  }
  throw new Error("expected decodePhoto to refuse the input");
}

describe("decodePhoto refuses what is not one still raster photo", () => {
  const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="file:///etc/passwd"/></svg>';
  it.each([
    ["empty input", new Uint8Array(), "EMPTY_INPUT", /empty/],
    ["text", new TextEncoder().encode("hello, this is not a photo\n"), "UNSUPPORTED_FORMAT", /not an image/],
    ["SVG", new TextEncoder().encode(svg), "UNSUPPORTED_FORMAT", /SVG is a vector/],
    ["PDF", new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"), "UNSUPPORTED_FORMAT", /PDF/],
    ["PNG declaring 50000x50000", pngHeaderDeclaring(50_000, 50_000), "TOO_LARGE", /50000x50000/],
  ])("%s -> %s", async (_name, bytes, code, message) => {
    const error = await refusal(bytes as Uint8Array);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("refuses a truncated JPEG as CORRUPT_IMAGE", async () => {
    const jpeg = await makeJpeg();
    const error = await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    expect(error.code).toBe("CORRUPT_IMAGE");
    expect(error.message).toMatch(/damaged or truncated/);
  });

  it("refuses files above the byte limit before decoding", async () => {
    const error = await refusal(await makeJpeg(), { maxBytes: 1000 });
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toMatch(/above the limit of 1\.0 KB/);
  });

  it("refuses an animated GIF as MULTI_FRAME", async () => {
    const frame = (background: string) => sharp({ create: { width: 8, height: 8, channels: 3, background } }).png().toBuffer();
    const gif = await sharp([await frame("#f00"), await frame("#0f0")], { join: { animated: true } }).gif().toBuffer();
    const error = await refusal(new Uint8Array(gif));
    expect(error.code).toBe("MULTI_FRAME");
  });
});

describe("decodePhoto reads what the file says and yields 8-bit sRGB pixels", () => {
  it("reads format, size, dpi and bytes of a national-spec JPEG", async () => {
    const bytes = await makeJpeg();
    const photo = await decodePhoto(bytes);
    expect(photo).toMatchObject({ format: "jpeg", width: 358, height: 441, dpi: 350, byteSize: bytes.length, channels: 3 });
    expect(photo.raster).toMatchObject({ width: 358, height: 441, scale: 1 });
    expect(photo.raster.data.length).toBe(358 * 441 * 3);
  });

  it("applies EXIF orientation and reads capture date and software", async () => {
    const raw = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#00f" } })
      .jpeg()
      .withExif({ IFD0: { Software: "Meitu 9.1" }, IFD2: { DateTimeOriginal: "2024:04:30 09:08:07" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const photo = await decodePhoto(new Uint8Array(raw));
    expect([photo.width, photo.height]).toEqual([20, 40]);
    expect([photo.raster.width, photo.raster.height]).toEqual([20, 40]);
    expect(photo.exif).toMatchObject({ orientation: 6, software: "Meitu 9.1", captureDate: "2024-04-30T09:08:07", error: null });
  });

  it("turns grey, 16-bit and alpha PNGs into 3-channel 8-bit pixels, alpha flattened on white", async () => {
    const rgba16 = await sharp(await makePng(4, 4, 4)).toColourspace("rgb16").png().toBuffer();
    const photo = await decodePhoto(new Uint8Array(rgba16));
    expect(photo).toMatchObject({ format: "png", bitsPerSample: 16, hasAlpha: true });
    expect(photo.raster.data.length).toBe(4 * 4 * 3);
    // 50 % alpha of (200,100,50) over white is about (228,178,153)
    const [r, g, b] = photo.raster.data;
    for (const [actual, expected] of [[r, 228], [g, 178], [b, 153]]) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(4);

    const grey = await sharp({ create: { width: 5, height: 5, channels: 3, background: "#808080" } }).toColourspace("b-w").png().toBuffer();
    const greyPhoto = await decodePhoto(new Uint8Array(grey));
    expect(greyPhoto.channels).toBe(1);
    expect(greyPhoto.raster.data.length).toBe(5 * 5 * 3);
  });

  it("downscales photos larger than the analysis side and records the scale", async () => {
    const photo = await decodePhoto(await makeJpeg({ width: 1000, height: 500 }), { maxAnalysisSide: 200 });
    expect([photo.width, photo.height]).toEqual([1000, 500]);
    expect([photo.raster.width, photo.raster.height]).toEqual([200, 100]);
    expect(photo.raster.scale).toBeCloseTo(0.2);
  });

  it("keeps going with null fields when the EXIF block is broken", async () => {
    const jpeg = Buffer.from(await makeJpeg({ width: 16, height: 16 }));
    // APP1 "Exif\0\0" with a garbage TIFF header, inserted after SOI
    const app1Body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), Buffer.from("XX\0*garbage-garbage")]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (app1Body.length + 2) >> 8, (app1Body.length + 2) & 0xff]), app1Body]);
    const broken = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
    const photo = await decodePhoto(new Uint8Array(broken));
    expect(photo.width).toBe(16);
    expect(photo.exif.captureDate).toBeNull();
  });
});
