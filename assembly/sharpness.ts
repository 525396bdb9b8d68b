/**
 * Statistics of the 4-neighbour Laplacian (4c - l - r - u - d) of a u8 plane over [x0, x1) x [y0, y1),
 * written as f64 at `out`: count, sum, sum of squares, sum of absolute values. The caller keeps the
 * rectangle one pixel inside the plane. Variance of the Laplacian is the sharpness measure; its RMS
 * in skin and eye patches feeds the retouch score. SIMD: 8 pixels per step, squares via i32x4.dot.
 */
export function laplacianStats(plane: usize, stride: u32, x0: u32, y0: u32, x1: u32, y1: u32, out: usize): void {
  const width = x1 - x0;
  const blocks = width & ~(7 as u32);
  const row = <usize>stride;
  let sum: i64 = 0;
  let sumSq: i64 = 0;
  let sumAbs: i64 = 0;
  for (let y = y0; y < y1; y++) {
    let p = plane + <usize>y * row + <usize>x0;
    // Per-row lane accumulators: at most 2048 / 4 squares of <= 1020^2 per lane, well inside i32.
    let accSum = i32x4.splat(0);
    let accSq = i32x4.splat(0);
    let accAbs = i32x4.splat(0);
    for (let i: u32 = 0; i < blocks; i += 8) {
      const c = v128.load8x8_u(p);
      const lap = i16x8.sub(
        i16x8.shl(c, 2),
        i16x8.add(i16x8.add(v128.load8x8_u(p - 1), v128.load8x8_u(p + 1)), i16x8.add(v128.load8x8_u(p - row), v128.load8x8_u(p + row))),
      );
      accSum = i32x4.add(accSum, i32x4.extadd_pairwise_i16x8_s(lap));
      accSq = i32x4.add(accSq, i32x4.dot_i16x8_s(lap, lap));
      accAbs = i32x4.add(accAbs, i32x4.extadd_pairwise_i16x8_s(i16x8.abs(lap)));
      p += 8;
    }
    sum += <i64>(i32x4.extract_lane(accSum, 0) + i32x4.extract_lane(accSum, 1) + i32x4.extract_lane(accSum, 2) + i32x4.extract_lane(accSum, 3));
    sumSq += <i64>i32x4.extract_lane(accSq, 0) + <i64>i32x4.extract_lane(accSq, 1) + <i64>i32x4.extract_lane(accSq, 2) + <i64>i32x4.extract_lane(accSq, 3);
    sumAbs += <i64>(i32x4.extract_lane(accAbs, 0) + i32x4.extract_lane(accAbs, 1) + i32x4.extract_lane(accAbs, 2) + i32x4.extract_lane(accAbs, 3));
    for (let i = blocks; i < width; i++) {
      const lap = 4 * <i32>load<u8>(p) - <i32>load<u8>(p - 1) - <i32>load<u8>(p + 1) - <i32>load<u8>(p - row) - <i32>load<u8>(p + row);
      sum += lap;
      sumSq += <i64>(lap * lap);
      sumAbs += <i64>abs(lap);
      p += 1;
    }
  }
  store<f64>(out, <f64>(width * (y1 - y0)));
  store<f64>(out, <f64>sum, 8);
  store<f64>(out, <f64>sumSq, 16);
  store<f64>(out, <f64>sumAbs, 24);
}

/** laplacianStats without SIMD, same outputs: kept only so the bench can show what SIMD buys. */
export function laplacianStatsScalar(plane: usize, stride: u32, x0: u32, y0: u32, x1: u32, y1: u32, out: usize): void {
  const row = <usize>stride;
  let sum: i64 = 0;
  let sumSq: i64 = 0;
  let sumAbs: i64 = 0;
  for (let y = y0; y < y1; y++) {
    let p = plane + <usize>y * row + <usize>x0;
    for (let x = x0; x < x1; x++) {
      const lap = 4 * <i32>load<u8>(p) - <i32>load<u8>(p - 1) - <i32>load<u8>(p + 1) - <i32>load<u8>(p - row) - <i32>load<u8>(p + row);
      sum += lap;
      sumSq += <i64>(lap * lap);
      sumAbs += <i64>abs(lap);
      p += 1;
    }
  }
  store<f64>(out, <f64>((x1 - x0) * (y1 - y0)));
  store<f64>(out, <f64>sum, 8);
  store<f64>(out, <f64>sumSq, 16);
  store<f64>(out, <f64>sumAbs, 24);
}
