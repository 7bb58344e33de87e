import type { KernelBlockOutput, KernelSpec, KernelState } from "./kernelSpec.js";

/** How a pool run reports and is stopped. */
export interface PoolControl {
  /**
   * Threads to use at most (already capped at `MAX_WORKERS`); 0 or 1 runs in the calling
   * thread. A pool caps it further at what its environment offers (the cores).
   */
  readonly workers: number;
  readonly signal: AbortSignal | undefined;
  /** Called after each block, in completion order, in the calling thread. */
  readonly onBlock: (output: KernelBlockOutput) => void;
}

/**
 * Runs path blocks of a compiled simulation somewhere (the calling thread, Node worker threads,
 * Web Workers: `environmentPool` picks one for the runtime) and returns the summed kernel
 * state. Because the state is integer counts
 * (and exact minima and maxima), the result does not depend on which thread ran which block, so
 * implementations are interchangeable: each must give the state of running blocks `from … to − 1`
 * in one kernel, reject with {@link abortError} when `control.signal` aborts, and terminate
 * whatever it started when it settles.
 */
export interface SimulationPool {
  run(spec: KernelSpec, from: number, to: number, control: PoolControl): Promise<KernelState>;
  /**
   * Starts what a run on `workers` threads will need (threads, when the pool keeps them between
   * runs), so that it starts while the caller compiles the run. Optional; never required.
   */
  prepare?(workers: number): void;
  /** Ends what the pool keeps between runs (idle threads). Optional. */
  close?(): Promise<void>;
}

/** The AbortError a cancelled run rejects with (its `cause` the signal's reason). */
export function abortError(signal: AbortSignal): DOMException {
  const error = new DOMException("simulate: the run was aborted", "AbortError");
  if (signal.reason !== undefined) Object.defineProperty(error, "cause", { value: signal.reason });
  return error;
}
