import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PhotoChecker, type Report } from "@photoaudit/rules";
import {
  expectationsFromLabels,
  LABELLED_REQUIREMENTS,
  scoreRequirements,
  SYNTHETIC_ONLY_REQUIREMENTS,
  type Confusion,
  type JudgedSample,
  type PhotoLabels,
} from "./labelledRules.js";
import { syntheticSet } from "./syntheticSet.js";

export interface EvaluationOptions {
  corpusDir: string;
  /** Where the synthetic photos are written (git-ignored). */
  derivedDir: string;
  rulesetId: string;
  /** Evaluate only the first N corpus photos (a smoke run). */
  limit?: number;
  synthetic: boolean;
  onProgress?(message: string): void;
}

/** Per-requirement scores on the labelled corpus and on the synthetic set. */
export interface EvaluationResult {
  ruleset: { id: string; version: number };
  corpusDir: string;
  photos: { corpus: number; synthetic: number };
  corpus: Confusion[];
  synthetic: Confusion[];
  /** Median check time per photo, ms. */
  medianMs: number;
  durationMs: number;
}

interface ManifestEntry {
  file: string;
  labels: PhotoLabels;
  compliant: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs the checker over the labelled corpus and the synthetic set derived from its compliant photos, and scores both. */
export async function runEvaluation(options: EvaluationOptions): Promise<EvaluationResult> {
  const started = performance.now();
  const manifest = JSON.parse(await readFile(join(options.corpusDir, "manifest.json"), "utf8")) as ManifestEntry[];
  const entries = manifest.slice(0, options.limit ?? manifest.length);
  const checker = new PhotoChecker();
  const ruleset = checker.evaluator(options.rulesetId).ruleset;
  const times: number[] = [];
  const check = async (bytes: Uint8Array, file: string): Promise<Report> => {
    const report = await checker.check(bytes, { file, rulesetId: options.rulesetId });
    times.push(report.timings.totalMs);
    return report;
  };

  const corpusSamples: JudgedSample[] = [];
  const sources: { file: string; bytes: Uint8Array }[] = [];
  for (const entry of entries) {
    const bytes = new Uint8Array(await readFile(join(options.corpusDir, entry.file)));
    corpusSamples.push({ report: await check(bytes, entry.file), expected: expectationsFromLabels(entry.labels) });
    if (entry.compliant) sources.push({ file: entry.file, bytes });
  }
  options.onProgress?.(`corpus: ${corpusSamples.length} photos checked`);

  const syntheticSamples: JudgedSample[] = [];
  if (options.synthetic) {
    await rm(options.derivedDir, { recursive: true, force: true });
    await mkdir(options.derivedDir, { recursive: true });
    for await (const derived of syntheticSet(sources)) {
      const path = join(options.derivedDir, derived.name);
      await writeFile(path, derived.bytes);
      syntheticSamples.push({ report: await check(derived.bytes, path), expected: derived.expected });
    }
    options.onProgress?.(`synthetic: ${syntheticSamples.length} photos derived from ${sources.length} compliant ones and checked`);
  }

  return {
    ruleset: { id: ruleset.id, version: ruleset.version },
    corpusDir: options.corpusDir,
    photos: { corpus: corpusSamples.length, synthetic: syntheticSamples.length },
    corpus: scoreRequirements(corpusSamples, LABELLED_REQUIREMENTS),
    synthetic: scoreRequirements(syntheticSamples, [...LABELLED_REQUIREMENTS, ...SYNTHETIC_ONLY_REQUIREMENTS]).filter((c) => c.labelled > 0),
    medianMs: median(times),
    durationMs: performance.now() - started,
  };
}
