import type { Bilingual } from "@photoaudit/core";
import type { Requirement } from "./requirements.js";

export type Severity = "reject" | "review";

/** A json-rules-engine leaf condition over one fact. */
export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
  priority?: number;
}

/** A json-rules-engine condition tree. */
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** One rule as written in a ruleset file. */
export interface RuleDefinition {
  id: string;
  requirement: Requirement;
  severity: Severity;
  conditions: Condition;
  /** What the rule demands, with {measured}, {expected} and {<fact id>} placeholders. */
  message: Bilingual;
  /** In a child ruleset: true removes the inherited rule of the same id. */
  disabled?: boolean;
}

/**
 * A rule as written in a child ruleset: the id of an inherited rule plus only the fields that change
 * (`conditions` to change thresholds, `severity`, `message`), or `{id, disabled: true}`, or a new complete rule.
 */
export type RuleEntry = Pick<RuleDefinition, "id"> & Partial<Omit<RuleDefinition, "id">>;

/** A ruleset document as stored in a file or the API (validated by ruleset.schema.json and validateRuleset). */
export interface RulesetDocument {
  $schema?: string;
  id: string;
  version: number;
  name: Bilingual;
  region: string;
  /** Parent ruleset id; null or absent for a root ruleset, whose rules must then be complete. */
  extends?: string | null;
  description?: Bilingual & { sources?: string[] };
  rules: RuleEntry[];
}

/** A rule after inheritance, with where it comes from. */
export interface ResolvedRule extends RuleDefinition {
  /** The ruleset that first defined the rule. */
  origin: string;
  /** Descendant rulesets that changed it, nearest the root first, with the fields each one set. */
  overriddenBy: { ruleset: string; fields: string[] }[];
}

/** A ruleset with inheritance applied: the rules that run and where each came from. */
export interface ResolvedRuleset {
  id: string;
  version: number;
  name: Bilingual;
  region: string;
  description?: Bilingual & { sources?: string[] };
  /** This ruleset first, then each ancestor. */
  chain: { id: string; version: number }[];
  /** Active rules, in the order they were first defined (root ancestor first). */
  rules: ResolvedRule[];
  /** Inherited rules a descendant switched off, and which ruleset did it. */
  disabled: { id: string; origin: string; disabledBy: string }[];
}
