/**
 * Histogram (256 u32 bins at `out`) of a u8 plane over the rectangle [x0, x1) x [y0, y1): exposure
 * statistics (mean, spread, clipped shares, dynamic range) of a region all follow from it.
 */
export function regionHistogram(plane: usize, stride: u32, x0: u32, y0: u32, x1: u32, y1: u32, out: usize): void {
  // Four interleaved sub-histograms break the load-increment-store dependency on runs of equal values.
  const scratch = out + 1024;
  memory.fill(scratch, 0, 4096);
  const width = x1 - x0;
  const quads = width & ~(3 as u32);
  for (let y = y0; y < y1; y++) {
    let p = plane + <usize>y * <usize>stride + <usize>x0;
    for (let i: u32 = 0; i < quads; i += 4) {
      const v = load<u32>(p);
      const s0 = scratch + ((<usize>(v & 255)) << 2);
      store<u32>(s0, load<u32>(s0) + 1);
      const s1 = scratch + 1024 + ((<usize>((v >> 8) & 255)) << 2);
      store<u32>(s1, load<u32>(s1) + 1);
      const s2 = scratch + 2048 + ((<usize>((v >> 16) & 255)) << 2);
      store<u32>(s2, load<u32>(s2) + 1);
      const s3 = scratch + 3072 + ((<usize>(v >> 24)) << 2);
      store<u32>(s3, load<u32>(s3) + 1);
      p += 4;
    }
    for (let i = quads; i < width; i++) {
      const s0 = scratch + ((<usize>load<u8>(p)) << 2);
      store<u32>(s0, load<u32>(s0) + 1);
      p += 1;
    }
  }
  for (let bin: usize = 0; bin < 1024; bin += 16) {
    const sum = i32x4.add(i32x4.add(v128.load(scratch + bin), v128.load(scratch + 1024 + bin)), i32x4.add(v128.load(scratch + 2048 + bin), v128.load(scratch + 3072 + bin)));
    v128.store(out + bin, sum);
  }
}
