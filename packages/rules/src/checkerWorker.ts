import { parentPort, workerData } from "node:worker_threads";
import { createPluginRegistry, isPhotoError, type DecodeLimits, type PluginRegistry } from "@photoaudit/core";
import { PhotoChecker } from "./checkPhoto.js";
import { RulesetError } from "./errors.js";
import { rulesetLookup } from "./loadRuleset.js";
import type { CheckRequest, CheckResponse, WorkerSettings } from "./checkerPool.js";

/** Checkers kept per set of ruleset documents; each compiles its rulesets once. */
const MAX_CACHED_CHECKERS = 32;

const settings = workerData as WorkerSettings;
const registryReady: Promise<PluginRegistry> = createPluginRegistry();
const checkers = new Map<string, PhotoChecker>();

/** The checker for one set of ruleset documents (most recently used kept last, oldest evicted first). */
function checkerFor(key: string, registry: PluginRegistry, request: CheckRequest): PhotoChecker {
  let checker = checkers.get(key);
  if (checker) {
    checkers.delete(key);
  } else {
    const lookup = request.rulesets ? rulesetLookup(request.rulesets) : undefined;
    checker = new PhotoChecker({ registry, lookup, limits: settings.limits as Partial<DecodeLimits> });
    if (checkers.size >= MAX_CACHED_CHECKERS) checkers.delete(checkers.keys().next().value as string);
  }
  checkers.set(key, checker);
  return checker;
}

/** Errors cross the thread boundary as plain data; the pool rebuilds the typed ones. */
function serialiseError(error: unknown): CheckResponse["error"] {
  if (error instanceof RulesetError) return { name: "RulesetError", code: error.code, message: error.message, problems: error.problems };
  if (isPhotoError(error)) return { name: "PhotoError", code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, stack: e.stack };
}

parentPort?.on("message", async (request: CheckRequest) => {
  let response: CheckResponse;
  try {
    const registry = await registryReady;
    const checker = checkerFor(request.cacheKey, registry, request);
    const report = await checker.check(new Uint8Array(request.bytes), {
      file: request.file,
      rulesetId: request.rulesetId,
      checkDate: request.checkDate === undefined ? undefined : new Date(request.checkDate),
      extraFacts: request.extraFacts,
    });
    response = { id: request.id, report };
  } catch (error) {
    response = { id: request.id, error: serialiseError(error) };
  }
  parentPort?.postMessage(response);
});
