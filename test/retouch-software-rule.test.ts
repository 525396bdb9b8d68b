import { AnalysisContext, PluginRegistry, type Photo } from "@photoaudit/core";
import { builtinRulesets, resolveRuleset, RulesetEvaluator } from "@photoaudit/rules";
import { describe, expect, it } from "vitest";
import { syntheticPortrait } from "./support/syntheticPortrait.js";

// The beauty-app list lives in cn-national's retouch.software rule; this checks the rule reads the EXIF tags.
const registry = new PluginRegistry();
const resolved = resolveRuleset("cn-national", (id) => builtinRulesets().get(id), { registry });
const evaluator = new RulesetEvaluator({ ...resolved, rules: resolved.rules.filter((r) => r.id === "retouch.software") }, registry);

function photo(exif: Partial<Photo["exif"]>): Photo {
  const raster = syntheticPortrait();
  return {
    format: "jpeg", byteSize: 20_000, width: raster.width, height: raster.height, dpi: 350, channels: 3, colourSpace: "srgb",
    bitsPerSample: 8, hasAlpha: false, hasIccProfile: false, raster, bytes: new Uint8Array(0),
    exif: { captureDate: null, software: null, orientation: null, make: null, model: null, error: null, ...exif },
  };
}

describe("cn-national retouch.software rule", () => {
  it.each([
    [{ software: "Meitu 10.2.0" }, "fail"],
    [{ software: "美颜相机 9.0" }, "fail"],
    [{ make: "Apple", model: "iPhone 14", software: "Facetune2" }, "fail"],
    [{ software: "Adobe Photoshop 25.0" }, "pass"],
    [{ make: "Canon", model: "EOS R6" }, "pass"],
    [{}, "pass"],
  ] as const)("EXIF %j -> %s", async (exif, status) => {
    const [result] = await evaluator.evaluate(new AnalysisContext(photo(exif), registry.facts));
    expect(result.status).toBe(status);
  });
});
