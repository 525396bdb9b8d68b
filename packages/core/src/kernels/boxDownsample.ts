/** Reference for the WASM boxDownsample kernel: rounded mean of each factor x factor block, partial edge blocks dropped. */
export function boxDownsampleReference(plane: Uint8Array, width: number, height: number, factor: number): Uint8Array {
  const outWidth = Math.floor(width / factor);
  const outHeight = Math.floor(height / factor);
  const area = factor * factor;
  const out = new Uint8Array(outWidth * outHeight);
  for (let oy = 0; oy < outHeight; oy++) {
    for (let ox = 0; ox < outWidth; ox++) {
      let sum = 0;
      for (let ky = 0; ky < factor; ky++) {
        const row = (oy * factor + ky) * width + ox * factor;
        for (let kx = 0; kx < factor; kx++) sum += plane[row + kx];
      }
      out[oy * outWidth + ox] = Math.floor((sum + (area >> 1)) / area);
    }
  }
  return out;
}
