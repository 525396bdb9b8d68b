import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Raster } from "./decode/photo.js";
import type { PixelKernels, PlaneName } from "./kernels/pixelKernels.js";
import type { BackgroundSums, LaplacianSums, PixelRect, ProbeFrame, Rgb } from "./kernels/types.js";
import { COLOUR_BINS, COLOUR_VALUES_PER_BIN } from "./kernels/types.js";

/** Exports of assembly/index.ts as compiled to packages/core/build/kernels.wasm. */
interface KernelExports {
  memory: WebAssembly.Memory;
  scratchBase(): number;
  lumaPlane(src: number, count: number, dst: number): void;
  lumaPlaneScalar(src: number, count: number, dst: number): void;
  boxDownsample(src: number, width: number, height: number, factor: number, dst: number): void;
  growBackground(src: number, width: number, height: number, left: number, top: number, right: number, sideEnd: number, r: number, g: number, b: number, local: number, global: number, mask: number, queue: number): number;
  backgroundStats(src: number, luma: number, mask: number, width: number, height: number, x0: number, y0: number, x1: number, y1: number, band: number, out: number, rows: number, columns: number): void;
  colourStats(src: number, count: number, out: number, scratch: number): void;
  colourScratchBytes(): number;
  regionHistogram(plane: number, stride: number, x0: number, y0: number, x1: number, y1: number, out: number): void;
  laplacianStats(plane: number, stride: number, x0: number, y0: number, x1: number, y1: number, out: number): void;
  laplacianStatsScalar(plane: number, stride: number, x0: number, y0: number, x1: number, y1: number, out: number): void;
  maskedLaplacianStats(plane: number, mask: number, width: number, height: number, out: number): void;
  resampleRgb(
    src: number, srcWidth: number, rowFirst: number, rows: number,
    outWidth: number, xStart: number, xCount: number, xIndex: number, xWeight: number, xPad: number,
    outHeight: number, yStart: number, yCount: number, yIndex: number, yWeight: number, yPad: number,
    pad: number, tmp: number, out: number,
  ): void;
}

/** Taps of one resampling axis (see faces/resample.ts): per output a start and count into index/weight, and a padding weight. */
export interface ResampleTaps {
  start: Int32Array;
  count: Int32Array;
  index: Int32Array;
  weight: Float64Array;
  padWeight: Float64Array;
}

/** Where one photo's buffers sit in linear memory (byte offsets, 16-byte aligned). */
interface Layout {
  width: number;
  height: number;
  pixels: number;
  luma: number;
  mask: number;
  reducedLuma: number;
  reducedMask: number;
  queue: number;
  rows: number;
  columns: number;
  out: number;
  /** Scratch for kernels that build large intermediate tables (colour histograms). */
  tables: number;
  end: number;
}

const PAGE = 65536;
/** Background growth packs pixel positions as (y << 16) | x; decoded rasters are capped far lower (1600 by default). */
const MAX_SIDE = 65535;
/** Bytes for kernel results (a histogram and its four sub-histograms need 5 KiB). */
const OUT_BYTES = 8192;
const wasmFile = join(dirname(fileURLToPath(import.meta.url)), "..", "build", "kernels.wasm");
let compiled: WebAssembly.Module | undefined;

/** Compiles the kernel module once per thread; a missing build says how to make it. */
function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(wasmFile);
    } catch {
      throw new Error(`WASM kernels not built (${wasmFile} missing). Run \`npm run build\` in the photoaudit checkout.`);
    }
    compiled = new WebAssembly.Module(new Uint8Array(bytes));
  }
  return compiled;
}

const align = (n: number) => (n + 15) & ~15;

/**
 * One WASM instance holding one photo's pixels: pixels are copied in once, kernels read them in place,
 * and memory grows only when a larger photo arrives.
 */
export class WasmKernels implements PixelKernels {
  readonly kind = "wasm" as const;
  private readonly exports: KernelExports;
  private readonly base: number;
  private raster: Raster | undefined;
  private layout: Layout | undefined;
  private reducedWidth = 0;
  private reducedHeight = 0;

  constructor() {
    const instance = new WebAssembly.Instance(kernelModule(), { env: { abort: () => { throw new Error("WASM kernel aborted"); } } });
    this.exports = instance.exports as unknown as KernelExports;
    this.base = this.exports.scratchBase();
  }

