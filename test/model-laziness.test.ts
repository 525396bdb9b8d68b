import { loadedModels } from "@photoaudit/core";
import { PhotoChecker, rulesetLookup, type RulesetDocument } from "@photoaudit/rules";
import { describe, expect, it } from "vitest";
import { corpusAvailable, corpusPhoto, CORPUS_SKIP_REASON } from "./support/corpus.js";
import { makeJpeg } from "./support/images.js";

// Vitest runs each test file in its own process, so the model sessions seen here are only this file's.
const fileOnly: RulesetDocument = {
  id: "file-size-only",
  version: 1,
  region: "CN",
  extends: null,
  name: { zh: "仅文件大小", en: "File size only" },
  rules: [
    {
      id: "file.size",
      requirement: "file-size",
      severity: "reject",
      conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: [14, 40] }] },
      message: { zh: "文件大小 {measured}", en: "File size {measured}" },
    },
  ],
};

describe("models load only when a rule needs them", () => {
  it("a file-size ruleset loads no model", async () => {
    const checker = new PhotoChecker({ lookup: rulesetLookup([fileOnly]) });
    const report = await checker.check(await makeJpeg(), { file: "spec.jpg", rulesetId: "file-size-only" });
    expect(report.results.map((r) => r.status)).toEqual(["pass"]);
    expect(loadedModels()).toEqual([]);
  });

  it.skipIf(!corpusAvailable)("cn-national runs detection, landmarks, eyes and pose but never the expression model", async () => {
    const report = await new PhotoChecker().check(corpusPhoto("u2net-man2-grey.jpg"), { file: "x.jpg", rulesetId: "cn-national" });
    expect(report.results.find((r) => r.requirement === "pose")?.status).not.toBe("not_assessed");
    expect(loadedModels().sort()).toEqual(["detect", "eye", "landmark", "pose"]);
  });
  if (!corpusAvailable) it.skip(CORPUS_SKIP_REASON, () => {});
});
