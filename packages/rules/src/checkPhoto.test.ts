import { describe, expect, it } from "vitest";
import { makeJpeg } from "../../../test/support/images.js";
import { PhotoChecker } from "./checkPhoto.js";
import { decideVerdict, type RuleResult } from "./report.js";

const byRequirement = (results: RuleResult[]) => Object.fromEntries(results.map((r) => [r.requirement, r]));

describe("PhotoChecker with cn-national file rules", () => {
  const checker = new PhotoChecker();

  it("passes the file-level rules for a 358x441, 350 dpi JPEG of 14-40 KB", async () => {
    const bytes = await makeJpeg({ quality: 70 });
    const kb = bytes.length / 1024;
    expect(kb).toBeGreaterThan(14);
    expect(kb).toBeLessThan(40);
    const report = await checker.check(bytes, { file: "spec.jpg", rulesetId: "cn-national" });
    const results = byRequirement(report.results);
    for (const requirement of ["format", "dimensions", "resolution", "file-size"]) {
      expect(results[requirement].status, requirement).toBe("pass");
    }
    expect(results.dimensions.measured).toEqual({ "image.width": 358, "image.height": 441 });
    expect(results["file-size"].expected).toEqual({ operator: "between", value: [14, 40] });
    expect(results["file-size"].message.en).toBe(`File size must be 14-40 KB (it is ${Number(kb.toFixed(2)).toPrecision(3)} KB)`);
    expect(report.facts["image.width"]).toBe(358);
  });

  it("fails dimensions and resolution with the measured values in both languages", async () => {
    const report = await checker.check(await makeJpeg({ width: 400, height: 500, density: 72 }), { file: "big.jpg", rulesetId: "cn-national" });
    const results = byRequirement(report.results);
    expect(results.dimensions).toMatchObject({ status: "fail", severity: "reject" });
    expect(results.dimensions.message).toEqual({ zh: "尺寸应为 358×441 像素（实为 400×500）", en: "Photo must be 358x441 pixels (it is 400x500)" });
    expect(results.resolution.measured).toBe(72);
    expect(report.verdict).toBe("reject");
  });

  it("reports recency as not_assessed, with the reason, when there is no capture date", async () => {
    const report = await checker.check(await makeJpeg(), { file: "x.jpg", rulesetId: "cn-national" });
    const recent = byRequirement(report.results).recent;
    expect(recent).toMatchObject({ status: "not_assessed", measured: null });
    expect(recent.message.en).toBe("Not assessed: the photo has no EXIF capture date");
    expect(recent.message.zh).toBe("无法评估：照片没有 EXIF 拍摄时间");
  });

  it("turns an undecodable photo into an error report with the decode code", async () => {
    const report = await checker.check(new TextEncoder().encode("nope"), { file: "nope.txt", rulesetId: "cn-national" });
    expect(report).toMatchObject({ verdict: "error", results: [], error: { code: "UNSUPPORTED_FORMAT" } });
  });
});

describe("decideVerdict", () => {
  const result = (status: RuleResult["status"], severity: RuleResult["severity"]): RuleResult => ({
    rule: "r",
    requirement: "format",
    status,
    severity,
    measured: null,
    expected: null,
    message: { zh: "", en: "" },
  });
  it.each<[string, RuleResult[], string]>([
    ["all pass -> pass", [result("pass", "reject"), result("pass", "review")], "pass"],
    ["a review rule fails -> review", [result("pass", "reject"), result("fail", "review")], "review"],
    ["something not assessed -> review", [result("pass", "reject"), result("not_assessed", "reject")], "review"],
    ["a reject rule fails -> reject", [result("fail", "reject"), result("not_assessed", "review")], "reject"],
  ])("%s", (_name, results, verdict) => {
    expect(decideVerdict(results)).toBe(verdict);
  });
});

describe("PhotoChecker on degenerate photos", () => {
  it.each([
    ["1x1", { width: 1, height: 1 }],
    ["20000x20 strip", { width: 20_000, height: 20 }],
  ])("reports a %s photo rule by rule instead of failing", async (_name, size) => {
    const report = await new PhotoChecker().check(await makeJpeg(size), { file: "odd.jpg", rulesetId: "cn-national" });
    expect(report.verdict).toBe("reject");
    expect(report.results.find((r) => r.requirement === "single-face")).toMatchObject({ status: "fail", measured: 0 });
    expect(report.results.find((r) => r.rule === "pose.frontal")?.status).toBe("not_assessed");
  });
});
