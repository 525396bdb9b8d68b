import type { Report, RuleResult } from "@photoaudit/rules";
import type { Language } from "./language.js";
import type { Style } from "./style.js";

const VERDICT_LABEL = { pass: "PASS", review: "REVIEW", reject: "REJECT", error: "ERROR" } as const;

/** One report as lines for a person: a header with the verdict, then one line per rule. */
export function formatReport(report: Report, lang: Language, style: Style): string {
  const colourOf = { pass: style.green, review: style.yellow, reject: style.red, error: style.red }[report.verdict];
  const header = `${style.bold(report.file)}  ${colourOf(style.bold(VERDICT_LABEL[report.verdict]))}  ${style.grey(
    `${report.ruleset.id} v${report.ruleset.version}, ${Math.round(report.timings.totalMs)} ms`,
  )}`;
  if (report.error) return `${header}\n  ${style.red(report.error.code)}  ${report.error.message}`;
  const width = Math.max(...report.results.map((r) => r.requirement.length), 0);
  return [header, ...report.results.map((r) => formatResult(r, width, lang, style))].join("\n");
}

function formatResult(result: RuleResult, width: number, lang: Language, style: Style): string {
  const mark =
    result.status === "pass"
      ? style.green("✓ pass")
      : result.status === "not_assessed"
        ? style.yellow("? n/a ")
        : result.severity === "reject"
          ? style.red("✗ fail")
          : style.yellow("✗ fail");
  return `  ${mark}  ${result.requirement.padEnd(width)}  ${result.message[lang]}`;
}
