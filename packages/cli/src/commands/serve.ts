import { startServer, type StartOptions } from "@photoaudit/server";
import { UsageError } from "../exitCodes.js";

export interface ServeCommandOptions {
  port?: string;
  data?: string;
  host?: string;
}

/** `photoaudit serve`: starts the GraphQL API and runs until SIGINT/SIGTERM. */
export async function runServe(options: ServeCommandOptions): Promise<void> {
  const overrides: StartOptions = {};
  if (options.port !== undefined) {
    const port = Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a port number 0-65535 (got ${JSON.stringify(options.port)})`);
    overrides.port = port;
  }
  if (options.data !== undefined) overrides.dataDir = options.data;
  if (options.host !== undefined) overrides.host = options.host;
  const server = await startServer(overrides);
  const store = server.store.kind === "postgres" ? `PostgreSQL ${server.store.location}` : `PGlite in ${server.store.location}`;
  process.stderr.write(`photoaudit API on ${server.url} (GraphiQL in a browser), health on ${server.url.replace(/\/graphql$/, "/health")}\n`);
  process.stderr.write(`store: ${store}; ${server.settings.workers} analysis workers; reads ${server.settings.requireTokenForReads ? "need a token" : "are open"}\n`);
  for (const notice of server.store.notices) process.stderr.write(`notice: ${notice}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write("photoaudit: shutting down\n");
      void server.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
