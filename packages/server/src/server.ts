import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPluginRegistry } from "@photoaudit/core";
import { CheckerPool } from "@photoaudit/rules";
import { createApp } from "./app.js";
import { defaultSettings, settingsFromEnv, type ServerSettings } from "./config.js";
import { RulesetService } from "./services/rulesetService.js";
import { ValidationService } from "./services/validationService.js";
import { openStore, type Store } from "./store/openStore.js";

export interface StartOptions extends Partial<ServerSettings> {
  /** Use this store instead of opening one (the caller closes it). */
  store?: Store;
  /** Use this worker pool instead of starting one (the caller closes it); lets tests share warm workers. */
  pool?: CheckerPool;
}

/** A listening server. */
export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  settings: ServerSettings;
  /** Stops accepting requests, then closes what the server opened itself (store, workers). */
  close(): Promise<void>;
}

/** Room for the multipart envelope around the photo (operations, map, part headers). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify(body));
};

/** Refuses a request body too large (or of unknown size) from its headers alone, before a byte of it is read. */
function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  if (req.method !== "POST") return false;
  const declared = req.headers["content-length"];
  if (declared === undefined) {
    sendJson(res, 411, { errors: [{ message: "Send a Content-Length header with the request body (chunked uploads are not accepted).", extensions: { code: "BAD_REQUEST" } }] });
    return true;
  }
  if (Number(declared) > maxBytes) {
    sendJson(res, 413, { errors: [{ message: `The request is ${declared} bytes; the limit is ${maxBytes} (photos up to ${maxBytes - MULTIPART_OVERHEAD_BYTES} bytes).`, extensions: { code: "PAYLOAD_TOO_LARGE", limitBytes: maxBytes } }] });
    return true;
  }
  return false;
}

/** Starts the photoaudit API: store (migrated, built-ins seeded), analysis workers, GraphQL on /graphql, health on /health. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { store: givenStore, pool: givenPool, ...overrides } = options;
  const settings: ServerSettings = { ...defaultSettings(), ...settingsFromEnv(), ...overrides };
  const registry = await createPluginRegistry();
  const store = givenStore ?? (await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, schema: settings.databaseSchema }));
  const pool = givenPool ?? new CheckerPool({ size: settings.workers, limits: { maxBytes: settings.maxUploadBytes, maxPixels: settings.maxPixels }, maxQueue: settings.maxQueuedPhotos });
  const rulesets = new RulesetService(store, registry);
  const validation = new ValidationService(store, pool, settings.maxUploadBytes);
  const app = createApp({ store, registry, rulesets, validation, settings });
  const started = Date.now();
  const maxBodyBytes = settings.maxUploadBytes + MULTIPART_OVERHEAD_BYTES;

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") {
      try {
        await store.ping();
        sendJson(res, 200, { status: "ok", store: store.kind, workers: pool.size, queuedPhotos: pool.queued, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
      } catch {
        sendJson(res, 503, { status: "unavailable", store: store.kind, reason: "the store does not answer" });
      }
      return;
    }
    if (refuseOversizedBody(req, res, maxBodyBytes)) return;
    await app(req, res);
  });
  server.requestTimeout = 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(settings.port, settings.host, () => resolve());
    });
  } catch (error) {
    // A port in use must not leave workers and the store lock behind, or the process never exits.
    if (!givenPool) await pool.close();
    if (!givenStore) await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = settings.host && settings.host !== "0.0.0.0" && settings.host !== "::" ? settings.host : "localhost";
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    store,
    settings,
    async close() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!givenPool) await pool.close();
      if (!givenStore) await store.close();
    },
  };
}
