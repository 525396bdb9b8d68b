import { afterAll, describe, expect, it } from "vitest";
import { builtinRulesets } from "./builtinRulesets.js";
import { CheckerPool, CheckerPoolError } from "./checkerPool.js";
import { PhotoChecker } from "./checkPhoto.js";
import { RulesetError } from "./errors.js";
import type { RulesetDocument } from "./ruleset.js";
import { makeJpeg } from "../../../test/support/images.js";

const pool = new CheckerPool({ size: 2 });
afterAll(() => pool.close());

const checkDate = new Date("2026-01-01T00:00:00Z");

describe("CheckerPool", () => {
  it("gives the same report as an in-process PhotoChecker", async () => {
    const bytes = await makeJpeg();
    const [pooled, direct] = await Promise.all([
      pool.check(bytes, { file: "a.jpg", rulesetId: "cn-national", checkDate }),
      new PhotoChecker().check(bytes, { file: "a.jpg", rulesetId: "cn-national", checkDate }),
    ]);
    expect(pooled.verdict).toBe(direct.verdict);
    expect(pooled.results).toEqual(direct.results);
    expect(pooled.facts).toEqual(direct.facts);
  });

  it("checks against the documents it is given instead of the built-in files", async () => {
    const jinan = structuredClone(builtinRulesets().get("cn-sd-jinan")) as RulesetDocument;
    jinan.version = 7;
    jinan.rules = [{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: [1, 2] }] } }];
    const report = await pool.check(await makeJpeg(), { file: "a.jpg", rulesetId: "cn-sd-jinan", rulesets: [jinan], checkDate });
    expect(report.ruleset).toEqual({ id: "cn-sd-jinan", version: 7 });
    expect(report.results.find((r) => r.rule === "file.size")?.status).toBe("fail");
  });

  it("runs checks in parallel and keeps each answer with its request", async () => {
    const small = await makeJpeg({ width: 100, height: 120 });
    const large = await makeJpeg();
    const reports = await Promise.all([small, large, small, large].map((bytes, i) => pool.check(bytes, { file: `${i}.jpg`, rulesetId: "cn-national", checkDate })));
    expect(reports.map((r) => [r.file, r.facts["image.width"]])).toEqual([["0.jpg", 100], ["1.jpg", 358], ["2.jpg", 100], ["3.jpg", 358]]);
  });

  it("rebuilds typed errors: an unknown ruleset is a RulesetError, a bad photo an error report", async () => {
    const error = await pool.check(await makeJpeg(), { file: "a.jpg", rulesetId: "nope" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesetError);
    expect((error as RulesetError).code).toBe("RULESET_NOT_FOUND");
    const report = await pool.check(new Uint8Array([1, 2, 3]), { file: "x.bin", rulesetId: "cn-national" });
    expect(report.verdict).toBe("error");
    expect(report.error?.code).toBe("UNSUPPORTED_FORMAT");
  });

  it("leaves the caller's bytes usable, Node Buffers included", async () => {
    const buffer = Buffer.from(await makeJpeg());
    const first = await pool.check(buffer, { file: "a.jpg", rulesetId: "cn-national", checkDate });
    const second = await pool.check(buffer, { file: "a.jpg", rulesetId: "cn-national", checkDate });
    expect(buffer.byteLength).toBeGreaterThan(0);
    expect(second.facts["file.bytes"]).toBe(first.facts["file.bytes"]);
  });

  it("refuses checks once closed", async () => {
    const closing = new CheckerPool({ size: 1 });
    await closing.close();
    await expect(closing.check(new Uint8Array([1]), { file: "a", rulesetId: "cn-national" })).rejects.toBeInstanceOf(CheckerPoolError);
  });
});
