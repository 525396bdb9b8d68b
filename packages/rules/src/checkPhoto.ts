import { AnalysisContext, decodePhoto, isPhotoError, PluginRegistry, type DecodeLimits } from "@photoaudit/core";
import { builtinRulesets } from "./builtinRulesets.js";
import { RulesetEvaluator } from "./evaluateRuleset.js";
import { decideVerdict, type Report } from "./report.js";
import { resolveRuleset, type RulesetLookup } from "./resolveRuleset.js";

export interface CheckerOptions {
  registry?: PluginRegistry;
  /** Where rulesets come from; defaults to the built-in files. */
  lookup?: RulesetLookup;
  limits?: Partial<DecodeLimits>;
}

export interface CheckOptions {
  /** Name of the photo as the caller gave it; echoed in the report. */
  file: string;
  rulesetId: string;
  checkDate?: Date;
  /** Facts to compute and report even though no rule reads them (the annotator wants face boxes, for instance). */
  extraFacts?: readonly string[];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Decodes, measures and judges photos; one instance serves many photos and compiles each ruleset once. */
export class PhotoChecker {
  readonly registry: PluginRegistry;
  private readonly lookup: RulesetLookup;
  private readonly limits: Partial<DecodeLimits>;
  private readonly evaluators = new Map<string, RulesetEvaluator>();

  constructor(options: CheckerOptions = {}) {
    this.registry = options.registry ?? new PluginRegistry();
    this.lookup = options.lookup ?? ((id) => builtinRulesets().get(id));
    this.limits = options.limits ?? {};
  }

  /** The compiled ruleset, resolved and validated through its inheritance chain on first use; throws RulesetError. */
  evaluator(rulesetId: string): RulesetEvaluator {
    let evaluator = this.evaluators.get(rulesetId);
    if (!evaluator) {
      evaluator = new RulesetEvaluator(resolveRuleset(rulesetId, this.lookup, { registry: this.registry }), this.registry);
      this.evaluators.set(rulesetId, evaluator);
    }
    return evaluator;
  }

  /** Checks one photo; a photo that cannot be decoded yields a report with verdict "error" and the decode code. */
  async check(bytes: Uint8Array, options: CheckOptions): Promise<Report> {
    const started = performance.now();
    const evaluator = this.evaluator(options.rulesetId);
    const ruleset = { id: evaluator.ruleset.id, version: evaluator.ruleset.version };
    let photo;
    try {
      photo = await decodePhoto(bytes, this.limits);
    } catch (error) {
      if (!isPhotoError(error)) throw error;
      return errorReport(options.file, ruleset, error.toJSON(), performance.now() - started);
    }
    const decodeMs = performance.now() - started;
    const ctx = new AnalysisContext(photo, this.registry.facts, { checkDate: options.checkDate });
    const rulesStarted = performance.now();
    const results = await evaluator.evaluate(ctx);
    const rulesMs = performance.now() - rulesStarted;
    await Promise.all((options.extraFacts ?? []).map((id) => ctx.outcome(id)));
    const facts: Record<string, unknown> = {};
    for (const [id, outcome] of [...(await ctx.settled())].sort(([a], [b]) => a.localeCompare(b))) {
      facts[id] = outcome.status === "ok" ? outcome.value : null;
    }
    const steps = Object.fromEntries(Object.entries(ctx.stepTimings).map(([k, v]) => [`${k}Ms`, round(v)]));
    return {
      file: options.file,
      ruleset,
      verdict: decideVerdict(results),
      results,
      facts,
      timings: { totalMs: round(performance.now() - started), decodeMs: round(decodeMs), rulesMs: round(rulesMs), ...steps },
    };
  }
}

/** The report for a photo that could not be analysed at all. */
export function errorReport(file: string, ruleset: { id: string; version: number }, error: { code: string; message: string }, ms = 0): Report {
  return { file, ruleset, verdict: "error", results: [], facts: {}, timings: { totalMs: round(ms) }, error };
}
