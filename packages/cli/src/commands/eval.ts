import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, UsageError } from "../exitCodes.js";
import { floorBreaches, readFloors } from "../eval/floors.js";
import { formatEvaluation } from "../eval/formatEvaluation.js";
import { runEvaluation } from "../eval/runEvaluation.js";

// packages/cli/{src,dist}/commands -> repository root
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

export interface EvalCommandOptions {
  corpus?: string;
  ruleset: string;
  limit?: string;
  synthetic: boolean;
  out?: string;
  floors?: string;
}

/** `photoaudit eval`: scores every labelled requirement on the corpus and the synthetic set; exit 1 below a floor. */
export async function runEval(options: EvalCommandOptions): Promise<number> {
  const corpusDir = resolve(options.corpus ?? process.env.PHOTOAUDIT_CORPUS ?? join(REPO_ROOT, "../shared/corpus"));
  if (!existsSync(join(corpusDir, "manifest.json"))) {
    throw new UsageError(`No corpus at ${corpusDir} (manifest.json missing). Pass --corpus <dir> or set PHOTOAUDIT_CORPUS.`);
  }
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError(`--limit expects a positive integer, got ${options.limit}`);
  const outDir = resolve(options.out ?? join(REPO_ROOT, "eval"));
  const result = await runEvaluation({
    corpusDir,
    derivedDir: join(outDir, "derived"),
    rulesetId: options.ruleset,
    limit,
    synthetic: options.synthetic,
    onProgress: (message) => process.stderr.write(`eval: ${message}\n`),
  });
  const markdown = formatEvaluation(result);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, "results.json"), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(outDir, "results.md"), `${markdown}\n`);
  process.stdout.write(`${markdown}\n\nwrote ${join(outDir, "results.json")} and results.md\n`);

  // A partial run (--limit) cannot be held to the floors measured on the whole corpus.
  const floorsFile = options.floors ?? join(REPO_ROOT, "eval", "floors.json");
  if (limit !== undefined || !existsSync(floorsFile)) return EXIT.ok;
  const breaches = floorBreaches(result, await readFloors(floorsFile));
  for (const b of breaches) {
    process.stderr.write(`eval: ${b.set} ${b.requirement} accuracy ${(b.accuracy * 100).toFixed(1)} % is below its floor ${(b.floor * 100).toFixed(1)} %\n`);
  }
  return breaches.length ? EXIT.notCompliant : EXIT.ok;
}
