/**
 * Laplacian statistics (as sharpness.laplacianStats: count, sum, sum of squares, sum of absolute values,
 * f64 at `out`) over the interior pixels of a plane whose 3x3 neighbourhood is all background (255) in `mask`:
 * the photo's noise floor, measured where there is no structure, against which skin texture is judged.
 * SIMD: 8 pixels per step; the 3x3 mask erosion is an AND of nine widened loads, used as a lane mask.
 */
export function maskedLaplacianStats(plane: usize, mask: usize, width: u32, height: u32, out: usize): void {
  const row = <usize>width;
  let count: i64 = 0;
  let sum: i64 = 0;
  let sumSq: i64 = 0;
  let sumAbs: i64 = 0;
  if (width < 3 || height < 3) {
    memory.fill(out, 0, 32);
    return;
  }
  const inner = width - 2;
  const blocks = inner & ~(7 as u32);
  const full = i16x8.splat(255);
  for (let y: u32 = 1; y + 1 < height; y++) {
    let p = plane + <usize>y * row + 1;
    let m = mask + <usize>y * row + 1;
    let accCount = i32x4.splat(0);
    let accSum = i32x4.splat(0);
    let accSq = i32x4.splat(0);
    let accAbs = i32x4.splat(0);
    for (let i: u32 = 0; i < blocks; i += 8) {
      const eroded = v128.and(
        v128.and(v128.and(v128.load8x8_u(m - row - 1), v128.load8x8_u(m - row)), v128.and(v128.load8x8_u(m - row + 1), v128.load8x8_u(m - 1))),
        v128.and(v128.and(v128.load8x8_u(m), v128.load8x8_u(m + 1)), v128.and(v128.and(v128.load8x8_u(m + row - 1), v128.load8x8_u(m + row)), v128.load8x8_u(m + row + 1))),
      );
      const lanes = i16x8.eq(eroded, full);
      const lap = v128.and(
        i16x8.sub(i16x8.shl(v128.load8x8_u(p), 2), i16x8.add(i16x8.add(v128.load8x8_u(p - 1), v128.load8x8_u(p + 1)), i16x8.add(v128.load8x8_u(p - row), v128.load8x8_u(p + row)))),
        lanes,
      );
      accCount = i32x4.sub(accCount, i32x4.extadd_pairwise_i16x8_s(lanes));
      accSum = i32x4.add(accSum, i32x4.extadd_pairwise_i16x8_s(lap));
      accSq = i32x4.add(accSq, i32x4.dot_i16x8_s(lap, lap));
      accAbs = i32x4.add(accAbs, i32x4.extadd_pairwise_i16x8_s(i16x8.abs(lap)));
      p += 8;
      m += 8;
    }
    count += <i64>(i32x4.extract_lane(accCount, 0) + i32x4.extract_lane(accCount, 1) + i32x4.extract_lane(accCount, 2) + i32x4.extract_lane(accCount, 3));
    sum += <i64>(i32x4.extract_lane(accSum, 0) + i32x4.extract_lane(accSum, 1) + i32x4.extract_lane(accSum, 2) + i32x4.extract_lane(accSum, 3));
    sumSq += <i64>i32x4.extract_lane(accSq, 0) + <i64>i32x4.extract_lane(accSq, 1) + <i64>i32x4.extract_lane(accSq, 2) + <i64>i32x4.extract_lane(accSq, 3);
    sumAbs += <i64>(i32x4.extract_lane(accAbs, 0) + i32x4.extract_lane(accAbs, 1) + i32x4.extract_lane(accAbs, 2) + i32x4.extract_lane(accAbs, 3));
    for (let i = blocks; i < inner; i++) {
      if ((load<u8>(m - row - 1) & load<u8>(m - row) & load<u8>(m - row + 1) & load<u8>(m - 1) & load<u8>(m) & load<u8>(m + 1) & load<u8>(m + row - 1) & load<u8>(m + row) & load<u8>(m + row + 1)) == 255) {
        const lap = 4 * <i32>load<u8>(p) - <i32>load<u8>(p - 1) - <i32>load<u8>(p + 1) - <i32>load<u8>(p - row) - <i32>load<u8>(p + row);
        count++;
        sum += lap;
        sumSq += <i64>(lap * lap);
        sumAbs += <i64>abs(lap);
      }
      p += 1;
      m += 1;
    }
  }
  store<f64>(out, <f64>count);
  store<f64>(out, <f64>sum, 8);
  store<f64>(out, <f64>sumSq, 16);
  store<f64>(out, <f64>sumAbs, 24);
}
