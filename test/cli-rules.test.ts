import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { photoaudit } from "./support/cli.js";
import { makeJpeg } from "./support/images.js";

const dir = mkdtempSync(join(tmpdir(), "photoaudit-rules-"));
const path = (name: string) => join(dir, name);
const writeJson = (name: string, value: unknown) => {
  writeFileSync(path(name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return path(name);
};
const BUILTIN = ["cn-ga461", "cn-gd-guangzhou", "cn-national", "cn-sd-dongying", "cn-sd-jinan", "icao"];

interface JsonReport {
  verdict: string;
  ruleset: { id: string };
  results: { rule: string; requirement: string; status: string }[];
}
const statuses = (stdout: string) => {
  const [report] = (JSON.parse(stdout) as { reports: JsonReport[] }).reports;
  const byRequirement = Object.fromEntries(report.results.map((r) => [r.requirement, r.status]));
  return { ruleset: report.ruleset.id, dimensions: byRequirement.dimensions, resolution: byRequirement.resolution, size: byRequirement["file-size"], format: byRequirement.format };
};

const child = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ id: "cn-sd-test", version: 1, region: "CN-SD", extends: "cn-national", name: { zh: "测试", en: "Test" }, rules, ...extra });

beforeAll(async () => {
  writeFileSync(path("national.jpg"), await makeJpeg());
  writeFileSync(path("dongying.jpg"), await makeJpeg({ width: 236, height: 295, density: 300 }));
});

