import type { FactValueType, PluginRegistry } from "@photoaudit/core";
import type { RulesetProblem } from "./errors.js";
import { ENGINE_OPERATORS, PHOTO_OPERATORS } from "./operators.js";
import { structureProblems } from "./rulesetLimits.js";
import { schemaProblems } from "./rulesetSchema.js";

/** What the load-time checker needs to know about an operator, whoever defines it. */
interface OperatorCheck {
  factTypes?: readonly FactValueType[];
  checkExpected(value: unknown, factType: FactValueType | undefined): string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** Placeholders a message may use besides the rule's own fact ids (same pattern as fillMessage). */
const PLACEHOLDER = /\{([\w.-]+)\}/g;
/** The JSONPath subset json-rules-engine facts are read with: $.name, $.name.sub, $[0]. */
const JSON_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+$/;

/**
 * Checks a ruleset document against the schema and the plugin catalogue, so a bad ruleset is refused when it
 * loads rather than misjudging photos later. Returns every problem with its JSON Pointer path; [] means valid.
 * Child rulesets may hold partial rules; their completeness is checked on the resolved result (resolveRuleset).
 */
export function validateRuleset(doc: unknown, registry: PluginRegistry): RulesetProblem[] {
  // Hostile shapes (prototype keys, deep nesting, huge arrays) are refused before ajv or anything else walks them.
  const structural = structureProblems(doc);
  if (structural.length) return structural;
  const problems = [...schemaProblems(doc)];
  if (isObject(doc) && Array.isArray(doc.rules)) {
    const firstIndex = new Map<string, number>();
    doc.rules.forEach((rule, index) => {
      if (!isObject(rule)) return;
      if (typeof rule.id === "string") {
        const first = firstIndex.get(rule.id);
        if (first === undefined) firstIndex.set(rule.id, index);
        else problems.push({ path: `/rules/${index}/id`, message: `repeats the id "${rule.id}" of /rules/${first}; rule ids must be unique within a ruleset` });
      }
      problems.push(...ruleProblems(rule, `/rules/${index}`, registry));
    });
  }
  return dedupeProblems(problems);
}

/** Problems in one rule's conditions and message placeholders, with paths under `path`. */
export function ruleProblems(rule: Json, path: string, registry: PluginRegistry): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  if (rule.conditions !== undefined) problems.push(...conditionProblems(rule.conditions, `${path}/conditions`, registry));
  if (rule.message !== undefined && rule.conditions !== undefined) problems.push(...placeholderProblems(rule.message, rule.conditions, `${path}/message`, registry));
  return problems;
}

/** Problems in a condition tree: unknown facts and operators, bad paths, thresholds of the wrong type. */
function conditionProblems(condition: unknown, path: string, registry: PluginRegistry): RulesetProblem[] {
  if (!isObject(condition)) return [];
  for (const key of ["all", "any"] as const) {
    const list = condition[key];
    if (Array.isArray(list)) return list.flatMap((c, i) => conditionProblems(c, `${path}/${key}/${i}`, registry));
  }
  if (condition.not !== undefined) return conditionProblems(condition.not, `${path}/not`, registry);
  return leafProblems(condition, path, registry);
}

