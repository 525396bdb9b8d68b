import sharp from "sharp";

/** A JPEG in the national layout (358x441, 350 dpi by default): a light grey field with mild noise, so its size is realistic. */
export async function makeJpeg(options: { width?: number; height?: number; density?: number; quality?: number; grey?: number; noise?: number } = {}): Promise<Uint8Array> {
  const { width = 358, height = 441, density = 350, quality = 70, grey = 225, noise = 40 } = options;
  const pixels = Buffer.alloc(width * height * 3);
  let state = 12345;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    pixels[i] = Math.max(0, Math.min(255, grey + ((state >>> 24) / 255 - 0.5) * noise));
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).withMetadata({ density }).toBuffer();
  return new Uint8Array(jpeg);
}

/** PNG bytes of a flat image. */
export async function makePng(width: number, height: number, channels: 3 | 4 = 3): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width, height, channels, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } }).png().toBuffer());
}

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A PNG whose header declares width x height pixels but carries almost no data: a decompression bomb's header. */
export function pngHeaderDeclaring(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk("IEND", new Uint8Array())]));
}
