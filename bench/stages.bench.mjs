// Per-stage cost of a full cn-national check: decode, faces, kernels, rules and total, median and p95 after
// warm-up, over the corpus, over 358x441 national-spec photos and over 12 MP phone-sized photos.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { AnalysisContext, decodePhoto, PluginRegistry } from "../packages/core/dist/index.js";
import { PhotoChecker, conditionFacts } from "../packages/rules/dist/index.js";
import { CORPUS_DIR, corpusAvailable, ms, printTable, summarise } from "./support.mjs";

/** Times one photo stage by stage: each stage computes the facts its plugins own, so later stages find them cached. */
async function stageTimes(bytes, registry, evaluator, factsByStage) {
  const times = {};
  let started = performance.now();
  const photo = await decodePhoto(bytes);
  times.decode = performance.now() - started;
  const ctx = new AnalysisContext(photo, registry.facts);
  for (const [stage, facts] of Object.entries(factsByStage)) {
    started = performance.now();
    await Promise.all(facts.map((id) => ctx.outcome(id)));
    times[stage] = performance.now() - started;
  }
  started = performance.now();
  await evaluator.evaluate(ctx);
  times.rules = performance.now() - started;
  times.total = Object.values(times).reduce((a, b) => a + b, 0);
  return times;
}

async function photoSets() {
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8"));
  const corpus = manifest.map((e) => new Uint8Array(readFileSync(join(CORPUS_DIR, e.file))));
  const compliant = manifest.filter((e) => e.compliant).map((e) => readFileSync(join(CORPUS_DIR, e.file)));
  const spec = [];
  const phone = [];
  for (const source of compliant) {
    spec.push(new Uint8Array(await sharp(source).resize(358, 441, { fit: "cover" }).jpeg({ quality: 70 }).withMetadata({ density: 350 }).toBuffer()));
    phone.push(new Uint8Array(await sharp(source).resize(4000, 3000, { fit: "cover" }).jpeg({ quality: 90 }).toBuffer()));
  }
  return { "corpus (78 photos, 183x275 to 2280x1588)": corpus, "358x441 national spec (9)": spec, "12 MP phone, 4000x3000 (9)": phone };
}

export async function run() {
  if (!corpusAvailable) {
    console.log(`\nstages bench skipped: corpus not found at ${CORPUS_DIR}`);
    return {};
  }
  const registry = new PluginRegistry();
  const evaluator = new PhotoChecker({ registry }).evaluator("cn-national");
  const used = [...new Set(evaluator.ruleset.rules.filter((r) => !r.disabled).flatMap((r) => conditionFacts(r.conditions)))];
  const owner = (id) => registry.ownerOf(id);
  const factsByStage = {
    file: used.filter((id) => ["file", "exif"].includes(owner(id))),
    faces: used.filter((id) => owner(id) === "face"),
    kernels: used.filter((id) => !["file", "exif", "face"].includes(owner(id))),
  };
  const rows = [];
  for (const [label, photos] of Object.entries(await photoSets())) {
    for (const bytes of photos.slice(0, 3)) await stageTimes(bytes, registry, evaluator, factsByStage);
    const samples = { decode: [], faces: [], kernels: [], rules: [], total: [] };
    for (let round = 0; round < (photos.length < 20 ? 3 : 1); round++) {
      for (const bytes of photos) {
        const t = await stageTimes(bytes, registry, evaluator, factsByStage);
        for (const key of Object.keys(samples)) samples[key].push(t[key]);
      }
    }
    const row = { photos: label };
    for (const [key, values] of Object.entries(samples)) {
      const s = summarise(values);
      row[`${key} ms (median / p95)`] = `${ms(s.median)} / ${ms(s.p95)}`;
    }
    rows.push(row);
  }
  printTable("Stages of a full cn-national check, one thread (faces = all ONNX models the ruleset needs; kernels = WASM image measures)", rows);
  return { stages: rows };
}
