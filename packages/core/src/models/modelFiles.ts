import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One entry of models/manifest.json. */
export interface ModelEntry {
  id: string;
  file: string;
  package: string;
  path: string;
  sha256: string;
  bytes: number;
  license: string;
  input: { name: string; shape: number[]; layout: string; normalise: string };
  output: string;
}

export type ModelErrorCode = "MODEL_MISSING" | "MODEL_CORRUPT" | "MODEL_UNKNOWN";

/** A model file that is absent or damaged; the message names the file and the command that fixes it. */
export class ModelError extends Error {
  readonly code: ModelErrorCode;
  constructor(code: ModelErrorCode, message: string) {
    super(message);
    this.name = "ModelError";
    this.code = code;
  }
}

const FIX = "Run `node models/fetch.mjs` in the photoaudit checkout (it runs on `npm install`) to provision it.";

// packages/core/{src,dist}/models -> repository root
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Folder holding the model files: $PHOTOAUDIT_MODELS_DIR, else models/cache in the checkout. */
export function modelsDirectory(): string {
  return process.env.PHOTOAUDIT_MODELS_DIR || join(repoRoot, "models", "cache");
}

let manifest: ModelEntry[] | undefined;

/** The model manifest shipped in the repository. */
export function modelManifest(): ModelEntry[] {
  manifest ??= (JSON.parse(readFileSync(join(repoRoot, "models", "manifest.json"), "utf8")) as { models: ModelEntry[] }).models;
  return manifest;
}

const verified = new Map<string, string>();

/** Path of a verified model file; throws ModelError naming the file and the fix when it is missing or corrupt. */
export function resolveModelFile(id: string): string {
  const cached = verified.get(id);
  if (cached) return cached;
  const entry = modelManifest().find((m) => m.id === id);
  if (!entry) throw new ModelError("MODEL_UNKNOWN", `No model "${id}" in models/manifest.json.`);
  const file = join(modelsDirectory(), entry.file);
  if (!existsSync(file)) {
    throw new ModelError("MODEL_MISSING", `Model file ${entry.file} is missing from ${modelsDirectory()}. ${FIX}`);
  }
  const size = statSync(file).size;
  const digest = size === entry.bytes ? createHash("sha256").update(readFileSync(file)).digest("hex") : "";
  if (digest !== entry.sha256) {
    throw new ModelError("MODEL_CORRUPT", `Model file ${file} does not match its sha256 in models/manifest.json (size ${size}, expected ${entry.bytes}). Delete it and ${FIX.charAt(0).toLowerCase()}${FIX.slice(1)}`);
  }
  verified.set(id, file);
  return file;
}