  /** Ensures linear memory holds at least `end` bytes. */
  private reserve(end: number): void {
    const memory = this.exports.memory;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
  }

  load(raster: Raster): void {
    if (raster.width > MAX_SIDE || raster.height > MAX_SIDE) {
      throw new RangeError(`Expected a raster of at most ${MAX_SIDE} px per side for WasmKernels.load but received ${raster.width}x${raster.height}`);
    }
    const n = raster.width * raster.height;
    const pixels = this.base;
    const luma = align(pixels + n * 3);
    const mask = align(luma + n);
    const reducedLuma = align(mask + n);
    const reducedMask = align(reducedLuma + n);
    const queue = align(reducedMask + n);
    const rows = align(queue + n * 8);
    const columns = align(rows + raster.height * 4);
    const out = align(columns + raster.width * 4);
    const tables = align(out + OUT_BYTES);
    const layout: Layout = { width: raster.width, height: raster.height, pixels, luma, mask, reducedLuma, reducedMask, queue, rows, columns, out, tables, end: tables + this.exports.colourScratchBytes() };
    this.reserve(layout.end);
    new Uint8Array(this.exports.memory.buffer, pixels, n * 3).set(raster.data.subarray(0, n * 3));
    this.exports.lumaPlane(pixels, n, luma);
    new Uint8Array(this.exports.memory.buffer, mask, n).fill(0);
    this.layout = layout;
    this.raster = raster;
    this.reducedWidth = this.reducedHeight = 0;
  }

  holds(raster: Raster): boolean {
    return this.raster === raster;
  }

  private get loaded(): Layout {
    if (!this.layout) throw new Error("No photo loaded: call load(raster) first");
    return this.layout;
  }

  private f64(offset: number, length: number): Float64Array {
    return new Float64Array(this.exports.memory.buffer, offset, length).slice();
  }

  private laplacianSums(out: number): LaplacianSums {
    const [count, sum, sumSquares, sumAbs] = this.f64(out, 4);
    return { count, sum, sumSquares, sumAbs };
  }

  growBackground(probe: ProbeFrame, reference: Rgb, localTolerance: number, globalTolerance: number): number {
    const l = this.loaded;
    const [r, g, b] = reference;
    return this.exports.growBackground(l.pixels, l.width, l.height, probe.left, probe.top, probe.right, probe.sideEnd, r, g, b, localTolerance, globalTolerance, l.mask, l.queue) >>> 0;
  }

  backgroundStats(content: PixelRect, band: number): BackgroundSums {
    const l = this.loaded;
    const x0 = Math.max(0, content.x0), y0 = Math.max(0, content.y0);
    const x1 = Math.min(l.width, Math.max(x0, content.x1)), y1 = Math.min(l.height, Math.max(y0, content.y1));
    this.exports.backgroundStats(l.pixels, l.luma, l.mask, l.width, l.height, x0, y0, x1, y1, band, l.out, l.rows, l.columns);
    const v = this.f64(l.out, 14);
    const buffer = this.exports.memory.buffer;
    return {
      count: v[0], sum: [v[1], v[2], v[3]], sumSquares: [v[4], v[5], v[6]], gradientSum: v[7], gradientCount: v[8],
      nearSum: v[9], nearCount: v[10], farSum: v[11], farCount: v[12], clutter: v[13],
      rows: new Uint32Array(buffer, l.rows, l.height).slice(), columns: new Uint32Array(buffer, l.columns, l.width).slice(),
    };
  }

  backgroundMask(): Uint8Array {
    const l = this.loaded;
    return new Uint8Array(this.exports.memory.buffer, l.mask, l.width * l.height).slice();
  }

  colourStats(): Float64Array {
    const l = this.loaded;
    this.exports.colourStats(l.pixels, l.width * l.height, l.out, l.tables);
    return this.f64(l.out, COLOUR_BINS * COLOUR_VALUES_PER_BIN);
  }

  private plane(name: PlaneName): { plane: number; stride: number } {
    const l = this.loaded;
    return name === "luma" ? { plane: l.luma, stride: l.width } : { plane: l.reducedLuma, stride: this.reducedWidth };
  }

  histogram(name: PlaneName, rect: PixelRect): Uint32Array {
    const { plane, stride } = this.plane(name);
    const out = this.loaded.out;
    this.exports.regionHistogram(plane, stride, rect.x0, rect.y0, rect.x1, rect.y1, out);
    return new Uint32Array(this.exports.memory.buffer, out, 256).slice();
  }

