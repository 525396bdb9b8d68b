import type { AnalysisContext, Bilingual, FactOutcome, PluginRegistry } from "@photoaudit/core";
import { Engine, Operator, type RuleResult as EngineRuleResult } from "json-rules-engine";
import { conditionFacts, conditionLeaves, triEvaluate } from "./conditions.js";
import { describeExpected } from "./describeCondition.js";
import { fillMessage, formatValue, placeholderNames } from "./messages.js";
import { PHOTO_OPERATORS } from "./operators.js";
import type { RuleResult, RuleStatus } from "./report.js";
import type { Condition, ResolvedRuleset, RuleDefinition } from "./ruleset.js";

/** Runtime fact through which engine facts reach the per-photo AnalysisContext. */
const CONTEXT_FACT = "$photoauditContext";

const STATUS: Record<string, RuleStatus> = { true: "pass", false: "fail", unknown: "not_assessed" };

/**
 * A ruleset compiled once into a json-rules-engine Engine; `evaluate` runs it on one photo's context.
 * Facts are pulled lazily, so a file-only ruleset never touches a model or a kernel.
 */
export class RulesetEvaluator {
  readonly ruleset: ResolvedRuleset;
  private readonly registry: PluginRegistry;
  private readonly engine: Engine;
  private readonly rules: ReadonlyMap<string, RuleDefinition>;

  constructor(ruleset: ResolvedRuleset, registry: PluginRegistry) {
    this.ruleset = ruleset;
    this.registry = registry;
    this.engine = new Engine([], { allowUndefinedFacts: false, replaceFactsInEventParams: false });
    for (const operator of [...PHOTO_OPERATORS, ...registry.operators.values()]) {
      this.engine.addOperator(new Operator(operator.name, (a: unknown, b: unknown) => operator.evaluate(a, b), operator.acceptsFact));
    }
    const active = ruleset.rules.filter((r) => !r.disabled);
    this.rules = new Map(active.map((r) => [r.id, r]));
    const factIds = new Set(active.flatMap((r) => conditionFacts(r.conditions)));
    for (const id of factIds) {
      this.engine.addFact(
        id,
        async (_params: unknown, almanac: { factValue(id: string): Promise<unknown> }) => {
          const ctx = (await almanac.factValue(CONTEXT_FACT)) as AnalysisContext;
          const outcome = await ctx.outcome(id);
          return outcome.status === "ok" ? outcome.value : undefined;
        },
        { priority: registry.facts.get(id)?.priority ?? 1, cache: true },
      );
    }
    for (const rule of active) {
      this.engine.addRule({ name: rule.id, conditions: structuredClone(rule.conditions) as never, event: { type: rule.id } });
    }
  }

  /** Evaluates every active rule on one photo, in ruleset order. */
  async evaluate(ctx: AnalysisContext): Promise<RuleResult[]> {
    const { results, failureResults } = await this.engine.run({ [CONTEXT_FACT]: ctx });
    const byRule = new Map<string, EngineRuleResult>([...results, ...failureResults].map((r) => [String(r.name), r]));
    // Facts a message quotes without judging them (a pixel value beside a judged ratio) are computed only now, for evaluated rules.
    await Promise.all([...this.rules.values()].filter((r) => byRule.has(r.id)).flatMap((r) => this.messageFacts(r).map((f) => ctx.outcome(f))));
    const outcomes = await ctx.settled();
    return [...this.rules.values()].map((rule) => this.describe(rule, byRule.get(rule.id), outcomes));
  }

  /** Registry facts a rule's message names that its conditions do not read. */
  private messageFacts(rule: RuleDefinition): string[] {
    const read = new Set(conditionFacts(rule.conditions));
    return placeholderNames(rule.message).filter((name) => !read.has(name) && this.registry.facts.has(name));
  }

  private describe(rule: RuleDefinition, result: EngineRuleResult | undefined, outcomes: Map<string, FactOutcome>): RuleResult {
    const unavailable = (fact: string) => outcomes.get(fact)?.status !== "ok";
    const tri = result ? triEvaluate(result.conditions as unknown as Condition, unavailable) : "unknown";
    const status = STATUS[String(tri)];
    const leaves = conditionLeaves(rule.conditions);
    const facts = conditionFacts(rule.conditions);
    const valueOf = (fact: string) => {
      const o = outcomes.get(fact);
      return o?.status === "ok" ? o.value : null;
    };
    const unitOf = (fact: string) => this.registry.facts.get(fact)?.unit ?? "";
    const measured = facts.length === 1 ? valueOf(facts[0]) : Object.fromEntries(facts.map((f) => [f, valueOf(f)]));
    const expected =
      leaves.length === 1
        ? { operator: leaves[0].operator, value: leaves[0].value }
        : leaves.map((l) => ({ fact: l.fact, operator: l.operator, value: l.value }));

    const placeholders: Record<string, string> = {
      measured: facts.map((f) => formatValue(valueOf(f), unitOf(f))).join(", "),
      expected: leaves.map((l) => describeExpected(l, unitOf(l.fact))).join(", "),
    };
    for (const f of [...facts, ...this.messageFacts(rule)]) placeholders[f] = formatValue(valueOf(f));
    let message: Bilingual = fillMessage(rule.message, placeholders);
    if (status === "not_assessed") {
      // The rule's own text quotes a measurement that does not exist; say why instead.
      const reasons = facts.flatMap((f) => {
        const o = outcomes.get(f);
        return o && o.status === "unavailable" ? [o.reason] : [];
      });
      const unique = (texts: string[]) => [...new Set(texts)];
      const zh = unique(reasons.map((r) => r.zh)).join("；") || "所需事实未计算";
      const en = unique(reasons.map((r) => r.en)).join("; ") || "the facts it needs were not computed";
      message = { zh: `无法评估：${zh}`, en: `Not assessed: ${en}` };
    }
    return { rule: rule.id, requirement: rule.requirement, status, severity: rule.severity, measured, expected, message };
  }
}
