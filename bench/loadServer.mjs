// Child process for bench/load.mjs: a photoaudit server on a free loopback port with a throwaway store.
// Sends {url} once listening and answers "memory" with its resident set size.
import { startServer } from "../packages/server/dist/index.js";

const server = await startServer({ port: 0, host: "127.0.0.1", dataDir: "memory", logging: false });
process.on("message", (message) => {
  if (message === "memory") {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ memory: { rss, heapUsed } });
  } else if (message === "stop") {
    server.close().then(() => process.exit(0));
  }
});
process.send({ url: server.url });
