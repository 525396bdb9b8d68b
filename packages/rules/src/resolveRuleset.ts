import { PluginRegistry } from "@photoaudit/core";
import { RulesetError, type RulesetProblem } from "./errors.js";
import type { ResolvedRule, ResolvedRuleset, RuleDefinition, RuleEntry, RulesetDocument } from "./ruleset.js";
import { structureProblems } from "./rulesetLimits.js";
import { dedupeProblems, placeholderProblems, validateRuleset } from "./validateRuleset.js";

/** Finds a ruleset document by id (built-in files, a store, or both); the document is validated before use. */
export type RulesetLookup = (id: string) => RulesetDocument | undefined;

export interface ResolveOptions {
  /** The fact and operator catalogue rulesets are checked against; defaults to the built-in plugins. */
  registry?: PluginRegistry;
}

const REQUIRED_FIELDS = ["requirement", "severity", "conditions", "message"] as const;

/** One rule while the chain is merged: its fields so far and where each came from. */
interface RuleSlot {
  rule: RuleEntry;
  origin: string;
  originIndex: number;
  overriddenBy: { ruleset: string; fields: string[] }[];
  fieldSource: Partial<Record<keyof RuleDefinition, { ruleset: string; index: number }>>;
  disabledBy?: string;
}

/**
 * Applies inheritance: the root ancestor's rules first, then each descendant overrides rules by id (only the
 * fields it sets replace the parent's), disables them with `disabled: true` or re-enables them with `false`.
 * Every document of the chain and the merged result are validated against the registry; all problems are
 * reported together in one INVALID_RULESET error naming the chain. Cycles and missing parents are refused.
 */
export function resolveRuleset(id: string, lookup: RulesetLookup, options: ResolveOptions = {}): ResolvedRuleset {
  const registry = options.registry ?? new PluginRegistry();
  const { chain, problems, mergeable } = loadChain(id, lookup, registry);
  // Merge even when a document has problems (if its shape allows), so every problem is reported in one go.
  if (mergeable) {
    const merged = mergeChain(chain);
    problems.push(...merged.problems);
    for (const slot of merged.slots.values()) if (!slot.disabledBy) problems.push(...slotProblems(slot, registry));
    if (!problems.length) return resolved(chain, merged.slots);
  }
  throw invalid(id, chain.map((d) => d.id), problems);
}

function resolved(chain: RulesetDocument[], slots: Map<string, RuleSlot>): ResolvedRuleset {
  const self = chain[0];
  const active = [...slots.values()].filter((s) => !s.disabledBy);
  return {
    id: self.id,
    version: self.version,
    name: self.name,
    region: self.region,
    ...(self.description ? { description: self.description } : {}),
    chain: chain.map((d) => ({ id: d.id, version: d.version })),
    rules: active.map((s): ResolvedRule => ({ ...(s.rule as RuleDefinition), origin: s.origin, overriddenBy: s.overriddenBy })),
    disabled: [...slots.values()].filter((s) => s.disabledBy).map((s) => ({ id: s.rule.id, origin: s.origin, disabledBy: s.disabledBy as string })),
  };
}

/**
 * The ruleset and its ancestors (self first), each validated. Throws on a cycle or a missing parent; returns the
 * problems found and whether every document is safe to merge (plain rules with string ids, no hostile shapes).
 */
