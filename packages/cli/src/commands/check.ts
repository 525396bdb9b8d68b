import { readFile } from "node:fs/promises";
import { createPluginRegistry } from "@photoaudit/core";
import { PhotoChecker, RulesetError, errorReport, readRulesetFile, resolveRulesetDocument, rulesetLookup, type Report, type RulesetLookup } from "@photoaudit/rules";
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
  let lookup: RulesetLookup | undefined;
  if (isRulesetFile(options.ruleset)) {
    // Validate the file (and its chain) first so its problems are reported with their JSON paths.
    const doc = await readRulesetFile(options.ruleset);
    rulesetId = resolveRulesetDocument(doc, registry).id;
    lookup = rulesetLookup([doc]);
  }
  const checker = new PhotoChecker({ registry, lookup });
  try {
    checker.evaluator(rulesetId);
  } catch (error) {
    if (error instanceof RulesetError) throw new UsageError(error.message);
    throw error;
  }
  const style = terminalStyle(process.stdout);
  const lang = pickLanguage(options.lang);
  const reports: Report[] = [];
  for (const file of files) {
    const input = await readInput(file);
    const report =
      input instanceof Uint8Array
        ? await checker.check(input, { file, rulesetId, extraFacts: options.annotate ? ANNOTATION_FACTS : [] })
        : errorReport(file, { id: checker.evaluator(rulesetId).ruleset.id, version: checker.evaluator(rulesetId).ruleset.version }, input);
    reports.push(report);
    if (options.annotate && input instanceof Uint8Array && report.verdict !== "error") {
      const written = await writeAnnotation(input, report, options.annotate);
      if (!options.json) process.stderr.write(`annotated: ${written}\n`);
    }
    if (!options.json) process.stdout.write(`${formatReport(report, lang, style)}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ reports }, null, 2)}\n`);
  if (reports.some((r) => r.verdict === "error")) return EXIT.usageOrUnreadable;
  return reports.every((r) => r.verdict === "pass") ? EXIT.ok : EXIT.notCompliant;
}