function leafProblems(leaf: Json, path: string, registry: PluginRegistry): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const fact = typeof leaf.fact === "string" ? registry.facts.get(leaf.fact) : undefined;
  if (typeof leaf.fact === "string" && !fact) {
    problems.push({ path: `${path}/fact`, message: `unknown fact "${leaf.fact}"${suggest(leaf.fact, registry.facts.keys())}. List the facts with \`photoaudit rules facts\`.` });
  }
  const operator = typeof leaf.operator === "string" ? operatorCheck(leaf.operator, registry) : undefined;
  if (typeof leaf.operator === "string" && !operator) {
    problems.push({ path: `${path}/operator`, message: `unknown operator "${leaf.operator}"${suggest(leaf.operator, operatorNames(registry))}; known: ${operatorNames(registry).join(", ")}` });
  }
  let factType: FactValueType | undefined = fact?.type;
  if (leaf.path !== undefined && typeof leaf.path === "string") {
    if (!JSON_PATH.test(leaf.path)) {
      problems.push({ path: `${path}/path`, message: `"${leaf.path}" is not a JSONPath like $.left or $[0]` });
    } else if (fact && fact.type !== "object" && fact.type !== "array") {
      problems.push({ path: `${path}/path`, message: `a path only applies to object or array facts; "${fact.id}" is a ${fact.type}` });
    }
    factType = undefined; // the type inside an object fact is not declared, so thresholds are not type-checked
  }
  if (isObject(leaf.value) && "fact" in leaf.value) {
    problems.push({ path: `${path}/value`, message: "comparing with another fact is not supported: write the threshold as a value" });
    return problems;
  }
  if (!operator || !("value" in leaf)) return problems;
  if (factType && operator.factTypes && !operator.factTypes.includes(factType)) {
    problems.push({ path: `${path}/operator`, message: `"${leaf.operator}" works on ${operator.factTypes.join(" or ")} facts, but "${String(leaf.fact)}" is a ${factType}` });
    return problems;
  }
  const expectedProblem = operator.checkExpected(leaf.value, factType);
  if (expectedProblem) problems.push({ path: `${path}/value`, message: `"${leaf.operator}" ${expectedProblem}` });
  return problems;
}

/** Placeholders in a message that would be left unfilled: {measured}, {expected} and fact ids from the catalogue are filled. */
export function placeholderProblems(message: unknown, conditions: unknown, path: string, registry: PluginRegistry): RulesetProblem[] {
  if (!isObject(message)) return [];
  const facts = [...new Set(conditionFactIds(conditions))];
  const known = (name: string) => name === "measured" || name === "expected" || facts.includes(name) || registry.facts.has(name);
  return (["zh", "en"] as const).flatMap((lang) => {
    const text = message[lang];
    if (typeof text !== "string") return [];
    return [...text.matchAll(PLACEHOLDER)]
      .filter((m) => !known(m[1]))
      .map((m) => ({
        path: `${path}/${lang}`,
        message: `placeholder {${m[1]}} would not be filled; use {measured}, {expected}, this rule's facts (${facts.join(", ") || "none"}) or another fact id from \`photoaudit rules facts\``,
      }));
  });
}

/** Fact ids a (possibly malformed) condition tree reads. */
function conditionFactIds(condition: unknown): string[] {
  if (!isObject(condition)) return [];
  if (Array.isArray(condition.all)) return condition.all.flatMap(conditionFactIds);
  if (Array.isArray(condition.any)) return condition.any.flatMap(conditionFactIds);
  if (condition.not !== undefined) return conditionFactIds(condition.not);
  return typeof condition.fact === "string" ? [condition.fact] : [];
}

function operatorCheck(name: string, registry: PluginRegistry): OperatorCheck | undefined {
  if (Object.hasOwn(ENGINE_OPERATORS, name)) return ENGINE_OPERATORS[name];
  const custom = PHOTO_OPERATORS.find((o) => o.name === name) ?? registry.operators.get(name);
  if (!custom) return undefined;
  return { factTypes: custom.factTypes, checkExpected: (value) => custom.checkExpected?.(value) ?? null };
}

function operatorNames(registry: PluginRegistry): string[] {
  return [...new Set([...Object.keys(ENGINE_OPERATORS), ...PHOTO_OPERATORS.map((o) => o.name), ...registry.operators.keys()])];
}

/** ` (did you mean "x"?)` when a known name is one or two edits away. */
function suggest(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best ? ` (did you mean "${best}"?)` : "";
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** Drops repeated problems (the schema and the catalogue checks can both notice one mistake). */
export function dedupeProblems<T extends RulesetProblem>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.ruleset ?? ""}\u0000${p.path}\u0000${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
