import { readFile } from "node:fs/promises";
import type { Confusion } from "./labelledRules.js";
import type { EvaluationResult } from "./runEvaluation.js";

/** Minimum accuracy per requirement and set, kept in the repository (eval/floors.json). */
export interface Floors {
  corpus: Record<string, number>;
  synthetic: Record<string, number>;
}

/** A requirement whose accuracy fell below its floor. */
export interface FloorBreach {
  set: "corpus" | "synthetic";
  requirement: string;
  accuracy: number;
  floor: number;
}

/** Reads the floors file. */
export async function readFloors(path: string): Promise<Floors> {
  return JSON.parse(await readFile(path, "utf8")) as Floors;
}

/** Every requirement below its floor; a floored requirement with no labelled photo is a breach too. */
export function floorBreaches(result: EvaluationResult, floors: Floors): FloorBreach[] {
  const breaches: FloorBreach[] = [];
  for (const set of ["corpus", "synthetic"] as const) {
    for (const [requirement, floor] of Object.entries(floors[set] ?? {})) {
      const score: Confusion | undefined = result[set].find((c) => c.requirement === requirement);
      const accuracy = score && score.labelled > 0 ? score.accuracy : 0;
      if (accuracy < floor) breaches.push({ set, requirement, accuracy, floor });
    }
  }
  return breaches;
}
