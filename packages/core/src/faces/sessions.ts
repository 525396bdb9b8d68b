import * as ort from "onnxruntime-node";
import { resolveModelFile } from "../models/modelFiles.js";

const sessions = new Map<string, Promise<ort.InferenceSession>>();

// One intra-op thread without spinning: on 2-core machines spinning threads starved sharp and
// doubled pipeline time (../shared/docs/models.md); parallelism comes from the worker pool instead.
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: "sequential",
  graphOptimizationLevel: "all",
  logSeverityLevel: 3,
  extra: { session: { intra_op: { allow_spinning: "0" } } },
};

/** The thread's InferenceSession for a manifest model, created on first use and then reused. */
export function modelSession(id: string): Promise<ort.InferenceSession> {
  let session = sessions.get(id);
  if (!session) {
    session = (async () => ort.InferenceSession.create(resolveModelFile(id), SESSION_OPTIONS))();
    sessions.set(id, session);
    session.catch(() => sessions.delete(id));
  }
  return session;
}

/** Ids of the models loaded in this thread so far (lets tests prove a ruleset loaded none). */
export const loadedModels = (): string[] => [...sessions.keys()];

/** Runs a single-input model on one float tensor and returns its outputs as plain Float32Arrays. */
export async function runModel(id: string, input: Float32Array, dims: number[]): Promise<Record<string, Float32Array>> {
  const session = await modelSession(id);
  const feeds = { [session.inputNames[0]]: new ort.Tensor("float32", input, dims) };
  const outputs = await session.run(feeds);
  return Object.fromEntries(Object.entries(outputs).map(([name, tensor]) => [name, tensor.data as Float32Array]));
}
