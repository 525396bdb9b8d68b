import type { FactDefinition, OperatorDefinition, PluginRegistry } from "@photoaudit/core";
import { describeCondition, formatProblem, type ResolvedRule, type ResolvedRuleset, type RulesetProblem } from "@photoaudit/rules";
import type { Language } from "./language.js";
import type { Style } from "./style.js";

/** One line per ruleset for `rules list`: id, version, region, parent, rule count and name. */
export function formatRulesetList(rows: { id: string; version: number; region: string; extends: string | null; rules: number | null; name: string }[], style: Style): string {
  const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => pick(r).length), 0);
  const idWidth = Math.max(width((r) => r.id), "id".length);
  const regionWidth = Math.max(width((r) => r.region), "region".length);
  const parentWidth = Math.max(width((r) => r.extends ?? "-"), "extends".length);
  const header = style.grey(`${"id".padEnd(idWidth)}  ver ${"region".padEnd(regionWidth)}  ${"extends".padEnd(parentWidth)}  rules  name`);
  return [
    header,
    ...rows.map(
      (r) =>
        `${style.bold(r.id.padEnd(idWidth))}  ${`v${r.version}`.padEnd(3)} ${r.region.padEnd(regionWidth)}  ${(r.extends ?? "-").padEnd(parentWidth)}  ${String(r.rules ?? "?").padStart(5)}  ${r.name}`,
    ),
  ].join("\n");
}

/** A resolved ruleset for `rules show`: header, inheritance chain, then each rule with its threshold and where it comes from. */
export function formatResolvedRuleset(ruleset: ResolvedRuleset, registry: PluginRegistry, lang: Language, style: Style): string {
  const unitOf = (fact: string) => registry.facts.get(fact)?.unit ?? "";
  const lines = [
    `${style.bold(ruleset.id)} v${ruleset.version}  ${ruleset.region}  ${ruleset.name[lang]}`,
    `inheritance: ${ruleset.chain.map((c) => `${c.id} v${c.version}`).join(" -> ")}`,
  ];
  if (ruleset.description) lines.push("", ...wrapText(ruleset.description[lang], 100).map((l) => style.grey(l)));
  for (const source of ruleset.description?.sources ?? []) lines.push(style.grey(`  source: ${source}`));
  lines.push("");
  const idWidth = Math.max(...ruleset.rules.map((r) => r.id.length), 0);
  for (const rule of ruleset.rules) {
    const severity = rule.severity === "reject" ? style.red("reject") : style.yellow("review");
    lines.push(`${style.bold(rule.id.padEnd(idWidth))}  ${severity}  ${rule.requirement}  ${describeCondition(rule.conditions, unitOf)}`);
    lines.push(`${" ".repeat(idWidth)}  ${style.grey(provenance(rule))}`);
    lines.push(`${" ".repeat(idWidth)}  ${rule.message[lang]}`);
  }
  for (const off of ruleset.disabled) lines.push(style.grey(`${off.id.padEnd(idWidth)}  disabled by ${off.disabledBy} (defined in ${off.origin})`));
  return lines.join("\n");
}

/** "from cn-national, overridden by cn-sd-jinan (conditions)". */
function provenance(rule: ResolvedRule): string {
  const overrides = rule.overriddenBy.map((o) => `${o.ruleset} (${o.fields.join(", ")})`).join(", ");
  return `from ${rule.origin}${overrides ? `, overridden by ${overrides}` : ""}`;
}

/** Every problem on its own line, JSON path first, for `rules validate` and load errors. */
export function formatProblems(problems: readonly RulesetProblem[], style: Style): string {
  return problems.map((p) => `  ${style.red("✗")} ${formatProblem(p)}`).join("\n");
}

/** The fact catalogue for `rules facts`, grouped by plugin, then the operators rules can use. */
export function formatFactCatalogue(
  registry: PluginRegistry,
  operators: { name: string; description: string; source: string }[],
  lang: Language,
  style: Style,
): string {
  const lines: string[] = [];
  const facts = [...registry.facts.values()];
  const idWidth = Math.max(...facts.map((f) => f.id.length), 0);
  const kindWidth = Math.max(...facts.map((f) => factKind(f).length), 0);
  for (const plugin of registry.plugins) {
    lines.push(`${style.bold(plugin.name)} ${style.grey(`v${plugin.version}`)}`);
    for (const fact of plugin.facts) lines.push(`  ${fact.id.padEnd(idWidth)}  ${factKind(fact).padEnd(kindWidth)}  ${fact.description[lang]}`);
    lines.push("");
  }
  lines.push(style.bold("operators"));
  const opWidth = Math.max(...operators.map((o) => o.name.length), 0);
  for (const op of operators) lines.push(`  ${op.name.padEnd(opWidth)}  ${op.description} ${style.grey(`(${op.source})`)}`);
  return lines.join("\n");
}

const factKind = (fact: FactDefinition) => `${fact.type}${fact.unit ? `, ${fact.unit}` : ""}`;

/** Operator list entries from plugin operator definitions. */
export const operatorEntries = (operators: Iterable<OperatorDefinition>, source: string) => [...operators].map((o) => ({ name: o.name, description: o.description, source }));

function wrapText(text: string, width: number): string[] {
  // Chinese text has no spaces: cut it by length; other text at word boundaries.
  if (!text.includes(" ")) return text.match(new RegExp(`.{1,${Math.floor(width / 2)}}`, "gu")) ?? [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
