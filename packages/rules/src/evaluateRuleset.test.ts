import { AnalysisContext, BUILTIN_PLUGINS, decodePhoto, FactUnavailable, PluginRegistry, type PhotoPlugin } from "@photoaudit/core";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { makeJpeg } from "../../../test/support/images.js";
import { PhotoChecker } from "./checkPhoto.js";
import { RulesetEvaluator } from "./evaluateRuleset.js";
import { rulesetLookup } from "./loadRuleset.js";
import { resolveRuleset } from "./resolveRuleset.js";
import type { RuleEntry, RulesetDocument } from "./ruleset.js";

const docOf = (id: string, rules: RuleEntry[], parent: string | null = null): RulesetDocument => ({ id, version: 1, region: "CN", extends: parent, name: { zh: id, en: id }, rules });
const sizeRule: RuleEntry = {
  id: "file.size",
  requirement: "file-size",
  severity: "reject",
  conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: [14, 40] }] },
  message: { zh: "文件大小应为 {expected}（实为 {measured}）", en: "File size must be {expected} (it is {measured})" },
};
const recentRule: RuleEntry = {
  id: "capture.recent",
  requirement: "recent",
  severity: "review",
  conditions: { all: [{ fact: "capture.ageMonths", operator: "lessThanInclusive", value: 6 }] },
  message: { zh: "应为近 6 个月内拍摄（{measured}）", en: "Taken within 6 months ({measured})" },
};

describe("laziness: a ruleset only computes the facts its rules read", () => {
  /** Every built-in plugin except `file`, with each fact's compute wrapped in a spy (models and kernels run only inside computes). */
  function spiedRegistry() {
    const spies = new Map<string, ReturnType<typeof vi.fn>>();
    const plugins: PhotoPlugin[] = BUILTIN_PLUGINS.map((plugin) =>
      plugin.name === "file"
        ? plugin
        : {
            ...plugin,
            facts: plugin.facts.map((fact) => {
              const spy = vi.fn(fact.compute);
              spies.set(fact.id, spy);
              return { ...fact, compute: spy };
            }),
          },
    );
    return { registry: new PluginRegistry(plugins), spies };
  }

  async function run(rules: RuleEntry[]) {
    const { registry, spies } = spiedRegistry();
    const ruleset = resolveRuleset("lazy", (id) => (id === "lazy" ? docOf("lazy", rules) : undefined), { registry });
    const ctx = new AnalysisContext(await decodePhoto(await makeJpeg()), registry.facts);
    const results = await new RulesetEvaluator(ruleset, registry).evaluate(ctx);
    const called = [...spies].filter(([, spy]) => spy.mock.calls.length > 0).map(([id]) => id);
    return { results, called, ctx, spies };
  }

  it("a file-size-only ruleset runs no other plugin's fact, no shared step (model, kernel) at all", async () => {
    const { results, called, ctx, spies } = await run([sizeRule]);
    expect(results.map((r) => r.status)).toEqual(["pass"]);
    expect(spies.size).toBeGreaterThan(2); // exif facts at least, plus whatever face and image plugins are registered
    expect(called).toEqual([]);
    expect(ctx.stepTimings).toEqual({});
    expect([...(await ctx.settled()).keys()]).toEqual(["file.kilobytes"]);
  });

  it("(control) the spies do see a fact the ruleset reads, and its dependencies", async () => {
    const { called } = await run([sizeRule, recentRule]);
    expect(called.sort()).toEqual(["capture.ageMonths", "exif.captureDate"]);
  });
});