describe("photoaudit rules list / show / facts", () => {
  it("lists every built-in ruleset with its parent", () => {
    const human = photoaudit(["rules", "list"]);
    expect(human.code).toBe(0);
    for (const id of BUILTIN) expect(human.stdout).toContain(id);
    expect(human.stdout).toMatch(/cn-sd-jinan\s+v1\s+CN-SD\s+cn-national/);
    const json = JSON.parse(photoaudit(["rules", "list", "--json"]).stdout) as { rulesets: { id: string; extends: string | null }[] };
    expect(json.rulesets.map((r) => r.id).sort()).toEqual(BUILTIN);
    expect(json.rulesets.find((r) => r.id === "icao")?.extends).toBeNull();
  });

  it("shows a resolved ruleset with where each rule comes from, as text and JSON", () => {
    const human = photoaudit(["rules", "show", "cn-sd-dongying", "--lang", "en"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("inheritance: cn-sd-dongying v1 -> cn-national v1");
    expect(human.stdout).toMatch(/file\.dimensions\s+reject\s+dimensions\s+image\.width 236 px and image\.height 295 px\n\s+from cn-national, overridden by cn-sd-dongying \(conditions, message\)/);
    expect(human.stdout).toMatch(/capture\.recent\s+review\s+recent\s+capture\.ageMonths ≤ 6 months\n\s+from cn-national\n/);

    const json = JSON.parse(photoaudit(["rules", "show", "cn-sd-dongying", "--json"]).stdout) as { chain: { id: string }[]; rules: { id: string; origin: string; overriddenBy: unknown[] }[] };
    expect(json.chain.map((c) => c.id)).toEqual(["cn-sd-dongying", "cn-national"]);
    expect(json.rules.find((r) => r.id === "file.size")).toMatchObject({ origin: "cn-national", overriddenBy: [{ ruleset: "cn-sd-dongying", fields: ["conditions", "message"] }] });
  });

  it("exits 2 with the reason for an unknown ruleset", () => {
    const run = photoaudit(["rules", "show", "cn-atlantis"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No ruleset "cn-atlantis"/);
  });

  it("prints the fact catalogue with types, units and descriptions, and the operators", () => {
    const human = photoaudit(["rules", "facts", "--lang", "en"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/file\.kilobytes\s+number, KB\s+File size in KB/);
    expect(human.stdout).toMatch(/between\s+fact value within \[min, max\]/);
    const json = JSON.parse(photoaudit(["rules", "facts", "--json"]).stdout) as { facts: { id: string; unit: string; plugin: string }[]; operators: { name: string }[] };
    expect(json.facts).toContainEqual(expect.objectContaining({ id: "capture.ageMonths", unit: "months", plugin: "exif" }));
    expect(json.operators.map((o) => o.name)).toEqual(expect.arrayContaining(["equal", "between", "absAtMost"]));
  });
});

describe("photoaudit rules validate", () => {
  it("accepts a valid child ruleset and names its inheritance chain (exit 0)", () => {
    const file = writeJson("good.json", child([{ id: "file.size", severity: "review" }, { id: "capture.recent", disabled: true }]));
    const run = photoaudit(["rules", "validate", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/cn-sd-test v1 is valid \(\d+ rules; inheritance: cn-sd-test -> cn-national\)/);
  });

  it("lists every problem with its JSON path (exit 2), as text and JSON", () => {
    const file = writeJson(
      "bad.json",
      child([
        { id: "file.size", conditions: { all: [{ fact: "file.kilobyte", operator: "between", value: [60, 16] }] } },
        { id: "new.rule", severity: "review" },
        { id: "file.resolution", severity: "fatal" },
      ]),
    );
    const human = photoaudit(["rules", "validate", file]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('cn-sd-test /rules/0/conditions/all/0/fact: unknown fact "file.kilobyte" (did you mean "file.kilobytes"?)');
    expect(human.stdout).toContain('cn-sd-test /rules/0/conditions/all/0/value: "between" expects [min, max]');
    expect(human.stdout).toMatch(/cn-sd-test \/rules\/1: rule "new.rule" is not defined by any ruleset this one extends/);
    expect(human.stdout).toContain('cn-sd-test /rules/2/severity: must be one of "reject", "review" (got "fatal")');

    const json = JSON.parse(photoaudit(["rules", "validate", "--json", file]).stdout) as { valid: boolean; code: string; problems: { path: string }[] };
    expect(json).toMatchObject({ valid: false, code: "INVALID_RULESET" });
    expect(json.problems.map((p) => p.path)).toEqual(["/rules/0/conditions/all/0/fact", "/rules/0/conditions/all/0/value", "/rules/1", "/rules/2/severity"]);
  });

  it.each<[string, string, RegExp]>([
    ["malformed JSON, with its line", '{\n  "id": "x",\n  oops\n}', /is not valid JSON \(line 3, column 3\)/],
    ["a __proto__ key", '{"id":"x","version":1,"region":"CN","name":{"zh":"a","en":"b"},"rules":[],"__proto__":{"admin":true}}', /\/__proto__: the key "__proto__" is not allowed/],
    ["a missing parent", JSON.stringify(child([], { extends: "cn-nowhere" })), /No ruleset "cn-nowhere" \(extended by cn-sd-test/],
  ])("refuses %s (exit 2, no stack trace)", (name, text, message) => {
    const run = photoaudit(["rules", "validate", writeJson(`${name.replace(/\W+/g, "-")}.json`, text)]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("says when the file cannot be read", () => {
    const run = photoaudit(["rules", "validate", path("absent.json")]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/Cannot read the ruleset file .*absent\.json: no such file/);
  });
});

describe("photoaudit check with regional rulesets", () => {
  it("gives different, correct file-level results for cn-sd-dongying and cn-national on the same photos", () => {
    const run = (ruleset: string, photo: string) => statuses(photoaudit(["check", "--json", "--ruleset", ruleset, path(photo)]).stdout);
    // A 236x295, 300 dpi JPEG is what Dongying asks for and what the national spec refuses.
    expect(run("cn-sd-dongying", "dongying.jpg")).toEqual({ ruleset: "cn-sd-dongying", format: "pass", dimensions: "pass", resolution: "pass", size: "pass" });
    expect(run("cn-national", "dongying.jpg")).toMatchObject({ ruleset: "cn-national", format: "pass", dimensions: "fail", resolution: "fail" });
    // And the other way round for a 358x441, 350 dpi JPEG.
    expect(run("cn-national", "national.jpg")).toEqual({ ruleset: "cn-national", format: "pass", dimensions: "pass", resolution: "pass", size: "pass" });
    expect(run("cn-sd-dongying", "national.jpg")).toMatchObject({ dimensions: "fail", resolution: "fail", size: "pass" });
  });

  it("checks against a ruleset file that extends a built-in one", () => {
    const file = writeJson("strict-size.json", child([{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 1 }] } }]));
    const result = statuses(photoaudit(["check", "--json", "--ruleset", file, path("national.jpg")]).stdout);
    expect(result).toMatchObject({ ruleset: "cn-sd-test", dimensions: "pass", size: "fail" });
  });

  it("refuses an invalid ruleset file before checking, with its problems (exit 2)", () => {
    const file = writeJson("bad-check.json", child([{ id: "file.size", severity: "fatal" }]));
    const run = photoaudit(["check", "--ruleset", file, path("national.jpg")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cn-sd-test /rules/0/severity: must be one of "reject", "review"');
  });
});

describe("plugins from PHOTOAUDIT_PLUGINS", () => {
  const plugin = () =>
    writeJson(
      "aspect-plugin.mjs",
      `export default { name: "aspect", version: "1.0.0", facts: [{ id: "aspect.ratio", unit: "ratio", type: "number",
         description: { zh: "宽高比", en: "Width over height" }, compute: (ctx) => ctx.photo.width / ctx.photo.height }] };`,
    );
  const ruleset = () =>
    writeJson(
      "aspect.json",
      child([
        {
          id: "aspect",
          requirement: "dimensions",
          severity: "reject",
          conditions: { all: [{ fact: "aspect.ratio", operator: "between", value: [0.8, 0.82] }] },
          message: { zh: "宽高比应为 {expected}（实为 {measured}）", en: "Aspect ratio must be {expected} (it is {measured})" },
        },
      ]),
    );

  it("adds the plugin's facts to the catalogue, to validation and to checks", () => {
    const env = { PHOTOAUDIT_PLUGINS: plugin() };
    expect(photoaudit(["rules", "facts"], { env }).stdout).toMatch(/aspect\.ratio\s+number, ratio\s+Width over height/);
    expect(photoaudit(["rules", "validate", ruleset()], { env }).code).toBe(0);
    const [report] = (JSON.parse(photoaudit(["check", "--json", "--ruleset", ruleset(), path("national.jpg")], { env }).stdout) as { reports: JsonReport[] }).reports;
    expect(report.results.find((r) => r.rule === "aspect")?.status).toBe("pass");
  });

  it("without the plugin, a ruleset using its fact is refused as unknown", () => {
    const run = photoaudit(["rules", "validate", ruleset()], { env: { PHOTOAUDIT_PLUGINS: "" } });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('/rules/0/conditions/all/0/fact: unknown fact "aspect.ratio"');
  });

  it("a broken plugin path stops the command with its code (exit 2)", () => {
    const run = photoaudit(["rules", "facts"], { env: { PHOTOAUDIT_PLUGINS: path("nope.mjs") } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Plugin module .*nope\.mjs does not exist/);
  });
});
