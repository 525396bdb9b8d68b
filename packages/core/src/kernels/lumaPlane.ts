/** Reference for the WASM lumaPlane kernel: Rec. 601 luma, (77R + 150G + 29B + 128) >> 8, one byte per pixel. */
export function lumaPlaneReference(rgb: Uint8Array): Uint8Array {
  const count = Math.floor(rgb.length / 3);
  const luma = new Uint8Array(count);
  for (let i = 0, p = 0; i < count; i++, p += 3) luma[i] = (77 * rgb[p] + 150 * rgb[p + 1] + 29 * rgb[p + 2] + 128) >> 8;
  return luma;
}
