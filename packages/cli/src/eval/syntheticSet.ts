import { decodePhoto, detectFaces, detectLandmarks, EYE_POINTS, measureBackground, ReferenceKernels, type Raster } from "@photoaudit/core";
import sharp, { type Sharp } from "sharp";
import { bilateralSmooth } from "./bilateralSmooth.js";

/** A photo derived from a corpus photo by a transformation whose effect on one or more requirements is known. */
export interface SyntheticPhoto {
  name: string;
  derivedFrom: string;
  transform: string;
  bytes: Uint8Array;
  /** Requirement -> whether the derived photo should pass it. */
  expected: Partial<Record<string, boolean>>;
}

/** A corpus photo to derive from. */
export interface SourcePhoto {
  file: string;
  bytes: Uint8Array;
}

const rawInput = (raster: Raster) => ({ raw: { width: raster.width, height: raster.height, channels: 3 as const } });
const fromRaster = (raster: Raster) => sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength), rawInput(raster));
const jpeg = async (image: Sharp, quality = 90) => new Uint8Array(await image.jpeg({ quality }).toBuffer());
const stem = (file: string) => file.replace(/\.[^.]+$/, "");

// Recolouring needs a trustworthy mask: a backdrop that covers a plausible share of the photo and agrees along the frame.
const RELIABLE_COVERAGE: [number, number] = [0.15, 0.85];
const RELIABLE_FRAME_AGREEMENT = 0.9;
const ID_BLUE: [number, number, number] = [67, 142, 219];
const STUDIO_WHITE: [number, number, number] = [250, 250, 250];

/** The background mask of a raster (255 = background) and whether it is reliable enough to recolour. */
function backgroundMask(raster: Raster): { mask: Uint8Array; reliable: boolean } {
  const kernels = new ReferenceKernels();
  kernels.load(raster);
  const measured = measureBackground(kernels, raster);
  const reliable =
    measured.coverage >= RELIABLE_COVERAGE[0] && measured.coverage <= RELIABLE_COVERAGE[1] && measured.frameAgreement >= RELIABLE_FRAME_AGREEMENT;
  return { mask: kernels.backgroundMask(), reliable };
}

function recolour(raster: Raster, mask: Uint8Array, colour: [number, number, number]): Raster {
  const data = new Uint8Array(raster.data);
  for (let i = 0; i < mask.length; i++) if (mask[i]) data.set(colour, i * 3);
  return { ...raster, data };
}

/** A 358x441, 350 dpi JPEG of 14-40 KB framed like the national spec around the main face (eyes centred, face ~60 % wide). */
async function nationalCrop(raster: Raster): Promise<Uint8Array | null> {
  const [face] = await detectFaces(raster);
  if (!face) return null;
  const points = await detectLandmarks(raster, face.box);
  const eyes = [...EYE_POINTS.left, ...EYE_POINTS.right].map((i) => points[i]);
  const eyeX = eyes.reduce((s, p) => s + p[0], 0) / eyes.length;
  const eyeY = eyes.reduce((s, p) => s + p[1], 0) / eyes.length;
  const width = Math.round(face.box.width / 0.6);
  const height = Math.round((width * 441) / 358);
  const left = Math.round(eyeX - width / 2);
  const top = Math.round(eyeY - height * 0.42);
  const pad = Math.max(0, -left, -top, left + width - raster.width, top + height - raster.height) + 1;
  const extended = await fromRaster(raster).extend({ top: pad, bottom: pad, left: pad, right: pad, extendWith: "copy" }).png().toBuffer();
  const framed = await sharp(extended)
    .extract({ left: left + pad, top: top + pad, width, height })
    .resize(358, 441, { fit: "fill" })
    .png()
    .toBuffer();
  for (const quality of [92, 85, 78, 70, 60, 50, 40]) {
    const bytes = await sharp(framed).jpeg({ quality }).withMetadata({ density: 350 }).toBuffer();
    if (bytes.length <= 40 * 1024) return bytes.length >= 14 * 1024 ? new Uint8Array(bytes) : null;
  }
  return null;
}

