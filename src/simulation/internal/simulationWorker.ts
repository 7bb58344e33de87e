import { KERNEL_LIBRARY, type KernelLibrary } from "./kernelLibrary.js";
import type { KernelBlockOutput, KernelSpec, KernelState } from "./kernelSpec.js";
import { createSimulationKernel, type SimulationKernel } from "./simulationKernel.js";

/**
 * A message from the pool to a simulation worker: `start` a run (a kernel for the spec), run a
 * `block` of it, `finish` it (post the run's state and drop its kernel). A worker serves runs one
 * after another, so that a pool can keep it for the next run.
 */
export type ToWorker =
  | { readonly type: "start"; readonly spec: KernelSpec }
  | { readonly type: "block"; readonly block: number }
  | { readonly type: "finish" };

/** A message from a simulation worker to the pool. */
export type FromWorker =
  | ({ readonly type: "block" } & KernelBlockOutput)
  | ({ readonly type: "state" } & KernelState);

/** What the worker body needs of `node:worker_threads`: its `parentPort`. */
interface WorkerThreadsModule {
  readonly parentPort: {
    on(event: "message", listener: (message: ToWorker) => void): void;
    postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  } | null;
}

/** The part of a Web Worker's global scope (`self`) that {@link webWorkerThreads} uses. */
interface WebWorkerScope {
  addEventListener(type: "message", listener: (event: { readonly data: ToWorker }) => void): void;
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
}

/**
 * A `node:worker_threads`-like module over a Web Worker's global scope: its `parentPort` hands
 * the data of each message event to the listener and posts through `self.postMessage`, so that
 * {@link simulationWorkerMain} runs unchanged in a Web Worker. Shipped as source with it.
 */
export function webWorkerThreads(scope: WebWorkerScope): WorkerThreadsModule {
  return {
    parentPort: {
      on(_event, listener) {
        scope.addEventListener("message", (event) => listener(event.data));
      },
      postMessage(message, transfer) {
        scope.postMessage(message, transfer ?? []);
      },
    },
  };
}

/**
 * The body of a simulation worker: for each run, makes a kernel of the run's spec, runs the
 * blocks it is sent and, when told to finish, posts the run's state and drops the kernel. Shipped
 * as source with the kernel library, so it references nothing outside itself: its collaborators
 * come in as arguments.
 */
export function simulationWorkerMain(
  threads: WorkerThreadsModule,
  createKernel: (spec: KernelSpec, lib: KernelLibrary) => SimulationKernel,
  lib: KernelLibrary,
): void {
  const port = threads.parentPort;
  if (port === null) throw new Error("simulationWorkerMain: not in a worker thread");
  let kernel: SimulationKernel | undefined;
  port.on("message", (message) => {
    if (message.type === "start") {
      kernel = createKernel(message.spec, lib);
      return;
    }
    if (kernel === undefined) throw new Error("simulationWorkerMain: no run started");
    if (message.type === "block") {
      const out = kernel.runBlock(message.block);
      port.postMessage(
        { type: "block", block: out.block, paths: out.paths, sample: out.sample },
        out.sample === null ? [] : [out.sample.buffer as ArrayBuffer],
      );
    } else {
      const state = kernel.state();
      kernel = undefined;
      port.postMessage({ type: "state", ...state }, [
        state.counts.buffer as ArrayBuffer,
        state.extras.buffer as ArrayBuffer,
        state.met.buffer as ArrayBuffer,
        state.firstYear.buffer as ArrayBuffer,
      ]);
    }
  });
}

const workerSources = new Map<string, string>();

/**
 * The code of a simulation worker thread: the sources of the kernel, of every function of the
 * {@link KERNEL_LIBRARY}, of the worker body and of the runtime's `helpers`, then the library
 * rebuilt from them (the codes serialised as JSON) and a call of the worker body with `threads`,
 * the expression that gives the runtime's `node:worker_threads`-like module: Node's
 * `require("node:worker_threads")` (workerThreadPool.ts), or `webWorkerThreads(self)` in a Web
 * Worker (webWorkerPool.ts, with {@link webWorkerThreads} as a helper). Each runtime's expression
 * is written by its own pool, so that a browser bundle holds no `require` of a Node built-in.
 * Names are taken from the functions themselves, so a bundler that renames them stays
 * consistent.
 */
export function simulationWorkerSource(
  threads: string,
  helpers: readonly ((...args: never[]) => unknown)[] = [],
): string {
  let workerSource = workerSources.get(threads);
  if (workerSource === undefined) {
    const entries: [string, unknown][] = Object.entries(KERNEL_LIBRARY);
    const functions = [
      ...entries.flatMap(([, value]) => (typeof value === "function" ? [value] : [])),
      createSimulationKernel,
      simulationWorkerMain,
      ...helpers,
    ];
    const library = entries.map(
      ([key, value]) =>
        `${JSON.stringify(key)}: ${typeof value === "function" ? value.name : JSON.stringify(value)}`,
    );
    workerSource = [
      '"use strict";',
      // Transpilers that keep function names (tsx, vitest) call an `__name` helper of their
      // bundle's; the shipped source gets its own.
      'var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });',
      ...functions.map((fn) => fn.toString()),
      `${simulationWorkerMain.name}(${threads}, ${createSimulationKernel.name}, { ${library.join(", ")} });`,
    ].join("\n");
    workerSources.set(threads, workerSource);
  }
  return workerSource;
}
