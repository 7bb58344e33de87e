import { Worker } from "node:worker_threads";
import {
  createSimulationKernel,
  type KernelBlockOutput,
  type KernelRng,
  type KernelSpec,
  type KernelState,
  type SimulationKernel,
} from "./simulationKernel.js";
import { xoshiro128Seed } from "./xoshiro128.js";
import { fillNormals, zigguratTables } from "./ziggurat.js";

/** Messages between the pool and its workers. */
type ToWorker = { readonly type: "block"; readonly block: number } | { readonly type: "finish" };
type FromWorker =
  | ({ readonly type: "block" } & KernelBlockOutput)
  | ({ readonly type: "state" } & KernelState);

interface WorkerThreadsModule {
  readonly parentPort: {
    on(event: "message", listener: (message: ToWorker) => void): void;
    postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  } | null;
  readonly workerData: { readonly spec: KernelSpec };
}

/**
 * The body of a simulation worker. Shipped as source with the kernel and the generator, so it
 * references nothing outside itself: its collaborators come in as arguments.
 */
export function simulationWorkerMain(
  threads: WorkerThreadsModule,
  createKernel: (spec: KernelSpec, rng: KernelRng) => SimulationKernel,
  rng: KernelRng,
): void {
  const port = threads.parentPort;
  if (port === null) throw new Error("simulationWorkerMain: not in a worker thread");
  const kernel = createKernel(threads.workerData.spec, rng);
  port.on("message", (message) => {
    if (message.type === "block") {
      const out = kernel.runBlock(message.block);
      port.postMessage(
        { type: "block", block: out.block, paths: out.paths, sample: out.sample },
        out.sample === null ? [] : [out.sample.buffer as ArrayBuffer],
      );
    } else {
      const state = kernel.state();
      port.postMessage({ type: "state", ...state }, [
        state.counts.buffer as ArrayBuffer,
        state.extras.buffer as ArrayBuffer,
        state.met.buffer as ArrayBuffer,
        state.firstYear.buffer as ArrayBuffer,
      ]);
    }
  });
}

let workerSource: string | undefined;

/**
 * The worker's code: the self-contained functions' sources and a call of the worker body. Names
 * are taken from the functions themselves, so a bundler that renames them stays consistent.
 */
function simulationWorkerSource(): string {
  if (workerSource === undefined) {
    const parts = [
      xoshiro128Seed,
      zigguratTables,
      fillNormals,
      createSimulationKernel,
      simulationWorkerMain,
    ];
    workerSource = [
      '"use strict";',
      // Transpilers that keep function names (tsx, vitest) call an `__name` helper of their
      // bundle's; the shipped source gets its own.
      'var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });',
      ...parts.map((fn) => fn.toString()),
      `${simulationWorkerMain.name}(require("node:worker_threads"), ${createSimulationKernel.name}, ` +
        `{ xoshiro128Seed: ${xoshiro128Seed.name}, zigguratTables: ${zigguratTables.name}, ` +
        `fillNormals: ${fillNormals.name} });`,
    ].join("\n");
  }
  return workerSource;
}

const localRng: KernelRng = { xoshiro128Seed, zigguratTables, fillNormals };

/** Adds kernel state `b` into `a` (integer counts; min and max). */
function addState(a: KernelState, b: KernelState): void {
  for (let k = 0; k < a.counts.length; k++) a.counts[k] = a.counts[k]! + b.counts[k]!;
  for (let h = 0; 5 * h < a.extras.length; h++) {
    for (let j = 0; j < 3; j++) a.extras[5 * h + j] = a.extras[5 * h + j]! + b.extras[5 * h + j]!;
    a.extras[5 * h + 3] = Math.min(a.extras[5 * h + 3]!, b.extras[5 * h + 3]!);
    a.extras[5 * h + 4] = Math.max(a.extras[5 * h + 4]!, b.extras[5 * h + 4]!);
  }
  for (let k = 0; k < a.met.length; k++) a.met[k] = a.met[k]! + b.met[k]!;
  for (let k = 0; k < a.firstYear.length; k++) a.firstYear[k] = a.firstYear[k]! + b.firstYear[k]!;
}

/** How a pool run reports and is stopped. */
export interface PoolControl {
  readonly workers: number;
  readonly signal: AbortSignal | undefined;
  /** Called after each block, in completion order. */
  readonly onBlock: (output: KernelBlockOutput) => void;
}

/** The AbortError a cancelled run rejects with. */
export function abortError(signal: AbortSignal): DOMException {
  const error = new DOMException("simulate: the run was aborted", "AbortError");
  if (signal.reason !== undefined) Object.defineProperty(error, "cause", { value: signal.reason });
  return error;
}

/**
 * Runs blocks `from … to − 1` of a compiled simulation, in the calling thread (`workers` ≤ 1) or
 * on worker threads fed one block at a time, and returns the summed state. The state is integer
 * counts (and exact minima and maxima), so it does not depend on which thread ran which block.
 */
export function runSimulationPool(
  spec: KernelSpec,
  from: number,
  to: number,
  control: PoolControl,
): Promise<KernelState> {
  const { signal } = control;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const threads = Math.min(control.workers, to - from);
  if (threads <= 1) return runInThread(spec, from, to, control);
  return new Promise<KernelState>((resolve, reject) => {
    const pool: Worker[] = [];
    const outstanding: number[] = [];
    const done: boolean[] = [];
    let next = from;
    let finished = 0;
    let total: KernelState | undefined;
    let settled = false;
    const stop = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const w of pool) void w.terminate();
      reject(error);
    };
    const onAbort = (): void => stop(abortError(signal!));
    signal?.addEventListener("abort", onAbort, { once: true });
    const feed = (k: number): void => {
      const worker = pool[k]!;
      if (next < to) {
        worker.postMessage({ type: "block", block: next++ } satisfies ToWorker);
        outstanding[k] = outstanding[k]! + 1;
      } else if (outstanding[k] === 0) worker.postMessage({ type: "finish" } satisfies ToWorker);
    };
    const code = simulationWorkerSource();
    for (let k = 0; k < threads; k++) {
      const worker = new Worker(code, { eval: true, workerData: { spec } });
      pool.push(worker);
      outstanding.push(0);
      done.push(false);
      worker.on("message", (message: FromWorker) => {
        if (settled) return;
        if (message.type === "block") {
          outstanding[k] = outstanding[k]! - 1;
          try {
            control.onBlock(message);
          } catch (error) {
            stop(error);
            return;
          }
          feed(k);
          return;
        }
        if (total === undefined) total = message;
        else addState(total, message);
        done[k] = true;
        void worker.terminate();
        finished++;
        if (finished === threads) {
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          resolve(total);
        }
      });
      worker.on("error", (error) => stop(error));
      worker.on("exit", (code) => {
        if (!settled && !done[k])
          stop(new Error(`simulate: a worker thread exited with code ${code}`));
      });
      // Two blocks in flight per worker, so it never waits for the next one.
      feed(k);
      feed(k);
    }
  });
}

async function runInThread(
  spec: KernelSpec,
  from: number,
  to: number,
  control: PoolControl,
): Promise<KernelState> {
  const kernel = createSimulationKernel(spec, localRng);
  for (let block = from; block < to; block++) {
    control.onBlock(kernel.runBlock(block));
    if (block + 1 < to) {
      // Let abort signals and other callbacks in between blocks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (control.signal?.aborted) throw abortError(control.signal);
    }
  }
  return kernel.state();
}
