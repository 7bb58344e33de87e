// Checks that the built package runs simulations on worker threads (the worker code is shipped as
// source, so this is the path a bundler could break): run `npx tsup` first, then
//     node bench/mc-dist-check.mjs
// It prints whether 2 workers give the same result, bit for bit, as the calling thread, for the
// ESM and the CommonJS build, and whether the run was on worker threads (the main entry loads the
// worker-thread pool, dist/workerThreadPool.js or .cjs, by a dynamic import), and exits with 1 if
// not.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

const esm = await import(new URL("../dist/index.js", import.meta.url).href);
const cjs = createRequire(import.meta.url)("../dist/index.cjs");
const pools = {
  esm: await import(new URL("../dist/workerThreadPool.js", import.meta.url).href),
  cjs: createRequire(import.meta.url)("../dist/workerThreadPool.cjs"),
};
const plan = {
  baseYear: 2020,
  years: 3,
  places: ["a", "b"],
  groups: [{ id: "city", members: ["a", "b"] }],
  indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0.3, rho: 0.5 }],
  baseline: [[[4.7, 4.75, 4.8]], [[4, 4.02, 4.04]]],
  sigma: [[0.05], [0.08]],
  targets: [
    {
      id: "t",
      year: 2023,
      conditions: [
        {
          measure: { kind: "value", scope: "city", indicator: "gdp" },
          comparator: ">=",
          threshold: 160,
        },
      ],
    },
  ],
};
let ok = true;
for (const [name, lib] of [
  ["esm", esm],
  ["cjs", cjs],
]) {
  const threads = await lib.simulate(plan, { paths: 20_000, seed: 5, workers: 2, samplePaths: 3 });
  // The run's threads wait, idle, for the next run (on one core, the run was in this thread).
  const idle = pools[name].idleWorkerThreads();
  const onThreads = idle === (availableParallelism() >= 2 ? 2 : 0);
  await lib.closeSimulationPool();
  const inThread = await lib.simulate(plan, { paths: 20_000, seed: 5, workers: 0, samplePaths: 3 });
  const same = JSON.stringify(threads) === JSON.stringify(inThread);
  ok &&= same && onThreads;
  console.log(
    `${name}: workers 2 ${same ? "==" : "!="} calling thread (p = ${threads.targets[0].probability}); ${idle} worker threads used${onThreads ? "" : " (expected 2)"}`,
  );
}
process.exit(ok ? 0 : 1);
