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
  const source = simulationWorkerSource(NODE_WORKER_THREADS);
  if (passOptions)
    try {
      return new Worker(source, { eval: true, execArgv: workerExecArgv() });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
      passOptions = false;
    }
  return new Worker(source, { eval: true, execArgv: [] });
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
