import type { OperatorDefinition } from "@photoaudit/core";

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isRange = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isNumber(v[0]) && isNumber(v[1]) && v[0] <= v[1];

/** Operators photo rules need beyond json-rules-engine's built-ins, so thresholds read as the standards write them. */
export const PHOTO_OPERATORS: readonly OperatorDefinition[] = [
  {
    name: "between",
    description: "fact value within [min, max], both inclusive",
    acceptsFact: isNumber,
    evaluate: (fact, [min, max]) => (fact as number) >= min && (fact as number) <= max,
    checkExpected: (v) => (isRange(v) ? null : "expects [min, max] with min <= max"),
  } as OperatorDefinition,
  {
    name: "outside",
    description: "fact value below min or above max",
    acceptsFact: isNumber,
    evaluate: (fact, [min, max]) => (fact as number) < min || (fact as number) > max,
    checkExpected: (v) => (isRange(v) ? null : "expects [min, max] with min <= max"),
  } as OperatorDefinition,
  {
    name: "absAtMost",
    description: "absolute fact value at most the limit (signed angles)",
    acceptsFact: isNumber,
    evaluate: (fact, limit) => Math.abs(fact as number) <= (limit as number),
    checkExpected: (v) => (isNumber(v) && v >= 0 ? null : "expects a non-negative number"),
  },
  {
    name: "startsWithAny",
    description: "string fact starts with one of the listed prefixes (case-insensitive)",
    acceptsFact: (v) => typeof v === "string",
    evaluate: (fact, prefixes) => (prefixes as string[]).some((p) => (fact as string).toLowerCase().startsWith(p.toLowerCase())),
    checkExpected: (v) => (Array.isArray(v) && v.every((p) => typeof p === "string") ? null : "expects an array of strings"),
  },
  {
    name: "containsAny",
    description: "string fact contains one of the listed words (case-insensitive)",
    acceptsFact: (v) => typeof v === "string",
    evaluate: (fact, words) => (words as string[]).some((w) => (fact as string).toLowerCase().includes(w.toLowerCase())),
    checkExpected: (v) => (Array.isArray(v) && v.every((p) => typeof p === "string") ? null : "expects an array of strings"),
  },
];

/** json-rules-engine's own operators, with the fact types they accept (used to check rules at load time). */
export const ENGINE_OPERATORS: Record<string, { numeric: boolean }> = {
  equal: { numeric: false },
  notEqual: { numeric: false },
  in: { numeric: false },
  notIn: { numeric: false },
  contains: { numeric: false },
  doesNotContain: { numeric: false },
  lessThan: { numeric: true },
  lessThanInclusive: { numeric: true },
  greaterThan: { numeric: true },
  greaterThanInclusive: { numeric: true },
};
