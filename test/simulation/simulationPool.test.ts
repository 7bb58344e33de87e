import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { compileKernel } from "../../src/simulation/internal/compileKernel.js";
import { inThreadPool } from "../../src/simulation/internal/inThreadPool.js";
import { KERNEL_CODES } from "../../src/simulation/internal/kernelCodes.js";
import { KERNEL_LIBRARY } from "../../src/simulation/internal/kernelLibrary.js";
import type { KernelSpec, KernelState } from "../../src/simulation/internal/kernelSpec.js";
import { createSimulationKernel } from "../../src/simulation/internal/simulationKernel.js";
import type { PoolControl } from "../../src/simulation/internal/simulationPool.js";
import {
  type FromWorker,
  simulationWorkerSource,
  type ToWorker,
  webWorkerThreads,
} from "../../src/simulation/internal/simulationWorker.js";
import {
  NODE_WORKER_THREADS,
  workerThreadPool,
} from "../../src/simulation/internal/workerThreadPool.js";
import { pinnedPlan } from "./simulatePinnedPlan.js";

const compiled = compileKernel(pinnedPlan, {
  paths: 3000,
  seed: 7,
  quantiles: [0.5],
  series: undefined,
  samplePaths: 1100,
});
const blocks = Math.ceil(3000 / compiled.spec.blockSize);

const control = (workers: number, samples: Map<number, Float64Array | null>): PoolControl => ({
  workers,
  signal: undefined,
  onBlock: (out) => samples.set(out.block, out.sample),
});

/** Whether two typed arrays hold the same bytes (bit-identical numbers). */
const sameBits = (a: ArrayBufferView | null, b: ArrayBufferView | null): boolean =>
  a === null || b === null
    ? a === b
    : Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
        Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      );

const sameState = (a: KernelState, b: KernelState): boolean =>
  sameBits(a.counts, b.counts) &&
  sameBits(a.extras, b.extras) &&
  sameBits(a.met, b.met) &&
  sameBits(a.firstYear, b.firstYear);

/**
 * Runs the worker source in an empty V8 context (no module scope, no `require` but the one given)
 * with a fake `node:worker_threads`, and returns what the worker posts for the given messages.
 */
function runWorkerSource(spec: KernelSpec, messages: readonly ToWorker[]): FromWorker[] {
  const posted: FromWorker[] = [];
  let listener: ((message: ToWorker) => void) | undefined;
  const threads = {
    parentPort: {
      on: (_: "message", l: (message: ToWorker) => void) => {
        listener = l;
      },
      postMessage: (message: FromWorker) => posted.push(message),
    },
  };
  runInNewContext(simulationWorkerSource(NODE_WORKER_THREADS), {
    require: (id: string) => {
      if (id !== "node:worker_threads") throw new Error(`unexpected require("${id}")`);
      return threads;
    },
  });
  for (const message of [{ type: "start", spec } satisfies ToWorker, ...messages])
    listener!(message);
  return posted;
}

describe("simulation pools", () => {
  it("inThreadPool and workerThreadPool give the same state and samples for the same spec", async () => {
    const local = new Map<number, Float64Array | null>();
    const threads = new Map<number, Float64Array | null>();
    const a = await inThreadPool.run(compiled.spec, 0, blocks, control(4, local));
    const b = await workerThreadPool.run(compiled.spec, 0, blocks, control(2, threads));
    expect(sameState(a, b)).toBe(true);
    expect([...threads.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [block, sample] of local) expect(sameBits(threads.get(block)!, sample)).toBe(true);
    expect(local.get(0)!.length).toBe(1024 * compiled.series.length * pinnedPlan.years);
    expect(local.get(1)!.length).toBe(76 * compiled.series.length * pinnedPlan.years);
  });

  it("the worker source is self-contained: alone in a V8 context it runs the calling thread's kernel", () => {
    const kernel = createSimulationKernel(compiled.spec, KERNEL_LIBRARY);
    const order = [2, 0, 1];
    const expected = order.map((block) => kernel.runBlock(block));
    const posted = runWorkerSource(compiled.spec, [
      ...order.map((block): ToWorker => ({ type: "block", block })),
      { type: "finish" },
    ]);
    expect(posted.slice(0, order.length).map((m) => m.type === "block" && m.block)).toEqual(order);
    posted.slice(0, order.length).forEach((message, k) => {
      if (message.type !== "block") throw new Error("expected a block");
      expect(message.paths).toBe(expected[k]!.paths);
      expect(sameBits(message.sample, expected[k]!.sample)).toBe(true);
    });
    const last = posted[order.length]!;
    if (last.type !== "state") throw new Error("expected the state");
    expect(sameState(last, kernel.state())).toBe(true);
  });

  it("the Web Worker's code runs the same kernel over self's message events and postMessage", () => {
    const kernel = createSimulationKernel(compiled.spec, KERNEL_LIBRARY);
    const expected = [kernel.runBlock(1), kernel.runBlock(0)];
    const posted: { message: FromWorker; transfer: ArrayBuffer[] }[] = [];
    let listener: ((event: { data: ToWorker }) => void) | undefined;
    // A Web Worker's global scope: no require, messages as events on self.
    const self = {
      addEventListener: (type: string, l: (event: { data: ToWorker }) => void) => {
        if (type === "message") listener = l;
      },
      postMessage: (message: FromWorker, transfer: ArrayBuffer[]) =>
        posted.push({ message, transfer }),
    };
    runInNewContext(simulationWorkerSource(`${webWorkerThreads.name}(self)`, [webWorkerThreads]), {
      self,
    });
    for (const data of [
      { type: "start", spec: compiled.spec },
      { type: "block", block: 1 },
      { type: "block", block: 0 },
      { type: "finish" },
    ] satisfies ToWorker[])
      listener!({ data });
    expect(posted.map((p) => p.message.type)).toEqual(["block", "block", "state"]);
    posted.slice(0, 2).forEach(({ message, transfer }, k) => {
      if (message.type !== "block") throw new Error("expected a block");
      expect(message.block).toBe(expected[k]!.block);
      expect(sameBits(message.sample, expected[k]!.sample)).toBe(true);
      // The sample's buffer is transferred, not copied.
      expect(transfer).toEqual([message.sample!.buffer]);
    });
    const last = posted[2]!.message;
    if (last.type !== "state") throw new Error("expected the state");
    expect(sameState(last, kernel.state())).toBe(true);
  });

  it("the worker source carries the kernel codes the compiler used", () => {
    const source = simulationWorkerSource(NODE_WORKER_THREADS);
    expect(source).toContain(`"codes": ${JSON.stringify(KERNEL_CODES)}`);
    for (const [key, value] of Object.entries(KERNEL_LIBRARY))
      if (typeof value === "function") expect(source).toContain(`"${key}": ${value.name}`);
  });
});
