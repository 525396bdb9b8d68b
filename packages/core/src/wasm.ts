import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Exports of assembly/index.ts as compiled to packages/core/build/kernels.wasm. */
interface KernelExports {
  memory: WebAssembly.Memory;
  scratchBase(): number;
  lumaHistogram(src: number, count: number, channels: number, out: number): void;
}

const PAGE = 65536;
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

/**
 * One WASM instance holding one photo's pixels: pixels are copied in once, kernels read them in place,
 * and memory grows only when a larger photo arrives.
 */
export class WasmKernels {
  private readonly exports: KernelExports;
  private readonly base: number;
  private pixelBytes = 0;
  private channels = 3;
  private scratchStart = 0;

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

  /** Copies an interleaved 8-bit image into the module; later kernel calls read it. */
  loadPixels(pixels: Uint8Array, channels = 3): void {
    this.pixelBytes = pixels.length;
    this.channels = channels;
    this.scratchStart = (this.base + pixels.length + 15) & ~15;
    this.reserve(this.scratchStart);
    new Uint8Array(this.exports.memory.buffer, this.base, pixels.length).set(pixels);
  }

  /** Scratch region after the pixels, aligned to 16 bytes. */
  private scratch(bytes: number): number {
    this.reserve(this.scratchStart + bytes);
    return this.scratchStart;
  }

  /** Rec. 601 luma histogram of the loaded pixels (256 bins). */
  lumaHistogram(): Uint32Array {
    const out = this.scratch(256 * 4);
    this.exports.lumaHistogram(this.base, this.pixelBytes / this.channels, this.channels, out);
    return new Uint32Array(this.exports.memory.buffer, out, 256).slice();
  }
}

let shared: WasmKernels | undefined;

/** The thread's kernel instance, created on first use and reused for every photo. */
export function wasmKernels(): WasmKernels {
  shared ??= new WasmKernels();
  return shared;
}
