import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckerPool } from "@photoaudit/rules";
import { createToken, startServer, type RunningServer } from "@photoaudit/server";
import { errorCodes, graphql } from "./support/graphqlClient.js";

// Ruleset administration over HTTP beyond the main scenario (server-api.test.ts): lifecycle,
// refusals and who may see what. A throwaway in-memory store; one worker is enough (no photos here).
let server: RunningServer;
let pool: CheckerPool;
let url: string;
const tokens: Record<"sd" | "national" | "gd" | "superadmin" | "client", string> = { sd: "", national: "", gd: "", superadmin: "", client: "" };

const CREATE = `mutation($document: JSON!, $comment: String!) { createRuleset(document: $document, comment: $comment) { id version status region } }`;
const SAVE = `mutation($id: ID!, $document: JSON!, $expectedVersion: Int!, $comment: String!) {
  saveRulesetDraft(id: $id, document: $document, expectedVersion: $expectedVersion, comment: $comment) { version status }
}`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishRuleset(id: $id, version: $version, comment: "publish") { publishedVersion } }`;
const ROLLBACK = `mutation($id: ID!, $toVersion: Int!) { rollbackRuleset(id: $id, toVersion: $toVersion, comment: "undo") { publishedVersion } }`;
const ARCHIVE = `mutation($id: ID!) { archiveRuleset(id: $id, comment: "retired") { id archivedAt } }`;

/** A Jinan district ruleset (region CN-SD): extends cn-sd-jinan and sets the file-size window. */
const district = (id: string, kilobytes: [number, number], region = "CN-SD") => ({
  id,
  region,
  extends: "cn-sd-jinan",
  name: { zh: "历下区", en: "Lixia district" },
  rules: [{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: kilobytes }] } }],
});

beforeAll(async () => {
  pool = new CheckerPool({ size: 1 });
  server = await startServer({ port: 0, host: "127.0.0.1", dataDir: "memory", pool, logging: false });
  url = server.url;
  tokens.sd = (await createToken(server.store, { role: "admin", regions: ["CN-SD"], name: "sd" })).token;
  tokens.national = (await createToken(server.store, { role: "admin", regions: ["CN"], name: "national" })).token;
  tokens.gd = (await createToken(server.store, { role: "admin", regions: ["CN-GD"], name: "gd" })).token;
  tokens.superadmin = (await createToken(server.store, { role: "superadmin", name: "root" })).token;
  tokens.client = (await createToken(server.store, { role: "client", name: "portal" })).token;
});

afterAll(async () => {
  await server?.close();
  await pool?.close();
});

describe("ruleset administration over HTTP", () => {
  it("creates a ruleset in the admin's region, as a draft only that region's admins can read", async () => {
    const created = await graphql(url, CREATE, { document: district("cn-sd-jn-lixia", [16, 50]), comment: "district rules" }, tokens.sd);
    expect(created.data!.createRuleset).toEqual({ id: "cn-sd-jn-lixia", version: 1, status: "DRAFT", region: "CN-SD" });
    const read = `{ ruleset(id: "cn-sd-jn-lixia", version: 1) { status } }`;
    expect(errorCodes(await graphql(url, read))).toEqual(["UNAUTHENTICATED"]);
    expect(errorCodes(await graphql(url, read, {}, tokens.gd))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(url, read, {}, tokens.client))).toEqual(["FORBIDDEN"]);
    expect((await graphql(url, read, {}, tokens.national)).data!.ruleset.status).toBe("DRAFT");
    expect(errorCodes(await graphql(url, `{ ruleset(id: "cn-sd-jn-lixia") { status } }`))).toEqual(["NOT_FOUND"]);
  });

  it("refuses creating in another region, or an id that exists", async () => {
    expect(errorCodes(await graphql(url, CREATE, { document: district("cn-gd-x", [1, 2], "CN-GD"), comment: "c" }, tokens.sd))).toEqual(["FORBIDDEN"]);
    expect(errorCodes(await graphql(url, CREATE, { document: district("cn-sd-jn-lixia", [1, 2]), comment: "c" }, tokens.sd))).toEqual(["CONFLICT"]);
  });

  it("refuses a draft that moves the ruleset to another region, and a change without a comment", async () => {
    const moved = await graphql(url, SAVE, { id: "cn-sd-jn-lixia", document: district("cn-sd-jn-lixia", [1, 2], "CN-GD"), expectedVersion: 1, comment: "move" }, tokens.sd);
    expect(errorCodes(moved)).toEqual(["INVALID_RULESET"]);
    expect(moved.errors![0].extensions!.problems[0].path).toBe("/region");
    const silent = await graphql(url, SAVE, { id: "cn-sd-jn-lixia", document: district("cn-sd-jn-lixia", [1, 2]), expectedVersion: 1, comment: "  " }, tokens.sd);
    expect(errorCodes(silent)).toEqual(["BAD_REQUEST"]);
  });

  it("publishes, then rolls back to an earlier published version only", async () => {
    expect((await graphql(url, PUBLISH, { id: "cn-sd-jn-lixia", version: 1 }, tokens.sd)).data!.publishRuleset.publishedVersion).toBe(1);
    await graphql(url, SAVE, { id: "cn-sd-jn-lixia", document: district("cn-sd-jn-lixia", [20, 50]), expectedVersion: 1, comment: "tighten" }, tokens.sd);
    expect(errorCodes(await graphql(url, ROLLBACK, { id: "cn-sd-jn-lixia", toVersion: 2 }, tokens.sd))).toEqual(["CONFLICT"]);
    await graphql(url, PUBLISH, { id: "cn-sd-jn-lixia", version: 2 }, tokens.sd);
    expect((await graphql(url, ROLLBACK, { id: "cn-sd-jn-lixia", toVersion: 1 }, tokens.sd)).data!.rollbackRuleset.publishedVersion).toBe(1);
    const versions = await graphql(url, `{ rulesets { id versions { version status } } }`, {}, tokens.superadmin);
    expect(versions.data!.rulesets.find((r: { id: string }) => r.id === "cn-sd-jn-lixia").versions).toEqual([
      { version: 2, status: "RETIRED" },
      { version: 1, status: "PUBLISHED" },
    ]);
    const log = await graphql(url, `{ auditLog(rulesetId: "cn-sd-jn-lixia") { action version previousVersion } }`, {}, tokens.sd);
    expect(log.data!.auditLog.map((e: { action: string }) => e.action)).toEqual(["ROLLBACK", "PUBLISH", "SAVE_DRAFT", "PUBLISH", "CREATE"]);
  });

  it("refuses a parent publish that would break a live child, naming the child's problem", async () => {
    // Dongying v2 adds a rule; a child tightens only its severity; Dongying v3 drops the rule again,
    // which would leave the child's override without the rest of the rule.
    const dongying = (await graphql(url, `{ ruleset(id: "cn-sd-dongying") { document } }`)).data!.ruleset.document;
    const extraRule = {
      id: "file.maxKilobytes", requirement: "file-size", severity: "review",
      conditions: { all: [{ fact: "file.kilobytes", operator: "lessThanInclusive", value: 100 }] },
      message: { zh: "文件不超过 100 KB", en: "At most 100 KB" },
    };
    const save = (document: unknown, expectedVersion: number) => graphql(url, SAVE, { id: "cn-sd-dongying", document, expectedVersion, comment: "edit" }, tokens.sd);
    expect((await save({ ...dongying, rules: [...dongying.rules, extraRule] }, 1)).errors).toBeUndefined();
    await graphql(url, PUBLISH, { id: "cn-sd-dongying", version: 2 }, tokens.sd);
    const child = { id: "cn-sd-dy-child", region: "CN-SD", extends: "cn-sd-dongying", name: { zh: "子", en: "Child" }, rules: [{ id: "file.maxKilobytes", severity: "reject" }] };
    expect((await graphql(url, CREATE, { document: child, comment: "child" }, tokens.sd)).errors).toBeUndefined();
    await graphql(url, PUBLISH, { id: "cn-sd-dy-child", version: 1 }, tokens.sd);

    expect((await save(dongying, 2)).errors).toBeUndefined();
    const refused = await graphql(url, PUBLISH, { id: "cn-sd-dongying", version: 3 }, tokens.sd);
    expect(errorCodes(refused)).toEqual(["INVALID_RULESET"]);
    expect(refused.errors![0].extensions!.problems.map((p: { ruleset: string }) => p.ruleset)).toContain("cn-sd-dy-child");
    expect((await graphql(url, `{ ruleset(id: "cn-sd-dongying") { version } }`)).data!.ruleset.version).toBe(2);
  });

  it("refuses archiving a parent while a live ruleset extends it; archives the child", async () => {
    const refused = await graphql(url, ARCHIVE, { id: "cn-sd-jinan" }, tokens.sd);
    expect(errorCodes(refused)).toEqual(["CONFLICT"]);
    expect(refused.errors![0].extensions!.children).toEqual(["cn-sd-jn-lixia"]);
    expect((await graphql(url, ARCHIVE, { id: "cn-sd-jn-lixia" }, tokens.sd)).data!.archiveRuleset.archivedAt).toMatch(/^\d{4}-/);
    const listed = await graphql(url, `{ rulesets { id } all: rulesets(includeArchived: true) { id } }`);
    expect(listed.data!.rulesets.map((r: { id: string }) => r.id)).not.toContain("cn-sd-jn-lixia");
    expect(listed.data!.all.map((r: { id: string }) => r.id)).toContain("cn-sd-jn-lixia");
  });

  it("keeps region admins off the national rulesets; a superadmin may edit anything", async () => {
    const national = await graphql(url, `{ ruleset(id: "cn-national") { document } }`);
    const variables = { id: "cn-national", document: national.data!.ruleset.document, expectedVersion: 1, comment: "same content, new version" };
    expect(errorCodes(await graphql(url, SAVE, variables, tokens.sd))).toEqual(["FORBIDDEN"]);
    expect((await graphql(url, SAVE, variables, tokens.superadmin)).data!.saveRulesetDraft).toEqual({ version: 2, status: "DRAFT" });
  });

  it("lists facts, plugins and operators for rule authors", async () => {
    const response = await graphql(url, `{ facts { id unit plugin } plugins { name facts { id } } operators { name } viewer { role } }`, {}, tokens.client);
    expect(response.data!.facts.find((f: { id: string }) => f.id === "file.kilobytes")).toEqual({ id: "file.kilobytes", unit: "KB", plugin: "file" });
    expect(response.data!.plugins.map((p: { name: string }) => p.name)).toContain("face");
    expect(response.data!.operators.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(["between", "greaterThanInclusive"]));
    expect(response.data!.viewer).toEqual({ role: "client" });
  });
});
