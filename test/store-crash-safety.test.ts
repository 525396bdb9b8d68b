import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Store } from "@photoaudit/server";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli.js";
import { postgresAvailable, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, uniqueSchema } from "./support/postgres.js";

/** Runs the save loop in a child process and kills it (SIGKILL) once `saves` drafts have been committed plus a random moment. */
async function killDuringSaves(env: Record<string, string>, saves: number): Promise<number> {
  const child = spawn(process.execPath, [join(REPO_ROOT, "test", "support", "saveLoop.mjs")], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  let reported = 0;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      reported += (chunk.toString().match(/saved/g) ?? []).length;
      if (reported >= saves) resolve();
    });
    child.once("exit", (code) => reject(new Error(`save loop exited early (${code}): ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  return reported;
}

/** Every version of cn-sd-jinan has exactly its audit entry and a whole document; the latest version matches the ruleset row. */
async function expectConsistent(store: Store, reported: number): Promise<void> {
  const record = (await store.rulesets.get("cn-sd-jinan"))!;
  const versions = (await store.rulesets.versions("cn-sd-jinan")).sort((a, b) => a.version - b.version);
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  expect(record.latestVersion).toBe(numbers.at(-1));
  // Saves the child reported are committed; at most one more may have committed after its last report.
  expect(numbers.length - 1).toBeGreaterThanOrEqual(reported);
  expect(numbers.length - 1).toBeLessThanOrEqual(reported + 1);
  const audit = await store.rulesets.auditLog("cn-sd-jinan", 10_000);
  const drafts = audit.filter((a) => a.action === "save_draft");
  expect(drafts.map((a) => a.version).sort((a, b) => a! - b!)).toEqual(numbers.slice(1));
  for (const v of versions.slice(1)) {
    expect(v.document.description?.en).toMatch(new RegExp(`^${v.comment}: x{2000}$`));
    expect(drafts.find((a) => a.version === v.version)?.comment).toBe(v.comment);
  }
}

describe("crash safety: killing a process mid-save leaves each save wholly there or absent", () => {
  it("embedded store (PGlite)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "photoaudit-crash-"));
    const reported = await killDuringSaves({ SAVE_DATA_DIR: dataDir }, 5);
    const store = await openStore({ dataDir });
    try {
      await expectConsistent(store, reported);
    } finally {
      await store.close();
    }
  }, 120_000);

  it.skipIf(!postgresAvailable)("PostgreSQL store", async () => {
    const schema = uniqueSchema("crash");
    const reported = await killDuringSaves({ SAVE_DATABASE_URL: TEST_DATABASE_URL, SAVE_SCHEMA: schema }, 20);
    const store = await openStore({ databaseUrl: TEST_DATABASE_URL, schema });
    try {
      await expectConsistent(store, reported);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }, 120_000);
  if (!postgresAvailable) it.skip(POSTGRES_SKIP_REASON, () => {});
});
