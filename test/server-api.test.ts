import { request as httpRequest } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckerPool } from "@photoaudit/rules";
import { createToken, startServer, type RunningServer } from "@photoaudit/server";
import { photoaudit } from "./support/cli.js";
import { CORPUS_SKIP_REASON, corpusAvailable, corpusPhoto } from "./support/corpus.js";
import { errorCodes, graphql, graphqlUpload } from "./support/graphqlClient.js";
import { makeJpeg, pngHeaderDeclaring } from "./support/images.js";

// One data folder and one warm worker pool for the whole file; the last test restarts the server on the folder.
let dataDir: string;
let pool: CheckerPool;
let server: RunningServer;
let url: string;
let sdAdmin: string;
let gdAdmin: string;
let client: string;
let photo: Uint8Array;

const VALIDATE = `mutation Validate($photo: File!, $rulesetId: ID!) {
  validatePhoto(photo: $photo, rulesetId: $rulesetId) {
    file verdict ruleset { id version }
    results { rule requirement status severity measured expected message { zh en } }
    facts timings { totalMs decodeMs rulesMs }
  }
}`;

const SAVE = `mutation Save($id: ID!, $document: JSON!, $expectedVersion: Int!, $comment: String!) {
  saveRulesetDraft(id: $id, document: $document, expectedVersion: $expectedVersion, comment: $comment) { id version status }
}`;

const PUBLISH = `mutation Publish($id: ID!, $version: Int!, $comment: String!) {
  publishRuleset(id: $id, version: $version, comment: $comment) { id publishedVersion latestVersion }
}`;

const validate = (rulesetId: string, bytes = photo, token?: string) => graphqlUpload(url, VALIDATE, { rulesetId }, { photo: { bytes, name: "photo.jpg" } }, token);

/** The document of a ruleset's latest version with the Jinan file-size rule set to `kilobytes`. */
async function withFileSize(id: string, kilobytes: [number, number], token: string) {
  const current = await graphql(url, `query($id: ID!) { rulesets { id latestVersion } ruleset(id: $id) { document } }`, { id }, token);
  const latestVersion = current.data!.rulesets.find((r: { id: string }) => r.id === id).latestVersion as number;
  const document = structuredClone(current.data!.ruleset.document);
  document.rules = [{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: kilobytes }] } }];
  return { document, latestVersion };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "photoaudit-api-"));
  pool = new CheckerPool({ size: 2 });
  // The first token comes from the command line, as an operator would make it, before the server starts.
  const created = photoaudit(["tokens", "create", "--role", "admin", "--region", "CN-SD", "--name", "Shandong admin", "--data", dataDir]);
  expect(created.code, created.stderr).toBe(0);
  sdAdmin = created.stdout.trim();
  expect(sdAdmin).toMatch(/^pat_[A-Za-z0-9_-]{43}$/);
  server = await startServer({ port: 0, host: "127.0.0.1", dataDir, pool, logging: false });
  url = server.url;
  gdAdmin = (await createToken(server.store, { role: "admin", regions: ["CN-GD"], name: "Guangdong admin" })).token;
  client = (await createToken(server.store, { role: "client", name: "portal" })).token;
  photo = await makeJpeg();
});

