// Face stage alone: median ms per model after warm-up, on a 358x441 spec photo and a 12-megapixel photo.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { decodePhoto, detectFaces, detectLandmarks, EYE_POINTS } from "../packages/core/dist/index.js";
import { eyeOpenProbability } from "../packages/core/dist/faces/eyeState.js";
import { estimateHeadPose } from "../packages/core/dist/faces/headPose.js";
import { classifyExpression } from "../packages/core/dist/faces/expression.js";
import { CORPUS_DIR, corpusAvailable, ms, printTable, time } from "./support.mjs";

const SOURCE = "u2net-man2-grey.jpg";

/** The source photo as a 358x441 JPEG and as a 4000x3000 JPEG (face centred), like a spec photo and a phone photo. */
async function inputs() {
  const source = readFileSync(join(CORPUS_DIR, SOURCE));
  const spec = await sharp(source).resize(358, 441, { fit: "cover" }).jpeg({ quality: 70 }).toBuffer();
  const phone = await sharp(source).resize(1800, 2070, { fit: "cover" }).extend({ top: 0, bottom: 930, left: 1100, right: 1100, background: "#e8e8e8" }).resize(4000, 3000, { fit: "fill" }).jpeg({ quality: 90 }).toBuffer();
  return [
    ["358x441", new Uint8Array(spec)],
    ["12 MP (4000x3000)", new Uint8Array(phone)],
  ];
}

export async function run() {
  if (!corpusAvailable) {
    console.log(`\nfaces bench skipped: corpus not found at ${CORPUS_DIR}`);
    return {};
  }
  const rows = [];
  for (const [label, bytes] of await inputs()) {
    const { raster } = await decodePhoto(bytes);
    const [face] = await detectFaces(raster);
    if (!face) throw new Error(`no face found in the ${label} bench photo`);
    const points = await detectLandmarks(raster, face.box);
    const stages = {
      detect: () => detectFaces(raster),
      landmarks: () => detectLandmarks(raster, face.box),
      eyes: () => Promise.all([eyeOpenProbability(raster, points, EYE_POINTS.left), eyeOpenProbability(raster, points, EYE_POINTS.right)]),
      pose: () => estimateHeadPose(raster, face.box),
      expression: () => classifyExpression(raster, face.box),
    };
    const row = { photo: label, raster: `${raster.width}x${raster.height}` };
    let national = 0;
    let all = 0;
    for (const [stage, fn] of Object.entries(stages)) {
      const { median } = await time(fn);
      row[`${stage} ms`] = ms(median);
      all += median;
      if (stage !== "expression") national += median;
    }
    row["all models ms"] = ms(all);
    row["cn-national (no expression model) ms"] = ms(national);
    rows.push(row);
  }
  printTable("Face stage, median ms per photo after 5 warm-up runs (30 runs, 1 onnxruntime thread)", rows);
  return { faces: rows };
}
