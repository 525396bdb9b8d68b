import type { Condition, LeafCondition } from "./ruleset.js";
import { formatValue } from "./messages.js";

const SYMBOLS: Record<string, string> = {
  lessThan: "<",
  lessThanInclusive: "≤",
  greaterThan: ">",
  greaterThanInclusive: "≥",
  notEqual: "≠",
};

/** A leaf's threshold as a person reads it: "14-40 KB", "≤ 5 deg", "jpeg". */
export function describeExpected(leaf: LeafCondition, unit: string): string {
  const value = leaf.value;
  switch (leaf.operator) {
    case "equal":
      return formatValue(value, unit);
    case "between":
      return formatValue(value, unit);
    case "outside":
      return `∉ ${formatValue(value, unit)}`;
    case "absAtMost":
      return `±${formatValue(value, unit)}`;
    case "in":
      return Array.isArray(value) ? value.map((v) => formatValue(v, unit)).join(" / ") : formatValue(value, unit);
    case "notIn":
      return `∉ {${Array.isArray(value) ? value.map((v) => formatValue(v)).join(", ") : formatValue(value)}}`;
    default:
      return `${SYMBOLS[leaf.operator] ?? leaf.operator} ${formatValue(value, unit)}`;
  }
}

/** A whole condition tree as one line ("image.width 358 px and image.height 441 px"), for `photoaudit rules show`. */
export function describeCondition(condition: Condition, unitOf: (fact: string) => string): string {
  if ("all" in condition) return condition.all.map((c) => wrap(c, unitOf)).join(" and ");
  if ("any" in condition) return condition.any.map((c) => wrap(c, unitOf)).join(" or ");
  if ("not" in condition) return `not ${wrap(condition.not, unitOf)}`;
  return `${condition.fact}${condition.path ? ` ${condition.path}` : ""} ${describeExpected(condition, unitOf(condition.fact))}`;
}

const wrap = (condition: Condition, unitOf: (fact: string) => string) => {
  const text = describeCondition(condition, unitOf);
  return "fact" in condition ? text : `(${text})`;
};
