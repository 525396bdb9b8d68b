import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRulesets, type RulesetDocument } from "@photoaudit/rules";
import { ApiError } from "../errors.js";
import { openStore, type Store } from "./openStore.js";
import { openPostgresClient } from "./postgresClient.js";
import type { Actor } from "./rulesetStore.js";
import { postgresAvailable, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, uniqueSchema } from "../../../../test/support/postgres.js";

const alice: Actor = { tokenId: "tok_alice", name: "alice" };
const bob: Actor = { tokenId: "tok_bob", name: "bob" };
const accept = () => undefined;

/** A small valid ruleset document extending cn-national. */
const doc = (id: string, version: number, kilobytes: [number, number] = [16, 60]): RulesetDocument => ({
  id,
  version,
  region: "CN-SD",
  extends: "cn-national",
  name: { zh: "测试", en: "Test" },
  rules: [{ id: "file.size", conditions: { all: [{ fact: "file.kilobytes", operator: "between", value: kilobytes }] } }],
});

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : String(error));

const adapters: { name: string; skip: string | false; open: () => Promise<Store>; cleanup?: () => Promise<void> }[] = [
  { name: "PGlite (embedded)", skip: false, open: () => openStore({ dataDir: "memory" }) },
  (() => {
    const schema = uniqueSchema("store");
    return {
      name: "PostgreSQL (DATABASE_URL)",
      skip: postgresAvailable ? false : POSTGRES_SKIP_REASON,
      open: () => openStore({ databaseUrl: TEST_DATABASE_URL, schema }),
      cleanup: async () => {
        const db = await openPostgresClient(TEST_DATABASE_URL);
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      },
    };
  })(),
];

