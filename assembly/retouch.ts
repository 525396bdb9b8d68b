const BACKGROUND: u8 = 255;

/**
 * Laplacian statistics (as sharpness.laplacianStats: count, sum, sum of squares, sum of absolute values,
 * f64 at `out`) over the interior pixels of a plane whose 3x3 neighbourhood is all background in `mask`:
 * the photo's noise floor, measured where there is no structure, against which skin texture is judged.
 */
export function maskedLaplacianStats(plane: usize, mask: usize, width: u32, height: u32, out: usize): void {
  const row = <usize>width;
  let count: u64 = 0;
  let sum: i64 = 0;
  let sumSq: i64 = 0;
  let sumAbs: i64 = 0;
  for (let y: u32 = 1; y + 1 < height; y++) {
    for (let x: u32 = 1; x + 1 < width; x++) {
      const i = <usize>y * row + <usize>x;
      const m = mask + i;
      if ((load<u8>(m - row - 1) & load<u8>(m - row) & load<u8>(m - row + 1) & load<u8>(m - 1) & load<u8>(m) & load<u8>(m + 1) & load<u8>(m + row - 1) & load<u8>(m + row) & load<u8>(m + row + 1)) != BACKGROUND) continue;
      const p = plane + i;
      const lap = 4 * <i32>load<u8>(p) - <i32>load<u8>(p - 1) - <i32>load<u8>(p + 1) - <i32>load<u8>(p - row) - <i32>load<u8>(p + row);
      count++;
      sum += lap;
      sumSq += <i64>(lap * lap);
      sumAbs += <i64>abs(lap);
    }
  }
  store<f64>(out, <f64>count);
  store<f64>(out, <f64>sum, 8);
  store<f64>(out, <f64>sumSq, 16);
  store<f64>(out, <f64>sumAbs, 24);
}
