import { PluginRegistry, type PhotoPlugin } from "@photoaudit/core";
import { describe, expect, it } from "vitest";
import { REQUIREMENTS } from "./requirements.js";
import { RULESET_LIMITS } from "./rulesetLimits.js";
import { rulesetSchema } from "./rulesetSchema.js";
import { validateRuleset } from "./validateRuleset.js";

/** A plugin with an object fact, so `path` and plugin operators can be tested. */
const testPlugin: PhotoPlugin = {
  name: "test",
  version: "1.0.0",
  facts: [
    { id: "test.box", unit: "px", type: "object", description: { zh: "框", en: "box" }, compute: () => ({ left: 1 }) },
    { id: "test.flag", unit: "", type: "boolean", description: { zh: "标志", en: "flag" }, compute: () => true },
  ],
  operators: [{ name: "isEven", description: "even number", factTypes: ["integer"], evaluate: (f) => (f as number) % 2 === 0, checkExpected: (v) => (v === true ? null : "expects true") }],
};
const registry = new PluginRegistry().add(testPlugin);

const leaf = (fact: string, operator: string, value: unknown, extra: Record<string, unknown> = {}) => ({ fact, operator, value, ...extra });
const ruleWith = (conditions: unknown, extra: Record<string, unknown> = {}) => ({
  id: "r",
  requirement: "file-size",
  severity: "reject",
  conditions,
  message: { zh: "应为 {expected}（实为 {measured}）", en: "Must be {expected} (it is {measured})" },
  ...extra,
});
const rootDoc = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ id: "t", version: 1, region: "CN", extends: null, name: { zh: "测", en: "test" }, rules, ...extra });
const allOf = (...leaves: unknown[]) => ({ all: leaves });

describe("validateRuleset: valid documents", () => {
  it.each<[string, unknown]>([
    ["a file-size rule with between", rootDoc([ruleWith(allOf(leaf("file.kilobytes", "between", [14, 40])))])],
    ["nested any/not over several facts", rootDoc([ruleWith({ any: [leaf("image.width", "equal", 358), { not: leaf("file.format", "in", ["png", "gif"]) }] })])],
    ["a path into an object fact and a plugin operator", rootDoc([ruleWith(allOf(leaf("test.box", "greaterThan", 0, { path: "$.left" }), leaf("image.width", "isEven", true)))])],
    ["a partial override in a child: only severity", { ...rootDoc([{ id: "file.size", severity: "review" }]), extends: "cn-national" }],
    ["a partial override in a child: only conditions", { ...rootDoc([{ id: "file.size", conditions: allOf(leaf("file.kilobytes", "between", [16, 60])) }]), extends: "cn-national" }],
    ["a child disabling a rule", { ...rootDoc([{ id: "capture.recent", disabled: true }]), extends: "cn-national" }],
    ["a message naming the rule's facts", rootDoc([ruleWith(allOf(leaf("image.width", "equal", 358)), { message: { zh: "宽 {image.width}", en: "width {image.width}" } })])],
    ["a message quoting a catalogue fact the rule does not judge", rootDoc([ruleWith(allOf(leaf("file.kilobytes", "lessThan", 40)), { message: { zh: "{file.bytes} 字节", en: "{file.bytes} bytes" } })])],
  ])("%s", (_name, doc) => {
    expect(validateRuleset(doc, registry)).toEqual([]);
  });
});

