import { loadedEnvironmentPool } from "./internal/environmentPool.js";

/**
 * Terminates the worker threads (Web Workers in a browser) that `simulate` and `simulatePack`
 * keep between runs. Runs keep
 * their threads warm for the next run (a new thread costs 25–70 ms to start, and its first block
 * compiles the kernel); idle threads never keep the process alive and end by themselves after
 * 10 s without a run. Call this to free them at once, e.g. before a long pause or at the end of a
 * test file. A run in progress keeps its threads until it ends; the next run starts new ones.
 * Where runs are in the calling thread, there is nothing to end.
 *
 * @returns a promise that settles when the idle threads have ended.
 * @example
 * // The run's two threads are kept for the next run; closing ends them now instead of after 10 s.
 * await simulatePack(qujingPack, "trend", { paths: 4096, seed: 1, workers: 2 });
 * await closeSimulationPool();
 */
export async function closeSimulationPool(): Promise<void> {
  await loadedEnvironmentPool()?.close?.();
}