  laplacian(name: PlaneName, rect: PixelRect): LaplacianSums {
    const { plane, stride } = this.plane(name);
    const out = this.loaded.out;
    this.exports.laplacianStats(plane, stride, rect.x0, rect.y0, rect.x1, rect.y1, out);
    return this.laplacianSums(out);
  }

  /** Recomputes the luma plane, with SIMD or without: for the bench, to show what SIMD buys. */
  lumaPlaneOnly(simd: boolean): void {
    const l = this.loaded;
    (simd ? this.exports.lumaPlane : this.exports.lumaPlaneScalar)(l.pixels, l.width * l.height, l.luma);
  }

  /** laplacian() on full-resolution luma without SIMD: for the bench, to show what SIMD buys. */
  laplacianScalar(rect: PixelRect): LaplacianSums {
    const l = this.loaded;
    this.exports.laplacianStatsScalar(l.luma, l.width, rect.x0, rect.y0, rect.x1, rect.y1, l.out);
    return this.laplacianSums(l.out);
  }

  reduce(factor: number): { width: number; height: number } {
    const l = this.loaded;
    this.exports.boxDownsample(l.luma, l.width, l.height, factor, l.reducedLuma);
    this.exports.boxDownsample(l.mask, l.width, l.height, factor, l.reducedMask);
    this.reducedWidth = Math.floor(l.width / factor);
    this.reducedHeight = Math.floor(l.height / factor);
    return { width: this.reducedWidth, height: this.reducedHeight };
  }

  /**
   * Resamples `raster` (loaded first unless it is the one held) with precomputed taps into f32 RGB, reading
   * only source rows [rowFirst, rowFirst + rows): the face models' input crops. Uses memory past the
   * kernels' layout, so it never disturbs their buffers.
   */
  resampleRgb(raster: Raster, xs: ResampleTaps, ys: ResampleTaps, rowFirst: number, rows: number, pad: number): Float32Array {
    if (!this.holds(raster)) this.load(raster);
    const l = this.loaded;
    const outWidth = xs.start.length;
    const outHeight = ys.start.length;
    let cursor = align(l.end);
    const place = (bytes: number) => {
      const at = cursor;
      cursor = align(cursor + bytes);
      return at;
    };
    const axis = (taps: ResampleTaps) => ({
      start: place(taps.start.length * 4),
      count: place(taps.count.length * 4),
      index: place(taps.index.length * 4),
      weight: place(taps.weight.length * 4),
      pad: place(taps.padWeight.length * 4),
    });
    const x = axis(xs);
    const y = axis(ys);
    const tmp = place(rows * outWidth * 3 * 4);
    const out = place(outWidth * outHeight * 3 * 4);
    this.reserve(cursor);
    const buffer = this.exports.memory.buffer;
    const write = (at: ReturnType<typeof axis>, taps: ResampleTaps) => {
      new Int32Array(buffer, at.start, taps.start.length).set(taps.start);
      new Int32Array(buffer, at.count, taps.count.length).set(taps.count);
      new Int32Array(buffer, at.index, taps.index.length).set(taps.index);
      new Float32Array(buffer, at.weight, taps.weight.length).set(taps.weight);
      new Float32Array(buffer, at.pad, taps.padWeight.length).set(taps.padWeight);
    };
    write(x, xs);
    write(y, ys);
    this.exports.resampleRgb(l.pixels, l.width, rowFirst, rows, outWidth, x.start, x.count, x.index, x.weight, x.pad, outHeight, y.start, y.count, y.index, y.weight, y.pad, pad, tmp, out);
    return new Float32Array(this.exports.memory.buffer, out, outWidth * outHeight * 3).slice();
  }

  reducedBackgroundLaplacian(): LaplacianSums {
    const l = this.loaded;
    this.exports.maskedLaplacianStats(l.reducedLuma, l.reducedMask, this.reducedWidth, this.reducedHeight, l.out);
    return this.laplacianSums(l.out);
  }
}

let shared: WasmKernels | undefined;

/** The thread's kernel instance, created on first use and reused for every photo. */
export function wasmKernels(): WasmKernels {
  shared ??= new WasmKernels();
  return shared;
}