describe("validateRuleset: each problem is reported at its JSON path", () => {
  it.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ["missing top-level fields", { id: "t", rules: [] }, [
      { path: "/version", message: /is required/ },
      { path: "/name", message: /is required/ },
      { path: "/region", message: /is required/ },
    ]],
    ["bad id, version and region", rootDoc([], { id: "Bad Id", version: 0, region: "china" }), [
      { path: "/id", message: /must match pattern/ },
      { path: "/version", message: /must be >= 1/ },
      { path: "/region", message: /must match pattern/ },
    ]],
    ["an unknown top-level field", rootDoc([], { owner: "me" }), [{ path: "/owner", message: /not a known field/ }]],
    ["a root rule missing fields", rootDoc([{ id: "r", severity: "reject" }]), [
      { path: "/rules/0/requirement", message: /is required/ },
      { path: "/rules/0/conditions", message: /is required/ },
      { path: "/rules/0/message", message: /is required/ },
    ]],
    ["an unknown requirement and severity", rootDoc([ruleWith(allOf(leaf("file.bytes", "lessThan", 9)), { requirement: "vibe", severity: "fatal" })]), [
      { path: "/rules/0/requirement", message: /must be one of "format", .*got "vibe"/ },
      { path: "/rules/0/severity", message: /must be one of "reject", "review" \(got "fatal"\)/ },
    ]],
    ["conditions without all/any/not at the top", rootDoc([ruleWith(leaf("file.bytes", "lessThan", 9))]), [{ path: "/rules/0/conditions", message: /exactly one of all, any or not/ }]],
    ["an empty all", rootDoc([ruleWith({ all: [] })]), [{ path: "/rules/0/conditions/all", message: /at least 1/ }]],
    ["a leaf without value", rootDoc([ruleWith(allOf({ fact: "file.bytes", operator: "lessThan" }))]), [{ path: "/rules/0/conditions/all/0/value", message: /is required/ }]],
    ["an unknown fact, with a suggestion", rootDoc([ruleWith(allOf(leaf("file.kilobyte", "lessThan", 40)))]), [
      { path: "/rules/0/conditions/all/0/fact", message: /unknown fact "file.kilobyte" \(did you mean "file.kilobytes"\?\)/ },
    ]],
    ["an unknown operator", rootDoc([ruleWith(allOf(leaf("file.kilobytes", "lessThen", 40)))]), [
      { path: "/rules/0/conditions/all/0/operator", message: /unknown operator "lessThen" \(did you mean "lessThan"\?\)/ },
    ]],
    ["a numeric operator on a string fact", rootDoc([ruleWith(allOf(leaf("file.format", "greaterThan", 3)))]), [
      { path: "/rules/0/conditions/all/0/operator", message: /"greaterThan" works on number or integer facts, but "file.format" is a string/ },
    ]],
    ["a non-numeric threshold", rootDoc([ruleWith(allOf(leaf("file.kilobytes", "lessThanInclusive", "40")))]), [
      { path: "/rules/0/conditions/all/0/value", message: /expects a number \(got "40"\)/ },
    ]],
    ["between without [min, max]", rootDoc([ruleWith({ any: [leaf("file.kilobytes", "between", 14), leaf("file.kilobytes", "between", [40, 14])] })]), [
      { path: "/rules/0/conditions/any/0/value", message: /"between" expects \[min, max\]/ },
      { path: "/rules/0/conditions/any/1/value", message: /"between" expects \[min, max\]/ },
    ]],
    ["equal with a value of the wrong type", rootDoc([ruleWith(allOf(leaf("image.width", "equal", "358"), leaf("image.hasAlpha", "equal", 0), leaf("image.height", "in", [441, "x"])))]), [
      { path: "/rules/0/conditions/all/0/value", message: /expects a integer like the fact/ },
      { path: "/rules/0/conditions/all/1/value", message: /expects a boolean like the fact/ },
      { path: "/rules/0/conditions/all/2/value", message: /expects integer values like the fact \(got "x"\)/ },
    ]],
    ["a path on a number fact, and a malformed path", rootDoc([ruleWith(allOf(leaf("image.width", "equal", 1, { path: "$.x" }), leaf("test.box", "equal", 1, { path: "left" })))]), [
      { path: "/rules/0/conditions/all/0/path", message: /only applies to object or array facts; "image.width" is a integer/ },
      { path: "/rules/0/conditions/all/1/path", message: /not a JSONPath/ },
    ]],
    ["comparing with another fact", rootDoc([ruleWith(allOf(leaf("image.width", "equal", { fact: "image.height" })))]), [
      { path: "/rules/0/conditions/all/0/value", message: /another fact is not supported/ },
    ]],
    ["duplicate rule ids", rootDoc([ruleWith(allOf(leaf("file.bytes", "lessThan", 9))), ruleWith(allOf(leaf("file.bytes", "lessThan", 8)))]), [
      { path: "/rules/1/id", message: /repeats the id "r" of \/rules\/0/ },
    ]],
    ["a placeholder nobody fills", rootDoc([ruleWith(allOf(leaf("file.bytes", "lessThan", 9)), { message: { zh: "{measurd}", en: "{image.widht}" } })]), [
      { path: "/rules/0/message/zh", message: /placeholder \{measurd\} would not be filled/ },
      { path: "/rules/0/message/en", message: /placeholder \{image.widht\} would not be filled; .*\(file.bytes\)/ },
    ]],
  ])("%s", (_name, doc, expected) => {
    const problems = validateRuleset(doc, registry);
    for (const want of expected) expect(problems, JSON.stringify(problems)).toContainEqual({ path: want.path, message: expect.stringMatching(want.message) });
    expect(problems).toHaveLength(expected.length);
  });

  it("lists every problem of a document at once, not just the first", () => {
    const doc = rootDoc([ruleWith(allOf(leaf("nope.a", "equal", 1))), ruleWith(allOf(leaf("file.kilobytes", "between", 3)), { id: "s", severity: "x" })]);
    expect(validateRuleset(doc, registry).map((p) => p.path)).toEqual(
      expect.arrayContaining(["/rules/0/conditions/all/0/fact", "/rules/1/severity", "/rules/1/conditions/all/0/value"]),
    );
  });
});

describe("validateRuleset: hostile documents are refused before anything walks them", () => {
  it.each(["__proto__", "constructor", "prototype"])("refuses a %s key anywhere, and nothing is polluted", (key) => {
    const text = `{"id":"t","version":1,"region":"CN","name":{"zh":"a","en":"b"},"rules":[{"id":"r","${key}":{"polluted":true},"conditions":{"all":[]}}]}`;
    const problems = validateRuleset(JSON.parse(text), registry);
    expect(problems).toEqual([{ path: `/rules/0/${key}`, message: expect.stringContaining(`"${key}" is not allowed`) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses nesting deeper than the limit", () => {
    let condition: unknown = leaf("file.bytes", "lessThan", 9);
    for (let i = 0; i < RULESET_LIMITS.maxDepth; i++) condition = { not: condition };
    const problems = validateRuleset(rootDoc([ruleWith({ all: [condition] })]), registry);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(new RegExp(`the limit is ${RULESET_LIMITS.maxDepth}`));
  });

  it("refuses huge arrays", () => {
    const problems = validateRuleset(rootDoc([ruleWith(allOf(leaf("file.format", "in", Array.from({ length: RULESET_LIMITS.maxArrayLength + 1 }, () => "x"))))]), registry);
    expect(problems).toEqual([{ path: "/rules/0/conditions/all/0/value", message: expect.stringContaining(`the limit is ${RULESET_LIMITS.maxArrayLength}`) }]);
  });
});

describe("ruleset.schema.json", () => {
  it("lists exactly the requirements the code knows", () => {
    const definitions = rulesetSchema().definitions as Record<string, { properties?: Record<string, { enum?: string[] }> }>;
    expect(definitions.ruleFields.properties?.requirement.enum).toEqual([...REQUIREMENTS]);
  });
});
