// Background estimation: region growing from the image frame, then statistics of the grown mask.

const BACKGROUND: u8 = 255;

@inline function colourDistance(p: usize, r: i32, g: i32, b: i32): i32 {
  return abs(<i32>load<u8>(p) - r) + abs(<i32>load<u8>(p, 1) - g) + abs(<i32>load<u8>(p, 2) - b);
}

@inline function pixelDistance(p: usize, q: usize): i32 {
  return abs(<i32>load<u8>(p) - <i32>load<u8>(q)) + abs(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1)) + abs(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2));
}

@inline function accepts(src: usize, to: usize, from: usize, r: i32, g: i32, b: i32, localTolerance: i32, globalTolerance: i32): bool {
  const q = src + to * 3;
  return pixelDistance(q, src + from * 3) <= localTolerance && colourDistance(q, r, g, b) <= globalTolerance;
}

/**
 * Grows the background mask (255 background, 0 person or clutter) of an RGB image from a probe frame: row
 * `top` between columns `left` and `right`, and those two columns from `top` down to row `sideEnd` (the
 * shoulders sit below). A probe pixel seeds when within `globalTolerance` of the reference; a pixel joins
 * when its L1 RGB distance to the neighbour it is reached from is at most `localTolerance` (the silhouette's
 * edge stops it) and to the reference at most `globalTolerance` (slow drifts into the person stop too).
 * The result is the set of pixels reachable by accepted steps, so it does not depend on visiting order:
 * a scanline fill walks rows and queues horizontal spans, not pixels. `queue` holds 2 * width * height u32
 * (a span is [(y << 16) | x0, x1]; sides stay below 65536). Returns the number of background pixels.
 */
export function growBackground(src: usize, width: u32, height: u32, left: u32, top: u32, right: u32, sideEnd: u32, r: i32, g: i32, b: i32, localTolerance: i32, globalTolerance: i32, mask: usize, queue: usize): u32 {
  memory.fill(mask, 0, <usize>(width * height));
  const w = <usize>width;
  let tail: u32 = 0;
  let marked: u32 = 0;
  // Seeds become one-pixel spans; processing extends them.
  for (let y = top; y < sideEnd; y++) {
    for (let x = left; x <= right; x = y == top || x == right ? x + 1 : right) {
      const index = <usize>y * w + <usize>x;
      if (load<u8>(mask + index) == 0 && colourDistance(src + index * 3, r, g, b) <= globalTolerance) {
        store<u8>(mask + index, BACKGROUND);
        marked++;
        store<u32>(queue + (<usize>tail << 2), (y << 16) | x);
        store<u32>(queue + (<usize>tail << 2), x, 4);
        tail += 2;
      }
      if (y == top && x == right) break;
    }
  }
  let head: u32 = 0;
  while (head < tail) {
    const packed = load<u32>(queue + (<usize>head << 2));
    let x1 = load<u32>(queue + (<usize>head << 2), 4);
    head += 2;
    const y = packed >> 16;
    let x0 = packed & 0xffff;
    const row = <usize>y * w;
    // Extend the span left and right along accepted horizontal steps.
    while (x0 > 0 && load<u8>(mask + row + <usize>x0 - 1) == 0 && accepts(src, row + <usize>x0 - 1, row + <usize>x0, r, g, b, localTolerance, globalTolerance)) {
      x0--;
      store<u8>(mask + row + <usize>x0, BACKGROUND);
      marked++;
    }
    while (x1 + 1 < width && load<u8>(mask + row + <usize>x1 + 1) == 0 && accepts(src, row + <usize>x1 + 1, row + <usize>x1, r, g, b, localTolerance, globalTolerance)) {
      x1++;
      store<u8>(mask + row + <usize>x1, BACKGROUND);
      marked++;
    }
    // Rows above and below: every vertical step from the span is tried; accepted pixels start new spans.
    for (let side = 0; side < 2; side++) {
      if (side == 0 ? y == 0 : y + 1 >= height) continue;
      const ny = side == 0 ? y - 1 : y + 1;
      const nrow = <usize>ny * w;
      let x = x0;
      while (x <= x1) {
        const to = nrow + <usize>x;
        if (load<u8>(mask + to) != 0 || !accepts(src, to, row + <usize>x, r, g, b, localTolerance, globalTolerance)) {
          x++;
          continue;
        }
        store<u8>(mask + to, BACKGROUND);
        marked++;
        // Grow the new span right along the neighbour row while horizontal steps are accepted.
        let e = x;
        while (e + 1 < width && load<u8>(mask + nrow + <usize>e + 1) == 0 && accepts(src, nrow + <usize>e + 1, nrow + <usize>e, r, g, b, localTolerance, globalTolerance)) {
          e++;
          store<u8>(mask + nrow + <usize>e, BACKGROUND);
          marked++;
        }
        store<u32>(queue + (<usize>tail << 2), (ny << 16) | x);
        store<u32>(queue + (<usize>tail << 2), e, 4);
        tail += 2;
        x = e + 1;
      }
    }
  }
  return marked;
}

