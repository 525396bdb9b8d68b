import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli.js";

let dataDir: string | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL"); // a failed assertion must not orphan the server
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it("photoaudit serve starts on the given port and data folder, answers /health, and stops cleanly on SIGTERM", async () => {
  dataDir = await mkdtemp(join(tmpdir(), "photoaudit-serve-"));
  const server = spawn(process.execPath, [resolve(REPO_ROOT, "packages/cli/dist/main.js"), "serve", "--port", "0", "--host", "127.0.0.1", "--data", dataDir], {
    env: { ...process.env, PHOTOAUDIT_WORKERS: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child = server;
  const exited = new Promise<number | null>((done) => server.once("exit", (code) => done(code)));
  let stderr = "";
  const url = await new Promise<string>((found, fail) => {
    server.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const match = /API on (http:\/\/\S+\/graphql)[^]*\nstore: .*\n/.exec(stderr);
      if (match) found(match[1]);
    });
    void exited.then((code) => fail(new Error(`serve exited with ${code} before listening:\n${stderr}`)));
  });
  expect(stderr).toContain(`store: PGlite in ${dataDir}`);
  const health = await fetch(url.replace(/\/graphql$/, "/health"));
  expect(await health.json()).toMatchObject({ status: "ok", store: "pglite", workers: 1 });
  expect(existsSync(join(dataDir, "photoaudit.lock"))).toBe(true);

  server.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(existsSync(join(dataDir, "photoaudit.lock"))).toBe(false);
});
