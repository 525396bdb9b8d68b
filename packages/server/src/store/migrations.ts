import type { SqlClient } from "./sqlClient.js";

/** Schema changes in order; applied ones are recorded in schema_migrations and never edited, only appended to. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "rulesets, versions, audit log, api tokens",
    sql: `
      CREATE TABLE rulesets (
        id text PRIMARY KEY,
        region text NOT NULL,
        builtin boolean NOT NULL DEFAULT false,
        latest_version integer NOT NULL,
        published_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      );
      -- json, not jsonb: documents come back with their keys in the order the author wrote them.
      CREATE TABLE ruleset_versions (
        ruleset_id text NOT NULL REFERENCES rulesets (id),
        version integer NOT NULL,
        document json NOT NULL,
        comment text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        first_published_at timestamptz,
        PRIMARY KEY (ruleset_id, version)
      );
      CREATE TABLE audit_log (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ruleset_id text NOT NULL,
        action text NOT NULL,
        version integer,
        previous_version integer,
        actor_token_id text,
        actor_name text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        comment text NOT NULL,
        before_document json,
        after_document json
      );
      CREATE INDEX audit_log_by_ruleset ON audit_log (ruleset_id, id);
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('client', 'admin', 'superadmin')),
        regions json NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `,
  },
];

/** Advisory lock key so replicas starting together apply each migration once. */
const MIGRATION_LOCK = 7_230_461;

/** Applies the migrations this database lacks, each in the same transaction as its record; returns the versions applied. */
export async function migrate(db: SqlClient): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    const applied = new Set((await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version));
    const done: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}
