import type { Condition, LeafCondition } from "./ruleset.js";

/** Three-valued outcome of a condition: true, false, or unknown when a fact it needs is unavailable. */
export type Tri = true | false | "unknown";

const isLeaf = (c: Condition): c is LeafCondition => typeof (c as LeafCondition).fact === "string";

/** Every leaf of a condition tree, in document order. */
export function conditionLeaves(condition: Condition): LeafCondition[] {
  if (isLeaf(condition)) return [condition];
  if ("all" in condition) return condition.all.flatMap(conditionLeaves);
  if ("any" in condition) return condition.any.flatMap(conditionLeaves);
  if ("not" in condition) return conditionLeaves(condition.not);
  return [];
}

/** Distinct fact ids a condition reads. */
export const conditionFacts = (condition: Condition): string[] => [...new Set(conditionLeaves(condition).map((l) => l.fact))];

/**
 * Kleene evaluation of a json-rules-engine result tree: a leaf whose fact is unavailable is unknown,
 * so `all` fails if any known leaf fails and is unknown otherwise, and `any` passes if any known leaf passes.
 */
export function triEvaluate(annotated: Condition & { result?: boolean }, unavailable: (fact: string) => boolean): Tri {
  if (isLeaf(annotated)) {
    if (unavailable(annotated.fact) || annotated.result === undefined) return "unknown";
    return annotated.result === true;
  }
  if ("not" in annotated) {
    const inner = triEvaluate(annotated.not, unavailable);
    return inner === "unknown" ? inner : !inner;
  }
  const children = ("all" in annotated ? annotated.all : annotated.any).map((c) => triEvaluate(c, unavailable));
  if ("all" in annotated) {
    if (children.includes(false)) return false;
    return children.includes("unknown") ? "unknown" : true;
  }
  if (children.includes(true)) return true;
  return children.includes("unknown") ? "unknown" : false;
}
