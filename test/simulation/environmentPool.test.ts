// The simulation pool by runtime (src/simulation/internal/environmentPool.ts): Node's worker
// threads in Node, the calling thread where the runtime is not Node (a browser), with the same
// result for the same seed; and the calling thread's yield between blocks without setImmediate.
import { afterEach, describe, expect, it, vi } from "vitest";
import { pinnedPlan } from "./simulatePinnedPlan.js";

const versions = process.versions;
const setImmediateOf = globalThis.setImmediate;

afterEach(() => {
  Object.defineProperty(process, "versions", { value: versions, configurable: true });
  globalThis.setImmediate = setImmediateOf;
});

describe("the simulation pool of the runtime", () => {
  it("is the worker-thread pool in Node", async () => {
    vi.resetModules();
    const { environmentPool, loadedEnvironmentPool } = await import(
      "../../src/simulation/internal/environmentPool.js"
    );
    const { workerThreadPool } = await import("../../src/simulation/internal/workerThreadPool.js");
    expect(loadedEnvironmentPool()).toBeUndefined();
    expect(await environmentPool()).toBe(workerThreadPool);
    expect(loadedEnvironmentPool()).toBe(workerThreadPool);
  });

  it("is the calling thread where the runtime is not Node, with the same result bit for bit", async () => {
    vi.resetModules();
    const node = await import("../../src/simulation/simulate.js");
    const inNode = await node.simulate(pinnedPlan, { paths: 5000, seed: 11, workers: 2 });
    await (await import("../../src/simulation/closeSimulationPool.js")).closeSimulationPool();

    vi.resetModules();
    // As in a browser: no process.versions.node and no setImmediate.
    Object.defineProperty(process, "versions", { value: {}, configurable: true });
    globalThis.setImmediate = undefined as unknown as typeof setImmediate;
    const { environmentPool } = await import("../../src/simulation/internal/environmentPool.js");
    const { inThreadPool } = await import("../../src/simulation/internal/inThreadPool.js");
    expect(await environmentPool()).toBe(inThreadPool);
    const browser = await import("../../src/simulation/simulate.js");
    let blocks = 0;
    const elsewhere = await browser.simulate(pinnedPlan, {
      paths: 5000,
      seed: 11,
      workers: 2,
      onProgress: () => blocks++,
    });
    expect(blocks).toBe(Math.ceil(5000 / 1024));
    expect(JSON.stringify(elsewhere)).toBe(JSON.stringify(inNode));
    // Nothing to close.
    const { closeSimulationPool } = await import("../../src/simulation/closeSimulationPool.js");
    await expect(closeSimulationPool()).resolves.toBeUndefined();
  });

  it("is the Web Worker pool where there are Web Workers and Blob URLs but no Node", async () => {
    vi.resetModules();
    Object.defineProperty(process, "versions", { value: {}, configurable: true });
    const g = globalThis as Record<string, unknown>;
    const had = { Worker: g.Worker, Blob: g.Blob };
    // Node 20 has Blob and URL.createObjectURL; a Worker class stands in for a browser's: it
    // posts the probe's message (canStartWebWorkers), or fails as a page's CSP makes it fail.
    let fails = false;
    g.Worker = class {
      addEventListener(type: string, listener: (event: object) => void): void {
        if (type === (fails ? "error" : "message")) setTimeout(() => listener({ data: 0 }), 1);
      }
      terminate(): void {}
    };
    try {
      const { environmentPool } = await import("../../src/simulation/internal/environmentPool.js");
      const { webWorkerPool } = await import("../../src/simulation/internal/webWorkerPool.js");
      expect(await environmentPool()).toBe(webWorkerPool);
      // A worker that fails to start (a page's CSP): the calling thread.
      vi.resetModules();
      fails = true;
      const failing = await import("../../src/simulation/internal/environmentPool.js");
      const { inThreadPool } = await import("../../src/simulation/internal/inThreadPool.js");
      expect(await failing.environmentPool()).toBe(inThreadPool);
      // Without Blob, the calling thread.
      vi.resetModules();
      fails = false;
      g.Blob = undefined;
      const again = await import("../../src/simulation/internal/environmentPool.js");
      const inThread = await import("../../src/simulation/internal/inThreadPool.js");
      expect(await again.environmentPool()).toBe(inThread.inThreadPool);
    } finally {
      g.Worker = had.Worker;
      g.Blob = had.Blob;
    }
  });

  it("lets an abort in between blocks without setImmediate (a MessageChannel message)", async () => {
    vi.resetModules();
    globalThis.setImmediate = undefined as unknown as typeof setImmediate;
    const { inThreadPool } = await import("../../src/simulation/internal/inThreadPool.js");
    const { compileKernel } = await import("../../src/simulation/internal/compileKernel.js");
    const compiled = compileKernel(pinnedPlan, {
      paths: 8 * 1024,
      seed: 1,
      quantiles: [0.5],
      series: undefined,
      samplePaths: 0,
    });
    const controller = new AbortController();
    let done = 0;
    const run = inThreadPool.run(compiled.spec, 0, 8, {
      workers: 0,
      signal: controller.signal,
      onBlock: () => {
        done++;
        if (done === 2) queueMicrotask(() => controller.abort("enough"));
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(done).toBe(2);
  });
});
