// Shared helpers for the bench files: timing statistics, the corpus location and table printing.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS_DIR = process.env.PHOTOAUDIT_CORPUS ?? resolve(REPO_ROOT, "../shared/corpus");
export const corpusAvailable = existsSync(join(CORPUS_DIR, "manifest.json"));

/** Median and 95th percentile of a list of milliseconds. */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the summary in ms. */
export async function time(fn, { warmup = 5, runs = 30 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Prints rows as a markdown table. */
export function printTable(title, rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  console.log(`\n### ${title}\n`);
  console.log(`| ${columns.join(" | ")} |`);
  console.log(`| ${columns.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${columns.map((c) => row[c]).join(" | ")} |`);
}

export const ms = (value) => value.toFixed(2);
