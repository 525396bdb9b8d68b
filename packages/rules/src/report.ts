import type { Bilingual } from "@photoaudit/core";
import type { Requirement } from "./requirements.js";
import type { Severity } from "./ruleset.js";

export type RuleStatus = "pass" | "fail" | "not_assessed";
export type Verdict = "pass" | "review" | "reject" | "error";

/** One rule's outcome on one photo. */
export interface RuleResult {
  rule: string;
  requirement: Requirement;
  status: RuleStatus;
  severity: Severity;
  /** The fact value the rule read (an object keyed by fact id when it reads several), null when unavailable. */
  measured: unknown;
  /** The condition the value had to meet: `{operator, value}`, or a list of `{fact, operator, value}`. */
  expected: unknown;
  message: Bilingual;
}

/** The outcome of checking one photo, shared by the CLI and the API. */
export interface Report {
  file: string;
  ruleset: { id: string; version: number };
  verdict: Verdict;
  results: RuleResult[];
  facts: Record<string, unknown>;
  timings: Record<string, number> & { totalMs: number };
  error?: { code: string; message: string };
}

/** reject if a reject-severity rule fails; review if a review rule fails or anything was not assessed; else pass. */
export function decideVerdict(results: readonly RuleResult[]): Exclude<Verdict, "error"> {
  if (results.some((r) => r.status === "fail" && r.severity === "reject")) return "reject";
  if (results.some((r) => r.status === "fail" || r.status === "not_assessed")) return "review";
  return "pass";
}
