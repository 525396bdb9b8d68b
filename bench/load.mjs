// `npm run load`: drives a photoaudit server on loopback with concurrent photo validations for a bounded time
// (autocannon), then reports requests per second, p50/p99 latency, errors and the server's memory before and after.
import { fork } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import sharp from "sharp";
import { CORPUS_DIR, corpusAvailable, REPO_ROOT } from "./support.mjs";

const DURATION_S = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? availableParallelism() * 2);
const MB = 1024 * 1024;

/** A 358x441 national-layout JPEG: a corpus photo when the corpus is there, else a drawn one. */
async function photo() {
  const source = corpusAvailable ? readFileSync(join(CORPUS_DIR, "u2net-man2-grey.jpg")) : readFileSync(join(REPO_ROOT, "examples", "synthetic-id-photo.jpg"));
  return sharp(source).resize(358, 441, { fit: "cover" }).jpeg({ quality: 70 }).withMetadata({ density: 350 }).toBuffer();
}

const OPERATIONS = JSON.stringify({
  query: "mutation($photo: File!) { validatePhoto(photo: $photo, rulesetId: \"cn-national\") { verdict } }",
  variables: { photo: null },
});

async function validateOnce(url, file) {
  const body = new FormData();
  body.set("operations", OPERATIONS);
  body.set("map", JSON.stringify({ 0: ["variables.photo"] }));
  body.set("0", new Blob([file], { type: "image/jpeg" }), "photo.jpg");
  const response = await fetch(url, { method: "POST", body });
  return response.json();
}

function startServerProcess() {
  const child = fork(join(REPO_ROOT, "bench", "loadServer.mjs"), { execArgv: ["--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = (key) => new Promise((resolve) => child.on("message", function listener(m) { if (m[key] !== undefined) { child.off("message", listener); resolve(m[key]); } }));
  return { child, ready: next("url"), memory: () => { const m = next("memory"); child.send("memory"); return m; } };
}

const server = startServerProcess();
const url = await server.ready;
const file = await photo();
const dir = mkdtempSync(join(tmpdir(), "photoaudit-load-"));
const photoPath = join(dir, "photo.jpg");
writeFileSync(photoPath, file);

// Warm up every worker (model loading, ruleset compilation) before measuring.
for (let i = 0; i < availableParallelism() * 2; i++) {
  const answer = await validateOnce(url, file);
  if (!answer.data?.validatePhoto?.verdict) throw new Error(`warm-up validation failed: ${JSON.stringify(answer)}`);
}
const before = await server.memory();

// Several rounds on one server tell a plateau (arenas and WASM memory sized once) from a leak (growth every round).
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 2);
const rounds = [];
let result;
for (let round = 0; round < ROUNDS; round++) {
  result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: DURATION_S,
    form: {
      operations: { type: "text", value: OPERATIONS },
      map: { type: "text", value: JSON.stringify({ 0: ["variables.photo"] }) },
      0: { type: "file", path: photoPath, options: { filename: "photo.jpg", contentType: "image/jpeg" } },
    },
  });
  rounds.push({ requestsPerSecond: Number(result.requests.average.toFixed(2)), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, rssMB: Math.round((await server.memory()).rss / MB) });
}
const after = await server.memory();
await new Promise((resolve) => setTimeout(resolve, 5000));
const settled = await server.memory();
const check = await validateOnce(url, file);
server.child.send("stop");

const summary = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  durationSeconds: DURATION_S,
  rounds,
  requests: result.requests.total,
  requestsPerSecond: Number(result.requests.average.toFixed(2)),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  rssMB: { before: Math.round(before.rss / MB), after: Math.round(after.rss / MB), settled: Math.round(settled.rss / MB) },
  heapMB: { before: Math.round(before.heapUsed / MB), after: Math.round(after.heapUsed / MB), settled: Math.round(settled.heapUsed / MB) },
  validatesAfterwards: Boolean(check.data?.validatePhoto?.verdict),
};
console.log(`\n### Load: ${CONNECTIONS} concurrent validations of a 358x441 JPEG, ${ROUNDS} rounds of ${DURATION_S} s on one server (cn-national)\n`);
console.log("| round | req/s | p50 ms | p99 ms | errors | server RSS after (MB) |");
console.log("| --- | --- | --- | --- | --- | --- |");
rounds.forEach((r, i) => console.log(`| ${i + 1} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rssMB} |`));
console.log("\nLast round:\n");
console.log("| requests | req/s | p50 ms | p99 ms | p99/p50 | errors | server RSS before / after / 5 s later (MB) | heap before / after / later (MB) |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
console.log(
  `| ${summary.requests} | ${summary.requestsPerSecond} | ${summary.latencyMs.p50} | ${summary.latencyMs.p99} | ${(summary.latencyMs.p99 / summary.latencyMs.p50).toFixed(2)} | ${summary.errors} | ${summary.rssMB.before} / ${summary.rssMB.after} / ${summary.rssMB.settled} | ${summary.heapMB.before} / ${summary.heapMB.after} / ${summary.heapMB.settled} |`,
);
writeFileSync(join(REPO_ROOT, "bench", "load-results.json"), `${JSON.stringify(summary, null, 2)}\n`);
process.exit(summary.errors === 0 && summary.validatesAfterwards ? 0 : 1);
