// The worker threads kept between runs: reused by the next run with the same results, freed by
// closeSimulationPool, never keeping the process alive, and dropped when a run fails or aborts.
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { closeSimulationPool, type SimulationPlan, simulate } from "../../src/index.js";
import {
  idleWorkerThreads,
  WORKER_IDLE_MS,
} from "../../src/simulation/internal/workerThreadPool.js";
import { pinnedPlan } from "./simulatePinnedPlan.js";

const options = { paths: 5000, seed: 11, quantiles: [0.1, 0.5, 0.9] };
const run = (workers: number, plan: SimulationPlan = pinnedPlan) =>
  simulate(plan, { ...options, workers });

afterAll(() => closeSimulationPool());

/** Runs ask for 2 threads; with fewer cores they run in the calling thread and keep none. */
const twoCores = availableParallelism() >= 2;

describe("the warm simulation pool", () => {
  it.runIf(twoCores)(
    "keeps a run's threads for the next run, whose results are those of new threads and of the calling thread",
    async () => {
      await closeSimulationPool();
      expect(idleWorkerThreads()).toBe(0);
      const first = await run(2);
      expect(idleWorkerThreads()).toBe(2);
      const again = await run(2);
      expect(idleWorkerThreads()).toBe(2);
      const inThread = await run(0);
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      expect(JSON.stringify(inThread)).toBe(JSON.stringify(first));
    },
  );

  it("spreads a run of as many blocks as threads over the threads, each finished once", async () => {
    // Two blocks on two threads: each thread gets one block, then is told to finish once.
    const two = { ...options, paths: 1025 };
    const threads = await simulate(pinnedPlan, { ...two, workers: 2 });
    expect(JSON.stringify(threads)).toBe(
      JSON.stringify(await simulate(pinnedPlan, { ...two, workers: 0 })),
    );
  });

  it("gives each of several concurrent runs its own threads and its own result", async () => {
    const other = { ...options, seed: 12 };
    const [a, b] = await Promise.all([run(2), simulate(pinnedPlan, { ...other, workers: 2 })]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(await run(0)));
    expect(JSON.stringify(b)).toBe(
      JSON.stringify(await simulate(pinnedPlan, { ...other, workers: 0 })),
    );
  });

  it.runIf(twoCores)(
    "closeSimulationPool ends the idle threads; the next run starts new ones",
    async () => {
      await run(2);
      expect(idleWorkerThreads()).toBeGreaterThan(0);
      await closeSimulationPool();
      expect(idleWorkerThreads()).toBe(0);
      expect(JSON.stringify(await run(2))).toBe(JSON.stringify(await run(0)));
    },
  );

  it("drops the threads of an aborted run and runs the next one on new threads", async () => {
    await closeSimulationPool();
    const controller = new AbortController();
    const aborted = simulate(pinnedPlan, {
      ...options,
      paths: 50_000,
      workers: 2,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    expect(idleWorkerThreads()).toBe(0);
    expect(JSON.stringify(await run(2))).toBe(JSON.stringify(await run(0)));
  });

  it("does not keep the process alive: a script that simulates on two threads exits at once", () => {
    const child = runScript(
      [],
      [
        "await simulate(pinnedPlan, { paths: 5000, seed: 1, workers: 2 });",
        "console.log(Date.now());",
      ],
    );
    const exited = Date.now();
    expect(child.status, child.stderr).toBe(0);
    const finished = Number(child.stdout.trim());
    // The idle threads would hold the process for WORKER_IDLE_MS if they were referenced.
    expect(exited - finished).toBeLessThan(WORKER_IDLE_MS / 2);
  });

  it("runs on worker threads in a process started with options a worker cannot take (--max-old-space-size, a V8 flag)", () => {
    const child = runScript(
      ["--max-old-space-size=400", "--stack-size=900"],
      [
        "const a = await simulate(pinnedPlan, { paths: 3000, seed: 1, workers: 2 });",
        "const b = await simulate(pinnedPlan, { paths: 3000, seed: 1, workers: 0 });",
        "console.log(JSON.stringify(a) === JSON.stringify(b));",
      ],
    );
    // Node refuses these options for a worker (ERR_WORKER_INVALID_EXEC_ARGV); the pool starts its
    // threads without the process's options, and the results are the same.
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout.trim()).toBe("true");
  });
});

/**
 * Runs `lines` as an ES module script in a new Node process with `nodeOptions` (and tsx), from the
 * repository root, with `simulate` and the pinned plan imported.
 */
function runScript(nodeOptions: readonly string[], lines: readonly string[]) {
  const script = [
    'import { simulate } from "./src/index.ts";',
    'import { pinnedPlan } from "./test/simulation/simulatePinnedPlan.ts";',
    ...lines,
  ].join("\n");
  return spawnSync(
    process.execPath,
    [...nodeOptions, "--import", "tsx", "--input-type=module", "-e", script],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8", timeout: 120_000 },
  );
}
