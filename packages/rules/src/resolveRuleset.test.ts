import { describe, expect, it } from "vitest";
import { RulesetError } from "./errors.js";
import { resolveRuleset } from "./resolveRuleset.js";
import type { RuleDefinition, RuleEntry, RulesetDocument } from "./ruleset.js";

const rule = (id: string, value: number, extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
  id,
  requirement: "file-size",
  severity: "reject",
  conditions: { all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value }] },
  message: { zh: `${id} ≤ {expected}`, en: `${id} at most {expected}` },
  ...extra,
});
const doc = (id: string, parent: string | null, rules: RuleEntry[]): RulesetDocument => ({
  id,
  version: 1,
  region: "CN",
  extends: parent,
  name: { zh: id, en: id },
  rules,
});
const lookupOf = (...docs: RulesetDocument[]) => {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (id: string) => byId.get(id);
};
const thrown = (run: () => unknown): RulesetError => {
  try {
    run();
  } catch (error) {
    if (error instanceof RulesetError) return error;
    throw error;
  }
  throw new Error("expected a RulesetError");
};

describe("resolveRuleset: inheritance", () => {
  const lookup = lookupOf(
    doc("base", null, [rule("a", 40), rule("b", 1), rule("c", 2)]),
    doc("mid", "base", [{ id: "a", conditions: { all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 60 }] } }, { id: "b", disabled: true }]),
    doc("leaf", "mid", [{ id: "a", severity: "review" }, rule("d", 9, { severity: "review" }), { id: "b", disabled: false, message: { zh: "b 回来了", en: "b is back" } }]),
  );

  it("inherits, overrides single fields by id, disables, and records the chain and where each rule comes from", () => {
    const resolved = resolveRuleset("mid", lookup);
    expect(resolved.chain).toEqual([{ id: "mid", version: 1 }, { id: "base", version: 1 }]);
    expect(resolved.rules.map((r) => r.id)).toEqual(["a", "c"]);
    expect(resolved.rules[0]).toMatchObject({
      origin: "base",
      overriddenBy: [{ ruleset: "mid", fields: ["conditions"] }],
      severity: "reject",
      message: { en: "a at most {expected}" },
      conditions: { all: [{ value: 60 }] },
    });
    expect(resolved.disabled).toEqual([{ id: "b", origin: "base", disabledBy: "mid" }]);
  });

  it("applies a three-level chain: a severity-only override keeps the parent's thresholds, and a grandchild re-enables a rule", () => {
    const resolved = resolveRuleset("leaf", lookup);
    expect(resolved.chain.map((c) => c.id)).toEqual(["leaf", "mid", "base"]);
    expect(resolved.rules.map((r) => [r.id, r.origin])).toEqual([["a", "base"], ["b", "base"], ["c", "base"], ["d", "leaf"]]);
    const a = resolved.rules[0];
    expect(a.severity).toBe("review");
    expect(a.conditions).toEqual({ all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 60 }] });
    expect(a.overriddenBy).toEqual([{ ruleset: "mid", fields: ["conditions"] }, { ruleset: "leaf", fields: ["severity"] }]);
    expect(resolved.rules[1].message.en).toBe("b is back");
    expect(resolved.disabled).toEqual([]);
  });

  it("does not let a child's override leak into the parent's documents", () => {
    resolveRuleset("leaf", lookup);
    expect(resolveRuleset("base", lookup).rules[0]).toMatchObject({ severity: "reject", conditions: { all: [{ value: 40 }] }, overriddenBy: [] });
  });
});

describe("resolveRuleset: refusals", () => {
  it("refuses cycles and names them", () => {
    const lookup = lookupOf(doc("loop1", "loop2", []), doc("loop2", "loop3", []), doc("loop3", "loop1", []));
    const error = thrown(() => resolveRuleset("loop1", lookup));
    expect(error.code).toBe("RULESET_CYCLE");
    expect(error.message).toContain("loop1 -> loop2 -> loop3 -> loop1");
  });

  it("refuses a ruleset extending itself", () => {
    expect(thrown(() => resolveRuleset("me", lookupOf(doc("me", "me", [])))).code).toBe("RULESET_CYCLE");
  });

  it("says which ruleset is missing, who extended it, and the chain", () => {
    const error = thrown(() => resolveRuleset("child", lookupOf(doc("child", "orphan", []), doc("orphan", "nowhere", []))));
    expect(error.code).toBe("RULESET_NOT_FOUND");
    expect(error.message).toMatch(/No ruleset "nowhere" \(extended by orphan; inheritance: child -> orphan -> nowhere\)/);
  });

  it("reports the problems of every ruleset in the chain, each tagged with its ruleset, and names the chain", () => {
    const lookup = lookupOf(
      doc("base", null, [rule("a", 40), { ...rule("b", 1), conditions: { all: [{ fact: "file.kb", operator: "lessThan", value: 1 }] } }]),
      doc("child", "base", [{ id: "a", severity: "fatal" as never }]),
    );
    const error = thrown(() => resolveRuleset("child", lookup));
    expect(error.code).toBe("INVALID_RULESET");
    expect(error.message).toMatch(/^Ruleset "child" \(inheritance: child -> base\) has 2 problems/);
    expect(error.problems).toEqual([
      { ruleset: "child", path: "/rules/0/severity", message: expect.stringContaining('must be one of "reject", "review"') },
      { ruleset: "base", path: "/rules/1/conditions/all/0/fact", message: expect.stringContaining('unknown fact "file.kb"') },
    ]);
  });

  it("validates the resolved result: a new rule in a child must be complete, and disabling needs an inherited rule", () => {
    const lookup = lookupOf(doc("base", null, [rule("a", 40)]), doc("child", "base", [{ id: "A", severity: "review" }, { id: "zz", disabled: true }]));
    const error = thrown(() => resolveRuleset("child", lookup));
    expect(error.problems).toEqual([
      { ruleset: "child", path: "/rules/0", message: expect.stringMatching(/rule "A" is not defined by any ruleset this one extends.*missing: requirement, conditions, message/) },
      { ruleset: "child", path: "/rules/1/id", message: expect.stringContaining('disables rule "zz", but no ruleset it extends defines it') },
    ]);
  });

  it("validates the resolved result: a message override may only use placeholders something fills", () => {
    const lookup = lookupOf(doc("base", null, [rule("a", 40)]), doc("child", "base", [{ id: "a", message: { zh: "{size}", en: "{file.kilobytes} KB" } }]));
    const error = thrown(() => resolveRuleset("child", lookup));
    expect(error.problems).toEqual([{ ruleset: "child", path: "/rules/0/message/zh", message: expect.stringContaining("{size} would not be filled") }]);
  });

  it("reports document problems and merged-result problems together, in document order", () => {
    const lookup = lookupOf(doc("base", null, [rule("a", 40)]), doc("child", "base", [{ id: "a", severity: "fatal" as never }, { id: "new" }]));
    expect(thrown(() => resolveRuleset("child", lookup)).problems.map((p) => p.path)).toEqual(["/rules/0/severity", "/rules/1"]);
  });

  it("refuses a document whose id differs from the one it was found under", () => {
    const error = thrown(() => resolveRuleset("x", () => doc("y", null, [])));
    expect(error.problems).toEqual([{ ruleset: "x", path: "/id", message: 'is "y", but the ruleset was requested as "x"' }]);
  });
});
