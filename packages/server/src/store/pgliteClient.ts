import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { SqlClient, SqlExecutor } from "./sqlClient.js";

const executor = (db: PGlite | Transaction): SqlExecutor => ({
  async query<Row>(text: string, params: readonly unknown[] = []) {
    return (await db.query<Row>(text, params as unknown[])).rows;
  },
  async exec(script: string) {
    await db.exec(script);
  },
});

/** The embedded store: PostgreSQL compiled to WASM, in a data folder (or in memory when `dataDir` is absent). */
export async function openPgliteClient(dataDir?: string): Promise<SqlClient> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? "memory://");
  return {
    kind: "pglite",
    ...executor(db),
    // PGlite runs one transaction at a time; others wait, which serialises concurrent saves.
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
}
