import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { photoaudit } from "./support/cli.js";
import { CORPUS_DIR, corpusAvailable, CORPUS_SKIP_REASON } from "./support/corpus.js";
import { makeJpeg } from "./support/images.js";

const dir = mkdtempSync(join(tmpdir(), "photoaudit-cli-"));
const path = (name: string) => join(dir, name);

interface JsonReport {
  file: string;
  verdict: string;
  results: { requirement: string; status: string }[];
  error?: { code: string; message: string };
}
const parse = (stdout: string) => JSON.parse(stdout) as { reports: JsonReport[] };
const statusOf = (report: JsonReport, requirement: string) => report.results.find((r) => r.requirement === requirement)?.status;

beforeAll(async () => {
  writeFileSync(path("spec.jpg"), await makeJpeg());
  const jpeg = await makeJpeg();
  writeFileSync(path("truncated.jpg"), jpeg.subarray(0, 3000));
  writeFileSync(path("empty.jpg"), "");
  writeFileSync(path("notes.txt"), "this is a text file, not a photo\n");
  writeFileSync(path("drawing.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="358" height="441"><rect width="358" height="441" fill="#fff"/></svg>');
});

describe("photoaudit check", () => {
  it("passes the file-level rules of a 358x441 JPEG made here, and prints a line per rule", () => {
    const human = photoaudit(["check", path("spec.jpg")]);
    expect(human.stdout).toMatch(/spec\.jpg\s+(PASS|REVIEW|REJECT)/);
    expect(human.stdout).toMatch(/✓ pass\s+dimensions\s+Photo must be 358x441 pixels \(it is 358x441\)/);

    const json = photoaudit(["check", "--json", path("spec.jpg")]);
    const [report] = parse(json.stdout).reports;
    for (const requirement of ["format", "dimensions", "resolution", "file-size"]) expect(statusOf(report, requirement), requirement).toBe("pass");
  });

  it("refuses truncated, empty, text and SVG files with their codes and exit code 2, no stack trace, others still reported", () => {
    const files = ["truncated.jpg", "empty.jpg", "notes.txt", "drawing.svg", "spec.jpg", "missing.jpg"].map(path);
    const run = photoaudit(["check", "--json", ...files]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const reports = parse(run.stdout).reports;
    expect(reports.map((r) => r.file)).toEqual(files);
    expect(reports.map((r) => r.error?.code ?? r.verdict)).toEqual([
      "CORRUPT_IMAGE",
      "EMPTY_INPUT",
      "UNSUPPORTED_FORMAT",
      "UNSUPPORTED_FORMAT",
      reports[4].verdict,
      "FILE_UNREADABLE",
    ]);
    expect(reports[4].verdict).not.toBe("error");
    for (const report of reports.filter((r) => r.error)) expect(report.verdict).toBe("error");
  });

  it("checks a batch on worker threads with the same reports, in input order, as in one thread", () => {
    const files = ["spec.jpg", "notes.txt", "spec.jpg", "truncated.jpg", "spec.jpg"].map(path);
    const summary = (stdout: string) => parse(stdout).reports.map((r) => [r.file, r.verdict, r.error?.code, r.results.map((x) => x.status).join(",")]);
    const pooled = photoaudit(["check", "--json", "--workers", "2", ...files]);
    const single = photoaudit(["check", "--json", "--workers", "1", ...files]);
    expect(pooled.code).toBe(2);
    expect(summary(pooled.stdout)).toEqual(summary(single.stdout));
    expect(parse(pooled.stdout).reports.map((r) => r.file)).toEqual(files);
    expect(photoaudit(["check", "--workers", "0", path("spec.jpg")]).stderr).toMatch(/--workers expects a positive integer/);
  });

  it("exits 2 with a usage message for an unknown ruleset or missing arguments", () => {
    const unknown = photoaudit(["check", "--ruleset", "cn-atlantis", path("spec.jpg")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No ruleset "cn-atlantis"/);
    const bare = photoaudit(["check"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/missing required argument/);
  });

  it.skipIf(!corpusAvailable)("--annotate writes a PNG per photo with the main face box drawn in green", async () => {
    const out = path("annotated");
    const photo = join(CORPUS_DIR, "u2net-man2-grey.jpg");
    const run = photoaudit(["check", "--json", "--annotate", out, photo, path("notes.txt")]);
    expect(run.code).toBe(2);
    const png = join(out, "u2net-man2-grey.annotated.png");
    expect(existsSync(png)).toBe(true);
    expect(existsSync(join(out, "notes.annotated.png"))).toBe(false);
    const [report] = parse(run.stdout).reports as unknown as { facts: Record<string, { x: number; y: number; width: number; height: number }[]> }[];
    const [box] = report.facts["face.boxes"];
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([500, 575]);
    // The top edge of the box, midway along, is drawn green.
    const at = (Math.round(box.y) * info.width + Math.round(box.x + box.width / 2)) * info.channels;
    const [r, g, b] = data.subarray(at, at + 3);
    expect(g - r, `pixel ${r},${g},${b}`).toBeGreaterThan(60);
    expect(g - b, `pixel ${r},${g},${b}`).toBeGreaterThan(20);
  });

  it.skipIf(!corpusAvailable)("fails dimensions on corpus photos and exits 1", () => {
    const files = ["deepface-img30-damon-light.jpg", "u2net-man2-grey.jpg", "yale-s04-normal-grey.png"].map((f) => join(CORPUS_DIR, f));
    const run = photoaudit(["check", "--json", ...files]);
    expect(run.code).toBe(1);
    const reports = parse(run.stdout).reports;
    expect(reports.map((r) => statusOf(r, "dimensions"))).toEqual(["fail", "fail", "fail"]);
    expect(reports.map((r) => statusOf(r, "format"))).toEqual(["pass", "pass", "fail"]);
  });
  if (!corpusAvailable) it.skip(CORPUS_SKIP_REASON, () => {});
});
