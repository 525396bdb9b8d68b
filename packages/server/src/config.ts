import { availableParallelism } from "node:os";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "./queryLimits.js";

/** Everything that configures a server; unset fields take the defaults below or the environment. */
export interface ServerSettings {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on; undefined listens on all. */
  host?: string;
  /** PGlite data folder ("memory" for a throwaway store); ignored when databaseUrl is set. */
  dataDir?: string;
  /** PostgreSQL connection string; selects the PostgreSQL store. */
  databaseUrl?: string;
  /** PostgreSQL schema for the tables (default: the connection's search_path). */
  databaseSchema?: string;
  /** When true, validating photos and reading rulesets also need a token (any role). */
  requireTokenForReads: boolean;
  /** Largest photo upload, in bytes; bigger requests are refused from their Content-Length, unread. */
  maxUploadBytes: number;
  /** Largest image, in pixels, the decoder accepts (checked from the header before decoding). */
  maxPixels: number;
  /** Analysis worker threads. */
  workers: number;
  /** Photos allowed to wait for a worker before SERVER_BUSY. */
  maxQueuedPhotos: number;
  queryLimits: QueryLimits;
  /** Log requests and errors to the console. */
  logging: boolean;
}

export const DEFAULT_PORT = 4000;

/** Defaults: port 4000, open reads, 10 MiB uploads, 40 megapixels, one worker per core. */
export function defaultSettings(): ServerSettings {
  return {
    port: DEFAULT_PORT,
    requireTokenForReads: false,
    maxUploadBytes: 10 * 1024 * 1024,
    maxPixels: 40_000_000,
    workers: availableParallelism(),
    maxQueuedPhotos: 256,
    queryLimits: { ...DEFAULT_QUERY_LIMITS },
    logging: true,
  };
}

const positiveInt = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`Expected a non-negative integer for ${name} but received ${JSON.stringify(value)}`);
  return n;
};

/**
 * Settings from the environment: PORT, HOST, PHOTOAUDIT_DATA, DATABASE_URL, PHOTOAUDIT_DB_SCHEMA,
 * PHOTOAUDIT_REQUIRE_TOKEN=1, PHOTOAUDIT_MAX_UPLOAD_BYTES, PHOTOAUDIT_MAX_PIXELS, PHOTOAUDIT_WORKERS.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerSettings> {
  const settings: Partial<ServerSettings> = {};
  const port = positiveInt("PORT", env.PORT);
  if (port !== undefined) settings.port = port;
  if (env.HOST) settings.host = env.HOST;
  if (env.PHOTOAUDIT_DATA) settings.dataDir = env.PHOTOAUDIT_DATA;
  if (env.DATABASE_URL) settings.databaseUrl = env.DATABASE_URL;
  if (env.PHOTOAUDIT_DB_SCHEMA) settings.databaseSchema = env.PHOTOAUDIT_DB_SCHEMA;
  if (env.PHOTOAUDIT_REQUIRE_TOKEN) settings.requireTokenForReads = ["1", "true", "yes"].includes(env.PHOTOAUDIT_REQUIRE_TOKEN.toLowerCase());
  const upload = positiveInt("PHOTOAUDIT_MAX_UPLOAD_BYTES", env.PHOTOAUDIT_MAX_UPLOAD_BYTES);
  if (upload) settings.maxUploadBytes = upload;
  const pixels = positiveInt("PHOTOAUDIT_MAX_PIXELS", env.PHOTOAUDIT_MAX_PIXELS);
  if (pixels) settings.maxPixels = pixels;
  const workers = positiveInt("PHOTOAUDIT_WORKERS", env.PHOTOAUDIT_WORKERS);
  if (workers) settings.workers = workers;
  return settings;
}
