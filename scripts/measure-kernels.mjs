// Prints the kernel measurements of every corpus photo beside its labels, to set cn-national thresholds
// from data: `npm run build && node scripts/measure-kernels.mjs [--json]`. Face regions come from the
// face plugin's detector and landmarks, as in production; --summary prints the face-measure distributions.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodePhoto } from "../packages/core/dist/index.js";
import { measureBackground } from "../packages/core/dist/measures/measureBackground.js";
import { measureColour } from "../packages/core/dist/measures/measureColour.js";
import { measureFace } from "../packages/core/dist/measures/measureFace.js";
import { faceGeometry } from "../packages/core/dist/measures/faceGeometry.js";
import { histogramStats } from "../packages/core/dist/measures/histogramStats.js";
import { WasmKernels } from "../packages/core/dist/wasm.js";

const corpus = process.env.PHOTOAUDIT_CORPUS ?? resolve(import.meta.dirname, "../../shared/corpus");
const core = await import("../packages/core/dist/index.js");
const { detectFaces, detectLandmarks } = core;
const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
const kernels = new WasmKernels();
const rows = [];
for (const entry of manifest) {
  const photo = await decodePhoto(new Uint8Array(readFileSync(join(corpus, entry.file))));
  const { raster } = photo;
  kernels.load(raster);
  const background = measureBackground(kernels, raster);
  const colour = measureColour(kernels);
  const whole = histogramStats(kernels.histogram("luma", { x0: 0, y0: 0, x1: raster.width, y1: raster.height }));
  let face = null;
  {
    const faces = await detectFaces(raster);
    if (faces.length) {
      try {
        const landmarks = await detectLandmarks(raster, faces[0].box);
        kernels.load(raster);
        measureBackground(kernels, raster);
        face = measureFace(kernels, raster.width, raster.height, faceGeometry(faces[0].box, landmarks));
      } catch (e) {
        face = { error: e.message };
      }
    }
  }
  rows.push({ file: entry.file, compliant: entry.compliant, labels: entry.labels, flags: entry.flags ?? [], background, colour, whole, face });
}
if (process.argv.includes("--summary")) {
  // Face measures of the compliant photos against the rest, to place review thresholds outside the compliant range.
  const fields = { sharpness: (f) => f.sharpness, "face mean": (f) => f.exposure.mean, "face bright": (f) => f.exposure.brightShare, "face dark": (f) => f.exposure.darkShare, "face range": (f) => f.exposure.dynamicRange, balance: (f) => f.balance, texture: (f) => f.textureIndex };
  for (const [name, get] of Object.entries(fields)) {
    const fmt = (rows) => rows.filter((r) => r.face && !r.face.error).map((r) => get(r.face)).sort((a, b) => a - b).join(" ");
    console.log(`${name}\n  compliant: ${fmt(rows.filter((r) => r.compliant))}\n  others:    ${fmt(rows.filter((r) => !r.compliant))}`);
  }
  const shadow = (rows) => rows.map((r) => r.background.shadow).filter((v) => v !== null).sort((a, b) => a - b).join(" ");
  console.log(`background shadow\n  compliant: ${shadow(rows.filter((r) => r.compliant))}\n  others:    ${shadow(rows.filter((r) => !r.compliant))}`);
} else if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  for (const r of rows) {
    const b = r.background, f = r.face;
    console.log(
      [r.file.slice(0, 34).padEnd(34), r.labels.background.padEnd(11), `L=${b.lightness}`, `C=${b.chroma}`, `cov=${b.coverage}`, `agr=${b.frameAgreement}`, `clt=${b.clutter}`, `spr=${b.spread}`, `grd=${b.gradient}`, `sh=${b.shadow}`, `top=${b.topRow}`,
       `M=${r.colour.colourfulness}`, `var=${r.colour.chromaVariety}`,
       f && !f.error ? `fm=${f.exposure.mean} fdr=${f.exposure.dynamicRange} fb=${f.exposure.brightShare} fd=${f.exposure.darkShare} sh=${f.sharpness} bal=${f.balance} tex=${f.textureIndex} ret=${r.labels.retouched}` : f?.error ?? "no face"].join(" "),
    );
  }
}
