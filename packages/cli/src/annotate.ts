import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { decodePhoto } from "@photoaudit/core";
import type { Report } from "@photoaudit/rules";
import sharp from "sharp";

/** Facts the annotator draws; the check computes them even when no rule needs them. */
export const ANNOTATION_FACTS = ["face.boxes", "face.landmarks"] as const;

const MAX_SIDE = 1024;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** SVG overlay: face boxes (main face green), landmarks, the verdict and every failing or unassessed rule. */
function overlay(report: Report, width: number, height: number): string {
  const unit = Math.max(width, height) / 500;
  const boxes = (report.facts["face.boxes"] as Box[] | null) ?? [];
  const landmarks = (report.facts["face.landmarks"] as [number, number][] | null) ?? [];
  const shapes = boxes.map(
    (b, i) =>
      `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="none" stroke="${i === 0 ? "#00d060" : "#ff9800"}" stroke-width="${unit * 1.5}"/>` +
      `<text x="${b.x}" y="${b.y - unit * 2}" font-size="${unit * 9}" fill="${i === 0 ? "#00d060" : "#ff9800"}">${b.score.toFixed(2)}</text>`,
  );
  const points = landmarks.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="${unit * 1.1}" fill="#00e5ff"/>`);
  const lines = report.results
    .filter((r) => r.status !== "pass")
    .map((r) => ({ colour: r.status === "fail" ? "#d00000" : "#b07000", text: `${r.status === "fail" ? "FAIL" : "N/A"} ${r.requirement}: ${r.message.en}` }));
  const lineHeight = unit * 10;
  const bandTop = height - lines.length * lineHeight - unit * 4;
  const band = lines.length
    ? `<rect x="0" y="${bandTop}" width="${width}" height="${height - bandTop}" fill="#ffffff" fill-opacity="0.82"/>` +
      lines
        .map((l, i) => `<text x="${unit * 3}" y="${bandTop + (i + 1) * lineHeight}" font-size="${unit * 8}" fill="${l.colour}">${escapeXml(l.text)}</text>`)
        .join("")
    : "";
  const verdict = `<text x="${unit * 3}" y="${unit * 14}" font-size="${unit * 12}" font-weight="bold" fill="${report.verdict === "pass" ? "#00a040" : "#d00000"}" stroke="#fff" stroke-width="${unit * 0.4}">${report.verdict.toUpperCase()}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif">${shapes.join("")}${points.join("")}${band}${verdict}</svg>`;
}

/** Writes `<dir>/<name>.annotated.png`: the photo with its faces, landmarks and failing rules, so a person sees why. */
export async function writeAnnotation(bytes: Uint8Array, report: Report, dir: string): Promise<string> {
  const { raster } = await decodePhoto(bytes);
  const svg = overlay(report, raster.width, raster.height);
  const scale = Math.min(1, MAX_SIDE / Math.max(raster.width, raster.height));
  const png = await sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength), {
    raw: { width: raster.width, height: raster.height, channels: 3 },
  })
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
  const out = join(dir, `${basename(report.file, extname(report.file))}.annotated.png`);
  await mkdir(dir, { recursive: true });
  await writeFile(out, await sharp(png).resize(Math.round(raster.width * scale), Math.round(raster.height * scale)).png().toBuffer());
  return out;
}
