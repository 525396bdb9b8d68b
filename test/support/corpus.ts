import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared real-photo corpus beside the checkout (../shared/corpus), or $PHOTOAUDIT_CORPUS. */
export const CORPUS_DIR = process.env.PHOTOAUDIT_CORPUS ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus");

export const corpusAvailable = existsSync(join(CORPUS_DIR, "manifest.json"));

/** Printed once by tests that skip without the corpus, so a skip is never silent. */
export const CORPUS_SKIP_REASON = `corpus not found at ${CORPUS_DIR} (set PHOTOAUDIT_CORPUS or place ../shared/corpus beside the checkout); skipping corpus tests`;

export interface CorpusLabels {
  colour: boolean;
  background: string;
  faces: number;
  faceFillsFrame: boolean;
  frontal: boolean | null;
  eyesOpen: boolean | null;
  mouthClosed: boolean | null;
  neutralExpression: boolean | null;
  glasses: boolean | null;
  headwear: boolean | null;
  retouched: boolean | null;
}

export interface CorpusEntry {
  file: string;
  width: number;
  height: number;
  labels: CorpusLabels;
  compliant: boolean;
  flags?: string[];
}

/** The corpus manifest, or an empty list when the corpus is absent. */
export function corpusManifest(): CorpusEntry[] {
  if (!corpusAvailable) return [];
  return JSON.parse(readFileSync(join(CORPUS_DIR, "manifest.json"), "utf8")) as CorpusEntry[];
}

/** Bytes of one corpus photo. */
export const corpusPhoto = (file: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS_DIR, file)));

if (!corpusAvailable) console.warn(CORPUS_SKIP_REASON);
