// Node only: the core reaches this module through a dynamic import that bundlers do not follow
// (environmentPool.ts), so that no bundle for browsers holds node:worker_threads.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { MAX_WORKERS } from "./checkRunOptions.js";
import { inThreadPool } from "./inThreadPool.js";
import { EXTRA } from "./kernelCodes.js";
import type { KernelState } from "./kernelSpec.js";
import { abortError, type SimulationPool } from "./simulationPool.js";
import { type FromWorker, simulationWorkerSource, type ToWorker } from "./simulationWorker.js";

/** Adds kernel state `b` into `a` (integer counts; min and max). */
function addState(a: KernelState, b: KernelState): void {
  const X = EXTRA.size;
  for (let k = 0; k < a.counts.length; k++) a.counts[k] = a.counts[k]! + b.counts[k]!;
  for (let h = 0; X * h < a.extras.length; h++) {
    for (const j of [EXTRA.under, EXTRA.over, EXTRA.invalid])
      a.extras[X * h + j] = a.extras[X * h + j]! + b.extras[X * h + j]!;
    a.extras[X * h + EXTRA.min] = Math.min(
      a.extras[X * h + EXTRA.min]!,
      b.extras[X * h + EXTRA.min]!,
    );
    a.extras[X * h + EXTRA.max] = Math.max(
      a.extras[X * h + EXTRA.max]!,
      b.extras[X * h + EXTRA.max]!,
    );
  }
  for (let k = 0; k < a.met.length; k++) a.met[k] = a.met[k]! + b.met[k]!;
  for (let k = 0; k < a.firstYear.length; k++) a.firstYear[k] = a.firstYear[k]! + b.firstYear[k]!;
}

/**
 * How long an idle worker thread is kept for the next run: long enough for the runs of a
 * sensitivity design or of a report to follow one another without starting threads again
 * (starting one costs 25–70 ms and its first block compiles the kernel), short enough not to hold
 * threads and their memory after a burst of runs.
 */
export const WORKER_IDLE_MS = 10_000;

/** The threads a run asking for `workers` starts at most: capped at the cores and at 6. */
export function threadsFor(workers: number): number {
  return Math.min(workers, availableParallelism(), MAX_WORKERS);
}

/** At most this many idle threads are kept (as many as `simulate` uses by default at most). */
const MAX_IDLE = 6;

/**
 * Threads that ran a simulation and wait for the next, unreferenced (they do not keep the
 * process alive), terminated after {@link WORKER_IDLE_MS} without a run or by
 * {@link closeWorkerThreads}.
 */
const idle: Worker[] = [];
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The process's Node options for a worker, without `--input-type` (with which a script run by
 * `node --input-type=module -e` would make the worker's source a module, where it cannot
 * `require`).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    if (arg === "--input-type") k++;
    else if (!arg.startsWith("--input-type=")) out.push(arg);
  }
  return out;
}

/**
 * Whether workers take the process's options: false once Node refused them (a process started
 * with options a worker cannot have, e.g. `node --max-old-space-size=4096` or a V8 flag, which
 * `new Worker` rejects with ERR_WORKER_INVALID_EXEC_ARGV); the kernel needs none of them.
 */
let passOptions = true;

/** A worker thread running the simulation worker's source (see {@link passOptions}). */
function newWorker(): Worker {
  if (passOptions)
    try {
      return new Worker(simulationWorkerSource(), { eval: true, execArgv: workerExecArgv() });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
      passOptions = false;
    }
  return new Worker(simulationWorkerSource(), { eval: true, execArgv: [] });
}

/** A new simulation worker thread, which leaves the idle list if it dies there. */
function startWorker(): Worker {
  const worker = newWorker();
  const forget = (): void => {
    const k = idle.indexOf(worker);
    if (k >= 0) idle.splice(k, 1);
  };
  worker.on("exit", forget);
  // An error of an idle worker: it exits; a run's own listener reports errors during a run.
  worker.on("error", forget);
  return worker;
}

