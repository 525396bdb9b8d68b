import type { FaceLandmarks68 } from "../faces/landmarks.js";
import type { PixelRect } from "../kernels/types.js";

/** The main face's box in raster pixels, as the face plugin's `face.box` fact gives it. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}


/** Where the face measures look: eye centres drive the placement of skin, eye and half-face patches. */
export interface FaceGeometry {
  box: FaceBox;
  eyeLeft: readonly [number, number];
  eyeRight: readonly [number, number];
  /** Distance between the eye centres (raster px): the unit every patch is sized in. */
  eyeDistance: number;
  source: "landmarks" | "box";
}

// Eye centres inside the face detector's box when no landmarks exist: medians over the 67 single-face corpus
// photos of landmark eye centres relative to the box (40 % down; 28.5 % and 73.3 % across, made symmetric).
const BOX_EYE_Y = 0.4;
const BOX_EYE_X = 0.28;

const meanOf = (points: FaceLandmarks68, from: number, to: number): [number, number] => {
  let x = 0, y = 0;
  for (let i = from; i <= to; i++) {
    x += points[i][0];
    y += points[i][1];
  }
  return [x / (to - from + 1), y / (to - from + 1)];
};

/** Eye centres from the 68 iBUG landmarks when they exist (eyes 36-41 and 42-47), from the box proportions otherwise. */
export function faceGeometry(box: FaceBox, landmarks: FaceLandmarks68 | null): FaceGeometry {
  if (landmarks && landmarks.length === 68) return faceGeometryFromEyes(box, meanOf(landmarks, 36, 41), meanOf(landmarks, 42, 47), "landmarks");
  const y = box.y + BOX_EYE_Y * box.height;
  return faceGeometryFromEyes(box, [box.x + BOX_EYE_X * box.width, y], [box.x + (1 - BOX_EYE_X) * box.width, y], "box");
}

/** Face geometry from a box and two eye centres (either order), for callers that know the eyes already. */
export function faceGeometryFromEyes(box: FaceBox, a: readonly [number, number], b: readonly [number, number], source: FaceGeometry["source"] = "landmarks"): FaceGeometry {
  const [eyeLeft, eyeRight] = a[0] <= b[0] ? [a, b] : [b, a];
  return { box, eyeLeft, eyeRight, eyeDistance: Math.hypot(eyeRight[0] - eyeLeft[0], eyeRight[1] - eyeLeft[1]), source };
}

/** A rectangle centred on (cx, cy), `w` x `h`, in the same pixels. */
export const centredRect = (cx: number, cy: number, w: number, h: number): FaceBox => ({ x: cx - w / 2, y: cy - h / 2, width: w, height: h });

/**
 * A raster-pixel box mapped to a plane `factor` times smaller and clipped to stay `margin` px inside it
 * (Laplacian kernels read one neighbour each side); null when nothing is left.
 */
export function toPlaneRect(box: FaceBox, factor: number, planeWidth: number, planeHeight: number, margin = 1): PixelRect | null {
  const x0 = Math.max(margin, Math.round(box.x / factor));
  const y0 = Math.max(margin, Math.round(box.y / factor));
  const x1 = Math.min(planeWidth - margin, Math.round((box.x + box.width) / factor));
  const y1 = Math.min(planeHeight - margin, Math.round((box.y + box.height) / factor));
  return x1 - x0 >= 2 && y1 - y0 >= 2 ? { x0, y0, x1, y1 } : null;
}

/**
 * The inner face: from above the brows to below the mouth and between the cheeks, sized in eye distances so it
 * holds skin, eyes, nose and mouth but little backdrop or hair, whatever the detector's box includes.
 */
export function innerFace(g: FaceGeometry): FaceBox {
  const d = g.eyeDistance;
  const eyeY = (g.eyeLeft[1] + g.eyeRight[1]) / 2;
  const x = g.eyeLeft[0] - 0.4 * d;
  const y = eyeY - 0.5 * d;
  return { x, y, width: g.eyeRight[0] + 0.4 * d - x, height: 1.9 * d };
}

/** Skin patches that carry texture but no strong edges: both cheeks (below the eyes) and the forehead (above the brows). */
export function skinPatches(g: FaceGeometry): FaceBox[] {
  const d = g.eyeDistance;
  const mid: [number, number] = [(g.eyeLeft[0] + g.eyeRight[0]) / 2, (g.eyeLeft[1] + g.eyeRight[1]) / 2];
  return [
    centredRect(g.eyeLeft[0], g.eyeLeft[1] + 0.6 * d, 0.3 * d, 0.3 * d),
    centredRect(g.eyeRight[0], g.eyeRight[1] + 0.6 * d, 0.3 * d, 0.3 * d),
    centredRect(mid[0], mid[1] - 0.7 * d, 0.6 * d, 0.22 * d),
  ];
}

/** Eye patches: the sharpest edges a face has (lids, lashes, iris), which beauty filters keep. */
export function eyePatches(g: FaceGeometry): FaceBox[] {
  const d = g.eyeDistance;
  return [centredRect(g.eyeLeft[0], g.eyeLeft[1], 0.6 * d, 0.35 * d), centredRect(g.eyeRight[0], g.eyeRight[1], 0.6 * d, 0.35 * d)];
}

/** Left and right halves of the face from the eye line down to the mouth, split at the eyes' midpoint (image left and right). */
export function faceHalves(g: FaceGeometry): [FaceBox, FaceBox] {
  const d = g.eyeDistance;
  const midX = (g.eyeLeft[0] + g.eyeRight[0]) / 2;
  const top = Math.min(g.eyeLeft[1], g.eyeRight[1]) - 0.15 * d;
  const height = 1.15 * d;
  const half = 0.8 * d;
  return [
    { x: midX - half, y: top, width: half, height },
    { x: midX, y: top, width: half, height },
  ];
}
