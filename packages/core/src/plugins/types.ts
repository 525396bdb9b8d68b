import type { AnalysisContext } from "../context.js";

/** Text in both languages every user-facing string of the checker carries. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** JSON type of a fact's value, checked against rule thresholds when a ruleset loads. */
export type FactValueType = "number" | "integer" | "boolean" | "string" | "array" | "object";

/** A named measurement of a photo: computed lazily, once per photo, only when a rule asks for it. */
export interface FactDefinition<T = unknown> {
  id: string;
  /** Unit of the value ("px", "KB", "deg", "ratio", "probability", "" for none). */
  unit: string;
  type: FactValueType;
  description: Bilingual;
  /** Higher runs first; cheap file facts outrank model-backed ones so cheap rules decide early. */
  priority?: number;
  /** Computes the value; throws FactUnavailable when the photo does not allow it (no face, no EXIF date). */
  compute(ctx: AnalysisContext): T | Promise<T>;
}

/** A custom json-rules-engine operator a plugin contributes. */
export interface OperatorDefinition {
  name: string;
  description: string;
  /** Fact value types the operator works on; a rule using it on another type is refused when the ruleset loads. */
  factTypes?: readonly FactValueType[];
  /** Whether the fact value is acceptable input for this operator (false makes the condition fail). */
  acceptsFact?(factValue: unknown): boolean;
  evaluate(factValue: unknown, expected: unknown): boolean;
  /** Checks a rule's threshold at load time; returns a problem description or null. */
  checkExpected?(expected: unknown): string | null;
}

/** A bundle of facts (and optional operators) that measure one aspect of a photo. */
export interface PhotoPlugin {
  name: string;
  version: string;
  facts: FactDefinition[];
  operators?: OperatorDefinition[];
}

/** Thrown by a fact that cannot be measured on this photo; its rules become `not_assessed`. */
export class FactUnavailable extends Error {
  readonly reason: Bilingual;
  constructor(reason: Bilingual) {
    super(reason.en);
    this.name = "FactUnavailable";
    this.reason = reason;
  }
}
