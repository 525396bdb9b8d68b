import { describe, expect, it } from "vitest";
import { RulesetError } from "./errors.js";
import { resolveRuleset } from "./resolveRuleset.js";
import type { RuleDefinition, RulesetDocument } from "./ruleset.js";

const rule = (id: string, value: number, extra: Partial<RuleDefinition> = {}): RuleDefinition => ({
  id,
  requirement: "file-size",
  severity: "reject",
  conditions: { all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value }] },
  message: { zh: id, en: id },
  ...extra,
});
const doc = (id: string, parent: string | null, rules: RuleDefinition[]): RulesetDocument => ({
  id,
  version: 1,
  region: "CN",
  extends: parent,
  name: { zh: id, en: id },
  rules,
});

describe("resolveRuleset", () => {
  const docs = new Map<string, RulesetDocument>([
    ["base", doc("base", null, [rule("a", 40), rule("b", 1), rule("c", 2)])],
    ["mid", doc("mid", "base", [rule("a", 60), { ...rule("b", 0), disabled: true }])],
    ["leaf", doc("leaf", "mid", [rule("d", 9, { severity: "review" })])],
    ["loop1", doc("loop1", "loop2", [])],
    ["loop2", doc("loop2", "loop1", [])],
    ["orphan", doc("orphan", "nowhere", [])],
  ]);
  const lookup = (id: string) => docs.get(id);

  it("inherits, overrides by id, disables, and records the chain and each rule's origin", () => {
    const resolved = resolveRuleset("leaf", lookup);
    expect(resolved.chain.map((c) => c.id)).toEqual(["leaf", "mid", "base"]);
    expect(resolved.rules.map((r) => [r.id, r.origin])).toEqual([
      ["a", "mid"],
      ["c", "base"],
      ["d", "leaf"],
    ]);
    expect(resolved.rules[0].conditions).toEqual({ all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 60 }] });
  });

  it("refuses cycles and names them", () => {
    expect(() => resolveRuleset("loop1", lookup)).toThrowError(expect.objectContaining({ code: "RULESET_CYCLE", message: expect.stringContaining("loop1 -> loop2 -> loop1") }));
  });

  it("says which ruleset is missing and who extended it", () => {
    const error = (() => {
      try {
        resolveRuleset("orphan", lookup);
      } catch (e) {
        return e as RulesetError;
      }
    })();
    expect(error?.code).toBe("RULESET_NOT_FOUND");
    expect(error?.message).toMatch(/"nowhere" \(extended by orphan\)/);
  });
});
