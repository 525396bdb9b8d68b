import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RulesetDocument } from "./ruleset.js";

/** Folder of the rulesets shipped with photoaudit (packages/rules/rulesets). */
export const BUILTIN_RULESET_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "rulesets");

let cache: Map<string, RulesetDocument> | undefined;

/** The built-in ruleset documents by id, read once from disk. */
export function builtinRulesets(): ReadonlyMap<string, RulesetDocument> {
  if (!cache) {
    cache = new Map();
    for (const file of readdirSync(BUILTIN_RULESET_DIR).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).sort()) {
      const doc = JSON.parse(readFileSync(join(BUILTIN_RULESET_DIR, file), "utf8")) as RulesetDocument;
      cache.set(doc.id, doc);
    }
  }
  return cache;
}
