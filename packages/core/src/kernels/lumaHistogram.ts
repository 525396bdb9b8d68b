/** Reference for the WASM lumaHistogram kernel: Rec. 601 luma in integer arithmetic, 256 bins. */
export function lumaHistogramReference(pixels: Uint8Array, channels = 3): Uint32Array {
  const histogram = new Uint32Array(256);
  for (let i = 0; i + 2 < pixels.length; i += channels) {
    histogram[(77 * pixels[i] + 150 * pixels[i + 1] + 29 * pixels[i + 2] + 128) >> 8]++;
  }
  return histogram;
}
