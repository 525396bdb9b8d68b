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

/** A ruleset document as stored in a file or the API. */
export interface RulesetDocument {
  $schema?: string;
  id: string;
  version: number;
  name: Bilingual;
  region: string;
  extends: string | null;
  description?: Bilingual & { sources?: string[] };
  rules: RuleDefinition[];
}

/** A ruleset with inheritance applied: the rules that run and where each came from. */
export interface ResolvedRuleset {
  id: string;
  version: number;
  name: Bilingual;
  region: string;
  /** This ruleset first, then each ancestor. */
  chain: { id: string; version: number }[];
  rules: (RuleDefinition & { origin: string })[];
}