for (const adapter of adapters) {
  describe.skipIf(adapter.skip)(`store on ${adapter.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await adapter.open();
    });
    afterAll(async () => {
      await store?.close();
      await adapter.cleanup?.();
    });

    it("seeds every built-in ruleset once, published, never overwrites it, and tells when a shipped file changed", async () => {
      const seeded = await store.rulesets.list();
      expect(seeded.map((r) => r.id)).toEqual([...builtinRulesets().keys()].sort());
      expect(seeded.every((r) => r.builtin && r.publishedVersion === 1)).toBe(true);
      expect(store.notices).toEqual([]);
      expect(await store.rulesets.seed(builtinRulesets().get("cn-sd-jinan")!, alice, "again")).toBe("unchanged");
      const changed = { ...builtinRulesets().get("cn-sd-jinan")!, name: { zh: "改", en: "changed" } };
      expect(await store.rulesets.seed(changed, alice, "again")).toBe("differs");
      expect((await store.rulesets.publishedDocuments()).get("cn-sd-jinan")?.name.en).not.toBe("changed");
      expect((await store.rulesets.auditLog("cn-sd-jinan")).map((e) => e.action)).toEqual(["seed"]);
      // Once an admin saves the shipped content as a version, the release and the store agree again.
      await store.rulesets.saveDraft("cn-sd-jinan", { ...changed, version: 2 }, 1, alice, "adopt the shipped file");
      expect(await store.rulesets.seed(changed, alice, "again")).toBe("unchanged");
    });

    it("creates a ruleset as a draft and refuses a second one with the same id", async () => {
      const created = await store.rulesets.create(doc("t-create", 1), alice, "new region");
      expect(created).toMatchObject({ rulesetId: "t-create", version: 1, createdBy: "alice", firstPublishedAt: null });
      expect(await store.rulesets.get("t-create")).toMatchObject({ latestVersion: 1, publishedVersion: null, builtin: false });
      expect(codeOf(await store.rulesets.create(doc("t-create", 1), bob, "again").catch((e) => e))).toBe("CONFLICT");
    });

    it("saves drafts only on top of the expected version, keeping the refused edit out", async () => {
      await store.rulesets.create(doc("t-save", 1), alice, "start");
      await store.rulesets.saveDraft("t-save", doc("t-save", 2, [10, 50]), 1, alice, "widen");
      const stale = await store.rulesets.saveDraft("t-save", doc("t-save", 2, [1, 2]), 1, bob, "stale").catch((e: unknown) => e);
      expect(codeOf(stale)).toBe("CONFLICT");
      expect((stale as ApiError).details).toMatchObject({ expectedVersion: 1, latestVersion: 2 });
      expect((await store.rulesets.versions("t-save")).map((v) => [v.version, v.createdBy])).toEqual([[2, "alice"], [1, "alice"]]);
    });

    it("lets exactly one of two concurrent saves with the same expectedVersion through", async () => {
      await store.rulesets.create(doc("t-race", 1), alice, "start");
      const results = await Promise.allSettled([
        store.rulesets.saveDraft("t-race", doc("t-race", 2, [10, 20]), 1, alice, "mine"),
        store.rulesets.saveDraft("t-race", doc("t-race", 2, [30, 40]), 1, bob, "yours"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(codeOf(refused.reason)).toBe("CONFLICT");
      expect((await store.rulesets.get("t-race"))?.latestVersion).toBe(2);
      expect((await store.rulesets.auditLog("t-race")).map((e) => e.action)).toEqual(["save_draft", "create"]);
    });

    it("publishes, rolls back only to earlier published versions, and audits both documents", async () => {
      await store.rulesets.create(doc("t-pub", 1), alice, "start");
      await store.rulesets.publish("t-pub", 1, alice, "go live", accept);
      await store.rulesets.saveDraft("t-pub", doc("t-pub", 2, [20, 30]), 1, alice, "tighten");
      await store.rulesets.saveDraft("t-pub", doc("t-pub", 3, [25, 30]), 2, alice, "tighten more");
      await store.rulesets.publish("t-pub", 3, bob, "v3 live", accept);
      expect((await store.rulesets.publishedDocuments()).get("t-pub")?.version).toBe(3);
      expect(codeOf(await store.rulesets.publish("t-pub", 2, bob, "rollback to a draft", accept, "rollback").catch((e) => e))).toBe("CONFLICT");
      expect(codeOf(await store.rulesets.publish("t-pub", 9, bob, "no such", accept).catch((e) => e))).toBe("NOT_FOUND");
      await store.rulesets.publish("t-pub", 1, bob, "v3 refuses good photos", accept, "rollback");
      expect((await store.rulesets.get("t-pub"))?.publishedVersion).toBe(1);
      const [rollback, publish] = await store.rulesets.auditLog("t-pub");
      expect(rollback).toMatchObject({ action: "rollback", version: 1, previousVersion: 3, actor: bob, comment: "v3 refuses good photos" });
      expect(rollback.before?.version).toBe(3);
      expect(rollback.after?.version).toBe(1);
      expect(publish).toMatchObject({ action: "publish", version: 3, previousVersion: 1 });
    });

    it.skipIf(adapter.name.startsWith("PGlite"))("sees a publish made by another replica on the same database", async () => {
      await store.rulesets.create(doc("t-replica", 1), alice, "start");
      expect((await store.rulesets.publishedDocuments()).has("t-replica")).toBe(false);
      const replica = await adapter.open();
      try {
        await replica.rulesets.publish("t-replica", 1, bob, "from the other replica", accept);
      } finally {
        await replica.close();
      }
      expect((await store.rulesets.publishedDocuments()).get("t-replica")?.version).toBe(1);
    });

    it("writes nothing when a publish is refused inside its transaction", async () => {
      await store.rulesets.create(doc("t-atomic", 1), alice, "start");
      const refuse = () => {
        throw new ApiError("INVALID_RULESET", "no");
      };
      expect(codeOf(await store.rulesets.publish("t-atomic", 1, alice, "try", refuse).catch((e) => e))).toBe("INVALID_RULESET");
      expect((await store.rulesets.get("t-atomic"))?.publishedVersion).toBeNull();
      expect((await store.rulesets.version("t-atomic", 1))?.firstPublishedAt).toBeNull();
      expect((await store.rulesets.auditLog("t-atomic")).map((e) => e.action)).toEqual(["create"]);
    });

    it("archives a ruleset: hidden from lists and validation, history kept, no more edits", async () => {
      await store.rulesets.create(doc("t-archive", 1), alice, "start");
      await store.rulesets.publish("t-archive", 1, alice, "live", accept);
      await store.rulesets.archive("t-archive", alice, "region merged", accept);
      expect((await store.rulesets.list()).some((r) => r.id === "t-archive")).toBe(false);
      expect((await store.rulesets.list({ includeArchived: true })).some((r) => r.id === "t-archive")).toBe(true);
      expect((await store.rulesets.publishedDocuments()).has("t-archive")).toBe(false);
      expect(codeOf(await store.rulesets.saveDraft("t-archive", doc("t-archive", 2), 1, alice, "edit").catch((e) => e))).toBe("CONFLICT");
      expect((await store.rulesets.auditLog("t-archive"))[0]).toMatchObject({ action: "archive", comment: "region merged" });
    });

    it("keeps documents exactly as written, key order included", async () => {
      const written = { rules: doc("t-order", 1).rules, version: 1, id: "t-order", region: "CN-SD", extends: "cn-national", name: { en: "E", zh: "Z" } } as RulesetDocument;
      await store.rulesets.create(written, alice, "order");
      expect(JSON.stringify((await store.rulesets.version("t-order", 1))?.document)).toBe(JSON.stringify(written));
    });

    it("finds tokens by hash until they are revoked", async () => {
      const record = await store.tokens.create({ id: "tok_t1", name: "sd admin", role: "admin", regions: ["CN-SD"], hash: "h1" });
      expect(record).toMatchObject({ id: "tok_t1", role: "admin", regions: ["CN-SD"], revokedAt: null });
      expect((await store.tokens.findActiveByHash("h1"))?.id).toBe("tok_t1");
      await store.tokens.revoke("tok_t1");
      expect(await store.tokens.findActiveByHash("h1")).toBeUndefined();
      expect(codeOf(await store.tokens.revoke("tok_missing").catch((e) => e))).toBe("NOT_FOUND");
    });
  });
}

if (!postgresAvailable) console.warn(POSTGRES_SKIP_REASON);
