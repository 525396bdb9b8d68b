export type RulesetErrorCode = "RULESET_NOT_FOUND" | "RULESET_UNREADABLE" | "INVALID_RULESET" | "RULESET_CYCLE";

/** One problem in a ruleset, located by JSON Pointer path ("/rules/3/conditions/all/0/value"). */
export interface RulesetProblem {
  /** Which ruleset of an inheritance chain the path points into (absent when only one document is checked). */
  ruleset?: string;
  path: string;
  message: string;
}

/** One problem as a line a person reads: `cn-sd-jinan /rules/0/conditions: message`. */
export const formatProblem = (p: RulesetProblem): string => `${p.ruleset ? `${p.ruleset} ` : ""}${p.path || "/"}: ${p.message}`;

/** A ruleset that cannot be used: unknown id, inheritance cycle, or invalid document (with every problem listed). */
export class RulesetError extends Error {
  readonly code: RulesetErrorCode;
  readonly problems: RulesetProblem[];
  constructor(code: RulesetErrorCode, message: string, problems: RulesetProblem[] = []) {
    super(problems.length ? `${message}\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}` : message);
    this.name = "RulesetError";
    this.code = code;
    this.problems = problems;
  }

  /** Plain `{code, message, problems}` for JSON output and API errors. */
  toJSON(): { code: RulesetErrorCode; message: string; problems: RulesetProblem[] } {
    return { code: this.code, message: this.message, problems: this.problems };
  }
}
