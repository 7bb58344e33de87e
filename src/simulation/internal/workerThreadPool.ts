// Node only: the core reaches this module through a dynamic import that bundlers do not follow
// (environmentPool.ts), so that no bundle for browsers holds node:worker_threads. The scheduling
// is threadPool.ts's; this is its adapter to node:worker_threads.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SimulationPool } from "./simulationPool.js";
import { type FromWorker, simulationWorkerSource } from "./simulationWorker.js";
import { createThreadPool, type PoolThread, type ThreadHost } from "./threadPool.js";

export { WORKER_IDLE_MS } from "./threadPool.js";

/** How the worker's code gets its messaging in a Node worker thread (see simulationWorkerSource). */
export const NODE_WORKER_THREADS = 'require("node:worker_threads")';

/**
 * A worker thread running the simulation worker's source. It takes none of the process's Node
 * options (`execArgv: []`): the kernel's source is self-contained and needs none, and a process's
 * loaders and preloaded modules (`--import tsx`, `--loader`, `-r` agents) would otherwise load
 * again in every worker, which took 40–80 ms per worker under tsx; options a worker cannot have at
 * all (`--max-old-space-size`, V8 flags) would make `new Worker` fail with
 * ERR_WORKER_INVALID_EXEC_ARGV; and `--input-type=module` would make the source a module, where
 * it cannot `require`.
 */
function newWorker(): Worker {
  return new Worker(simulationWorkerSource(NODE_WORKER_THREADS), { eval: true, execArgv: [] });
}

/** A simulation thread on node:worker_threads. */
function nodeThread(onDeath: () => void): PoolThread {
  const worker = newWorker();
  worker.on("exit", onDeath);
  // An error of an idle worker: it exits; a run's own listener reports errors during a run.
  worker.on("error", onDeath);
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      const onMessageOf = (message: FromWorker): void => onMessage(message);
      const onError = (error: Error): void => onFailure(error);
      const onExit = (code: number): void =>
        onFailure(new Error(`simulate: a worker thread exited with code ${code}`));
      worker.on("message", onMessageOf);
      worker.on("error", onError);
      worker.on("exit", onExit);
      return () => {
        worker.off("message", onMessageOf);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
    },
    terminate: () => worker.terminate(),
    hold: (on) => (on ? worker.ref() : worker.unref()),
  };
}

const nodeHost: ThreadHost = { start: nodeThread, cores: availableParallelism };

const pool = /* @__PURE__ */ createThreadPool(nodeHost);

/** The threads a run asking for `workers` starts at most: capped at the cores and at 6. */
export const threadsFor = pool.threadsFor;

/**
 * Terminates the idle simulation threads (those of a run in progress are kept until it ends, then
 * terminated after `WORKER_IDLE_MS`). The next run starts new ones.
 */
export const closeWorkerThreads = pool.close;

/** Number of idle simulation threads kept for the next run (for tests and diagnostics). */
export const idleWorkerThreads = pool.idleThreads;

/**
 * A {@link SimulationPool} on Node's worker threads (`createThreadPool` over node:worker_threads):
 * idle threads are unreferenced, so that they never keep the process alive.
 */
export const workerThreadPool: SimulationPool = pool;
