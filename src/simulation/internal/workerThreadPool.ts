import { Worker } from "node:worker_threads";
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
 * A {@link SimulationPool} on Node's worker threads: `min(workers, blocks)` threads, each running
 * its own kernel (shipped as source, see `simulationWorkerSource`) and fed one block at a time,
 * two in flight; their states are summed at the end. With one thread or fewer it runs in the
 * calling thread ({@link inThreadPool}).
 */
export const workerThreadPool: SimulationPool = {
  run(spec, from, to, control) {
    const { signal } = control;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const threads = Math.min(control.workers, to - from);
    if (threads <= 1) return inThreadPool.run(spec, from, to, control);
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
  },
};
