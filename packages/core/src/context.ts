import type { Photo } from "./decode/photo.js";
import { FactUnavailable, type Bilingual, type FactDefinition } from "./plugins/types.js";

/** Outcome of one fact on one photo. */
export type FactOutcome =
  | { status: "ok"; value: unknown; ms: number }
  | { status: "unavailable"; reason: Bilingual; ms: number };

/** Options every measurement can read (the check date for recency, for instance). */
export interface AnalysisOptions {
  /** The date the check is made; recency is measured against it. */
  checkDate: Date;
}

/**
 * Per-photo analysis state, in the role of OFIQ's session: facts and shared steps (decoded faces,
 * kernel passes) are computed on first request and memoised as promises, so concurrent rules share one computation.
 */
export class AnalysisContext {
  readonly photo: Photo;
  readonly options: AnalysisOptions;
  private readonly definitions: ReadonlyMap<string, FactDefinition>;
  private readonly outcomes = new Map<string, Promise<FactOutcome>>();
  private readonly steps = new Map<string, Promise<unknown>>();
  /** Milliseconds spent per shared step (faces.detect, kernels.background, ...), for the report's timings. */
  readonly stepTimings: Record<string, number> = {};

  constructor(photo: Photo, definitions: ReadonlyMap<string, FactDefinition>, options: Partial<AnalysisOptions> = {}) {
    this.photo = photo;
    this.definitions = definitions;
    this.options = { checkDate: options.checkDate ?? new Date() };
  }

  /** Computes (once) and returns the outcome of a fact; never throws for unavailable or failing facts. */
  outcome(id: string): Promise<FactOutcome> {
    let pending = this.outcomes.get(id);
    if (!pending) {
      pending = this.computeOutcome(id);
      this.outcomes.set(id, pending);
    }
    return pending;
  }

  private async computeOutcome(id: string): Promise<FactOutcome> {
    const started = performance.now();
    const definition = this.definitions.get(id);
    if (!definition) {
      return { status: "unavailable", reason: { zh: `没有插件提供事实 ${id}`, en: `no plugin provides fact ${id}` }, ms: 0 };
    }
    try {
      const value = await definition.compute(this);
      return { status: "ok", value, ms: performance.now() - started };
    } catch (error) {
      const reason =
        error instanceof FactUnavailable
          ? error.reason
          : { zh: `测量 ${id} 出错：${(error as Error)?.message ?? String(error)}`, en: `measuring ${id} failed: ${(error as Error)?.message ?? String(error)}` };
      return { status: "unavailable", reason, ms: performance.now() - started };
    }
  }

  /** A fact's value for another fact's computation; rethrows FactUnavailable so dependents are unavailable too. */
  async value<T>(id: string): Promise<T> {
    const outcome = await this.outcome(id);
    if (outcome.status !== "ok") throw new FactUnavailable(outcome.reason);
    return outcome.value as T;
  }

  /** Runs a shared step (face detection, a kernel pass) once per photo and records its time. */
  step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
    let pending = this.steps.get(name) as Promise<T> | undefined;
    if (!pending) {
      pending = (async () => {
        const started = performance.now();
        const stop = () => {
          this.stepTimings[name] = performance.now() - started;
        };
        // A synchronous step is timed as it returns, not after the microtask queue has run other steps' work.
        let result: T | Promise<T>;
        try {
          result = run();
        } catch (error) {
          stop();
          throw error;
        }
        if (!(result instanceof Promise)) {
          stop();
          return result;
        }
        try {
          return await result;
        } finally {
          stop();
        }
      })();
      this.steps.set(name, pending);
    }
    return pending;
  }

  /** Outcomes of every fact computed so far, for the report. */
  async settled(): Promise<Map<string, FactOutcome>> {
    const entries = await Promise.all([...this.outcomes].map(async ([id, p]) => [id, await p] as const));
    return new Map(entries);
  }
}
