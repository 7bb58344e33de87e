import { xoshiro128Seed } from "../../internal/xoshiro128.js";
import { createHistogramCounts } from "./histogramCounts.js";
import { KERNEL_CODES, type KernelCodes } from "./kernelCodes.js";
import { createKernelMemory } from "./kernelMemory.js";
import { KERNEL_WASM } from "./kernelWasm.generated.js";
import { createPathUpdate, logBaseScale, logScaleValue } from "./pathUpdate.js";
import { createTargetTally } from "./targetTally.js";
import { createValueOps } from "./valueOps.js";
import { fillNormals, normalSlowPath, zigguratTables } from "./ziggurat.js";

/**
 * What the kernel is built from, passed to `createSimulationKernel` as one argument so that the
 * kernel references nothing outside itself: its source, and that of every function here, is
 * shipped to worker threads, where the library is rebuilt from the same entries (functions by
 * their source, the codes as JSON). Every function here is self-contained too.
 */
export interface KernelLibrary {
  readonly codes: KernelCodes;
  /** The bytes of the kernel's WebAssembly module (kernel.wat: normals, updates, counts). */
  readonly kernelWasm: readonly number[];
  /**
   * Whether kernels use it (where WebAssembly exists): false runs the JavaScript loops only, with
   * the same results (a test compares the two).
   */
  readonly useWasm: boolean;
  readonly createKernelMemory: typeof createKernelMemory;
  readonly xoshiro128Seed: typeof xoshiro128Seed;
  readonly zigguratTables: typeof zigguratTables;
  readonly fillNormals: typeof fillNormals;
  readonly normalSlowPath: typeof normalSlowPath;
  readonly createPathUpdate: typeof createPathUpdate;
  readonly logBaseScale: typeof logBaseScale;
  readonly logScaleValue: typeof logScaleValue;
  readonly createValueOps: typeof createValueOps;
  readonly createHistogramCounts: typeof createHistogramCounts;
  readonly createTargetTally: typeof createTargetTally;
}

/** The kernel library of the calling thread; a worker's is built from its entries' sources. */
export const KERNEL_LIBRARY: KernelLibrary = {
  codes: KERNEL_CODES,
  kernelWasm: KERNEL_WASM,
  useWasm: true,
  createKernelMemory,
  xoshiro128Seed,
  zigguratTables,
  fillNormals,
  normalSlowPath,
  createPathUpdate,
  logBaseScale,
  logScaleValue,
  createValueOps,
  createHistogramCounts,
  createTargetTally,
};