@inline function laneSum(v: v128): u64 {
  return <u64><u32>i32x4.extract_lane(v, 0) + <u64><u32>i32x4.extract_lane(v, 1) + <u64><u32>i32x4.extract_lane(v, 2) + <u64><u32>i32x4.extract_lane(v, 3);
}

@inline function lumaSum(row: usize, from: u32, to: u32): u64 {
  let sum: u64 = 0;
  for (let x = from; x < to; x++) sum += <u64>load<u8>(row + <usize>x);
  return sum;
}

@inline function bytesSum(v: v128): v128 {
  return i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(v));
}

// Near-silhouette luma of the current call, accumulated by closeRun.
let nearSum: u64 = 0;
let nearCount: u64 = 0;

/** Settles a background run [a, end) that ends at a person pixel: its last `band` pixels are near, and its first too when a person precedes it (a > x0). */
@inline function closeRun(lumaRow: usize, a: u32, end: u32, band: u32, x0: u32): void {
  const leftEnd = a > x0 ? min(end, a + band) : a;
  const rightStart = max(leftEnd, end > band ? end - band : 0);
  nearSum += lumaSum(lumaRow, a, leftEnd) + lumaSum(lumaRow, rightStart, end);
  nearCount += <u64>(leftEnd - a + end - rightStart);
}

/**
 * Statistics of the background mask, one pass. f64 at `out`: [count, sumR, sumG, sumB, sumR2, sumG2, sumB2,
 * gradientSum, gradientCount, nearSum, nearCount, farSum, farCount, clutter]: gradient is |dY/dx| + |dY/dy|
 * between background neighbours; near/far split background luma by horizontal distance to the person
 * (<= `band` px or not) to expose shadows cast on the backdrop; clutter counts non-background pixels outside
 * each row's longest non-background run (objects beside the person, not the person). `rows` (height u32)
 * and `columns` (width u32) receive the person's pixel count per row and column (the silhouette profile).
 * Only the content rectangle [x0, x1) x [y0, y1) is read (padding bars outside it are neither backdrop nor
 * person); rows and columns outside it count 0. SIMD, 16 pixels per step: colour sums and squares, luma sums, gradients and column counts; run bookkeeping
 * is per block when a block is all backdrop or all person, per pixel only where the silhouette edge crosses it.
 */
