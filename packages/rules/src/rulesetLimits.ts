import type { RulesetProblem } from "./errors.js";

/** Safety limits for ruleset documents, which come from admins and uploads: far above any real ruleset, low enough to refuse abuse. */
export const RULESET_LIMITS = {
  /** Bytes of ruleset JSON accepted from a file or request. */
  maxBytes: 1024 * 1024,
  /** Nesting depth of objects and arrays (a real ruleset needs about 8). */
  maxDepth: 32,
  /** Items in any array (rules, conditions, listed values). */
  maxArrayLength: 1000,
  /** Characters in any string. */
  maxStringLength: 10_000,
} as const;

/** Keys that could reach Object.prototype when a document is merged or copied: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Walks a parsed JSON document before anything else reads it and lists forbidden keys, excessive nesting,
 * huge arrays and huge strings. Stops descending at the depth limit, so hostile input costs little.
 */
export function structureProblems(doc: unknown, limits = RULESET_LIMITS): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === "string") {
      if (value.length > limits.maxStringLength) problems.push({ path, message: `is ${value.length} characters long; the limit is ${limits.maxStringLength}` });
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (depth > limits.maxDepth) {
      problems.push({ path, message: `is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Flatten the conditions.` });
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        problems.push({ path, message: `has ${value.length} items; the limit is ${limits.maxArrayLength}` });
        return;
      }
      value.forEach((item, index) => visit(item, `${path}/${index}`, depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      const child = `${path}/${escapePointer(key)}`;
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: child, message: `the key "${key}" is not allowed anywhere in a ruleset (it could alter object prototypes)` });
        continue;
      }
      visit((value as Record<string, unknown>)[key], child, depth + 1);
    }
  };
  visit(doc, "", 1);
  return problems;
}
