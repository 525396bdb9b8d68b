/**
 * Separable resample of interleaved 8-bit RGB into f32 RGB (0-255): the face models' input crops.
 * Taps come from the caller (area averaging when shrinking, linear when enlarging): per output coordinate a
 * start and count into index (source column or row) and weight arrays, plus the weight of padding read outside
 * the image. Only source rows [rowFirst, rowFirst + rows) are read. `tmp` holds rows * outWidth * 3 f32.
 */
export function resampleRgb(
  src: usize, srcWidth: u32, rowFirst: u32, rows: u32,
  outWidth: u32, xStart: usize, xCount: usize, xIndex: usize, xWeight: usize, xPad: usize,
  outHeight: u32, yStart: usize, yCount: usize, yIndex: usize, yWeight: usize, yPad: usize,
  pad: f32, tmp: usize, out: usize,
): void {
  const srcStride = <usize>srcWidth * 3;
  const rowFloats = <usize>outWidth * 3;
  // Horizontal pass: each used source row to outWidth RGB floats.
  for (let r: u32 = 0; r < rows; r++) {
    const row = src + <usize>(rowFirst + r) * srcStride;
    let dst = tmp + (<usize>r * rowFloats << 2);
    for (let o: u32 = 0; o < outWidth; o++) {
      const padded = pad * load<f32>(xPad + (<usize>o << 2));
      let red = padded;
      let green = padded;
      let blue = padded;
      const first = load<u32>(xStart + (<usize>o << 2));
      const end = first + load<u32>(xCount + (<usize>o << 2));
      for (let t = first; t < end; t++) {
        const p = row + <usize>load<u32>(xIndex + (<usize>t << 2)) * 3;
        const w = load<f32>(xWeight + (<usize>t << 2));
        red += <f32>load<u8>(p) * w;
        green += <f32>load<u8>(p, 1) * w;
        blue += <f32>load<u8>(p, 2) * w;
      }
      store<f32>(dst, red);
      store<f32>(dst, green, 4);
      store<f32>(dst, blue, 8);
      dst += 12;
    }
  }
  // Vertical pass: each output row is a weighted sum of whole horizontal rows, 4 floats per SIMD step.
  const blocks = rowFloats & ~(3 as usize);
  for (let o: u32 = 0; o < outHeight; o++) {
    const dst = out + (<usize>o * rowFloats << 2);
    const padded = f32x4.splat(pad * load<f32>(yPad + (<usize>o << 2)));
    for (let k: usize = 0; k < blocks; k += 4) v128.store(dst + (k << 2), padded);
    for (let k = blocks; k < rowFloats; k++) store<f32>(dst + (k << 2), pad * load<f32>(yPad + (<usize>o << 2)));
    const first = load<u32>(yStart + (<usize>o << 2));
    const end = first + load<u32>(yCount + (<usize>o << 2));
    for (let t = first; t < end; t++) {
      const from = tmp + (<usize>(load<u32>(yIndex + (<usize>t << 2)) - rowFirst) * rowFloats << 2);
      const w = load<f32>(yWeight + (<usize>t << 2));
      const wv = f32x4.splat(w);
      for (let k: usize = 0; k < blocks; k += 4) {
        const at = k << 2;
        v128.store(dst + at, f32x4.add(v128.load(dst + at), f32x4.mul(v128.load(from + at), wv)));
      }
      for (let k = blocks; k < rowFloats; k++) {
        const at = k << 2;
        store<f32>(dst + at, load<f32>(dst + at) + load<f32>(from + at) * w);
      }
    }
  }
}