afterAll(async () => {
  await server?.close();
  await pool?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("photoaudit API over HTTP", () => {
  it("answers the health check", async () => {
    const response = await fetch(url.replace(/\/graphql$/, "/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", store: "pglite", workers: 2 });
  });

  it("validates an uploaded photo and returns the CLI's report, typed", async () => {
    const response = await validate("cn-national");
    expect(response.errors).toBeUndefined();
    const report = response.data!.validatePhoto;
    expect(report).toMatchObject({ file: "photo.jpg", ruleset: { id: "cn-national", version: 1 } });
    expect(["PASS", "REVIEW", "REJECT"]).toContain(report.verdict);
    expect(report.results.find((r: { rule: string }) => r.rule === "file.dimensions")).toMatchObject({ status: "PASS", measured: { "image.width": 358, "image.height": 441 } });
    expect(report.facts["file.format"]).toBe("jpeg");
    expect(report.timings.totalMs).toBeGreaterThan(0);
  });

  it.skipIf(!corpusAvailable)("validates a corpus photo", async () => {
    const response = await graphqlUpload(url, VALIDATE, { rulesetId: "cn-national" }, { photo: { bytes: corpusPhoto("deepface-img30-damon-light.jpg"), name: "damon.jpg" } });
    expect(response.errors).toBeUndefined();
    const report = response.data!.validatePhoto;
    expect(report.facts["image.width"]).toBe(1453);
    expect(report.facts["face.count"]).toBe(1);
    expect(report.results.find((r: { rule: string }) => r.rule === "file.dimensions").status).toBe("FAIL");
  });
  if (!corpusAvailable) console.warn(CORPUS_SKIP_REASON);

  it("refuses a photo that cannot be decoded with BAD_PHOTO and the decoder's code", async () => {
    const truncated = photo.slice(0, 600);
    const response = await validate("cn-national", truncated);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: "BAD_PHOTO", photoErrorCode: "CORRUPT_IMAGE" });
  });

  it("refuses an image above the pixel limit from its header, before decoding it", async () => {
    const response = await validate("cn-national", pngHeaderDeclaring(50_000, 50_000));
    expect(response.errors?.[0].extensions).toMatchObject({ code: "BAD_PHOTO", photoErrorCode: "TOO_LARGE" });
  });

  it("refuses an upload above the limit from its Content-Length, before reading the body", async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) } }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.flushHeaders(); // headers only: the 200 MB never leave this process
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("needs a token to edit and refuses a bad one", async () => {
    const edit = await withFileSize("cn-sd-jinan", [1, 2], sdAdmin);
    const anonymous = await graphql(url, SAVE, { id: "cn-sd-jinan", document: edit.document, expectedVersion: edit.latestVersion, comment: "x" });
    expect(errorCodes(anonymous)).toEqual(["UNAUTHENTICATED"]);
    const asClient = await graphql(url, SAVE, { id: "cn-sd-jinan", document: edit.document, expectedVersion: edit.latestVersion, comment: "x" }, client);
    expect(errorCodes(asClient)).toEqual(["FORBIDDEN"]);
    const wrong = await graphql(url, "{ rulesets { id } }", {}, "pat_not-a-real-token");
    expect(wrong.status).toBe(401);
    expect(errorCodes(wrong)).toEqual(["UNAUTHENTICATED"]);
  });

  it("an admin of CN-SD edits cn-sd-jinan's file-size threshold, and validation uses it from the publish on", async () => {
    const before = (await validate("cn-sd-jinan")).data!.validatePhoto;
    const sizeBefore = before.results.find((r: { rule: string }) => r.rule === "file.size");
    expect(sizeBefore.expected).toEqual({ operator: "between", value: [16, 60] });
    const kilobytes = sizeBefore.measured as number;

    const edit = await withFileSize("cn-sd-jinan", [1, Math.floor(kilobytes) - 1], sdAdmin);
    const saved = await graphql(url, SAVE, { id: "cn-sd-jinan", document: edit.document, expectedVersion: edit.latestVersion, comment: "Jinan accepts only small files now" }, sdAdmin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveRulesetDraft).toMatchObject({ id: "cn-sd-jinan", version: 2, status: "DRAFT" });

    // A saved draft changes nothing for validation...
    expect((await validate("cn-sd-jinan")).data!.validatePhoto.ruleset.version).toBe(1);

    // ...publishing does, from the very next request.
    const published = await graphql(url, PUBLISH, { id: "cn-sd-jinan", version: 2, comment: "notice 2026-11" }, sdAdmin);
    expect(published.data!.publishRuleset).toMatchObject({ publishedVersion: 2, latestVersion: 2 });
    const after = (await validate("cn-sd-jinan")).data!.validatePhoto;
    expect(after.ruleset).toEqual({ id: "cn-sd-jinan", version: 2 });
    const sizeAfter = after.results.find((r: { rule: string }) => r.rule === "file.size");
    expect(sizeAfter).toMatchObject({ status: "FAIL", severity: "REJECT", expected: { operator: "between", value: [1, Math.floor(kilobytes) - 1] } });
    expect(after.verdict).toBe("REJECT");
  });

  it("refuses the CN-SD admin on a CN-GD ruleset with FORBIDDEN, and lets the CN-GD admin in", async () => {
    const edit = await withFileSize("cn-gd-guangzhou", [20, 200], gdAdmin);
    const variables = { id: "cn-gd-guangzhou", document: edit.document, expectedVersion: edit.latestVersion, comment: "try" };
    const refused = await graphql(url, SAVE, variables, sdAdmin);
    expect(errorCodes(refused)).toEqual(["FORBIDDEN"]);
    expect(refused.errors![0].message).toContain("Shandong admin");
    const publishRefused = await graphql(url, PUBLISH, { id: "cn-gd-guangzhou", version: 1, comment: "try" }, sdAdmin);
    expect(errorCodes(publishRefused)).toEqual(["FORBIDDEN"]);
    expect((await graphql(url, SAVE, variables, gdAdmin)).data!.saveRulesetDraft.version).toBe(edit.latestVersion + 1);
  });

  it("gives one of two concurrent saves with the same expectedVersion a CONFLICT, and keeps the other", async () => {
    const edit = await withFileSize("cn-sd-dongying", [10, 90], sdAdmin);
    const save = (kilobytes: [number, number], comment: string) => {
      const document = structuredClone(edit.document);
      document.rules = [{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: kilobytes }] } }];
      return graphql(url, SAVE, { id: "cn-sd-dongying", document, expectedVersion: edit.latestVersion, comment }, sdAdmin);
    };
    const results = await Promise.all([save([10, 90], "first"), save([20, 80], "second")]);
    const codes = results.map((r) => errorCodes(r)[0] ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const conflict = results.find((r) => r.errors)!.errors![0];
    expect(conflict.extensions).toMatchObject({ code: "CONFLICT", expectedVersion: edit.latestVersion, latestVersion: edit.latestVersion + 1 });
    const log = await graphql(url, `{ auditLog(rulesetId: "cn-sd-dongying") { action comment } }`, {}, sdAdmin);
    expect(log.data!.auditLog.filter((e: { action: string }) => e.action === "SAVE_DRAFT")).toHaveLength(1);
  });

  it("refuses an invalid draft with INVALID_RULESET and every problem at its JSON path", async () => {
    const edit = await withFileSize("cn-sd-jinan", [1, 2], sdAdmin);
    edit.document.rules = [{ id: "file.size", conditions: { all: [{ fact: "file.kilobyte", operator: "between", value: [5, 1] }] } }];
    const response = await graphql(url, SAVE, { id: "cn-sd-jinan", document: edit.document, expectedVersion: edit.latestVersion, comment: "typo" }, sdAdmin);
    expect(errorCodes(response)).toEqual(["INVALID_RULESET"]);
    const paths = response.errors![0].extensions!.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain("/rules/0/conditions/all/0/fact");
  });

  it("tests an unsaved draft against a photo without storing it", async () => {
    const edit = await withFileSize("cn-sd-jinan", [1, 500], sdAdmin);
    const response = await graphqlUpload(
      url,
      `mutation($draft: JSON!, $photo: File!) { testRuleset(draft: $draft, photo: $photo) { ruleset { id version } results { rule status expected } } }`,
      { draft: { ...edit.document, version: 99 } },
      { photo: { bytes: photo, name: "p.jpg" } },
      sdAdmin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.testRuleset.ruleset).toEqual({ id: "cn-sd-jinan", version: 99 });
    expect(response.data!.testRuleset.results.find((r: { rule: string }) => r.rule === "file.size")).toMatchObject({ status: "PASS", expected: { operator: "between", value: [1, 500] } });
    const latest = await graphql(url, `{ rulesets { id latestVersion } }`);
    expect(latest.data!.rulesets.find((r: { id: string }) => r.id === "cn-sd-jinan").latestVersion).toBe(edit.latestVersion);
  });

  it("shows each change in the audit log: who, when, what and why", async () => {
    const response = await graphql(
      url,
      `{ auditLog(rulesetId: "cn-sd-jinan") { action version previousVersion actor { tokenId name } at comment before after changes { path before after } } }`,
      {},
      sdAdmin,
    );
    const entries = response.data!.auditLog;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(["PUBLISH", "SAVE_DRAFT", "SEED"]);
    const [publish, save] = entries;
    expect(publish).toMatchObject({ version: 2, previousVersion: 1, comment: "notice 2026-11", actor: { name: "Shandong admin" } });
    expect(save).toMatchObject({ version: 2, previousVersion: 1, comment: "Jinan accepts only small files now" });
    expect(save.actor.tokenId).toMatch(/^tok_/);
    expect(Number.isNaN(Date.parse(save.at))).toBe(false);
    expect(save.before.version).toBe(1);
    expect(save.after.version).toBe(2);
    expect(save.changes.map((c: { path: string }) => c.path)).toContain("/rules/0/conditions/all/0/value/1");
    expect(errorCodes(await graphql(url, `{ auditLog(rulesetId: "cn-sd-jinan") { action } }`, {}, gdAdmin))).toEqual(["FORBIDDEN"]);
  });

  it("can require a token for validation and reads too", async () => {
    const closed = await startServer({ port: 0, host: "127.0.0.1", store: server.store, pool, requireTokenForReads: true, logging: false });
    try {
      expect(errorCodes(await graphql(closed.url, "{ rulesets { id } }"))).toEqual(["UNAUTHENTICATED"]);
      expect(errorCodes(await graphqlUpload(closed.url, VALIDATE, { rulesetId: "cn-national" }, { photo: { bytes: photo, name: "p.jpg" } }))).toEqual(["UNAUTHENTICATED"]);
      expect((await graphql(closed.url, "{ rulesets { id } }", {}, client)).data!.rulesets.length).toBeGreaterThan(0);
    } finally {
      await closed.close();
    }
  });

  it("keeps a second process out of the embedded store while the server runs", () => {
    const result = photoaudit(["tokens", "create", "--role", "client", "--data", dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`in use by process ${process.pid}`);
  });

  it("refuses too costly queries with QUERY_TOO_COSTLY before running them", async () => {
    const fields = Array.from({ length: 60 }, (_, i) => `a${i}: rulesets { id published { rules { id message { zh en } } } }`).join("\n");
    const response = await graphql(url, `{ ${fields} }`);
    expect(errorCodes(response)).toEqual(["QUERY_TOO_COSTLY"]);
  });

  it("keeps everything across a restart on the same data folder", async () => {
    await server.close();
    server = await startServer({ port: 0, host: "127.0.0.1", dataDir, pool, logging: false });
    url = server.url;
    const response = await graphql(url, `{ viewer { name } ruleset(id: "cn-sd-jinan") { version status } auditLog(rulesetId: "cn-sd-jinan") { action } }`, {}, sdAdmin);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ viewer: { name: "Shandong admin" }, ruleset: { version: 2, status: "PUBLISHED" }, auditLog: [{ action: "PUBLISH" }, { action: "SAVE_DRAFT" }, { action: "SEED" }] });
    expect((await validate("cn-sd-jinan")).data!.validatePhoto.ruleset.version).toBe(2);
  });
});
