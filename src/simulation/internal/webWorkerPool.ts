// Browsers (and other runtimes with Web Workers, Blob and URL.createObjectURL but not Node's
// worker_threads): the scheduling is threadPool.ts's; this is its adapter to Web Workers. The
// worker's code is `simulationWorkerSource(`webWorkerThreads(self)`, [webWorkerThreads])`, shipped as a Blob URL, so that an app's bundle
// needs no worker file of its own and no bundler configuration.
import {
  type FromWorker,
  simulationWorkerSource,
  type ToWorker,
  webWorkerThreads,
} from "./simulationWorker.js";
import {
  createThreadPool,
  type PoolThread,
  type ThreadHost,
  type ThreadPool,
} from "./threadPool.js";

/** The part of a Web Worker used here (the DOM's types are not in the library's lib). */
interface WebWorker {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message" | "error", listener: (event: WorkerEvent) => void): void;
  removeEventListener(type: "message" | "error", listener: (event: WorkerEvent) => void): void;
  terminate(): void;
}

/** A message event (`data`) or an error event (`message`, `error`) of a Web Worker. */
interface WorkerEvent {
  readonly data?: FromWorker;
  readonly message?: string;
  readonly error?: unknown;
  preventDefault?(): void;
}

/** The globals of a runtime with Web Workers. */
interface WebGlobals {
  readonly Worker?: new (url: string, options?: { name?: string }) => WebWorker;
  readonly Blob?: new (parts: string[], options: { type: string }) => unknown;
  readonly URL?: { createObjectURL?(blob: unknown): string };
  readonly navigator?: { readonly hardwareConcurrency?: number };
}

const web = globalThis as unknown as WebGlobals;

/** Whether the runtime can start Web Workers from a Blob URL. */
export function hasWebWorkers(): boolean {
  return (
    typeof web.Worker === "function" &&
    typeof web.Blob === "function" &&
    typeof web.URL?.createObjectURL === "function"
  );
}

/**
 * Whether a Web Worker started from a Blob URL runs here: a page whose Content-Security-Policy
 * forbids workers from `blob:` URLs lets the Worker be constructed and then fails it with an
 * error event. Starts one tiny worker that posts a message, and ends it.
 */
export function canStartWebWorkers(): Promise<boolean> {
  if (!hasWebWorkers()) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    let worker: WebWorker;
    const url = web.URL!.createObjectURL!(
      new web.Blob!(["postMessage(0);"], { type: "text/javascript" }),
    );
    try {
      worker = new web.Worker!(url);
    } catch {
      resolve(false);
      return;
    }
    const done = (ok: boolean): void => {
      worker.terminate();
      (web.URL as { revokeObjectURL?(url: string): void }).revokeObjectURL?.(url);
      resolve(ok);
    };
    worker.addEventListener("message", () => done(true));
    worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      done(false);
    });
  });
}

let workerUrl: string | undefined;

/**
 * The Blob URL of the worker's code, made once and kept for the page's life (a worker being
 * started still fetches it; revoking it would fail the next start).
 */
function simulationWorkerUrl(): string {
  workerUrl ??= web.URL!.createObjectURL!(
    new web.Blob!([simulationWorkerSource(`${webWorkerThreads.name}(self)`, [webWorkerThreads])], {
      type: "text/javascript",
    }),
  );
  return workerUrl;
}

/** The error a worker's error event stands for. */
function workerError(event: WorkerEvent): Error {
  if (event.error instanceof Error) return event.error;
  return new Error(`simulate: a Web Worker failed: ${event.message ?? "unknown error"}`);
}

/** A simulation thread on a Web Worker. */
function webThread(onDeath: () => void): PoolThread {
  const worker = new web.Worker!(simulationWorkerUrl(), { name: "regionsim-simulation" });
  // An error of an idle worker (its code did not load): it is not reused.
  const onIdleError = (): void => {
    worker.terminate();
    onDeath();
  };
  worker.addEventListener("error", onIdleError);
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onFailure) {
      const onMessageEvent = (event: WorkerEvent): void => onMessage(event.data!);
      const onError = (event: WorkerEvent): void => {
        event.preventDefault?.();
        onFailure(workerError(event));
      };
      worker.addEventListener("message", onMessageEvent);
      worker.addEventListener("error", onError);
      return () => {
        worker.removeEventListener("message", onMessageEvent);
        worker.removeEventListener("error", onError);
      };
    },
    terminate: () => {
      worker.terminate();
      return undefined;
    },
  };
}

/** The threads the browser can run at once (`navigator.hardwareConcurrency`; 2 if it does not say). */
function webCores(): number {
  const n = web.navigator?.hardwareConcurrency;
  return typeof n === "number" && n >= 1 ? Math.floor(n) : 2;
}

const webHost: ThreadHost = { start: webThread, cores: webCores };

/**
 * A `SimulationPool` on Web Workers (`createThreadPool` over Web Workers started from a Blob URL
 * of `simulationWorkerSource(`webWorkerThreads(self)`, [webWorkerThreads])`), with the same scheduling and results as the worker-thread
 * pool of Node. Marked pure, so that a bundle that does not simulate drops it (and the kernel it
 * reaches) even from the package's built chunks.
 */
// Pure: a bundle that does not simulate drops the pool and the kernel it reaches, even from the
// package's built chunks (where a top-level call would keep them: npm run size).
export const webWorkerPool: ThreadPool = /* @__PURE__ */ createThreadPool(webHost);
