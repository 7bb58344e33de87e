// Measures what the charts cost (docs/dependencies.md, "vega and vega-lite"): loading vega and
// vega-lite in a fresh Node process, rendering one chart to SVG, and the whole HTML report of
// the Qujing pack's trend scenario. Medians of a few runs; run with `npm run measure:charts`.
import { execFileSync } from "node:child_process";
import {
  assessPack,
  qujingPack,
  renderHtmlReport,
  renderVegaLiteSvg,
  vegaLiteSpecs,
} from "../src/index.js";

const RUNS = 5;
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Milliseconds and heap MB to import `modules` in a fresh process (one number pair per run). */
function freshImport(modules: readonly string[]): { ms: number; heapMb: number } {
  const code = `const t = performance.now(); ${modules.map((m) => `await import(${JSON.stringify(m)});`).join(" ")} const ms = performance.now() - t; globalThis.gc?.(); console.log(JSON.stringify({ ms, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));`;
  const runs = Array.from({ length: RUNS }, () =>
    JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], {
        encoding: "utf8",
      }),
    ),
  );
  return { ms: median(runs.map((r) => r.ms)), heapMb: median(runs.map((r) => r.heapMb)) };
}

console.log(`Node ${process.version}`);
for (const modules of [["vega"], ["vega-lite"], ["vega", "vega-lite"]]) {
  const { ms, heapMb } = freshImport(modules);
  console.log(`import ${modules.join(" + ")}: ${ms.toFixed(0)} ms, heap ${heapMb.toFixed(0)} MB`);
}

const assessment = assessPack(qujingPack, "trend");
const specs = vegaLiteSpecs(assessment, { pack: qujingPack });
const names = Object.keys(specs);
let t = performance.now();
await renderVegaLiteSvg(specs[names[0] as string] as (typeof specs)[string]);
console.log(
  `first chart in this process (includes loading): ${(performance.now() - t).toFixed(0)} ms`,
);
for (const name of names) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await renderVegaLiteSvg(specs[name] as (typeof specs)[string]);
    times.push(performance.now() - t);
  }
  console.log(
    `  ${name}: ${median(times).toFixed(0)} ms (${specs[name]?.data.values.length} data rows)`,
  );
}
const reports: number[] = [];
let size = 0;
for (let i = 0; i < RUNS; i++) {
  t = performance.now();
  size = (await renderHtmlReport(assessment, { pack: qujingPack })).length;
  reports.push(performance.now() - t);
}
console.log(
  `HTML report (${names.length} charts, ${(size / 1024).toFixed(0)} KB): ${median(reports).toFixed(0)} ms`,
);
