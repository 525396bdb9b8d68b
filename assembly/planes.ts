// Derived planes every luma-based kernel reads: computed once per photo, then reused in place.

/**
 * Rec. 601 luma plane (one u8 per pixel, (77R + 150G + 29B + 128) >> 8) of `count` interleaved RGB
 * pixels; SIMD de-interleaves 16 pixels per step so later kernels read 1 byte per pixel instead of 3.
 */
export function lumaPlane(src: usize, count: u32, dst: usize): void {
  const wr = i16x8.splat(77);
  const wg = i16x8.splat(150);
  const wb = i16x8.splat(29);
  const half = i16x8.splat(128);
  const blocks = count & ~(15 as u32);
  let s = src;
  let d = dst;
  for (let i: u32 = 0; i < blocks; i += 16) {
    const a = v128.load(s);
    const b = v128.load(s, 16);
    const c = v128.load(s, 32);
    const r = i8x16.shuffle(i8x16.shuffle(a, b, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 20, 23, 26, 29);
    const g = i8x16.shuffle(i8x16.shuffle(a, b, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 18, 21, 24, 27, 30);
    const bl = i8x16.shuffle(i8x16.shuffle(a, b, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 0, 0, 0, 0, 0, 0), c, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 19, 22, 25, 28, 31);
    const lo = i16x8.shr_u(
      i16x8.add(i16x8.add(i16x8.mul(i16x8.extend_low_i8x16_u(r), wr), i16x8.mul(i16x8.extend_low_i8x16_u(g), wg)), i16x8.add(i16x8.mul(i16x8.extend_low_i8x16_u(bl), wb), half)),
      8,
    );
    const hi = i16x8.shr_u(
      i16x8.add(i16x8.add(i16x8.mul(i16x8.extend_high_i8x16_u(r), wr), i16x8.mul(i16x8.extend_high_i8x16_u(g), wg)), i16x8.add(i16x8.mul(i16x8.extend_high_i8x16_u(bl), wb), half)),
      8,
    );
    v128.store(d, i8x16.narrow_i16x8_u(lo, hi));
    s += 48;
    d += 16;
  }
  for (let i = blocks; i < count; i++) {
    const y = (77 * <u32>load<u8>(s) + 150 * <u32>load<u8>(s, 1) + 29 * <u32>load<u8>(s, 2) + 128) >> 8;
    store<u8>(d, <u8>y);
    s += 3;
    d += 1;
  }
}

/**
 * Box-averages a `width` x `height` u8 plane by an integer `factor` (rounded mean of each factor x factor
 * block; partial blocks at the right and bottom edges are dropped), so face measures run at a standard scale.
 * Factor 2, the common case, runs in SIMD: pairwise adds of two rows give 8 block sums per 16 input bytes.
 */
export function boxDownsample(src: usize, width: u32, height: u32, factor: u32, dst: usize): void {
  const outWidth = width / factor;
  const outHeight = height / factor;
  const area = factor * factor;
  const round = area >> 1;
  for (let oy: u32 = 0; oy < outHeight; oy++) {
    const rowStart = src + <usize>(oy * factor) * <usize>width;
    let ox: u32 = 0;
    if (factor == 2) {
      const two = i16x8.splat(2);
      const d = dst + <usize>(oy * outWidth);
      for (; ox + 16 <= outWidth; ox += 16) {
        const p = rowStart + <usize>(ox << 1);
        const lo = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.extadd_pairwise_i8x16_u(v128.load(p)), i16x8.extadd_pairwise_i8x16_u(v128.load(p + <usize>width))), two), 2);
        const hi = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.extadd_pairwise_i8x16_u(v128.load(p, 16)), i16x8.extadd_pairwise_i8x16_u(v128.load(p + <usize>width, 16))), two), 2);
        v128.store(d + <usize>ox, i8x16.narrow_i16x8_u(lo, hi));
      }
    }
    for (; ox < outWidth; ox++) {
      let sum: u32 = 0;
      let p = rowStart + <usize>(ox * factor);
      for (let ky: u32 = 0; ky < factor; ky++) {
        for (let kx: u32 = 0; kx < factor; kx++) sum += <u32>load<u8>(p + <usize>kx);
        p += <usize>width;
      }
      store<u8>(dst + <usize>(oy * outWidth + ox), <u8>((sum + round) / area));
    }
  }
}

/** lumaPlane without SIMD, the same arithmetic one pixel at a time: kept only so the bench can show what SIMD buys. */
export function lumaPlaneScalar(src: usize, count: u32, dst: usize): void {
  let s = src;
  let d = dst;
  for (let i: u32 = 0; i < count; i++) {
    store<u8>(d, <u8>((77 * <u32>load<u8>(s) + 150 * <u32>load<u8>(s, 1) + 29 * <u32>load<u8>(s, 2) + 128) >> 8));
    s += 3;
    d += 1;
  }
}
