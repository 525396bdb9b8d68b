import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { photoaudit } from "./support/cli.js";
import { CORPUS_DIR, corpusAvailable, CORPUS_SKIP_REASON } from "./support/corpus.js";

// The full `npm run eval` takes minutes; this smoke run covers the plumbing on the first 20 corpus photos
// (one of them compliant, so the synthetic set is derived and judged too).
describe.skipIf(!corpusAvailable)("photoaudit eval (smoke)", () => {
  it("scores requirements on part of the corpus and its synthetic set and writes results", () => {
    const out = mkdtempSync(join(tmpdir(), "photoaudit-eval-"));
    const run = photoaudit(["eval", "--corpus", CORPUS_DIR, "--limit", "20", "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/### Labelled corpus/);
    const result = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(result.photos.corpus).toBe(20);
    expect(result.photos.synthetic).toBeGreaterThanOrEqual(8);
    const colour = result.synthetic.find((c: { requirement: string }) => c.requirement === "colour");
    expect(colour).toMatchObject({ labelled: 1, trueReject: 1, falseAccept: 0 });
    const singleFace = result.corpus.find((c: { requirement: string }) => c.requirement === "single-face");
    expect(singleFace.labelled).toBe(20);
    expect(existsSync(join(out, "derived"))).toBe(true);
  }, 180_000);

  it("refuses a folder without a manifest with exit code 2", () => {
    const run = photoaudit(["eval", "--corpus", tmpdir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/manifest\.json missing/);
  });
});
if (!corpusAvailable) describe.skip(CORPUS_SKIP_REASON, () => it("needs the corpus", () => {}));
