import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { corpusAvailable, corpusManifest, corpusPhoto, CORPUS_SKIP_REASON } from "../../../../test/support/corpus.js";
import { decodePhoto } from "../decode/decodePhoto.js";
import { detectFaces, suppressOverlaps } from "./detectFaces.js";
import { centroid, detectLandmarks, EYE_POINTS } from "./landmarks.js";

const face = (x: number, y: number, width: number, height: number, score: number) => ({ box: { x, y, width, height }, score });

describe("suppressOverlaps", () => {
  it("keeps the best of overlapping boxes and separate faces", () => {
    const kept = suppressOverlaps([face(0, 0, 100, 100, 0.9), face(5, 5, 100, 100, 0.99), face(300, 0, 100, 100, 0.8)]);
    expect(kept.map((f) => f.score)).toEqual([0.99, 0.8]);
  });

  it("drops a small box lying inside a larger face (a mouth read as a face)", () => {
    const kept = suppressOverlaps([face(0, 0, 400, 600, 1), face(50, 300, 120, 70, 0.8)]);
    expect(kept).toHaveLength(1);
  });
});

describe.skipIf(!corpusAvailable)("face detection on the corpus", () => {
  it("finds no face in a blank image", async () => {
    const data = new Uint8Array(358 * 441 * 3).fill(240);
    expect(await detectFaces({ width: 358, height: 441, data, scale: 1 })).toEqual([]);
  });

  it("finds a face filling 70 % of a 358x441 photo and one 5 % as wide as a large group-photo canvas", async () => {
    const source = corpusPhoto("u2net-man2-grey.jpg");
    const source358 = await sharp(source).resize(358, 441, { fit: "cover" }).jpeg().toBuffer();
    const close = await decodePhoto(new Uint8Array(source358));
    const [big] = await detectFaces(close.raster);
    expect(big.box.width / close.raster.width).toBeGreaterThan(0.45);

    // The face box is about half the source width, so a 200 px wide copy puts a ~100 px (5 %) face on a 2000 px canvas.
    const small = await sharp(source).resize(200).toBuffer();
    const canvas = await sharp({ create: { width: 2000, height: 1400, channels: 3, background: "#7a8a70" } })
      .composite([{ input: small, left: 1500, top: 900 }])
      .jpeg()
      .toBuffer();
    const group = await decodePhoto(new Uint8Array(canvas));
    const found = await detectFaces(group.raster);
    expect(found).toHaveLength(1);
    expect(found[0].box.width / group.raster.width).toBeLessThan(0.07);
    expect(found[0].box.x).toBeGreaterThan(1500 * group.raster.scale);
  });

  it("counts faces right on at least 95 % of the corpus photos", async () => {
    const wrong: string[] = [];
    const manifest = corpusManifest();
    for (const entry of manifest) {
      const photo = await decodePhoto(corpusPhoto(entry.file));
      const found = (await detectFaces(photo.raster)).length;
      if (found !== entry.labels.faces) wrong.push(`${entry.file}: ${found} found, ${entry.labels.faces} labelled`);
    }
    const accuracy = 1 - wrong.length / manifest.length;
    // Measured 75/78 (0.962): the misses are faces cut by the image border in group photos.
    expect(accuracy, wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("puts landmarks on the face: eyes above the nose tip above the mouth, image-left eye on the left", async () => {
    for (const file of ["deepface-img30-damon-light.jpg", "u2net-man2-grey.jpg", "wangling-idphoto-blue-original.png"]) {
      const photo = await decodePhoto(corpusPhoto(file));
      const [main] = await detectFaces(photo.raster);
      const points = await detectLandmarks(photo.raster, main.box);
      const left = centroid(points, EYE_POINTS.left);
      const right = centroid(points, EYE_POINTS.right);
      const noseTip = points[30];
      const mouth = centroid(points, [48, 54, 51, 57]);
      expect(left[0], file).toBeLessThan(right[0]);
      expect(Math.max(left[1], right[1]), file).toBeLessThan(noseTip[1]);
      expect(noseTip[1], file).toBeLessThan(mouth[1]);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThan(main.box.x - main.box.width * 0.1);
        expect(x).toBeLessThan(main.box.x + main.box.width * 1.1);
        expect(y).toBeGreaterThan(main.box.y - main.box.height * 0.1);
        expect(y).toBeLessThan(main.box.y + main.box.height * 1.1);
      }
    }
  });
});
if (!corpusAvailable) describe.skip(CORPUS_SKIP_REASON, () => it("needs the corpus", () => {}));
