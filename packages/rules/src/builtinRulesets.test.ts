import { PluginRegistry } from "@photoaudit/core";
import { describe, expect, it } from "vitest";
import { builtinRulesets } from "./builtinRulesets.js";
import { resolveRuleset } from "./resolveRuleset.js";
import { validateRuleset } from "./validateRuleset.js";

const EXPECTED_IDS = ["cn-ga461", "cn-gd-guangzhou", "cn-national", "cn-sd-dongying", "cn-sd-jinan", "icao"];

/** The full built-in registry (file, exif, face, image plugins), so the test follows every plugin that is added. */
const registry = new PluginRegistry();
const lookup = (id: string) => builtinRulesets().get(id);

describe("built-in rulesets", () => {
  it("are exactly the documented set", () => {
    expect([...builtinRulesets().keys()].sort()).toEqual(EXPECTED_IDS);
  });

  describe.each(EXPECTED_IDS)("%s", (id) => {
    const doc = builtinRulesets().get(id);

    it("points at the published schema and cites its sources", () => {
      expect(doc?.$schema).toBe("../ruleset.schema.json");
      expect(doc?.description?.sources?.length).toBeGreaterThan(0);
      expect(doc?.description?.zh).toBeTruthy();
      expect(doc?.description?.en).toBeTruthy();
    });

    it("validates against the full built-in registry, with no problem at all", () => {
      expect(validateRuleset(doc, registry)).toEqual([]);
    });

    it("resolves through its inheritance chain", () => {
      const resolved = resolveRuleset(id, lookup, { registry });
      expect(resolved.rules.length).toBeGreaterThan(0);
      expect(resolved.chain.at(-1)?.id).toBe(id === "icao" ? "icao" : "cn-national");
    });
  });

  it("encode the regional numbers as overrides of the national rules", () => {
    const rule = (rulesetId: string, ruleId: string) => resolveRuleset(rulesetId, lookup, { registry }).rules.find((r) => r.id === ruleId);
    expect(rule("cn-sd-jinan", "file.size")).toMatchObject({ origin: "cn-national", conditions: { all: [{ value: [16, 60] }] }, severity: "reject" });
    expect(rule("cn-gd-guangzhou", "file.size")).toMatchObject({ conditions: { all: [{ value: [20, 200] }] }, severity: "review" });
    expect(rule("cn-sd-dongying", "file.dimensions")?.conditions).toEqual({
      all: [
        { fact: "image.width", operator: "equal", value: 236 },
        { fact: "image.height", operator: "equal", value: 295 },
      ],
    });
    expect(rule("cn-sd-dongying", "file.resolution")?.conditions).toEqual({ all: [{ fact: "image.dpi", operator: "equal", value: 300 }] });
    expect(rule("cn-sd-dongying", "file.size")?.conditions).toEqual({ all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 100 }] });
    expect(rule("cn-sd-dongying", "capture.recent")).toMatchObject({ origin: "cn-national", overriddenBy: [] });
  });

  it("give cn-ga461 the resident ID numbers: 14-20 KB and a face 207 +/- 14 px wide", () => {
    const ga461 = resolveRuleset("cn-ga461", lookup, { registry });
    expect(ga461.rules.find((r) => r.id === "file.size")?.conditions).toEqual({ all: [{ fact: "file.kilobytes", operator: "between", value: [14, 20] }] });
    expect(ga461.rules.find((r) => r.id === "face.widthWindow")?.conditions).toEqual({ all: [{ fact: "face.widthPx", operator: "between", value: [193, 221] }] });
  });

  it("give icao the ISO/ICAO pose limits (yaw, pitch 5 degrees, roll 8) and at least 90 px between the eyes, unverified geometry as review", () => {
    const icao = resolveRuleset("icao", lookup, { registry });
    const leafOf = (ruleId: string) => {
      const rule = icao.rules.find((r) => r.id === ruleId);
      return rule && "all" in rule.conditions ? { severity: rule.severity, ...rule.conditions.all[0] } : undefined;
    };
    expect(leafOf("pose.yaw")).toMatchObject({ fact: "pose.yaw", operator: "absAtMost", value: 5, severity: "reject" });
    expect(leafOf("pose.pitch")).toMatchObject({ fact: "pose.pitch", operator: "absAtMost", value: 5, severity: "reject" });
    expect(leafOf("pose.roll")).toMatchObject({ fact: "pose.roll", operator: "absAtMost", value: 8, severity: "reject" });
    expect(leafOf("eyes.distance")).toMatchObject({ fact: "eyes.distancePx", operator: "greaterThanInclusive", value: 90, severity: "reject" });
    for (const unverified of ["face.width", "eyes.line", "face.centre"]) expect(leafOf(unverified)?.severity, unverified).toBe("review");
  });
});
