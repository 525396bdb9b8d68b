import type { Raster } from "../decode/photo.js";
import { backgroundStatsReference } from "./backgroundStats.js";
import { boxDownsampleReference } from "./boxDownsample.js";
import { colourStatsReference } from "./colourStats.js";
import { growBackgroundReference } from "./growBackground.js";
import { laplacianStatsReference, maskedLaplacianStatsReference } from "./laplacianStats.js";
import { lumaPlaneReference } from "./lumaPlane.js";
import type { PixelKernels, PlaneName } from "./pixelKernels.js";
import { regionHistogramReference } from "./regionHistogram.js";
import type { BackgroundSums, LaplacianSums, PixelRect, ProbeFrame, Rgb } from "./types.js";

/** PixelKernels in plain TypeScript: the specification the WASM kernels are tested and benchmarked against. */
export class ReferenceKernels implements PixelKernels {
  readonly kind = "reference" as const;
  private raster: Raster | undefined;
  private luma: Uint8Array = new Uint8Array(0);
  private mask: Uint8Array = new Uint8Array(0);
  private reducedLuma: Uint8Array = new Uint8Array(0);
  private reducedMask: Uint8Array = new Uint8Array(0);
  private reducedWidth = 0;
  private reducedHeight = 0;

  load(raster: Raster): void {
    this.raster = raster;
    this.luma = lumaPlaneReference(raster.data);
    this.mask = new Uint8Array(raster.width * raster.height);
    this.reducedWidth = this.reducedHeight = 0;
  }

  holds(raster: Raster): boolean {
    return this.raster === raster;
  }

  private get loaded(): Raster {
    if (!this.raster) throw new Error("No photo loaded: call load(raster) first");
    return this.raster;
  }

  growBackground(probe: ProbeFrame, reference: Rgb, localTolerance: number, globalTolerance: number): number {
    const { data, width, height } = this.loaded;
    this.mask = growBackgroundReference(data, width, height, probe, reference, localTolerance, globalTolerance);
    return this.mask.reduce((n, v) => n + (v ? 1 : 0), 0);
  }

  backgroundStats(content: PixelRect, band: number): BackgroundSums {
    const { data, width, height } = this.loaded;
    return backgroundStatsReference(data, this.luma, this.mask, width, height, content, band);
  }

  backgroundMask(): Uint8Array {
    return this.mask.slice();
  }

  colourStats(): Float64Array {
    return colourStatsReference(this.loaded.data);
  }

  private plane(name: PlaneName): { plane: Uint8Array; stride: number } {
    return name === "luma" ? { plane: this.luma, stride: this.loaded.width } : { plane: this.reducedLuma, stride: this.reducedWidth };
  }

  histogram(name: PlaneName, rect: PixelRect): Uint32Array {
    const { plane, stride } = this.plane(name);
    return regionHistogramReference(plane, stride, rect);
  }

  laplacian(name: PlaneName, rect: PixelRect): LaplacianSums {
    const { plane, stride } = this.plane(name);
    return laplacianStatsReference(plane, stride, rect);
  }

  reduce(factor: number): { width: number; height: number } {
    const { width, height } = this.loaded;
    this.reducedLuma = boxDownsampleReference(this.luma, width, height, factor);
    this.reducedMask = boxDownsampleReference(this.mask, width, height, factor);
    this.reducedWidth = Math.floor(width / factor);
    this.reducedHeight = Math.floor(height / factor);
    return { width: this.reducedWidth, height: this.reducedHeight };
  }

  reducedBackgroundLaplacian(): LaplacianSums {
    return maskedLaplacianStatsReference(this.reducedLuma, this.reducedMask, this.reducedWidth, this.reducedHeight);
  }
}
