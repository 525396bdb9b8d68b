/** First 16-byte-aligned address after static data: the loader places buffers from here on. */
export function scratchBase(): usize {
  return (__heap_base + 15) & ~(15 as usize);
}
