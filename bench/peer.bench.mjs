// Peer comparison: face detection plus 68 landmarks with @vladmandic/face-api (tfjs, WASM backend,
// SSD MobileNet v1) against photoaudit's ONNX pipeline, on the same decoded corpus photos in the same run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { decodePhoto, detectFaces, detectLandmarks } from "../packages/core/dist/index.js";
import { CORPUS_DIR, corpusAvailable, ms, printTable, summarise } from "./support.mjs";

const require = createRequire(import.meta.url);

/** face-api on tfjs' WASM backend; the native tfjs-node backend downloads a binary at install, which fails here. */
async function loadPeer() {
  const tf = require("@tensorflow/tfjs");
  const wasm = require("@tensorflow/tfjs-backend-wasm");
  const faceapi = require("@vladmandic/face-api/dist/face-api.node-wasm.js");
  const wasmDir = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/";
  wasm.setWasmPaths(wasmDir);
  // The WASM backend fetches its .wasm by URL; serve absolute paths from disk instead.
  tf.env().platform.fetch = async (path) => {
    const bytes = readFileSync(String(path).replace(/^file:\/\//, ""));
    return new Response(bytes, { headers: { "content-type": "application/wasm" } });
  };
  await tf.setBackend("wasm");
  await tf.ready();
  const modelDir = join(dirname(require.resolve("@vladmandic/face-api/package.json")), "model");
  const readJson = (file) => JSON.parse(readFileSync(join(modelDir, file), "utf8"));
  const loadNet = async (net, name) => {
    const manifest = readJson(`${name}-weights_manifest.json`);
    const weights = faceapi.tf.io.decodeWeights(readFileSync(join(modelDir, `${name}.bin`)).buffer.slice(0), manifest[0].weights);
    await net.loadFromWeightMap(weights);
  };
  await loadNet(faceapi.nets.ssdMobilenetv1, "ssd_mobilenetv1_model");
  await loadNet(faceapi.nets.faceLandmark68Net, "face_landmark_68_model");
  return { tf, faceapi, backend: tf.getBackend(), version: tf.version_core };
}

export async function run() {
  if (!corpusAvailable) {
    console.log(`\npeer bench skipped: corpus not found at ${CORPUS_DIR}`);
    return {};
  }
  const { tf, faceapi, backend, version } = await loadPeer();
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8"));
  const ours = [];
  const peer = [];
  let oursRight = 0;
  let peerRight = 0;
  const photos = [];
  for (const entry of manifest) photos.push({ entry, raster: (await decodePhoto(new Uint8Array(readFileSync(join(CORPUS_DIR, entry.file))))).raster });
  // Warm both up on the first few photos.
  for (const { raster } of photos.slice(0, 3)) {
    const faces = await detectFaces(raster);
    for (const f of faces) await detectLandmarks(raster, f.box);
    const t = tf.tensor3d(raster.data, [raster.height, raster.width, 3], "int32");
    await faceapi.detectAllFaces(t, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 })).withFaceLandmarks();
    t.dispose();
  }
  for (const { entry, raster } of photos) {
    let started = performance.now();
    const faces = await detectFaces(raster);
    for (const f of faces) await detectLandmarks(raster, f.box);
    ours.push(performance.now() - started);
    if (faces.length === entry.labels.faces) oursRight++;

    const tensor = tf.tensor3d(raster.data, [raster.height, raster.width, 3], "int32");
    started = performance.now();
    const found = await faceapi.detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 })).withFaceLandmarks();
    peer.push(performance.now() - started);
    tensor.dispose();
    if (found.length === entry.labels.faces) peerRight++;
  }
  const o = summarise(ours);
  const p = summarise(peer);
  const rows = [
    { pipeline: "photoaudit (onnxruntime-node: detector + tiles + BlazeFace check, 68 landmarks)", "median ms": ms(o.median), "p95 ms": ms(o.p95), "faces counted right": `${oursRight}/${photos.length}` },
    { pipeline: `@vladmandic/face-api 1.7.15 (tfjs ${version}, ${backend} backend: SSD MobileNet v1, 68 landmarks)`, "median ms": ms(p.median), "p95 ms": ms(p.p95), "faces counted right": `${peerRight}/${photos.length}` },
  ];
  printTable(`Peer comparison: detection + 68 landmarks per corpus photo (same decoded rasters, same run); face-api / photoaudit median = ${(p.median / o.median).toFixed(1)}x`, rows);
  return { peer: { rows, ratio: p.median / o.median } };
}
