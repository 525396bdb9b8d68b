import type { Raster } from "../decode/photo.js";
import { confirmationScore } from "./confirmFace.js";
import { resampleRect, type Rect } from "./resample.js";
import { runModel } from "./sessions.js";
import { planarRgb } from "./tensors.js";

/** One detected face in raster pixels with the detector's confidence. */
export interface DetectedFace {
  box: Rect;
  score: number;
  /** BlazeFace's score for the same face, when the primary detector was unsure and asked for one. */
  confirmation?: number;
}

const INPUT_WIDTH = 320;
const INPUT_HEIGHT = 240;
// Detector operating point and NMS overlap; measured on the corpus (see README, face analysis).
const MIN_SCORE = 0.7;
const NMS_IOU = 0.4;
// Below SURE_SCORE a detection counts only if BlazeFace agrees with at least CONFIRM_SCORE: on the corpus this
// removed every false positive (a dog 0.90/0.85 was the closest call) and kept all ID-photo faces, which score 1.00.
const SURE_SCORE = 0.95;
const CONFIRM_SCORE = 0.86;
// Above this long side, faces of a few percent of the frame shrink below the detector's smallest
// anchor (10 px), so overlapping tiles are searched too.
const TILE_ABOVE_SIDE = 800;

/** Area shared by two rectangles. */
const intersection = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

const iou = (a: Rect, b: Rect): number => {
  const shared = intersection(a, b);
  return shared / (a.width * a.height + b.width * b.height - shared);
};

/** Share of `inner`'s area that lies inside `outer`. */
const coveredShare = (inner: Rect, outer: Rect): number => intersection(inner, outer) / (inner.width * inner.height);

/**
 * Score-sorted greedy non-maximum suppression; also drops a box lying mostly inside a larger kept face
 * (a mouth or an eye pair read as a second face), which IoU alone lets through.
 */
export function suppressOverlaps(faces: DetectedFace[], threshold = NMS_IOU): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    const overlaps = kept.some(
      (k) => iou(k.box, face.box) > threshold || (k.box.width > face.box.width && coveredShare(face.box, k.box) > 0.6),
    );
    if (!overlaps) kept.push(face);
  }
  return kept;
}

/** Runs the detector on one window of the raster, letterboxed to 320x240 so faces keep their aspect ratio. */
async function detectInWindow(raster: Raster, window: Rect): Promise<DetectedFace[]> {
  const scale = Math.min(INPUT_WIDTH / window.width, INPUT_HEIGHT / window.height);
  const view: Rect = {
    x: window.x - (INPUT_WIDTH / scale - window.width) / 2,
    y: window.y - (INPUT_HEIGHT / scale - window.height) / 2,
    width: INPUT_WIDTH / scale,
    height: INPUT_HEIGHT / scale,
  };
  const rgb = resampleRect(raster, view, INPUT_WIDTH, INPUT_HEIGHT, 127);
  const input = planarRgb(rgb, [127, 127, 127], [128, 128, 128]);
  const { scores, boxes } = await runModel("detect", input, [1, 3, INPUT_HEIGHT, INPUT_WIDTH]);
  const faces: DetectedFace[] = [];
  for (let i = 0; i < scores.length / 2; i++) {
    const score = scores[i * 2 + 1];
    if (!(score >= MIN_SCORE)) continue; // also drops NaN
    const x1 = view.x + boxes[i * 4] * view.width;
    const y1 = view.y + boxes[i * 4 + 1] * view.height;
    const x2 = view.x + boxes[i * 4 + 2] * view.width;
    const y2 = view.y + boxes[i * 4 + 3] * view.height;
    faces.push({ box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, score });
  }
  return suppressOverlaps(faces);
}

/** Overlapping 2x2 tiles covering the raster, for faces too small to find in the whole-frame pass. */
function tiles(raster: Raster): Rect[] {
  const w = raster.width * 0.6;
  const h = raster.height * 0.6;
  return [0, 1].flatMap((i) => [0, 1].map((j) => ({ x: i * (raster.width - w), y: j * (raster.height - h), width: w, height: h })));
}

/** Finds every face: whole frame, then overlapping tiles for small faces; uncertain ones must be confirmed. Largest first. */
export async function detectFaces(raster: Raster): Promise<DetectedFace[]> {
  const whole: Rect = { x: 0, y: 0, width: raster.width, height: raster.height };
  let faces = await detectInWindow(raster, whole);
  if (Math.max(raster.width, raster.height) > TILE_ABOVE_SIDE) {
    const tileFaces = await Promise.all(
      tiles(raster).map(async (tile) => (await detectInWindow(raster, tile)).filter((f) => smallAndInside(f.box, tile, raster))),
    );
    faces = suppressOverlaps([...faces, ...tileFaces.flat()]);
  }
  const confirmed: DetectedFace[] = [];
  for (const face of faces) {
    if (face.score >= SURE_SCORE) {
      confirmed.push(face);
      continue;
    }
    const confirmation = await confirmationScore(raster, face.box);
    if (confirmation >= CONFIRM_SCORE) confirmed.push({ ...face, confirmation });
  }
  return confirmed.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
}

// Tiles exist for small faces only: a large face, or one cut by a tile edge inside the image, is the whole-frame pass's job.
const TILE_FACE_MAX_SHARE = 0.25;
function smallAndInside(box: Rect, tile: Rect, raster: Raster): boolean {
  if (box.width > tile.width * TILE_FACE_MAX_SHARE) return false;
  const margin = box.width * 0.1;
  const cutLeft = tile.x > 0 && box.x < tile.x + margin;
  const cutTop = tile.y > 0 && box.y < tile.y + margin;
  const cutRight = tile.x + tile.width < raster.width && box.x + box.width > tile.x + tile.width - margin;
  const cutBottom = tile.y + tile.height < raster.height && box.y + box.height > tile.y + tile.height - margin;
  return !(cutLeft || cutTop || cutRight || cutBottom);
}
