/** Rec. 601 luma histogram (256 u32 bins at `out`) of `count` interleaved 8-bit pixels with `channels` per pixel. */
export function lumaHistogram(src: usize, count: u32, channels: u32, out: usize): void {
  memory.fill(out, 0, 256 << 2);
  const stride = <usize>channels;
  let p = src;
  for (let i: u32 = 0; i < count; i++) {
    const r = <u32>load<u8>(p);
    const g = <u32>load<u8>(p, 1);
    const b = <u32>load<u8>(p, 2);
    const y = (77 * r + 150 * g + 29 * b + 128) >> 8;
    const slot = out + (<usize>y << 2);
    store<u32>(slot, load<u32>(slot) + 1);
    p += stride;
  }
}
