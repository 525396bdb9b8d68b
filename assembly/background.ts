// Background estimation: region growing from the image frame, then statistics of the grown mask.

const BACKGROUND: u8 = 255;

@inline function colourDistance(p: usize, r: i32, g: i32, b: i32): i32 {
  return abs(<i32>load<u8>(p) - r) + abs(<i32>load<u8>(p, 1) - g) + abs(<i32>load<u8>(p, 2) - b);
}

@inline function pixelDistance(p: usize, q: usize): i32 {
  return abs(<i32>load<u8>(p) - <i32>load<u8>(q)) + abs(<i32>load<u8>(p, 1) - <i32>load<u8>(q, 1)) + abs(<i32>load<u8>(p, 2) - <i32>load<u8>(q, 2));
}

@inline function trySeed(src: usize, mask: usize, queue: usize, tail: u32, index: u32, r: i32, g: i32, b: i32, globalTolerance: i32): u32 {
  if (load<u8>(mask + <usize>index) == 0 && colourDistance(src + <usize>index * 3, r, g, b) <= globalTolerance) {
    store<u8>(mask + <usize>index, BACKGROUND);
    store<u32>(queue + (<usize>tail << 2), index);
    return tail + 1;
  }
  return tail;
}

@inline function tryGrow(src: usize, mask: usize, queue: usize, tail: u32, from: u32, to: u32, r: i32, g: i32, b: i32, localTolerance: i32, globalTolerance: i32): u32 {
  if (load<u8>(mask + <usize>to) != 0) return tail;
  const q = src + <usize>to * 3;
  if (pixelDistance(q, src + <usize>from * 3) > localTolerance || colourDistance(q, r, g, b) > globalTolerance) return tail;
  store<u8>(mask + <usize>to, BACKGROUND);
  store<u32>(queue + (<usize>tail << 2), to);
  return tail + 1;
}

/**
 * Grows the background mask (255 background, 0 person or clutter) of an RGB image from a probe frame: row
 * `top` between columns `left` and `right`, and those two columns from `top` down to row `sideEnd` (the
 * shoulders sit below). A probe pixel seeds when within `globalTolerance` of the reference; a pixel joins
 * when its L1 RGB distance to the neighbour it is reached from is at most `localTolerance` (the silhouette's
 * edge stops it) and to the reference at most `globalTolerance` (slow drifts into the person stop too).
 * `queue` holds width * height u32. Returns the number of background pixels.
 */
export function growBackground(src: usize, width: u32, height: u32, left: u32, top: u32, right: u32, sideEnd: u32, r: i32, g: i32, b: i32, localTolerance: i32, globalTolerance: i32, mask: usize, queue: usize): u32 {
  const count = width * height;
  memory.fill(mask, 0, <usize>count);
  let tail: u32 = 0;
  for (let x = left; x <= right; x++) tail = trySeed(src, mask, queue, tail, top * width + x, r, g, b, globalTolerance);
  for (let y = top + 1; y < sideEnd; y++) {
    tail = trySeed(src, mask, queue, tail, y * width + left, r, g, b, globalTolerance);
    tail = trySeed(src, mask, queue, tail, y * width + right, r, g, b, globalTolerance);
  }
  let head: u32 = 0;
  while (head < tail) {
    const index = load<u32>(queue + (<usize>head << 2));
    head++;
    const y = index / width;
    const x = index - y * width;
    if (x > 0) tail = tryGrow(src, mask, queue, tail, index, index - 1, r, g, b, localTolerance, globalTolerance);
    if (x + 1 < width) tail = tryGrow(src, mask, queue, tail, index, index + 1, r, g, b, localTolerance, globalTolerance);
    if (y > 0) tail = tryGrow(src, mask, queue, tail, index, index - width, r, g, b, localTolerance, globalTolerance);
    if (y + 1 < height) tail = tryGrow(src, mask, queue, tail, index, index + width, r, g, b, localTolerance, globalTolerance);
  }
  return tail;
}

/**
 * Statistics of the background mask, one pass. f64 at `out`: [count, sumR, sumG, sumB, sumR2, sumG2, sumB2,
 * gradientSum, gradientCount, nearSum, nearCount, farSum, farCount, clutter]: gradient is |dY/dx| + |dY/dy| between
 * background neighbours; near/far split background luma by horizontal distance to the person (<= `band`
 * px or not) to expose shadows cast on the backdrop; clutter counts non-background pixels outside each row's
 * longest non-background run (objects beside the person, not the person). `rows` (height u32) and `columns` (width u32) receive
 * the person's pixel count per row and column (the silhouette profile); `distance` holds width u32.
 */
export function backgroundStats(src: usize, luma: usize, mask: usize, width: u32, height: u32, band: u32, out: usize, rows: usize, columns: usize, distance: usize): void {
  memory.fill(columns, 0, <usize>width << 2);
  let count: u64 = 0, sr: u64 = 0, sg: u64 = 0, sb: u64 = 0, srr: u64 = 0, sgg: u64 = 0, sbb: u64 = 0;
  let clutter: u64 = 0, gradientSum: u64 = 0, gradientCount: u64 = 0, nearSum: u64 = 0, nearCount: u64 = 0, farSum: u64 = 0, farCount: u64 = 0;
  const far: u32 = 0x3fffffff;
  for (let y: u32 = 0; y < height; y++) {
    const rowStart = <usize>(y * width);
    // Distance to the nearest person pixel on this row: a forward pass, then a backward pass.
    let last: u32 = far;
    let people: u32 = 0;
    let run: u32 = 0;
    let longest: u32 = 0;
    for (let x: u32 = 0; x < width; x++) {
      const i = rowStart + <usize>x;
      if (load<u8>(mask + i) != BACKGROUND) {
        last = 0;
        people++;
        run++;
        if (run > longest) longest = run;
        const c = columns + (<usize>x << 2);
        store<u32>(c, load<u32>(c) + 1);
      } else {
        run = 0;
        if (last != far) last++;
      }
      store<u32>(distance + (<usize>x << 2), last);
    }
    store<u32>(rows + (<usize>y << 2), people);
    clutter += <u64>(people - longest);
    last = far;
    for (let x = <i32>width - 1; x >= 0; x--) {
      const i = rowStart + <usize>x;
      if (load<u8>(mask + i) != BACKGROUND) {
        last = 0;
        continue;
      }
      if (last != far) last++;
      const left = load<u32>(distance + (<usize>x << 2));
      const nearest = left < last ? left : last;
      const p = src + i * 3;
      const r = <u64>load<u8>(p), g = <u64>load<u8>(p, 1), b = <u64>load<u8>(p, 2);
      count++;
      sr += r; sg += g; sb += b;
      srr += r * r; sgg += g * g; sbb += b * b;
      const yv = <i32>load<u8>(luma + i);
      if (nearest <= band) { nearSum += <u64>yv; nearCount++; }
      else { farSum += <u64>yv; farCount++; }
      if (<u32>x + 1 < width && y + 1 < height && load<u8>(mask + i + 1) == BACKGROUND && load<u8>(mask + i + <usize>width) == BACKGROUND) {
        gradientSum += <u64>(abs(<i32>load<u8>(luma + i + 1) - yv) + abs(<i32>load<u8>(luma + i + <usize>width) - yv));
        gradientCount++;
      }
    }
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
  store<f64>(out, <f64>farSum, 88);
  store<f64>(out, <f64>farCount, 96);
  store<f64>(out, <f64>clutter, 104);
}