describe("evaluation: not_assessed and messages", () => {
  const flaky: PhotoPlugin = {
    name: "flaky",
    version: "1.0.0",
    facts: [
      { id: "flaky.missing", unit: "px", type: "number", description: { zh: "缺", en: "missing" }, compute: () => { throw new FactUnavailable({ zh: "没有人脸", en: "no face was found" }); } },
      { id: "flaky.broken", unit: "px", type: "number", description: { zh: "坏", en: "broken" }, compute: () => { throw new Error("kernel crashed"); } },
    ],
  };
  const registry = new PluginRegistry().add(flaky);
  const evaluate = async (rules: RuleEntry[]) => {
    const ruleset = resolveRuleset("t", () => docOf("t", rules), { registry });
    return new RulesetEvaluator(ruleset, registry).evaluate(new AnalysisContext(await decodePhoto(await makeJpeg({ width: 400, height: 500 })), registry.facts));
  };
  const on = (fact: string, extra: Partial<RuleEntry> = {}): RuleEntry => ({
    id: `r.${fact}`,
    requirement: "face-size",
    severity: "reject",
    conditions: { all: [{ fact, operator: "greaterThan", value: 1 }] },
    message: { zh: "{measured} > {expected}", en: "{measured} > {expected}" },
    ...extra,
  });

  it("a fact that is unavailable or throws makes its rule not_assessed (never pass), with the reason in both languages", async () => {
    const [missing, broken] = await evaluate([on("flaky.missing"), on("flaky.broken")]);
    expect(missing).toMatchObject({ status: "not_assessed", measured: null, message: { zh: "无法评估：没有人脸", en: "Not assessed: no face was found" } });
    expect(broken).toMatchObject({ status: "not_assessed", message: { en: "Not assessed: measuring flaky.broken failed: kernel crashed" } });
  });

  it("a known failure still fails an `all` even when another fact is unavailable; a known pass decides an `any`", async () => {
    const [all, any] = await evaluate([
      on("x", { id: "all", conditions: { all: [{ fact: "flaky.missing", operator: "greaterThan", value: 1 }, { fact: "image.width", operator: "equal", value: 358 }] } }),
      on("y", { id: "any", conditions: { any: [{ fact: "flaky.missing", operator: "greaterThan", value: 1 }, { fact: "image.width", operator: "equal", value: 400 }] } }),
    ]);
    expect(all.status).toBe("fail");
    expect(any.status).toBe("pass");
  });

  it("fills {measured}, {expected} and fact placeholders with units, in both languages", async () => {
    const [dims, size] = await evaluate([
      {
        id: "dims",
        requirement: "dimensions",
        severity: "reject",
        conditions: { all: [{ fact: "image.width", operator: "equal", value: 358 }, { fact: "image.height", operator: "lessThanInclusive", value: 441 }] },
        message: { zh: "应为 {expected}（实为 {image.width}×{image.height}）", en: "Must be {expected} (it is {measured})" },
      },
      { ...sizeRule, conditions: { all: [{ fact: "file.bytes", operator: "greaterThanInclusive", value: 1 }] } },
    ]);
    expect(dims.message).toEqual({ zh: "应为 358 px, ≤ 441 px（实为 400×500）", en: "Must be 358 px, ≤ 441 px (it is 400 px, 500 px)" });
    expect(dims.status).toBe("fail");
    expect(size.message.en).toMatch(/^File size must be ≥ 1 B \(it is \d+ B\)$/);
  });

  it("fills a placeholder naming a fact the rule quotes but does not judge (a pixel value beside a judged ratio)", async () => {
    const [rule] = await evaluate([{ ...sizeRule, message: { zh: "{measured}，宽 {image.width}", en: "{measured}, width {image.width}" } }]);
    expect(rule.message.en).toMatch(/^[\d.]+ KB, width 400$/);
    expect(rule.measured).toEqual(expect.any(Number));
  });
});

describe("recent: the EXIF capture date against the check date", () => {
  const takenAt = async (date: string) =>
    new Uint8Array(await sharp(await makeJpeg()).withExif({ IFD2: { DateTimeOriginal: date } }).jpeg({ quality: 70 }).toBuffer());
  const checker = new PhotoChecker();
  const recent = async (bytes: Uint8Array, checkDate: Date) =>
    (await checker.check(bytes, { file: "x.jpg", rulesetId: "cn-national", checkDate })).results.find((r) => r.requirement === "recent");

  it("passes a photo taken 4 months before the check date, with the age in the message", async () => {
    const result = await recent(await takenAt("2024:04:30 09:08:07"), new Date("2024-08-30T12:00:00Z"));
    expect(result).toMatchObject({ status: "pass", severity: "review" });
    expect(result?.measured).toBeCloseTo(4.01, 1);
    expect(result?.message.en).toMatch(/taken 4\.0\d? months ago/);
  });

  it("fails a photo taken more than 6 months before the check date", async () => {
    const result = await recent(await takenAt("2024:04:30 09:08:07"), new Date("2025-01-15T00:00:00Z"));
    expect(result).toMatchObject({ status: "fail" });
    expect(result?.measured as number).toBeGreaterThan(8.4);
    expect(result?.measured as number).toBeLessThan(8.6);
  });

  it("takes its limit from the ruleset, not from code", async () => {
    const strictDoc = docOf("strict", [{ id: "capture.recent", conditions: { all: [{ fact: "capture.ageMonths", operator: "lessThanInclusive", value: 3 }] } }], "cn-national");
    const strict = new PhotoChecker({ lookup: rulesetLookup([strictDoc]) });
    const report = await strict.check(await takenAt("2024:04:30 09:08:07"), { file: "x.jpg", rulesetId: "strict", checkDate: new Date("2024-08-30T12:00:00Z") });
    expect(report.results.find((r) => r.requirement === "recent")?.status).toBe("fail");
  });
});
