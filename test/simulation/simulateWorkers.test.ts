import { availableParallelism } from "node:os";
import { qujingPack, simulatePack } from "regionsim";
import { describe, expect, it } from "vitest";
import { cappedWorkers, MAX_WORKERS } from "../../src/simulation/internal/checkRunOptions.js";
import { threadsFor } from "../../src/simulation/internal/workerThreadPool.js";

describe("simulate: workers", () => {
  it("simulate caps the worker threads at the available cores and at MAX_WORKERS", () => {
    const cores = availableParallelism();
    expect(MAX_WORKERS).toBe(6);
    // The options cap at MAX_WORKERS everywhere; Node's worker-thread pool also at the cores.
    expect(cappedWorkers(1000)).toBe(6);
    expect(cappedWorkers(0)).toBe(0);
    expect(cappedWorkers(1)).toBe(1);
    expect(threadsFor(cappedWorkers(1000))).toBe(Math.min(cores, 6));
    expect(threadsFor(1000)).toBe(Math.min(cores, 6));
    expect(threadsFor(1)).toBe(1);
  });

  it("simulatePack with workers: 1000 runs and gives the result of workers: 2, bit for bit", async () => {
    // 10 blocks of 1024 paths: without the cap, 1000 asked would start 10 threads.
    const run = (workers: number) =>
      simulatePack(qujingPack, "trend", { paths: 10_000, seed: 3, workers });
    const [many, two] = await Promise.all([run(1000), run(2)]);
    expect(JSON.stringify(many.simulation)).toBe(JSON.stringify(two.simulation));
    expect(many.assessment).toEqual(two.assessment);
  });
});
