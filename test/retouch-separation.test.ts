import { readFileSync } from "node:fs";
import { decodePhoto, type Raster, WasmKernels } from "@photoaudit/core";
import { builtinRulesets } from "@photoaudit/rules";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { measureBackground } from "../packages/core/src/measures/measureBackground.js";
import { faceGeometryFromEyes } from "../packages/core/src/measures/faceGeometry.js";
import { measureFace } from "../packages/core/src/measures/measureFace.js";
import { bilateralSmooth, type Box } from "./support/bilateral.js";
import { corpusAvailable, corpusManifest, corpusPhoto, CORPUS_SKIP_REASON } from "./support/corpus.js";

// Retouch test cases built from real corpus faces (never the synthetic or already-retouched ones): each face is
// measured as it is and after an edge-preserving (bilateral) smoothing of the face box, as beauty filters do.
// Face boxes and eye centres (as the face plugin's landmarks give them) come from test/support/corpusFaceBoxes.json,
// so the face models need not run here and patches sit where they do in production.

type Point = [number, number];
const FACES: Record<string, { box: [number, number, number, number]; eyes: [Point, Point] }> = JSON.parse(
  readFileSync(new URL("./support/corpusFaceBoxes.json", import.meta.url), "utf8"),
).faces;
/** Faces are brought to at most this width first, so the filter's 3 px sigma means the same on every photo. */
const FACE_WIDTH = 220;
const MIN_FACE_WIDTH = 100;

/** The retouch rule's threshold on retouch.score, as cn-national sets it. */
function ruleThreshold(): number {
  const rule = builtinRulesets().get("cn-national")!.rules.find((r) => r.id === "retouch.skinTexture")!;
  return (rule.conditions as { all: { value: number }[] }).all[0].value;
}

async function scaled(raster: Raster, factor: number): Promise<Raster> {
  if (factor >= 1) return raster;
  const width = Math.round(raster.width * factor), height = Math.round(raster.height * factor);
  const data = await sharp(Buffer.from(raster.data), { raw: { width: raster.width, height: raster.height, channels: 3 } }).resize(width, height).raw().toBuffer();
  return { width, height, data: new Uint8Array(data), scale: raster.scale * factor };
}

describe.skipIf(!corpusAvailable)("retouch score on smoothed versus untouched corpus faces", () => {
  const pairs: { file: string; untouched: number; smoothed: number }[] = [];
  beforeAll(async () => {
    const kernels = new WasmKernels();
    const score = (raster: Raster, box: Box, eyes: [Point, Point]) => {
      kernels.load(raster);
      measureBackground(kernels, raster);
      const at = ([x, y]: Point): Point => [x * raster.width, y * raster.height];
      return measureFace(kernels, raster.width, raster.height, faceGeometryFromEyes(box, at(eyes[0]), at(eyes[1]))).textureIndex;
    };
    for (const entry of corpusManifest()) {
      const face = FACES[entry.file];
      if (!face || entry.labels.retouched === true || (entry.flags ?? []).includes("suspected-ai-generated")) continue;
      const b = face.box;
      const decoded = (await decodePhoto(corpusPhoto(entry.file))).raster;
      if (b[2] * decoded.width < MIN_FACE_WIDTH) continue;
      const raster = await scaled(decoded, FACE_WIDTH / (b[2] * decoded.width));
      const box = { x: b[0] * raster.width, y: b[1] * raster.height, width: b[2] * raster.width, height: b[3] * raster.height };
      pairs.push({ file: entry.file, untouched: score(raster, box, face.eyes), smoothed: score(bilateralSmooth(raster, box), box, face.eyes) });
    }
    console.log(`untouched: ${pairs.map((p) => p.untouched).sort((a, b) => a - b).join(" ")}`);
    console.log(`smoothed: ${pairs.map((p) => p.smoothed).sort((a, b) => a - b).join(" ")}`);
  }, 300_000);

  it("scores almost every face lower after smoothing", () => {
    const lower = pairs.filter((p) => p.smoothed < p.untouched);
    console.log(`retouch: smoothed scores lower on ${lower.length}/${pairs.length} faces`);
    for (const p of pairs.filter((q) => q.smoothed >= q.untouched)) console.log(`  not lower: ${p.file} ${p.untouched} -> ${p.smoothed}`);
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(lower.length / pairs.length).toBeGreaterThanOrEqual(0.95);
  });

  it("flags most smoothed faces and few untouched ones at the ruleset's threshold, and ranks them apart (AUC)", () => {
    const threshold = ruleThreshold();
    const flaggedSmoothed = pairs.filter((p) => p.smoothed < threshold).length;
    const flaggedUntouched = pairs.filter((p) => p.untouched < threshold).length;
    let wins = 0;
    for (const a of pairs) for (const b of pairs) wins += a.smoothed < b.untouched ? 1 : a.smoothed === b.untouched ? 0.5 : 0;
    const auc = wins / pairs.length ** 2;
    const median = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1];
    console.log(
      `retouch at score < ${threshold}: smoothed flagged ${flaggedSmoothed}/${pairs.length}, untouched flagged ${flaggedUntouched}/${pairs.length}; ` +
        `AUC ${auc.toFixed(3)}; median score untouched ${median(pairs.map((p) => p.untouched))}, smoothed ${median(pairs.map((p) => p.smoothed))}`,
    );
    expect(flaggedSmoothed / pairs.length).toBeGreaterThanOrEqual(0.5);
    expect(flaggedUntouched / pairs.length).toBeLessThanOrEqual(0.1);
    expect(auc).toBeGreaterThanOrEqual(0.8);
  });
});
if (!corpusAvailable) describe.skip(CORPUS_SKIP_REASON, () => it("needs the corpus", () => {}));
