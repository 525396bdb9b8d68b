import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { ApiError } from "../errors.js";

const LOCK_FILE = "photoaudit.lock";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Claims a PGlite data folder for this process (PGlite is single-process: two writers would corrupt it).
 * A lock left by a dead process is taken over; a live holder gets DATA_DIR_LOCKED naming its pid.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new ApiError("DATA_DIR_LOCKED", `The data folder ${dataDir} is in use by process ${holder} (a running photoaudit server?). Stop it first, or use a PostgreSQL store (DATABASE_URL) to share data between processes.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new ApiError("DATA_DIR_LOCKED", `Could not lock the data folder ${dataDir}.`);
}