export function backgroundStats(src: usize, luma: usize, mask: usize, width: u32, height: u32, x0: u32, y0: u32, x1: u32, y1: u32, band: u32, out: usize, rows: usize, columns: usize): void {
  memory.fill(columns, 0, <usize>width << 2);
  memory.fill(rows, 0, <usize>height << 2);
  let count: u64 = 0, sr: u64 = 0, sg: u64 = 0, sb: u64 = 0, srr: u64 = 0, sgg: u64 = 0, sbb: u64 = 0;
  let clutter: u64 = 0, gradientSum: u64 = 0, gradientCount: u64 = 0, totalLuma: u64 = 0;
  nearSum = 0;
  nearCount = 0;
  const w = <usize>width;
  const one = i8x16.splat(1);
  // SIMD blocks stop one pixel short of the content's right edge, so every lane has a right neighbour inside it.
  const simdEnd = x1 > x0 ? x0 + ((x1 - x0 - 1) & ~(15 as u32)) : x0;
  for (let y = y0; y < y1; y++) {
    const rowStart = <usize>y * w;
    const lumaRow = luma + rowStart;
    const maskRow = mask + rowStart;
    const lastRow = y + 1 == y1;
    let people: u32 = 0;
    let run: u32 = 0;
    let longest: u32 = 0;
    let runStart: i32 = -1;
    let accR = i32x4.splat(0), accG = i32x4.splat(0), accB = i32x4.splat(0);
    let accRR = i32x4.splat(0), accGG = i32x4.splat(0), accBB = i32x4.splat(0);
    let accLuma = i32x4.splat(0), accGrad = i32x4.splat(0), accGradN = i32x4.splat(0);
    for (let x = x0; x < simdEnd; x += 16) {
      const m = v128.load(maskRow + <usize>x);
      const bits = i8x16.bitmask(m);
      const backdrop = <u32>popcnt(bits);
      count += <u64>backdrop;
      people += 16 - backdrop;
      if (backdrop != 16) {
        // Person lanes add one to their column's count.
        const person = v128.and(v128.not(m), one);
        const lo = i16x8.extend_low_i8x16_u(person), hi = i16x8.extend_high_i8x16_u(person);
        const c = columns + (<usize>x << 2);
        v128.store(c, i32x4.add(v128.load(c), i32x4.extend_low_i16x8_u(lo)));
        v128.store(c, i32x4.add(v128.load(c, 16), i32x4.extend_high_i16x8_u(lo)), 16);
        v128.store(c, i32x4.add(v128.load(c, 32), i32x4.extend_low_i16x8_u(hi)), 32);
        v128.store(c, i32x4.add(v128.load(c, 48), i32x4.extend_high_i16x8_u(hi)), 48);
      }
      if (backdrop != 0) {
        const q = src + (rowStart + <usize>x) * 3;
        const a = v128.load(q), b = v128.load(q, 16), cc = v128.load(q, 32);
        const r = v128.and(i8x16.shuffle(i8x16.shuffle(a, b, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0), cc, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29), m);
        const g = v128.and(i8x16.shuffle(i8x16.shuffle(a, b, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0), cc, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30), m);
        const bl = v128.and(i8x16.shuffle(i8x16.shuffle(a, b, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0), cc, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31), m);
        accR = i32x4.add(accR, bytesSum(r));
        accG = i32x4.add(accG, bytesSum(g));
        accB = i32x4.add(accB, bytesSum(bl));
        const rl = i16x8.extend_low_i8x16_u(r), rh = i16x8.extend_high_i8x16_u(r);
        const gl = i16x8.extend_low_i8x16_u(g), gh = i16x8.extend_high_i8x16_u(g);
        const bll = i16x8.extend_low_i8x16_u(bl), blh = i16x8.extend_high_i8x16_u(bl);
        accRR = i32x4.add(accRR, i32x4.add(i32x4.dot_i16x8_s(rl, rl), i32x4.dot_i16x8_s(rh, rh)));
        accGG = i32x4.add(accGG, i32x4.add(i32x4.dot_i16x8_s(gl, gl), i32x4.dot_i16x8_s(gh, gh)));
        accBB = i32x4.add(accBB, i32x4.add(i32x4.dot_i16x8_s(bll, bll), i32x4.dot_i16x8_s(blh, blh)));
        const l = v128.load(lumaRow + <usize>x);
        accLuma = i32x4.add(accLuma, bytesSum(v128.and(l, m)));
        if (!lastRow) {
          const both = v128.and(m, v128.and(v128.load(maskRow + <usize>x + 1), v128.load(maskRow + <usize>x + w)));
          const right = v128.load(lumaRow + <usize>x + 1);
          const below = v128.load(lumaRow + <usize>x + w);
          const dx = v128.and(v128.or(i8x16.sub_sat_u(right, l), i8x16.sub_sat_u(l, right)), both);
          const dy = v128.and(v128.or(i8x16.sub_sat_u(below, l), i8x16.sub_sat_u(l, below)), both);
          accGrad = i32x4.add(accGrad, i32x4.add(bytesSum(dx), bytesSum(dy)));
          accGradN = i32x4.add(accGradN, bytesSum(v128.and(both, one)));
        }
      }
      // Runs of person pixels and backdrop runs, for clutter and the near-silhouette band.
      if (backdrop == 16) {
        run = 0;
        if (runStart < 0) runStart = <i32>x;
      } else if (backdrop == 0) {
        run += 16;
        if (run > longest) longest = run;
        if (runStart >= 0) {
          closeRun(lumaRow, <u32>runStart, x, band, x0);
          runStart = -1;
        }
      } else {
        for (let k: u32 = 0; k < 16; k++) {
          if ((bits >> k) & 1) {
            run = 0;
            if (runStart < 0) runStart = <i32>(x + k);
          } else {
            run++;
            if (run > longest) longest = run;
            if (runStart >= 0) {
              closeRun(lumaRow, <u32>runStart, x + k, band, x0);
              runStart = -1;
            }
          }
        }
      }
    }
    // Lanes hold at most width / 4 squares of 255^2 per row: inside u32 for any width the loader allows.
    sr += laneSum(accR); sg += laneSum(accG); sb += laneSum(accB);
    srr += laneSum(accRR); sgg += laneSum(accGG); sbb += laneSum(accBB);
    totalLuma += laneSum(accLuma);
    gradientSum += laneSum(accGrad);
    gradientCount += laneSum(accGradN);
    for (let x = simdEnd; x < x1; x++) {
      if (load<u8>(maskRow + <usize>x) != BACKGROUND) {
        people++;
        run++;
        if (run > longest) longest = run;
        const c = columns + (<usize>x << 2);
        store<u32>(c, load<u32>(c) + 1);
        if (runStart >= 0) {
          closeRun(lumaRow, <u32>runStart, x, band, x0);
          runStart = -1;
        }
        continue;
      }
      run = 0;
      if (runStart < 0) runStart = <i32>x;
      count++;
      const p = src + (rowStart + <usize>x) * 3;
      const r = <u64>load<u8>(p), g = <u64>load<u8>(p, 1), b = <u64>load<u8>(p, 2);
      sr += r; sg += g; sb += b;
      srr += r * r; sgg += g * g; sbb += b * b;
      const yv = <i32>load<u8>(lumaRow + <usize>x);
      totalLuma += <u64>yv;
      if (x + 1 < x1 && !lastRow && load<u8>(maskRow + <usize>x + 1) == BACKGROUND && load<u8>(maskRow + <usize>x + w) == BACKGROUND) {
        gradientSum += <u64>(abs(<i32>load<u8>(lumaRow + <usize>x + 1) - yv) + abs(<i32>load<u8>(lumaRow + <usize>x + w) - yv));
        gradientCount++;
      }
    }
    if (runStart > <i32>x0) {
      // A run reaching the right edge is near the person only at its left end.
      const a = <u32>runStart;
      const leftEnd = min(x1, a + band);
      nearSum += lumaSum(lumaRow, a, leftEnd);
      nearCount += <u64>(leftEnd - a);
    }
    store<u32>(rows + (<usize>y << 2), people);
    clutter += <u64>(people - longest);
  }
  store<f64>(out, <f64>count);
  store<f64>(out, <f64>sr, 8);
  store<f64>(out, <f64>sg, 16);
  store<f64>(out, <f64>sb, 24);
  store<f64>(out, <f64>srr, 32);
  store<f64>(out, <f64>sgg, 40);
  store<f64>(out, <f64>sbb, 48);
  store<f64>(out, <f64>gradientSum, 56);
  store<f64>(out, <f64>gradientCount, 64);
  store<f64>(out, <f64>nearSum, 72);
  store<f64>(out, <f64>nearCount, 80);
  store<f64>(out, <f64>(totalLuma - nearSum), 88);
  store<f64>(out, <f64>(count - nearCount), 96);
  store<f64>(out, <f64>clutter, 104);
}
