import type { KernelBuffers, KernelSpec } from "./kernelSpec.js";
import type { normalSlowPath, ZigguratTables } from "./ziggurat.js";

/**
 * The WebAssembly module's normals (kernel.wat): `out[n]`, n < len, from the four lanes
 * of the state at `statePtr` (byte offsets into the kernel's memory), as `fillNormals` with
 * lanes = 4.
 */
export type Normals = (len: number, statePtr: number, outPtr: number) => void;

/**
 * The module's update of a log-scale series with a value, given its normals at `zPtr`: byte
 * offsets into the kernel's memory for the arrays, `scale` = exp(base) (|base| < 700), `k` the
 * year's calibration factor of the cumulated shock (value exp(base + k·d), as `logScaleValue`),
 * `add` 1 to add into the value buffer.
 */
export type LogUpdate = (
  len: number,
  ePtr: number,
  dPtr: number,
  fPtr: number,
  zPtr: number,
  valuePtr: number,
  a: number,
  b: number,
  phi: number,
  base: number,
  scale: number,
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

/** The logarithms `dst[n] = ln src[n]`, n < len, by the WebAssembly module (byte offsets). */
export type LogValues = (srcPtr: number, dstPtr: number, len: number) => void;

/**
 * The module's count of `len` transformed values (f64) at `srcPtr` in a histogram whose bins
 * (u32) start at `countsPtr`; under, over, invalid, min and max in and out through
 * `histogramExtras`.
 */
export type BinValues = (
  srcPtr: number,
  len: number,
  lo: number,
  inv: number,
  bins: number,
  countsPtr: number,
) => void;

/**
 * The module's tally of a target of one ≥ or ≤ condition (`sign` 1 or −1, `st` = sign·threshold)
 * in year t: returns the paths met, and, when `window` is 1, sets their first year met.
 */
export type TallyValues = (
  srcPtr: number,
  firstPtr: number,
  len: number,
  sign: number,
  st: number,
  t: number,
  window: number,
) => number;

/**
 * The module's seeding of `lanes` xoshiro128** generators of the stream (seed, stream, substream)
 * at `statePtr`: `xoshiro128Seed`'s states, word for word.
 */
export type SeedStates = (
  seed: number,
  stream: number,
  substream: number,
  lanes: number,
  statePtr: number,
) => void;

/** A kernel's working memory: its buffers, generator states and tables, in one ArrayBuffer. */
export interface KernelMemory {
  readonly buffers: KernelBuffers;
  /**
   * The xoshiro128** states of series s, then of each indicator's common factor: four lanes,
   * interleaved (16 int32, word w of lane j at 4·w + j; see `xoshiro128Seed`).
   */
  readonly seriesStates: readonly Int32Array[];
  readonly factorStates: readonly Int32Array[];
  /** Byte offsets of series s's and indicator i's states, and of the arrays, in the memory. */
  readonly seriesStatePtr: (s: number) => number;
  readonly factorStatePtr: (i: number) => number;
  readonly ePtr: number;
  readonly dPtr: number;
  readonly fPtr: number;
  readonly zPtr: number;
  readonly scratchPtr: number;
  readonly valuesPtr: number;
  /** The histograms' bins (`spec.totalBins` u32, counted by `binValues`) and their byte offset. */
  readonly counts: Uint32Array;
  readonly countsPtr: number;
  /** The targets' first years met of a block (B int32 per target) and their byte offset. */
  readonly firstMet: Int32Array;
  readonly firstMetPtr: number;
  /** Under, over, invalid, min and max of `bins` (5 f64 in the module's scratch). */
  readonly histogramExtras: Float64Array;
  /** The WebAssembly normals and update, or null where WebAssembly is unavailable. */
  readonly normals: Normals | null;
  readonly logUpdate: LogUpdate | null;
  /** The module's logarithms (`logs`), bins and tally, or null without WebAssembly. */
  readonly logValues: LogValues | null;
  readonly binValues: BinValues | null;
  readonly tallyValues: TallyValues | null;
  readonly seedStates: SeedStates | null;
}

/** The kernel memory's functions of the WebAssembly module (each null without it). */
type ModuleFunctions = Pick<
  KernelMemory,
  "normals" | "logUpdate" | "logValues" | "binValues" | "tallyValues" | "seedStates"
>;

/**
 * Allocates a kernel's memory for `nSeries` series of `spec`: one WebAssembly memory (a plain
 * ArrayBuffer where WebAssembly is unavailable). At fixed byte offsets, which the module reads,
 * it holds the ziggurat's `limit` (0; 2048 to 4096 is unused), the exp table 2^(j/256) (4096), the
 * normals' pairs (⌈limit[i]⌉ as i32, scaled[i] as f32) (6144, 256 × 8 bytes; 8192 to 21504 is
 * unused), the ziggurat's layer edges `x` (21504, 257 f64; 23560 to 27664 is unused), 128 bytes of
 * the module's scratch (27664), the logarithm's pairs (1/F[j], ln F[j]) (27792, 256 × 16 bytes)
 * and the ziggurat's fx (31888, 257 f64); then the generator states (64 bytes each, series then
 * factors), the f32 arrays `e`, `d` (nSeries·B each), `f`, `z` (B), the f64 arrays `scratch` (B)
 * and `values` (valueBuffers·B), the histograms' bins (totalBins u32) and the targets' first years
 * met (B i32 each). The module (`wasm`: its bytes) is instantiated on it with
 * `slowPath` for the ziggurat's rare slow attempts, `Math.exp` where expf's argument or the table
 * exponential's leaves its range, and
 * `Math.log` for what the table-driven logarithm does not take (zero, negatives, subnormals,
 * infinities, NaN), or not at all where compiling it is refused (a Content-Security-Policy, or a
 * runtime without SIMD).
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
  const TABLES_END = 33952;
  const statesPtr = TABLES_END;
  const ePtr = statesPtr + 64 * (nSeries + nIndicators);
  const dPtr = ePtr + 4 * nSeries * B;
  const fPtr = dPtr + 4 * nSeries * B;
  const zPtr = fPtr + 4 * B;
  const scratchPtr = zPtr + 4 * B;
  const valuesPtr = scratchPtr + 8 * B;
  const countsPtr = valuesPtr + 8 * Math.max(1, spec.valueBuffers) * B;
  const firstMetPtr = countsPtr + 4 * Math.max(1, spec.totalBins);
  const end = firstMetPtr + 4 * Math.max(1, spec.targets.length) * B;
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
  f64(4096, 256).set(tables.expFrac);
  f64(21504, 257).set(tables.x);
  // The normals' (⌈limit[i]⌉, scaled[i] in single precision) pairs.
  const limits = new Int32Array(buffer, 6144, 512);
  const scaledF32 = new Float32Array(buffer, 6144, 512);
  for (let i = 0; i < 256; i++) {
    limits[2 * i] = Math.ceil(tables.limit[i]!);
    scaledF32[2 * i + 1] = tables.scaledF32[i]!;
  }
  const logPairs = f64(27792, 512);
  for (let j = 0; j < 256; j++) {
    logPairs[2 * j] = tables.logInv[j]!;
    logPairs[2 * j + 1] = tables.logF[j]!;
  }
  f64(31888, 257).set(tables.fx);
  const seriesStates: Int32Array[] = [];
  for (let s = 0; s < nSeries; s++)
    seriesStates.push(new Int32Array(buffer, statesPtr + 64 * s, 16));
  const factorStates: Int32Array[] = [];
  for (let i = 0; i < nIndicators; i++)
    factorStates.push(new Int32Array(buffer, statesPtr + 64 * (nSeries + i), 16));
  // The module's functions, or none (the JavaScript loops serve) where it cannot be instantiated.
  let exported: ModuleFunctions = {
    normals: null,
    logUpdate: null,
    logValues: null,
    binValues: null,
    tallyValues: null,
    seedStates: null,
  };
  if (memory !== null && module !== null && api !== undefined) {
    const all = new Int32Array(buffer);
    const imports = {
      kernel: {
        memory,
        // A lane of a series' state: its words are 4 int32 apart.
        slow: (ptr: number, i: number, v24: number) => slowPath(all, ptr >> 2, tables, i, v24, 4),
        exp: Math.exp,
        log: Math.log,
      },
    };
    try {
      const x = new api.Instance(module, imports).exports;
      exported = {
        normals: x.normals as Normals,
        logUpdate: x.logUpdate as LogUpdate,
        logValues: x.logs as LogValues,
        binValues: x.bins as BinValues,
        tallyValues: x.tally as TallyValues,
        seedStates: x.seed as SeedStates,
      };
    } catch {
      // Refused: `exported` keeps its nulls.
    }
  }
  return {
    buffers: {
      e: new Float32Array(buffer, ePtr, nSeries * B),
      d: new Float32Array(buffer, dPtr, nSeries * B),
      f: new Float32Array(buffer, fPtr, B),
      z: new Float32Array(buffer, zPtr, B),
      scratch: f64(scratchPtr, B),
      values: f64(valuesPtr, Math.max(1, spec.valueBuffers) * B),
    },
    seriesStates,
    factorStates,
    seriesStatePtr: (s) => statesPtr + 64 * s,
    factorStatePtr: (i) => statesPtr + 64 * (nSeries + i),
    ePtr,
    dPtr,
    fPtr,
    zPtr,
    scratchPtr,
    valuesPtr,
    counts: new Uint32Array(buffer, countsPtr, spec.totalBins),
    countsPtr,
    firstMet: new Int32Array(buffer, firstMetPtr, Math.max(1, spec.targets.length) * B),
    firstMetPtr,
    histogramExtras: f64(27696, 5),
    ...exported,
  };
}