function loadChain(id: string, lookup: RulesetLookup, registry: PluginRegistry): { chain: RulesetDocument[]; problems: RulesetProblem[]; mergeable: boolean } {
  const chain: RulesetDocument[] = [];
  const problems: RulesetProblem[] = [];
  const requested: string[] = [];
  let mergeable = true;
  for (let next: string | null = id; next !== null; ) {
    if (requested.includes(next)) {
      throw new RulesetError("RULESET_CYCLE", `Ruleset inheritance has a cycle: ${[...requested, next].join(" -> ")}. Remove one "extends".`);
    }
    requested.push(next);
    const doc = lookup(next);
    if (!doc) {
      const via = chain.length ? ` (extended by ${requested[requested.length - 2]}; inheritance: ${requested.join(" -> ")})` : "";
      throw new RulesetError("RULESET_NOT_FOUND", `No ruleset "${next}"${via}. List the available ones with \`photoaudit rules list\`.`);
    }
    const docProblems = validateRuleset(doc, registry);
    const isDocument = doc !== null && typeof doc === "object" && !Array.isArray(doc);
    if (isDocument && typeof doc.id === "string" && doc.id !== next) docProblems.push({ path: "/id", message: `is "${String(doc.id)}", but the ruleset was requested as "${next}"` });
    problems.push(...docProblems.map((p) => ({ ruleset: next as string, ...p })));
    if (!isDocument) return { chain, problems, mergeable: false };
    mergeable &&= structureProblems(doc).length === 0 && Array.isArray(doc.rules) && doc.rules.every((r) => r !== null && typeof r === "object" && typeof r.id === "string");
    chain.push(doc);
    // Follow `extends` only when it is a well-formed id; a broken one is already a problem above.
    const parent: unknown = doc.extends;
    next = typeof parent === "string" && !docProblems.some((p) => p.path === "/extends" || p.path === "") ? parent : null;
  }
  return { chain, problems, mergeable };
}

/** Merges the chain root first, recording each rule's origin, overrides and disabling. */
function mergeChain(chain: RulesetDocument[]): { slots: Map<string, RuleSlot>; problems: RulesetProblem[] } {
  const slots = new Map<string, RuleSlot>();
  const problems: RulesetProblem[] = [];
  for (const doc of [...chain].reverse()) {
    doc.rules.forEach((entry, index) => {
      const fields = (Object.keys(entry) as (keyof RuleEntry)[]).filter((k) => k !== "id" && k !== "disabled");
      let slot = slots.get(entry.id);
      if (!slot) {
        if (entry.disabled === true && fields.length === 0) {
          problems.push({ ruleset: doc.id, path: `/rules/${index}/id`, message: `disables rule "${entry.id}", but no ruleset it extends defines it; check the id with \`photoaudit rules show ${chain[chain.length - 1].id}\`` });
          return;
        }
        slot = { rule: { id: entry.id }, origin: doc.id, originIndex: index, overriddenBy: [], fieldSource: {} };
        slots.set(entry.id, slot);
      } else {
        slot.overriddenBy.push({ ruleset: doc.id, fields: entry.disabled === undefined ? fields : [...fields, "disabled"] });
      }
      for (const field of fields) {
        (slot.rule as Record<string, unknown>)[field] = structuredClone(entry[field]);
        slot.fieldSource[field as keyof RuleDefinition] = { ruleset: doc.id, index };
      }
      if (entry.disabled === true) slot.disabledBy = doc.id;
      if (entry.disabled === false) slot.disabledBy = undefined;
    });
  }
  return { slots, problems };
}

/** Problems only the merged rule shows: fields nobody set, message placeholders that nothing would fill. */
function slotProblems(slot: RuleSlot, registry: PluginRegistry): RulesetProblem[] {
  const missing = REQUIRED_FIELDS.filter((f) => slot.rule[f] === undefined);
  if (missing.length) {
    return [
      {
        ruleset: slot.origin,
        path: `/rules/${slot.originIndex}`,
        message: `rule "${slot.rule.id}" is not defined by any ruleset this one extends, so it needs ${REQUIRED_FIELDS.join(", ")}; missing: ${missing.join(", ")}. To override an inherited rule, use its exact id.`,
      },
    ];
  }
  const source = slot.fieldSource.message ?? { ruleset: slot.origin, index: slot.originIndex };
  return placeholderProblems(slot.rule.message, slot.rule.conditions, `/rules/${source.index}/message`, registry).map((p) => ({ ruleset: source.ruleset, ...p }));
}

function invalid(id: string, chain: string[], problems: RulesetProblem[]): RulesetError {
  // Problems of the requested ruleset first, then each ancestor; within one, in document order.
  const rank = (p: RulesetProblem) => chain.indexOf(p.ruleset ?? id);
  const unique = dedupeProblems(problems).sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path, "en", { numeric: true }));
  const lineage = chain.length > 1 ? ` (inheritance: ${chain.join(" -> ")})` : "";
  return new RulesetError("INVALID_RULESET", `Ruleset "${id}"${lineage} has ${unique.length} problem${unique.length === 1 ? "" : "s"}; fix each one at its JSON path:`, unique);
}
