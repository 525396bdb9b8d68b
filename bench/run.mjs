// `npm run bench`: runs every bench/*.bench.mjs in name order and writes bench/results.json.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./support.mjs";

const only = process.argv.slice(2);
const files = readdirSync(join(REPO_ROOT, "bench"))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, Node ${process.version}`;
console.log(`photoaudit bench on ${machine}`);
const results = { machine, date: new Date().toISOString() };
for (const file of files) {
  const module = await import(join(REPO_ROOT, "bench", file));
  Object.assign(results, await module.run());
}
writeFileSync(join(REPO_ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log("\nwrote bench/results.json");
