import { createToken, openStore, type Store } from "@photoaudit/server";

export interface TokensStoreOptions {
  /** PGlite data folder; default $PHOTOAUDIT_DATA or ~/.photoaudit/data. DATABASE_URL selects PostgreSQL. */
  data?: string;
  json?: boolean;
}

async function withStore<T>(options: TokensStoreOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: options.data ?? process.env.PHOTOAUDIT_DATA, schema: process.env.PHOTOAUDIT_DB_SCHEMA });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `photoaudit tokens create`: prints the new token once (only its hash is stored). */
export async function runTokensCreate(options: TokensStoreOptions & { role: string; region?: string[]; name?: string }): Promise<number> {
  const regions = (options.region ?? []).flatMap((r) => r.split(","));
  const { token, record } = await withStore(options, (store) => createToken(store, { role: options.role, regions, name: options.name }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ token, id: record.id, name: record.name, role: record.role, regions: record.regions }, null, 2)}\n`);
  } else {
    process.stdout.write(`${token}\n`);
    process.stderr.write(`created ${record.id} "${record.name}" (${record.role}${record.regions.length ? ` of ${record.regions.join(", ")}` : ""}). The token is shown only this once: store it now.\n`);
  }
  return 0;
}

/** `photoaudit tokens list`: ids, names, roles and regions; never the secrets. */
export async function runTokensList(options: TokensStoreOptions): Promise<number> {
  const tokens = await withStore(options, (store) => store.tokens.list());
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ tokens }, null, 2)}\n`);
    return 0;
  }
  for (const t of tokens) {
    const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
    process.stdout.write(`${t.id}  ${t.role.padEnd(10)}  ${(t.regions.join(",") || "-").padEnd(12)}  ${state.padEnd(8)}  ${t.name}\n`);
  }
  if (!tokens.length) process.stderr.write("no tokens yet; create one with `photoaudit tokens create --role <role>`\n");
  return 0;
}

/** `photoaudit tokens revoke <id>`: the token stops working at once. */
export async function runTokensRevoke(id: string, options: TokensStoreOptions): Promise<number> {
  const record = await withStore(options, (store) => store.tokens.revoke(id));
  process.stderr.write(`revoked ${record.id} "${record.name}"\n`);
  return 0;
}
