import { readFile, stat } from "node:fs/promises";
import type { PluginRegistry } from "@photoaudit/core";
import { builtinRulesets } from "./builtinRulesets.js";
import { RulesetError } from "./errors.js";
import { resolveRuleset, type RulesetLookup } from "./resolveRuleset.js";
import type { ResolvedRuleset, RulesetDocument } from "./ruleset.js";
import { RULESET_LIMITS } from "./rulesetLimits.js";

/** Parses ruleset JSON text, refusing oversized or malformed text with INVALID_RULESET; the content is checked on resolution. */
export function parseRulesetJson(text: string): RulesetDocument {
  if (text.length > RULESET_LIMITS.maxBytes) {
    throw new RulesetError("INVALID_RULESET", "The ruleset is too large to load.", [{ path: "", message: `is ${text.length} characters; the limit is ${RULESET_LIMITS.maxBytes}` }]);
  }
  try {
    return JSON.parse(text) as RulesetDocument;
  } catch (error) {
    const detail = (error as Error).message;
    const position = /position (\d+)/.exec(detail);
    let where = "";
    if (position) {
      const before = text.slice(0, Number(position[1])).split("\n");
      where = ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
    }
    throw new RulesetError("INVALID_RULESET", "The ruleset is not valid JSON.", [{ path: "", message: `is not valid JSON${where}: ${detail}` }]);
  }
}

/** Reads and parses a ruleset file; RULESET_UNREADABLE names the path when it cannot be read. */
export async function readRulesetFile(path: string): Promise<RulesetDocument> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > RULESET_LIMITS.maxBytes) {
      throw new RulesetError("INVALID_RULESET", `The ruleset file ${path} is too large to load.`, [{ path: "", message: `is ${size} bytes; the limit is ${RULESET_LIMITS.maxBytes}` }]);
    }
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof RulesetError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new RulesetError("RULESET_UNREADABLE", `Cannot read the ruleset file ${path}: ${reason}. Check the path and permissions.`);
  }
  return parseRulesetJson(text);
}

/** Looks rulesets up among the given documents first, then the built-in ones (so a local edit of a built-in wins). */
export function rulesetLookup(documents: Iterable<RulesetDocument> = []): RulesetLookup {
  const extra = new Map<string, RulesetDocument>();
  for (const doc of documents) if (doc && typeof doc.id === "string") extra.set(doc.id, doc);
  return (id) => extra.get(id) ?? builtinRulesets().get(id);
}

/** Validates and resolves a document that is not (yet) stored, its ancestors coming from `lookup`; throws RulesetError. */
export function resolveRulesetDocument(doc: RulesetDocument, registry: PluginRegistry, lookup: RulesetLookup = rulesetLookup()): ResolvedRuleset {
  const id = doc !== null && typeof doc === "object" && typeof doc.id === "string" ? doc.id : "";
  return resolveRuleset(id, (wanted) => (wanted === id ? doc : lookup(wanted)), { registry });
}
