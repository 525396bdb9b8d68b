import pg from "pg";
import type { SqlClient, SqlExecutor } from "./sqlClient.js";

export interface PostgresClientOptions {
  /** Tables live in this schema (created when missing); lets test runs and deployments share one database. */
  schema?: string;
  /** Connections in the pool. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const executor = (db: pg.Pool | pg.PoolClient): SqlExecutor => ({
  async query<Row>(text: string, params: readonly unknown[] = []) {
    return (await db.query(text, params as unknown[])).rows as Row[];
  },
  async exec(script: string) {
    await db.query(script);
  },
});

/** A store on a PostgreSQL server (DATABASE_URL), the same SQL as the embedded one. */
export async function openPostgresClient(connectionString: string, options: PostgresClientOptions = {}): Promise<SqlClient> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new TypeError(`Expected a lower-case SQL identifier for schema but received ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle connection that drops (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: "postgres",
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(executor(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
