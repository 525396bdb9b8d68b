import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { PhotoLabels } from "../../packages/cli/src/eval/labelledRules.js";
import { fileURLToPath } from "node:url";

/** The shared real-photo corpus beside the checkout (../shared/corpus), or $PHOTOAUDIT_CORPUS. */
export const CORPUS_DIR = process.env.PHOTOAUDIT_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");

export const corpusAvailable = existsSync(join(CORPUS_DIR, "manifest.json"));

/** Printed once by tests that skip without the corpus, so a skip is never silent. */
export const CORPUS_SKIP_REASON = `corpus not found at ${CORPUS_DIR} (set PHOTOAUDIT_CORPUS or place ../shared/corpus beside the checkout); skipping corpus tests`;

export interface CorpusEntry {
  file: string;
  width: number;
  height: number;
  labels: PhotoLabels;
  compliant: boolean;
  flags?: string[];
}

/** Labels as the eval module reads them (one definition for product and tests). */
export type CorpusLabels = PhotoLabels;

/** The corpus manifest, or an empty list when the corpus is absent. */
export function corpusManifest(): CorpusEntry[] {
  if (!corpusAvailable) return [];
  return JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")) as CorpusEntry[];
}

/** Bytes of one corpus photo. */
export const corpusPhoto = (file: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS_DIR, file)));

if (!corpusAvailable) console.warn(CORPUS_SKIP_REASON);
