/** Runs SQL; the same statements run on PGlite and PostgreSQL ($1-style parameters). */
export interface SqlExecutor {
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

/** A database connection (or pool) the store runs on: PGlite embedded, or a PostgreSQL server. */
export interface SqlClient extends SqlExecutor {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE for a unique or primary-key violation. */
export const UNIQUE_VIOLATION = "23505";

/** True when a database error is a unique-key violation (two writers raced for the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
