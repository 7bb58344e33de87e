// One pool of simulation threads for every runtime that has threads: the scheduling (blocks fed
// two in flight, states summed, abort, errors, warm idle threads) lives here once, over a small
// thread interface with one adapter per runtime (workerThreadPool.ts: Node's worker_threads;
// webWorkerPool.ts: Web Workers). Nothing here names a runtime's API.
import { MAX_WORKERS } from "./checkRunOptions.js";
import { inThreadPool } from "./inThreadPool.js";
import { EXTRA } from "./kernelCodes.js";
import type { KernelState } from "./kernelSpec.js";
import { abortError, type SimulationPool } from "./simulationPool.js";
import type { FromWorker, ToWorker } from "./simulationWorker.js";

/** What the pool needs of one simulation thread (a worker running `simulationWorkerSource`). */
export interface PoolThread {
  post(message: ToWorker): void;
  /**
   * Listens to the thread's messages and to its failure (an uncaught error, or the thread
   * ending by itself); returns what stops listening.
   */
  listen(onMessage: (message: FromWorker) => void, onFailure: (error: Error) => void): () => void;
  /** Ends the thread (a promise where the runtime says when it has ended). */
  terminate(): Promise<unknown> | undefined;
  /** Whether the thread keeps the runtime alive (Node's ref/unref); absent where it never does. */
  hold?(on: boolean): void;
}

/** How a runtime starts simulation threads. */
export interface ThreadHost {
  /** A new thread; `onDeath` is called if it fails or ends by itself. */
  start(onDeath: () => void): PoolThread;
  /** The threads the runtime can run at once (its cores). */
  cores(): number;
}

/** A {@link SimulationPool} on threads, with what tests and diagnostics ask of it. */
export interface ThreadPool extends SimulationPool {
  prepare(workers: number): void;
  /** Terminates the idle threads (those of a run in progress end with it, after the idle delay). */
  close(): Promise<void>;
  /** Number of idle threads kept for the next run. */
  idleThreads(): number;
  /** The threads a run asking for `workers` starts at most: capped at the cores and at 6. */
  threadsFor(workers: number): number;
}

/**
 * How long an idle thread is kept for the next run: long enough for the runs of a sensitivity
 * design or of a report to follow one another without starting threads again (starting one costs
 * 25–70 ms and its first block compiles the kernel), short enough not to hold threads and their
 * memory after a burst of runs.
 */
export const WORKER_IDLE_MS = 10_000;

/** At most this many idle threads are kept (as many as `simulate` uses by default at most). */
const MAX_IDLE = 6;

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
 * A {@link SimulationPool} on the threads of `host`: `min(workers, cores, 6, blocks)` threads,
 * each running the kernel (shipped as source, see `simulationWorkerSource`) on the run's spec, fed
 * one block at a time, two in flight; their states are summed at the end. Threads are kept warm
 * between runs (see {@link WORKER_IDLE_MS}; at most 6): a run takes idle threads before it starts
 * new ones, and `prepare` starts them ahead of a run, while the run is being compiled. A run that
 * fails or is aborted terminates its threads. With one thread or fewer, or where the runtime
 * refuses to start a thread, it runs in the calling thread ({@link inThreadPool}).
 */
export function createThreadPool(host: ThreadHost): ThreadPool {
  /** Threads that ran a simulation and wait for the next, not holding the runtime. */
  const idle: PoolThread[] = [];
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const threadsFor = (workers: number): number => Math.min(workers, host.cores(), MAX_WORKERS);

  /** A new thread, which leaves the idle list if it dies there. */
  const startThread = (): PoolThread => {
    const thread: PoolThread = host.start(() => {
      const k = idle.indexOf(thread);
      if (k >= 0) idle.splice(k, 1);
    });
    return thread;
  };

  const close = async (): Promise<void> => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = undefined;
    await Promise.all(idle.splice(0, idle.length).map((thread) => thread.terminate()));
  };

  /**
   * `n` threads for a run: idle ones first (held again), then new ones. If the runtime refuses
   * to start one (a browser page whose Content-Security-Policy forbids workers from `blob:` URLs
   * throws a SecurityError), the idle ones go back and the error is thrown.
   */
  const acquire = (n: number): PoolThread[] => {
    const taken = idle.splice(Math.max(0, idle.length - n), n);
    for (const thread of taken) thread.hold?.(true);
    try {
      while (taken.length < n) taken.push(startThread());
    } catch (error) {
      release(taken);
      throw error;
    }
    if (idle.length === 0 && idleTimer !== undefined) {
      clearTimeout(idleTimer);
      idleTimer = undefined;
    }
    return taken;
  };

  /** Returns a run's threads to the idle list (the surplus over {@link MAX_IDLE} terminated). */
  const release = (threads: readonly PoolThread[]): void => {
    for (const thread of threads) {
      if (idle.length >= MAX_IDLE) {
        void thread.terminate();
        continue;
      }
      thread.hold?.(false);
      idle.push(thread);
    }
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void close(), WORKER_IDLE_MS);
    // In Node, the timer must not keep the process alive either.
    (idleTimer as { unref?: () => void }).unref?.();
  };

  return {
    threadsFor,
    close,
    idleThreads: () => idle.length,
    prepare(workers) {
      const wanted = threadsFor(workers);
      if (wanted <= 1) return;
      const started: PoolThread[] = [];
      try {
        while (idle.length + started.length < wanted) started.push(startThread());
      } catch {
        // The run will find out and run in the calling thread.
      }
      if (started.length > 0) release(started);
    },
    run(spec, from, to, control) {
      const { signal } = control;
      if (signal?.aborted) return Promise.reject(abortError(signal));
      const count = Math.min(threadsFor(control.workers), to - from);
      if (count <= 1) return inThreadPool.run(spec, from, to, control);
      let pool: PoolThread[];
      try {
        pool = acquire(count);
      } catch {
        // Threads cannot be started here: the calling thread runs the blocks, with the same result.
        return inThreadPool.run(spec, from, to, control);
      }
      return new Promise<KernelState>((resolve, reject) => {
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
          for (const thread of pool) void thread.terminate();
          reject(error);
        };
        const onAbort = (): void => stop(abortError(signal!));
        signal?.addEventListener("abort", onAbort, { once: true });
        const feed = (k: number): void => {
          const thread = pool[k]!;
          if (next < to) {
            thread.post({ type: "block", block: next++ });
            outstanding[k] = outstanding[k]! + 1;
          } else if (outstanding[k] === 0 && !finishing[k]) {
            finishing[k] = true;
            thread.post({ type: "finish" });
          }
        };
        pool.forEach((thread, k) => {
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
            if (finished === count) {
              settled = true;
              detach();
              release(pool);
              resolve(total);
            }
          };
          listeners.push(thread.listen(onMessage, stop));
          thread.post({ type: "start", spec });
        });
        // Two blocks in flight per thread, so it never waits for the next one; dealt one round at
        // a time, so that a run of few blocks spreads over the threads.
        for (let round = 0; round < 2; round++) for (let k = 0; k < pool.length; k++) feed(k);
      });
    },
  };
}
