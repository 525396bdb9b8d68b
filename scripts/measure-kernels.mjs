// Prints the kernel measurements of every corpus photo beside its labels, to set cn-national thresholds
// from data: `npm run build && node scripts/measure-kernels.mjs [--json]`. Face regions come from the
// face detector when it is built (packages/core/dist/faces/detectFaces.js), else face measures are skipped.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodePhoto } from "../packages/core/dist/index.js";
import { measureBackground } from "../packages/core/dist/measures/measureBackground.js";
import { measureColour } from "../packages/core/dist/measures/measureColour.js";
import { measureFace } from "../packages/core/dist/measures/measureFace.js";
import { faceGeometry } from "../packages/core/dist/measures/faceGeometry.js";
import { histogramStats } from "../packages/core/dist/measures/histogramStats.js";
import { WasmKernels } from "../packages/core/dist/wasm.js";

const corpus = process.env.PHOTOAUDIT_CORPUS ?? resolve(import.meta.dirname, "../../shared/corpus");
const detector = resolve(import.meta.dirname, "../packages/core/dist/faces/detectFaces.js");
const detectFaces = existsSync(detector) ? (await import(detector)).detectFaces : null;
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
  if (detectFaces) {
    const faces = await detectFaces(raster);
    if (faces.length) {
      try {
        face = measureFace(kernels, raster.width, raster.height, faceGeometry(faces[0].box, null));
      } catch (e) {
        face = { error: e.message };
      }
    }
  }
  rows.push({ file: entry.file, labels: entry.labels, flags: entry.flags ?? [], background, colour, whole, face });
}
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  for (const r of rows) {
    const b = r.background, f = r.face;
    console.log(
      [r.file.slice(0, 34).padEnd(34), r.labels.background.padEnd(11), `L=${b.lightness}`, `C=${b.chroma}`, `cov=${b.coverage}`, `agr=${b.frameAgreement}`, `clt=${b.clutter}`, `spr=${b.spread}`, `grd=${b.gradient}`, `sh=${b.shadow}`, `top=${b.topRow}`,
       `M=${r.colour.colourfulness}`, `var=${r.colour.chromaVariety}`,
       f && !f.error ? `fm=${f.exposure.mean} fdr=${f.exposure.dynamicRange} fb=${f.exposure.brightShare} fd=${f.exposure.darkShare} sh=${f.sharpness} bal=${f.balance} skin=${f.skinTexture} eye=${f.eyeTexture} noise=${f.noise} ret=${r.labels.retouched}` : f?.error ?? "no face"].join(" "),
    );
  }
}
