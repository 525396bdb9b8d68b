import { randomBytes } from "node:crypto";
import { connect } from "node:net";

/** The PostgreSQL server tests use: $PHOTOAUDIT_TEST_DATABASE_URL, else the local one (trust auth, database `test`). */
export const TEST_DATABASE_URL = process.env.PHOTOAUDIT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether something accepts connections at the test database's host and port (checked once, 1 s at most). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

export const postgresAvailable = await reachable(TEST_DATABASE_URL);

/** Printed when the PostgreSQL part of a suite is skipped, so the skip is never silent. */
export const POSTGRES_SKIP_REASON = `PostgreSQL not reachable at ${new URL(TEST_DATABASE_URL).host} (set PHOTOAUDIT_TEST_DATABASE_URL); skipping the PostgreSQL store tests`;

/** A schema name no other test run uses, so concurrent runs on one database never collide; drop it afterwards. */
export const uniqueSchema = (label: string): string => `photoaudit_test_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
