import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { builtinRulesets } from "@photoaudit/rules";
import { lockDataDir } from "./dataDirLock.js";
import { migrate } from "./migrations.js";
import { openPgliteClient } from "./pgliteClient.js";
import { openPostgresClient } from "./postgresClient.js";
import { RulesetStore, type Actor } from "./rulesetStore.js";
import type { SqlClient } from "./sqlClient.js";
import { TokenStore } from "./tokenStore.js";

/** Where the embedded store lives unless --data or PHOTOAUDIT_DATA says otherwise. */
export const DEFAULT_DATA_DIR = join(homedir(), ".photoaudit", "data");

export interface StoreOptions {
  /** PostgreSQL connection string; when set, the store lives there instead of in PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; "memory" keeps everything in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to use (tests use one per run). */
  schema?: string;
  /** Store the built-in rulesets that are not there yet (default true). */
  seedBuiltins?: boolean;
}

/** The persistent state of the API: rulesets with versions and audit log, and API tokens. */
export interface Store {
  readonly kind: SqlClient["kind"];
  /** Human-readable location: the data folder or the database host. */
  readonly location: string;
  readonly rulesets: RulesetStore;
  readonly tokens: TokenStore;
  /** Things an operator should know after opening, e.g. a built-in ruleset this release changed that the store keeps as it was. */
  readonly notices: string[];
  /** Resolves when the database answers; for the health endpoint. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The server itself, as the audit log names it for seeded built-ins. */
export const SYSTEM_ACTOR: Actor = { tokenId: null, name: "photoaudit (built-in)" };

/** Opens the store (PostgreSQL when `databaseUrl` is set, else PGlite), runs migrations and seeds built-ins. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  let db: SqlClient;
  let location: string;
  let release = () => {};
  if (options.databaseUrl) {
    db = await openPostgresClient(options.databaseUrl, { schema: options.schema });
    location = redactUrl(options.databaseUrl) + (options.schema ? ` (schema ${options.schema})` : "");
  } else if (options.dataDir === "memory") {
    db = await openPgliteClient();
    location = "memory";
  } else {
    const dataDir = resolve(options.dataDir ?? DEFAULT_DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
    try {
      db = await openPgliteClient(dataDir);
    } catch (error) {
      release();
      throw error;
    }
    location = dataDir;
  }
  try {
    await migrate(db);
    const rulesets = new RulesetStore(db);
    const notices: string[] = [];
    if (options.seedBuiltins ?? true) {
      for (const doc of builtinRulesets().values()) {
        const outcome = await rulesets.seed(doc, SYSTEM_ACTOR, `Built-in ruleset ${doc.id} v${doc.version}, seeded on first start`);
        if (outcome === "differs") {
          notices.push(`built-in ruleset ${doc.id} (v${doc.version}) in this release differs from every version in the store, which keeps its own; to adopt it, save it as a draft (saveRulesetDraft) and publish it`);
        }
      }
    }
    return {
      kind: db.kind,
      location,
      rulesets,
      tokens: new TokenStore(db),
      notices,
      ping: async () => void (await db.query("SELECT 1")),
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    release();
    throw error;
  }
}

/** The connection string without its password, for logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://(unparsable url)";
  }
}
