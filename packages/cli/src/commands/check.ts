import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { createPluginRegistry } from "@photoaudit/core";
import { CheckerPool, PhotoChecker, RulesetError, errorReport, readRulesetFile, resolveRulesetDocument, rulesetLookup, type Report, type RulesetDocument } from "@photoaudit/rules";
import { isRulesetFile } from "./rules.js";
import { pickLanguage } from "../language.js";
import { formatReport } from "../formatReport.js";
import { terminalStyle } from "../style.js";
import { EXIT, UsageError } from "../exitCodes.js";
import { ANNOTATION_FACTS, writeAnnotation } from "../annotate.js";

export interface CheckCommandOptions {
  /** A ruleset id, or a path to a ruleset file (which may extend a built-in one). */
  ruleset: string;
  json?: boolean;
  lang?: string;
  /** Folder for annotated PNGs (faces, landmarks, failing rules), one per photo. */
  annotate?: string;
  /** Worker threads for a batch (default: one per core when there are several files; 1 checks in this thread). */
  workers?: string;
}

// Each worker loads the models and compiles the ruleset (about a second here), which pays off from a batch of this size.
const POOL_FROM_FILES = 8;

/** How many worker threads to use: --workers, else one per core for a batch, none for a few photos. */
function workerCount(option: string | undefined, files: number): number {
  if (option === undefined) return files >= POOL_FROM_FILES ? Math.min(files, availableParallelism()) : 1;
  const n = Number(option);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers expects a positive integer, got ${option}`);
  return n;
}

/** Reads a file for checking; an unreadable path becomes a FILE_UNREADABLE error report instead of a crash. */
async function readInput(path: string): Promise<Uint8Array | { code: string; message: string }> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return { code: "FILE_UNREADABLE", message: `Cannot read ${path}: ${reason}. Check the path and permissions.` };
  }
}

/** `photoaudit check`: checks each file, prints the reports, and returns the exit code. */
export async function runCheck(files: string[], options: CheckCommandOptions): Promise<number> {
  const registry = await createPluginRegistry();
  let rulesetId = options.ruleset;
  let documents: RulesetDocument[] | undefined;
  if (isRulesetFile(options.ruleset)) {
    // Validate the file (and its chain) first so its problems are reported with their JSON paths.
    const doc = await readRulesetFile(options.ruleset);
    rulesetId = resolveRulesetDocument(doc, registry).id;
    documents = [doc];
  }
  const checker = new PhotoChecker({ registry, lookup: documents && rulesetLookup(documents) });
  try {
    checker.evaluator(rulesetId);
  } catch (error) {
    if (error instanceof RulesetError) throw new UsageError(error.message);
    throw error;
  }
  const style = terminalStyle(process.stdout);
  const lang = pickLanguage(options.lang);
  const workers = workerCount(options.workers, files.length);
  const pool = workers > 1 ? new CheckerPool({ size: workers }) : undefined;
  const extraFacts = options.annotate ? ANNOTATION_FACTS : [];
  const ruleset = { id: checker.evaluator(rulesetId).ruleset.id, version: checker.evaluator(rulesetId).ruleset.version };

  /** Reads and checks one file; the pool analyses on worker threads, otherwise this thread does. */
  const checkFile = async (file: string): Promise<{ report: Report; input: Uint8Array | null }> => {
    const input = await readInput(file);
    if (!(input instanceof Uint8Array)) return { report: errorReport(file, ruleset, input), input: null };
    const report = pool
      ? await pool.check(input, { file, rulesetId, extraFacts, rulesets: documents })
      : await checker.check(input, { file, rulesetId, extraFacts });
    return { report, input };
  };

  // A window of checks in flight keeps every worker busy while reports print in input order.
  const window = Math.max(1, workers * 2);
  const pending: Promise<{ report: Report; input: Uint8Array | null }>[] = [];
  const reports: Report[] = [];
  try {
    for (let next = 0; next < Math.min(window, files.length); next++) pending.push(checkFile(files[next]));
    for (let i = 0; i < files.length; i++) {
      const { report, input } = await pending[i];
      if (i + window < files.length) pending.push(checkFile(files[i + window]));
      reports.push(report);
      if (options.annotate && input && report.verdict !== "error") {
        const written = await writeAnnotation(input, report, options.annotate);
        if (!options.json) process.stderr.write(`annotated: ${written}\n`);
      }
      if (!options.json) process.stdout.write(`${formatReport(report, lang, style)}\n`);
    }
  } finally {
    await pool?.close();
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ reports }, null, 2)}\n`);
  if (reports.some((r) => r.verdict === "error")) return EXIT.usageOrUnreadable;
  return reports.every((r) => r.verdict === "pass") ? EXIT.ok : EXIT.notCompliant;
}
