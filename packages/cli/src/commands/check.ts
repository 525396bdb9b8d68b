import { readFile } from "node:fs/promises";
import { PhotoChecker, RulesetError, errorReport, type Report } from "@photoaudit/rules";
import { pickLanguage } from "../language.js";
import { formatReport } from "../formatReport.js";
import { terminalStyle } from "../style.js";
import { EXIT, UsageError } from "../exitCodes.js";

export interface CheckCommandOptions {
  ruleset: string;
  json?: boolean;
  lang?: string;
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
  const checker = new PhotoChecker();
  try {
    checker.evaluator(options.ruleset);
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
        ? await checker.check(input, { file, rulesetId: options.ruleset })
        : errorReport(file, { id: checker.evaluator(options.ruleset).ruleset.id, version: checker.evaluator(options.ruleset).ruleset.version }, input);
    reports.push(report);
    if (!options.json) process.stdout.write(`${formatReport(report, lang, style)}\n`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ reports }, null, 2)}\n`);
  if (reports.some((r) => r.verdict === "error")) return EXIT.usageOrUnreadable;
  return reports.every((r) => r.verdict === "pass") ? EXIT.ok : EXIT.notCompliant;
}
