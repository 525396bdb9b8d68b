/** Number of luma bins the colour statistics are split into (luma >> 3). */
const BINS: u32 = 32;
/** rg = R - G spans -255..255 and yb = R + G - 2B spans -510..510: histogram widths. */
const RG_VALUES: u32 = 511;
const YB_VALUES: u32 = 1021;

/** Bytes of scratch colourStats needs: one rg and one yb histogram (u32) per luma bin. */
export function colourScratchBytes(): u32 {
  return BINS * (RG_VALUES + YB_VALUES) * 4;
}

/**
 * Colour statistics of `count` RGB pixels, split by luma bin (luma >> 3, 32 bins) so chroma that merely
 * follows brightness (greyscale, sepia) can be told from real colour. f64 at `out`, 5 per bin:
 * count, sum rg, sum yb, sum rg^2, sum yb^2, with rg = R - G and yb = R + G - 2B (twice Hasler and
 * Suesstrunk's yellow-blue opponent, kept integral). Totals give the Hasler-Suesstrunk colourfulness.
 * Per pixel it only bumps two histogram bins in `scratch` (colourScratchBytes()); sums come from the
 * histograms afterwards, which avoids five dependent memory accumulations per pixel.
 */
export function colourStats(src: usize, count: u32, out: usize, scratch: usize): void {
  const ybBase = scratch + <usize>(BINS * RG_VALUES * 4);
  memory.fill(scratch, 0, <usize>colourScratchBytes());
  let p = src;
  for (let i: u32 = 0; i < count; i++) {
    const r = <u32>load<u8>(p);
    const g = <u32>load<u8>(p, 1);
    const b = <u32>load<u8>(p, 2);
    const bin = (77 * r + 150 * g + 29 * b + 128) >> 11;
    const rgSlot = scratch + (<usize>(bin * RG_VALUES + r + 255 - g) << 2);
    store<u32>(rgSlot, load<u32>(rgSlot) + 1);
    const ybSlot = ybBase + (<usize>(bin * YB_VALUES + r + g + 510 - 2 * b) << 2);
    store<u32>(ybSlot, load<u32>(ybSlot) + 1);
    p += 3;
  }
  for (let bin: u32 = 0; bin < BINS; bin++) {
    let n: u64 = 0, rg: i64 = 0, rg2: u64 = 0, yb: i64 = 0, yb2: u64 = 0;
    const rgRow = scratch + (<usize>(bin * RG_VALUES) << 2);
    for (let v: u32 = 0; v < RG_VALUES; v++) {
      const h = <u64>load<u32>(rgRow + (<usize>v << 2));
      if (h == 0) continue;
      const d = <i64>v - 255;
      n += h;
      rg += d * <i64>h;
      rg2 += <u64>(d * d) * h;
    }
    const ybRow = ybBase + (<usize>(bin * YB_VALUES) << 2);
    for (let v: u32 = 0; v < YB_VALUES; v++) {
      const h = <u64>load<u32>(ybRow + (<usize>v << 2));
      if (h == 0) continue;
      const d = <i64>v - 510;
      yb += d * <i64>h;
      yb2 += <u64>(d * d) * h;
    }
    const o = out + (<usize>(bin * 5) << 3);
    store<f64>(o, <f64>n);
    store<f64>(o, <f64>rg, 8);
    store<f64>(o, <f64>yb, 16);
    store<f64>(o, <f64>rg2, 24);
    store<f64>(o, <f64>yb2, 32);
  }
}
