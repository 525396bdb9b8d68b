export type RulesetErrorCode = "RULESET_NOT_FOUND" | "INVALID_RULESET" | "RULESET_CYCLE";

/** One problem in a ruleset, located by JSON path ("/rules/3/conditions/all/0/value"). */
export interface RulesetProblem {
  path: string;
  message: string;
}

/** A ruleset that cannot be used: unknown id, inheritance cycle, or invalid document (with every problem listed). */
export class RulesetError extends Error {
  readonly code: RulesetErrorCode;
  readonly problems: RulesetProblem[];
  constructor(code: RulesetErrorCode, message: string, problems: RulesetProblem[] = []) {
    super(problems.length ? `${message}\n${problems.map((p) => `  ${p.path || "/"}: ${p.message}`).join("\n")}` : message);
    this.name = "RulesetError";
    this.code = code;
    this.problems = problems;
  }
}
