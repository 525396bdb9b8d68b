import type { FactValueType, OperatorDefinition } from "@photoaudit/core";

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isRange = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isNumber(v[0]) && isNumber(v[1]) && v[0] <= v[1];
const NUMERIC: readonly FactValueType[] = ["number", "integer"];
const SCALAR: readonly FactValueType[] = ["number", "integer", "string", "boolean"];

/** Operators photo rules need beyond json-rules-engine's built-ins, so thresholds read as the standards write them. */
export const PHOTO_OPERATORS: readonly OperatorDefinition[] = [
  {
    name: "between",
    description: "fact value within [min, max], both inclusive",
    factTypes: NUMERIC,
    acceptsFact: isNumber,
    evaluate: (fact, [min, max]) => (fact as number) >= min && (fact as number) <= max,
    checkExpected: (v) => (isRange(v) ? null : "expects [min, max]: two numbers with min <= max"),
  } as OperatorDefinition,
  {
    name: "outside",
    description: "fact value below min or above max",
    factTypes: NUMERIC,
    acceptsFact: isNumber,
    evaluate: (fact, [min, max]) => (fact as number) < min || (fact as number) > max,
    checkExpected: (v) => (isRange(v) ? null : "expects [min, max]: two numbers with min <= max"),
  } as OperatorDefinition,
  {
    name: "absAtMost",
    description: "absolute fact value at most the limit (signed angles)",
    factTypes: NUMERIC,
    acceptsFact: isNumber,
    evaluate: (fact, limit) => Math.abs(fact as number) <= (limit as number),
    checkExpected: (v) => (isNumber(v) && v >= 0 ? null : "expects a non-negative number"),
  },
  {
    name: "startsWithAny",
    description: "string fact starts with one of the listed prefixes (case-insensitive)",
    factTypes: ["string"],
    acceptsFact: (v) => typeof v === "string",
    evaluate: (fact, prefixes) => (prefixes as string[]).some((p) => (fact as string).toLowerCase().startsWith(p.toLowerCase())),
    checkExpected: (v) => (Array.isArray(v) && v.every((p) => typeof p === "string") ? null : "expects an array of strings"),
  },
  {
    name: "containsAny",
    description: "string fact contains one of the listed words (case-insensitive)",
    factTypes: ["string"],
    acceptsFact: (v) => typeof v === "string",
    evaluate: (fact, words) => (words as string[]).some((w) => (fact as string).toLowerCase().includes(w.toLowerCase())),
    checkExpected: (v) => (Array.isArray(v) && v.every((p) => typeof p === "string") ? null : "expects an array of strings"),
  },
];

/** Whether a threshold has the JSON type of a fact's value (integers for integer facts). */
export function valueMatchesType(value: unknown, type: FactValueType): boolean {
  switch (type) {
    case "number":
      return isNumber(value);
    case "integer":
      return Number.isInteger(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** A json-rules-engine built-in operator as the load-time checker sees it. */
export interface EngineOperator {
  description: string;
  factTypes: readonly FactValueType[];
  /** Checks the threshold against the fact's type; returns a problem or null. */
  checkExpected(value: unknown, factType: FactValueType | undefined): string | null;
}

const sameTypeAsFact = (value: unknown, factType: FactValueType | undefined) =>
  factType === undefined || valueMatchesType(value, factType) ? null : `expects a ${factType} like the fact (got ${JSON.stringify(value)})`;
const listOfFactType = (value: unknown, factType: FactValueType | undefined) => {
  if (!Array.isArray(value) || value.length === 0) return "expects a non-empty array of values";
  const bad = value.find((v) => factType !== undefined && !valueMatchesType(v, factType));
  return bad === undefined ? null : `expects ${factType} values like the fact (got ${JSON.stringify(bad)})`;
};
const finiteNumber = (value: unknown) => (isNumber(value) ? null : `expects a number (got ${JSON.stringify(value)})`);
const scalar = (value: unknown) => (value !== null && typeof value !== "object" ? null : "expects a single string, number or boolean");

/** json-rules-engine's own operators, with the fact types they accept and the thresholds they need. */
export const ENGINE_OPERATORS: Readonly<Record<string, EngineOperator>> = {
  equal: { description: "fact value equals the value", factTypes: SCALAR, checkExpected: sameTypeAsFact },
  notEqual: { description: "fact value differs from the value", factTypes: SCALAR, checkExpected: sameTypeAsFact },
  in: { description: "fact value is one of the listed values", factTypes: SCALAR, checkExpected: listOfFactType },
  notIn: { description: "fact value is none of the listed values", factTypes: SCALAR, checkExpected: listOfFactType },
  contains: { description: "array fact contains the value", factTypes: ["array"], checkExpected: scalar },
  doesNotContain: { description: "array fact does not contain the value", factTypes: ["array"], checkExpected: scalar },
  lessThan: { description: "fact value < value", factTypes: NUMERIC, checkExpected: finiteNumber },
  lessThanInclusive: { description: "fact value <= value", factTypes: NUMERIC, checkExpected: finiteNumber },
  greaterThan: { description: "fact value > value", factTypes: NUMERIC, checkExpected: finiteNumber },
  greaterThanInclusive: { description: "fact value >= value", factTypes: NUMERIC, checkExpected: finiteNumber },
};
