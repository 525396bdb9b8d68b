import { RulesetError } from "./errors.js";
import type { ResolvedRuleset, RuleDefinition, RulesetDocument } from "./ruleset.js";

/** Finds a ruleset document by id (built-in files, a store, or both). */
export type RulesetLookup = (id: string) => RulesetDocument | undefined;

/**
 * Applies inheritance: the root ancestor's rules first, then each descendant overrides rules by id
 * (fields it sets replace the parent's) or removes them with `disabled: true`. Cycles are refused.
 */
export function resolveRuleset(id: string, lookup: RulesetLookup): ResolvedRuleset {
  const chain: RulesetDocument[] = [];
  const seen = new Set<string>();
  for (let next: string | null = id; next !== null; ) {
    if (seen.has(next)) {
      throw new RulesetError("RULESET_CYCLE", `Ruleset inheritance has a cycle: ${[...chain.map((d) => d.id), next].join(" -> ")}. Remove one "extends".`);
    }
    seen.add(next);
    const doc = lookup(next);
    if (!doc) {
      const via = chain.length ? ` (extended by ${chain[chain.length - 1].id})` : "";
      throw new RulesetError("RULESET_NOT_FOUND", `No ruleset "${next}"${via}. List the available ones with \`photoaudit rules list\`.`);
    }
    chain.push(doc);
    next = doc.extends ?? null;
  }

  const rules = new Map<string, RuleDefinition & { origin: string }>();
  for (const doc of [...chain].reverse()) {
    for (const rule of doc.rules) {
      if (rule.disabled) {
        rules.delete(rule.id);
        continue;
      }
      const inherited = rules.get(rule.id);
      rules.set(rule.id, { ...(inherited ?? {}), ...structuredClone(rule), origin: doc.id });
    }
  }
  const self = chain[0];
  return {
    id: self.id,
    version: self.version,
    name: self.name,
    region: self.region,
    chain: chain.map((d) => ({ id: d.id, version: d.version })),
    rules: [...rules.values()],
  };
}
