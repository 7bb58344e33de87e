// The simulation pool of the runtime: Node's worker threads where the runtime is Node (or Deno,
// Bun, which offer node:worker_threads), Web Workers where there are Web Workers and Blob URLs but
// not Node's worker_threads (browsers) and a worker from a Blob URL starts (a page's
// Content-Security-Policy may forbid it), the calling thread elsewhere.
//
// workerThreadPool.ts imports node:worker_threads, so it is loaded with a dynamic import whose
// specifier is not a literal: bundlers (esbuild, Rollup, Vite, webpack) leave it alone, and a
// bundle for browsers holds neither the module nor worker_threads. In the package, the module is
// an entry of its own (dist/workerThreadPool.js and .cjs, beside the chunk that holds this code).

import { inThreadPool } from "./inThreadPool.js";
import type { SimulationPool } from "./simulationPool.js";
import { canStartWebWorkers, webWorkerPool } from "./webWorkerPool.js";

/**
 * The module of the worker-thread pool, relative to this one (in src/ and in dist/ alike): the
 * CommonJS build (whose modules end in .cjs) loads the CommonJS one.
 */
function workerThreadPoolModule(): string {
  return import.meta.url.endsWith(".cjs") ? "./workerThreadPool.cjs" : "./workerThreadPool.js";
}

let chosen: SimulationPool | undefined;
let choosing: Promise<SimulationPool> | undefined;

/** Whether the runtime is Node or offers its built-ins (Deno, Bun). */
function hasNodeWorkerThreads(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof proc?.versions?.node === "string";
}

async function choosePool(): Promise<SimulationPool> {
  if (!hasNodeWorkerThreads()) {
    // A static import: a dynamic one would make a chunk of it in every bundle of the main entry
    // (bundlers split at each import() of the modules they reach, used or not), and move shared
    // helpers into a chunk that even `fitModel` alone loads first (npm run size).
    return (await canStartWebWorkers()) ? webWorkerPool : inThreadPool;
  }
  const specifier = workerThreadPoolModule();
  try {
    const module = (await import(
      /* webpackIgnore: true */ /* @vite-ignore */ specifier
    )) as typeof import("./workerThreadPool.js");
    return module.workerThreadPool;
  } catch {
    // A Node app bundled into files of its own has no workerThreadPool.js beside the code: its
    // runs are in the calling thread, with the same results (test/simulation/environmentPool.test.ts
    // checks that the pool is the worker threads' in the sources and the package).
    return inThreadPool;
  }
}

/** The pool of this runtime, loaded on the first run and kept. */
export function environmentPool(): Promise<SimulationPool> {
  if (chosen !== undefined) return Promise.resolve(chosen);
  choosing ??= choosePool().then((pool) => {
    chosen = pool;
    return pool;
  });
  return choosing;
}

/** The pool of this runtime if a run has loaded it, else undefined (nothing to close). */
export function loadedEnvironmentPool(): SimulationPool | undefined {
  return chosen;
}
