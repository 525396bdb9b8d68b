import { describe, expect, it } from "vitest";
import { conditionFacts, triEvaluate } from "./conditions.js";
import type { Condition } from "./ruleset.js";

const leaf = (fact: string, result?: boolean) => ({ fact, operator: "equal", value: 1, result });

describe("triEvaluate: a missing fact makes a rule unknown, never a pass", () => {
  const missing = (fact: string) => fact.startsWith("missing");
  it.each<[string, Condition, ReturnType<typeof triEvaluate>]>([
    ["all of passes", { all: [leaf("a", true), leaf("b", true)] }, true],
    ["all with one known failure fails even if another fact is missing", { all: [leaf("a", false), leaf("missing.x", false)] }, false],
    ["all with a missing fact and no failure is unknown", { all: [leaf("a", true), leaf("missing.x", false)] }, "unknown"],
    ["any with one pass passes despite a missing fact", { any: [leaf("a", true), leaf("missing.x", false)] }, true],
    ["any with only failures and a missing fact is unknown", { any: [leaf("a", false), leaf("missing.x", false)] }, "unknown"],
    ["not of a missing fact is unknown", { not: leaf("missing.x", false) }, "unknown"],
    ["not inverts a known result", { not: leaf("a", false) }, true],
    ["a leaf never evaluated (short-circuit) is unknown", { all: [leaf("a", undefined)] }, "unknown"],
  ])("%s", (_name, condition, expected) => {
    expect(triEvaluate(condition as never, missing)).toBe(expected);
  });

  it("lists each fact once", () => {
    expect(conditionFacts({ all: [leaf("a"), { any: [leaf("b"), leaf("a")] }] } as Condition)).toEqual(["a", "b"]);
  });
});
