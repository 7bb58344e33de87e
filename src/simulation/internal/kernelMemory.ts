import type { KernelBuffers, KernelSpec } from "./kernelSpec.js";
import type { normalSlowPath, ZigguratTables } from "./ziggurat.js";

/**
 * The update of a log-scale series by the WebAssembly module (logSeriesUpdate.wat): byte offsets
 * into the kernel's memory for the state and the arrays, `k` the year's calibration factor of the
 * cumulated shock (x = base + k·d), `add` 1 to add into the value buffer.
 */
export type LogSeriesUpdate = (
  len: number,
  statePtr: number,
  ePtr: number,
  dPtr: number,
  fPtr: number,
  valuePtr: number,
  a: number,
  b: number,
  phi: number,
  base: number,
  k: number,
  add: number,
) => void;

/** The part of the WebAssembly API the kernel uses (typed here: the library's types need no DOM). */
interface WebAssemblyApi {
  readonly Memory: new (descriptor: {
    initial: number;
    maximum: number;
  }) => {
    readonly buffer: ArrayBuffer;
  };
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: object,
  ) => { readonly exports: Readonly<Record<string, unknown>> };
}

/** A kernel's working memory: its buffers, generator states and tables, in one ArrayBuffer. */
export interface KernelMemory {
  readonly buffers: KernelBuffers;
  /** The xoshiro128** state of series s (4 int32), then of each indicator's common factor. */
  readonly seriesStates: readonly Int32Array[];
  readonly factorStates: readonly Int32Array[];
  /** Byte offsets of series s's state, and of `e`, `d`, `f` and `values` in the memory. */
  readonly seriesStatePtr: (s: number) => number;
  readonly ePtr: number;
  readonly dPtr: number;
  readonly fPtr: number;
  readonly valuesPtr: number;
  /** The WebAssembly update of a log-scale series, or null where WebAssembly is unavailable. */
  readonly logSeries: LogSeriesUpdate | null;
}

/**
 * Allocates a kernel's memory for `nSeries` series of `spec`: one WebAssembly memory (a plain
 * ArrayBuffer where WebAssembly is unavailable) that holds, at fixed byte offsets the module
 * reads, the ziggurat's `limit` (0) and `scaled` (2048), the exp tables (4096 and 5120), the
 * ziggurat's layer edges `x` (21504, 257 f64), then the
 * generator states (16 bytes each) and the f64 arrays `e`, `d` (nSeries·B each), `f`, `z` (B) and
 * `values` (valueBuffers·B). The module (`wasm`: its bytes) is instantiated on it with
 * `slowPath` for the ziggurat's rare slow attempts and `Math.exp` outside the exp table's range.
 * Nothing is grown afterwards, so the views stay valid.
 *
 * The JavaScript path and the WebAssembly one give the same results bit for bit (a test runs
 * both), so a kernel without WebAssembly (none in the runtime, or a page's Content-Security-Policy
 * that forbids compiling it) is slower, never different.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createKernelMemory(
  spec: KernelSpec,
  nSeries: number,
  tables: ZigguratTables,
  slowPath: typeof normalSlowPath,
  wasm: readonly number[] | null,
): KernelMemory {
  const B = spec.blockSize;
  const nIndicators = spec.indicatorStart.length - 1;
  const TABLES_END = 23560;
  const statesPtr = TABLES_END;
  const ePtr = statesPtr + 16 * (nSeries + nIndicators);
  const dPtr = ePtr + 8 * nSeries * B;
  const fPtr = dPtr + 8 * nSeries * B;
  const zPtr = fPtr + 8 * B;
  const valuesPtr = zPtr + 8 * B;
  const end = valuesPtr + 8 * Math.max(1, spec.valueBuffers) * B;
  const pages = Math.ceil(end / 65536);
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  // A page whose Content-Security-Policy lacks 'wasm-unsafe-eval' refuses to compile the module:
  // then the kernel runs its JavaScript loops, with the same results.
  let module: object | null = null;
  if (wasm !== null && api !== undefined)
    try {
      module = new api.Module(Uint8Array.from(wasm));
    } catch {
      module = null;
    }
  const memory =
    module !== null && api !== undefined
      ? new api.Memory({ initial: pages, maximum: pages })
      : null;
  const buffer: ArrayBuffer = memory !== null ? memory.buffer : new ArrayBuffer(pages * 65536);
  const f64 = (ptr: number, length: number) => new Float64Array(buffer, ptr, length);
  f64(0, 256).set(tables.limit);
  f64(2048, 256).set(tables.scaled);
  f64(4096, 128).set(tables.expFrac);
  f64(5120, 2048).set(tables.expPow2);
  f64(21504, 257).set(tables.x);
  const seriesStates: Int32Array[] = [];
  for (let s = 0; s < nSeries; s++)
    seriesStates.push(new Int32Array(buffer, statesPtr + 16 * s, 4));
  const factorStates: Int32Array[] = [];
  for (let i = 0; i < nIndicators; i++)
    factorStates.push(new Int32Array(buffer, statesPtr + 16 * (nSeries + i), 4));
  let logSeries: LogSeriesUpdate | null = null;
  if (memory !== null && module !== null && api !== undefined) {
    const all = new Int32Array(buffer);
    const imports = {
      kernel: {
        memory,
        slow: (ptr: number, i: number, v24: number) => slowPath(all, ptr >> 2, tables, i, v24),
        exp: Math.exp,
      },
    };
    try {
      const instance = new api.Instance(module, imports);
      logSeries = instance.exports.logSeries as LogSeriesUpdate;
    } catch {
      logSeries = null;
    }
  }
  return {
    buffers: {
      e: f64(ePtr, nSeries * B),
      d: f64(dPtr, nSeries * B),
      f: f64(fPtr, B),
      z: f64(zPtr, B),
      values: f64(valuesPtr, Math.max(1, spec.valueBuffers) * B),
    },
    seriesStates,
    factorStates,
    seriesStatePtr: (s) => statesPtr + 16 * s,
    ePtr,
    dPtr,
    fPtr,
    valuesPtr,
    logSeries,
  };
}