/** `n` threads for a run: idle ones first (referenced again), then new ones. */
function acquire(n: number): Worker[] {
  const taken = idle.splice(Math.max(0, idle.length - n), n);
  for (const w of taken) w.ref();
  while (taken.length < n) taken.push(startWorker());
  if (idle.length === 0 && idleTimer !== undefined) {
    clearTimeout(idleTimer);
    idleTimer = undefined;
  }
  return taken;
}

/** Returns a run's threads to the idle list (the surplus over {@link MAX_IDLE} terminated). */
function release(workers: readonly Worker[]): void {
  for (const w of workers) {
    if (idle.length >= MAX_IDLE) {
      void w.terminate();
      continue;
    }
    w.unref();
    idle.push(w);
  }
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closeWorkerThreads(), WORKER_IDLE_MS);
  idleTimer.unref();
}

/**
 * Terminates the idle simulation threads (those of a run in progress are kept until it ends, then
 * terminated after {@link WORKER_IDLE_MS}). The next run starts new ones.
 */
export async function closeWorkerThreads(): Promise<void> {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = undefined;
  const closing = idle.splice(0, idle.length);
  await Promise.all(closing.map((w) => w.terminate()));
}

/** Number of idle simulation threads kept for the next run (for tests and diagnostics). */
export function idleWorkerThreads(): number {
  return idle.length;
}

/**
 * A {@link SimulationPool} on Node's worker threads: `min(workers, blocks)` threads, each running
 * the kernel (shipped as source, see `simulationWorkerSource`) on the run's spec, fed one block at
 * a time, two in flight; their states are summed at the end. Threads are kept warm between runs
 * (see {@link WORKER_IDLE_MS}): a run takes idle threads before it starts new ones, and `prepare`
 * starts them ahead of a run, while the run is being compiled. A run that fails or is aborted
 * terminates its threads. With one thread or fewer it runs in the calling thread
 * ({@link inThreadPool}).
 */
export const workerThreadPool: SimulationPool = {
  prepare(workers) {
    const wanted = threadsFor(workers);
    if (wanted <= 1) return;
    const missing = wanted - idle.length;
    if (missing > 0) release(Array.from({ length: missing }, startWorker));
  },
  close: closeWorkerThreads,
  run(spec, from, to, control) {
    const { signal } = control;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const threads = Math.min(threadsFor(control.workers), to - from);
    if (threads <= 1) return inThreadPool.run(spec, from, to, control);
    return new Promise<KernelState>((resolve, reject) => {
      const pool = acquire(threads);
      const outstanding = pool.map(() => 0);
      const finishing = pool.map(() => false);
      const listeners: (() => void)[] = [];
      let next = from;
      let finished = 0;
      let total: KernelState | undefined;
      let settled = false;
      const detach = (): void => {
        signal?.removeEventListener("abort", onAbort);
        for (const off of listeners) off();
      };
      const stop = (error: unknown): void => {
        if (settled) return;
        settled = true;
        detach();
        // Threads stopped in the middle of a block are not reused.
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
        } else if (outstanding[k] === 0 && !finishing[k]) {
          finishing[k] = true;
          worker.postMessage({ type: "finish" } satisfies ToWorker);
        }
      };
      pool.forEach((worker, k) => {
        const onMessage = (message: FromWorker): void => {
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
          finished++;
          if (finished === threads) {
            settled = true;
            detach();
            release(pool);
            resolve(total);
          }
        };
        const onError = (error: Error): void => stop(error);
        const onExit = (code: number): void =>
          stop(new Error(`simulate: a worker thread exited with code ${code}`));
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        listeners.push(() => {
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
        });
        worker.postMessage({ type: "start", spec } satisfies ToWorker);
      });
      // Two blocks in flight per worker, so it never waits for the next one; dealt one round at
      // a time, so that a run of few blocks spreads over the threads.
      for (let round = 0; round < 2; round++) for (let k = 0; k < pool.length; k++) feed(k);
    });
  },
};
