/** Number of luma bins the colour statistics are split into (luma >> 3). */
const BINS: u32 = 32;

/**
 * Colour statistics of `count` RGB pixels, split by luma bin (luma >> 3, 32 bins) so chroma that merely
 * follows brightness (greyscale, sepia) can be told from real colour. f64 at `out`, 5 per bin:
 * count, sum rg, sum yb, sum rg^2, sum yb^2, with rg = R - G and yb = R + G - 2B (twice Hasler and
 * Suesstrunk's yellow-blue opponent, kept integral). Totals give the Hasler-Suesstrunk colourfulness.
 */
export function colourStats(src: usize, count: u32, out: usize): void {
  // i64 accumulators per bin at out + 320 * 8 ... (scratch after the f64 block): 5 x 32 x 8 bytes.
  const acc = out + <usize>(BINS * 5 * 8);
  memory.fill(acc, 0, <usize>(BINS * 5 * 8));
  let p = src;
  for (let i: u32 = 0; i < count; i++) {
    const r = <i32>load<u8>(p);
    const g = <i32>load<u8>(p, 1);
    const b = <i32>load<u8>(p, 2);
    const y = (77 * r + 150 * g + 29 * b + 128) >> 8;
    const rg = r - g;
    const yb = r + g - 2 * b;
    const slot = acc + <usize>((y >> 3) * 40);
    store<i64>(slot, load<i64>(slot) + 1);
    store<i64>(slot, load<i64>(slot, 8) + <i64>rg, 8);
    store<i64>(slot, load<i64>(slot, 16) + <i64>yb, 16);
    store<i64>(slot, load<i64>(slot, 24) + <i64>(rg * rg), 24);
    store<i64>(slot, load<i64>(slot, 32) + <i64>(yb * yb), 32);
    p += 3;
  }
  for (let k: usize = 0; k < <usize>(BINS * 5); k++) store<f64>(out + (k << 3), <f64>load<i64>(acc + (k << 3)));
}
