// Pixel kernels: ns per pixel for WASM and for the TypeScript reference, on a 358x441 spec photo and a
// 12-megapixel (4000x3000) raster, plus what SIMD buys and what all kernel facts of one photo cost.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { AnalysisContext, decodePhoto, PluginRegistry, ReferenceKernels, WasmKernels, measureBackground, probeFrame } from "../packages/core/dist/index.js";
import { CORPUS_DIR, corpusAvailable, ms, printTable, time } from "./support.mjs";

const SOURCE = "deepface-img30-damon-light.jpg";

/** RGB rasters of the bench photo at the two sizes (a drawn portrait when the corpus is absent). */
async function rasters() {
  const source = corpusAvailable
    ? readFileSync(join(CORPUS_DIR, SOURCE))
    : await sharp({ create: { width: 800, height: 1000, channels: 3, background: { r: 245, g: 245, b: 245 } } })
        .composite([{ input: Buffer.from('<svg width="800" height="1000"><ellipse cx="400" cy="420" rx="220" ry="300" fill="#e0b496"/><rect x="120" y="760" width="560" height="240" fill="#283040"/></svg>') }])
        .jpeg()
        .toBuffer();
  const raw = async (width, height) => {
    const data = await sharp(source).resize(width, height, { fit: "cover" }).removeAlpha().raw().toBuffer();
    return { width, height, data: new Uint8Array(data), scale: 1 };
  };
  return [["358x441", await raw(358, 441)], ["12 MP (4000x3000)", await raw(4000, 3000)]];
}

/** The kernels, each as one call on a loaded PixelKernels, with the pixel count it processes. */
function kernelCalls(raster) {
  const { width, height } = raster;
  const n = width * height;
  const frame = probeFrame(raster);
  const reference = [raster.data[(frame.top * width + frame.left) * 3], raster.data[(frame.top * width + frame.left) * 3 + 1], raster.data[(frame.top * width + frame.left) * 3 + 2]];
  const inner = { x0: 1, y0: 1, x1: width - 1, y1: height - 1 };
  return [
    ["load (copy + luma plane)", n, (k) => k.load(raster)],
    ["growBackground", n, (k) => k.growBackground(frame, reference, 24, 72)],
    ["backgroundStats", n, (k) => k.backgroundStats({ x0: 0, y0: 0, x1: width, y1: height }, 14)],
    ["colourStats", n, (k) => k.colourStats()],
    ["histogram (luma)", n, (k) => k.histogram("luma", { x0: 0, y0: 0, x1: width, y1: height })],
    ["laplacian (luma)", n, (k) => k.laplacian("luma", inner)],
    ["reduce x2 (luma + mask)", n, (k) => k.reduce(2)],
    ["maskedLaplacian (reduced x2)", Math.floor(width / 2) * Math.floor(height / 2), (k) => { k.reduce(2); return k.reducedBackgroundLaplacian(); }],
  ];
}

/** Median ns per pixel of one call, after warm-up. */
async function nsPerPixel(fn, pixels, runs) {
  const { median } = await time(fn, { warmup: 2, runs });
  return (median * 1e6) / pixels;
}

export async function run() {
  const kernelRows = [];
  const simdRows = [];
  for (const [label, raster] of await rasters()) {
    const big = raster.width * raster.height > 1e6;
    const runs = big ? 5 : 40;
    const wasm = new WasmKernels();
    const reference = new ReferenceKernels();
    for (const k of [wasm, reference]) {
      k.load(raster);
      measureBackground(k, raster);
    }
    for (const [name, pixels, call] of kernelCalls(raster)) {
      const w = await nsPerPixel(() => call(wasm), pixels, runs);
      const r = await nsPerPixel(() => call(reference), pixels, big ? 3 : runs);
      kernelRows.push({ photo: label, kernel: name, "WASM ns/px": w.toFixed(2), "TS ns/px": r.toFixed(2), "TS / WASM": (r / w).toFixed(1) });
      if (name === "growBackground") measureBackground(wasm, raster); // later kernels read a grown mask
    }
    const inner = { x0: 1, y0: 1, x1: raster.width - 1, y1: raster.height - 1 };
    const n = raster.width * raster.height;
    for (const [name, simd, scalar] of [
      ["luma plane", () => wasm.lumaPlaneOnly(true), () => wasm.lumaPlaneOnly(false)],
      ["laplacian", () => wasm.laplacian("luma", inner), () => wasm.laplacianScalar(inner)],
    ]) {
      const s = await nsPerPixel(simd, n, runs);
      const c = await nsPerPixel(scalar, n, runs);
      simdRows.push({ photo: label, kernel: name, "SIMD ns/px": s.toFixed(2), "scalar ns/px": c.toFixed(2), speed_up: (c / s).toFixed(1) });
    }
  }
  printTable("Pixel kernels: WASM vs TypeScript reference (median ns per pixel processed)", kernelRows);
  printTable("What SIMD buys (WASM, ns per pixel)", simdRows);

  // Every kernel fact of one decoded photo (no face: face-region facts stop at the missing face box).
  const registry = new PluginRegistry();
  const ids = [...registry.facts.keys()].filter((id) => /^(background|head|silhouette|image\.(colourfulness|chromaVariety|greyscale)|exposure\.[a-zA-Z]+$|lighting\.backgroundShadow)/.test(id));
  const factRows = [];
  for (const [label, raster] of await rasters()) {
    const bytes = await sharp(Buffer.from(raster.data), { raw: { width: raster.width, height: raster.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
    const photo = await decodePhoto(new Uint8Array(bytes));
    const { median } = await time(async () => {
      const ctx = new AnalysisContext({ ...photo, raster: { ...photo.raster } }, registry.facts);
      await Promise.all(ids.map((id) => ctx.outcome(id)));
    }, { warmup: 2, runs: 20 });
    factRows.push({ photo: label, raster: `${photo.raster.width}x${photo.raster.height}`, facts: ids.length, "all kernel facts ms": ms(median) });
  }
  printTable("All background, colour and whole-photo exposure facts of one photo (decode excluded)", factRows);
  return { kernels: kernelRows, simd: simdRows, kernelFacts: factRows };
}