/**
 * Derives the synthetic set from compliant corpus photos: each transformation breaks (or, for the national crop
 * and the white recolour, meets) known requirements, so the labels come from the transformation itself.
 */
export async function* syntheticSet(sources: readonly SourcePhoto[]): AsyncGenerator<SyntheticPhoto> {
  for (const [index, source] of sources.entries()) {
    const { raster } = await decodePhoto(source.bytes);
    const name = stem(source.file);
    const base = { derivedFrom: source.file };
    const image = () => fromRaster(raster);

    yield { ...base, name: `${name}.greyscale.jpg`, transform: "greyscale", bytes: await jpeg(image().greyscale()), expected: { colour: false } };

    const partner = sources[(index + 1) % sources.length];
    if (partner.file !== source.file) {
      const height = 800;
      const left = await image().resize({ height }).toBuffer({ resolveWithObject: true });
      const right = await sharp(partner.bytes).rotate().resize({ height }).flatten({ background: "#ffffff" }).toBuffer({ resolveWithObject: true });
      const pair = sharp({ create: { width: left.info.width + right.info.width, height, channels: 3, background: "#ffffff" } }).composite([
        { input: left.data, raw: { width: left.info.width, height, channels: 3 }, left: 0, top: 0 },
        { input: right.data, left: left.info.width, top: 0 },
      ]);
      yield { ...base, name: `${name}.pair.jpg`, transform: "two photos side by side", bytes: await jpeg(pair), expected: { "single-face": false } };
    }

    const small = await image().resize({ width: Math.round(raster.width * 0.3) }).png().toBuffer();
    const canvas = sharp({ create: { width: raster.width, height: raster.height, channels: 3, background: "#ffffff" } }).composite([{ input: small, gravity: "centre" }]);
    yield { ...base, name: `${name}.shrunk.jpg`, transform: "shrunk to 30 % on a white canvas", bytes: await jpeg(canvas), expected: { "face-size": false } };

    const angle = 15 + ((index * 5) % 16);
    const rotated = image().rotate(angle, { background: "#ffffff" });
    yield { ...base, name: `${name}.rotated${angle}.jpg`, transform: `rotated ${angle} degrees`, bytes: await jpeg(rotated), expected: { pose: false } };

    const [face] = await detectFaces(raster);
    if (face) {
      const smoothed = bilateralSmooth(raster, face.box, Math.max(2, face.box.width / 90), 25);
      yield { ...base, name: `${name}.smoothed.jpg`, transform: "edge-preserving smoothing on the face", bytes: await jpeg(fromRaster(smoothed), 95), expected: { retouch: false } };
    }

    const sigma = Math.max(raster.width, raster.height) / 120;
    yield { ...base, name: `${name}.blurred.jpg`, transform: `gaussian blur sigma ${sigma.toFixed(1)}`, bytes: await jpeg(image().blur(sigma)), expected: { sharpness: false } };
    yield { ...base, name: `${name}.dark.jpg`, transform: "under-exposed (x0.25)", bytes: await jpeg(image().linear(0.25, 0)), expected: { exposure: false } };
    yield { ...base, name: `${name}.bright.jpg`, transform: "over-exposed (x1.6 + 90)", bytes: await jpeg(image().linear(1.6, 90)), expected: { exposure: false } };

    const { mask, reliable } = backgroundMask(raster);
    if (reliable) {
      yield { ...base, name: `${name}.bg-blue.jpg`, transform: "background recoloured ID blue", bytes: await jpeg(fromRaster(recolour(raster, mask, ID_BLUE))), expected: { background: false } };
      yield { ...base, name: `${name}.bg-white.jpg`, transform: "background recoloured white", bytes: await jpeg(fromRaster(recolour(raster, mask, STUDIO_WHITE))), expected: { background: true } };
    }

    const spec = await nationalCrop(raster);
    if (spec) {
      yield { ...base, name: `${name}.national.jpg`, transform: "cropped and re-encoded to the national spec", bytes: spec, expected: { format: true, dimensions: true, resolution: true, "file-size": true } };
    }
  }
}
