import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { PhotoError, type DecodeLimits, type PhotoErrorCode } from "@photoaudit/core";
import type { CheckOptions } from "./checkPhoto.js";
import { RulesetError, type RulesetErrorCode, type RulesetProblem } from "./errors.js";
import type { Report } from "./report.js";
import type { RulesetDocument } from "./ruleset.js";

export interface CheckerPoolOptions {
  /** Worker threads; defaults to the machine's available parallelism. */
  size?: number;
  /** Decode limits every worker applies (bytes, pixels, time). */
  limits?: Partial<DecodeLimits>;
  /** Requests allowed to wait for a free worker; more are refused with POOL_BUSY. Default: unbounded. */
  maxQueue?: number;
}

export interface PoolCheckOptions extends CheckOptions {
  /**
   * The ruleset documents to check against (the ruleset and its ancestors), looked up before the built-in
   * files; lets a caller use stored or unsaved versions. Absent: the built-in rulesets.
   */
  rulesets?: readonly RulesetDocument[];
}

/** Settings each worker receives at start. */
export interface WorkerSettings {
  limits: Partial<DecodeLimits>;
}

/** A check sent to a worker. */
export interface CheckRequest {
  id: number;
  bytes: ArrayBuffer;
  file: string;
  rulesetId: string;
  checkDate?: number;
  extraFacts?: readonly string[];
  rulesets?: readonly RulesetDocument[];
  /** Identifies the ruleset documents, so a worker compiles each distinct set once. */
  cacheKey: string;
}

/** A worker's answer: a report, or an error as plain data. */
export interface CheckResponse {
  id: number;
  report?: Report;
  error?: { name: string; message: string; code?: string; problems?: RulesetProblem[]; stack?: string };
}

/** Stable codes for a pool that cannot take or finish a check. */
export type CheckerPoolErrorCode = "POOL_CLOSED" | "POOL_BUSY" | "WORKER_FAILED";

/** A check the pool could not run: closed, queue full, or its worker died. */
export class CheckerPoolError extends Error {
  readonly code: CheckerPoolErrorCode;
  constructor(code: CheckerPoolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CheckerPoolError";
    this.code = code;
  }
}

interface Task {
  request: CheckRequest;
  resolve(report: Report): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

/**
 * The compiled worker script. Under vitest this module runs from src/*.ts, which a worker cannot load,
 * so it points at the built file in dist (`npm test` builds first).
 */
export function checkerWorkerUrl(): URL {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return new URL("./checkerWorker.js", import.meta.url);
  const built = new URL("../dist/checkerWorker.js", import.meta.url);
  if (!existsSync(fileURLToPath(built))) throw new Error(`The checker worker is not built (${fileURLToPath(built)}); run \`npm run build:ts\` first.`);
  return built;
}

/**
 * Checks photos on worker threads, one PhotoChecker per worker, so a slow photo never blocks the caller's
 * event loop and N photos run on N cores. Tasks queue in order; a worker that crashes fails only its own
 * task and is replaced.
 */
export class CheckerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly settings: WorkerSettings;
  private readonly maxQueue: number;
  private nextId = 1;
  private closed = false;

  constructor(options: CheckerPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.settings = { limits: options.limits ?? {} };
    this.maxQueue = options.maxQueue ?? Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Checks which are waiting for a free worker. */
  get queued(): number {
    return this.queue.length;
  }

  /** Checks one photo on a worker; resolves with the same report PhotoChecker.check gives; rejects with RulesetError or CheckerPoolError. */
  check(bytes: Uint8Array, options: PoolCheckOptions): Promise<Report> {
    if (this.closed) return Promise.reject(new CheckerPoolError("POOL_CLOSED", "The checker pool is closed."));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new CheckerPoolError("POOL_BUSY", `All ${this.size} workers are busy and ${this.queue.length} checks are waiting; try again shortly.`));
    // A copy the worker owns, so the caller's buffer stays usable. Not bytes.slice(): on a Node Buffer that is
    // a view, and transferring its ArrayBuffer would detach the caller's (possibly pooled) memory.
    const owned = new Uint8Array(bytes.byteLength);
    owned.set(bytes);
    const copy = owned.buffer;
    const request: CheckRequest = {
      id: this.nextId++,
      bytes: copy,
      file: options.file,
      rulesetId: options.rulesetId,
      checkDate: options.checkDate?.getTime(),
      extraFacts: options.extraFacts,
      rulesets: options.rulesets,
      cacheKey: options.rulesets ? createHash("sha256").update(JSON.stringify(options.rulesets)).digest("base64url") : "builtin",
    };
    return new Promise<Report>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running checks are rejected with POOL_CLOSED. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new CheckerPoolError("POOL_CLOSED", "The checker pool was closed before the check finished.");
    for (const task of this.queue.splice(0)) task.reject(error);
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.task?.reject(error);
        slot.task = undefined;
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(checkerWorkerUrl(), { workerData: this.settings });
    const slot: Slot = { worker };
    worker.on("message", (response: CheckResponse) => this.settle(slot, response));
    worker.on("error", (error) => this.replace(slot, error));
    worker.on("exit", (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.task) continue;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.worker.postMessage(task.request, [task.request.bytes]);
    }
  }

  private settle(slot: Slot, response: CheckResponse): void {
    const task = slot.task;
    slot.task = undefined;
    if (task && task.request.id === response.id) {
      if (response.report) task.resolve(response.report);
      else task.reject(rebuildError(response.error));
    }
    this.dispatch();
  }

  /** A crashed worker fails its own task only; a fresh worker takes its place. */
  private replace(slot: Slot, cause: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    slot.task?.reject(new CheckerPoolError("WORKER_FAILED", `The analysis worker failed: ${(cause as Error)?.message ?? String(cause)}`, { cause }));
    slot.task = undefined;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots[index] = this.spawn();
    this.dispatch();
  }
}

/** The typed error a worker reported, as the caller would have seen it in-process. */
function rebuildError(error: CheckResponse["error"]): Error {
  if (!error) return new Error("The analysis worker answered with neither a report nor an error.");
  if (error.name === "RulesetError") return new RulesetError(error.code as RulesetErrorCode, error.message.split("\n")[0], error.problems ?? []);
  if (error.name === "PhotoError") return new PhotoError(error.code as PhotoErrorCode, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
