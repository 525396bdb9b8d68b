import { createPluginRegistry, type PluginRegistry } from "@photoaudit/core";
import {
  builtinRulesets,
  ENGINE_OPERATORS,
  PHOTO_OPERATORS,
  readRulesetFile,
  resolveRuleset,
  resolveRulesetDocument,
  RulesetError,
  rulesetLookup,
  type ResolvedRuleset,
} from "@photoaudit/rules";
import { EXIT, UsageError } from "../exitCodes.js";
import { formatFactCatalogue, formatProblems, formatResolvedRuleset, formatRulesetList, operatorEntries } from "../formatRuleset.js";
import { pickLanguage } from "../language.js";
import { terminalStyle } from "../style.js";

export interface RulesCommandOptions {
  json?: boolean;
  lang?: string;
}

const print = (text: string) => process.stdout.write(`${text}\n`);
const printJson = (value: unknown) => print(JSON.stringify(value, null, 2));

/** Whether a --ruleset / `rules show` argument names a file rather than a stored ruleset id. */
export const isRulesetFile = (ref: string) => ref.endsWith(".json") || ref.includes("/") || ref.includes("\\");

/** Resolves a ruleset id, or a ruleset file (whose ancestors come from the built-in rulesets); usage errors for unknown ids. */
export async function loadResolvedRuleset(ref: string, registry: PluginRegistry): Promise<ResolvedRuleset> {
  if (isRulesetFile(ref)) return resolveRulesetDocument(await readRulesetFile(ref), registry);
  try {
    return resolveRuleset(ref, rulesetLookup(), { registry });
  } catch (error) {
    if (error instanceof RulesetError && error.code !== "INVALID_RULESET") throw new UsageError(error.message);
    throw error;
  }
}

/** `photoaudit rules list`: every built-in ruleset with its parent and rule count. */
export async function runRulesList(options: RulesCommandOptions): Promise<number> {
  const registry = await createPluginRegistry();
  const lang = pickLanguage(options.lang);
  const rows = [...builtinRulesets().values()].map((doc) => {
    let rules: number | null = null;
    let problems = 0;
    try {
      rules = resolveRuleset(doc.id, rulesetLookup(), { registry }).rules.length;
    } catch (error) {
      problems = error instanceof RulesetError ? Math.max(error.problems.length, 1) : 1;
    }
    return { id: doc.id, version: doc.version, region: doc.region, extends: doc.extends ?? null, rules, name: doc.name[lang], ...(problems ? { problems } : {}) };
  });
  if (options.json) printJson({ rulesets: rows });
  else print(formatRulesetList(rows, terminalStyle(process.stdout)));
  return EXIT.ok;
}

/** `photoaudit rules show <id|file>`: the resolved ruleset, with where each rule comes from. */
export async function runRulesShow(ref: string, options: RulesCommandOptions): Promise<number> {
  const registry = await createPluginRegistry();
  const ruleset = await loadResolvedRuleset(ref, registry);
  if (options.json) printJson(ruleset);
  else print(formatResolvedRuleset(ruleset, registry, pickLanguage(options.lang), terminalStyle(process.stdout)));
  return EXIT.ok;
}

/** `photoaudit rules validate <file>`: exit 0 when the file and its inheritance chain are valid, 2 with every problem otherwise. */
export async function runRulesValidate(file: string, options: RulesCommandOptions): Promise<number> {
  const registry = await createPluginRegistry();
  const style = terminalStyle(process.stdout);
  try {
    const resolved = resolveRulesetDocument(await readRulesetFile(file), registry);
    const chain = resolved.chain.map((c) => c.id).join(" -> ");
    if (options.json) printJson({ file, valid: true, ruleset: { id: resolved.id, version: resolved.version }, chain: resolved.chain, rules: resolved.rules.length });
    else print(`${style.green("✓")} ${file}: ${resolved.id} v${resolved.version} is valid (${resolved.rules.length} rules; inheritance: ${chain})`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof RulesetError)) throw error;
    const problems = error.problems.length ? error.problems : [{ path: "", message: error.message }];
    if (options.json) printJson({ file, valid: false, code: error.code, problems });
    else print(`${style.red("✗")} ${file}: ${error.message.split("\n")[0]}\n${formatProblems(problems, style)}`);
    return EXIT.usageOrUnreadable;
  }
}

/** `photoaudit rules facts`: the fact catalogue (id, type, unit, description) and the operators rules can use. */
export async function runRulesFacts(options: RulesCommandOptions): Promise<number> {
  const registry = await createPluginRegistry();
  const operators = [
    ...Object.entries(ENGINE_OPERATORS).map(([name, op]) => ({ name, description: op.description, source: "json-rules-engine" })),
    ...operatorEntries(PHOTO_OPERATORS, "photoaudit"),
    ...registry.plugins.flatMap((p) => operatorEntries(p.operators ?? [], p.name)),
  ];
  if (options.json) {
    printJson({
      facts: registry.plugins.flatMap((p) => p.facts.map((f) => ({ id: f.id, plugin: p.name, type: f.type, unit: f.unit, description: f.description }))),
      operators,
    });
  } else {
    print(formatFactCatalogue(registry, operators, pickLanguage(options.lang), terminalStyle(process.stdout)));
  }
  return EXIT.ok;
}
