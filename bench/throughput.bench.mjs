// Batch throughput: photos per second through the worker pool with 1 and with 2 worker threads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CheckerPool } from "../packages/rules/dist/index.js";
import { CORPUS_DIR, corpusAvailable, printTable } from "./support.mjs";

async function throughput(size, photos) {
  const pool = new CheckerPool({ size });
  try {
    // Warm every worker: models load and rulesets compile once per thread.
    await Promise.all(photos.slice(0, size * 2).map((p) => pool.check(p.bytes, { file: p.file, rulesetId: "cn-national" })));
    const started = performance.now();
    await Promise.all(photos.map((p) => pool.check(p.bytes, { file: p.file, rulesetId: "cn-national" })));
    return photos.length / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

export async function run() {
  if (!corpusAvailable) {
    console.log(`\nthroughput bench skipped: corpus not found at ${CORPUS_DIR}`);
    return {};
  }
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8"));
  const photos = manifest.map((e) => ({ file: e.file, bytes: new Uint8Array(readFileSync(join(CORPUS_DIR, e.file))) }));
  const one = await throughput(1, photos);
  const two = await throughput(2, photos);
  const rows = [
    { workers: 1, "photos/s": one.toFixed(2), speed_up: "1.00x" },
    { workers: 2, "photos/s": two.toFixed(2), speed_up: `${(two / one).toFixed(2)}x` },
  ];
  printTable(`Batch throughput over the ${photos.length} corpus photos (cn-national, CheckerPool)`, rows);
  return { throughput: rows };
}
