/**
 * What formulas of derived indicators cost: loading mathjs's parser (once per process, on the
 * first formula) and compiling a formula (once per distinct text). Prints one JSON line per
 * module loaded in a fresh Node process (median and spread of `--runs` processes: load time and
 * heap growth), then the time to compile a formula once mathjs is loaded.
 *
 *     npm run bench:formula [-- --runs 5]
 *
 * `zod` is the core's only runtime dependency, for scale; `mathjs/number` is what the library
 * loads; `mathjs` is the full build, which it does not load. docs/dependencies.md records the
 * figures.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { compileFormula } from "../src/internal/compileFormula.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const runs = option("runs", 5);
const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};
const round = (x: number) => Math.round(x * 10) / 10;

// One fresh process per measurement, modules alternating so that machine noise spreads evenly.
const modules = ["zod", "mathjs/number", "mathjs"];
const probe = (name: string) =>
  `const h = process.memoryUsage().heapUsed; const t = performance.now(); require(${JSON.stringify(name)});` +
  "console.log(JSON.stringify([performance.now() - t, process.memoryUsage().heapUsed - h]));";
const samples = new Map(modules.map((m) => [m, [] as [number, number][]]));
for (let r = 0; r < runs; r++)
  for (const name of modules) {
    const out = execFileSync(process.execPath, ["-e", probe(name)], { encoding: "utf8" });
    samples.get(name)!.push(JSON.parse(out) as [number, number]);
  }
for (const [name, s] of samples) {
  const ms = s.map((x) => x[0]);
  console.log(
    JSON.stringify({
      module: name,
      loadMs: round(median(ms)),
      spreadMs: [round(Math.min(...ms)), round(Math.max(...ms))],
      heapMB: round(median(s.map((x) => x[1])) / 1e6),
      runs,
    }),
  );
}

// In this process: the first compile loads mathjs/number; later ones only parse and emit.
const t0 = performance.now();
compileFormula("gdp / population_resident * 10000");
const firstMs = performance.now() - t0;
const n = 2000;
const t1 = performance.now();
for (let k = 0; k < n; k++) compileFormula(`gdp / population_resident * ${k + 1}`);
const eachMs = (performance.now() - t1) / n;
console.log(
  JSON.stringify({
    firstCompileMs: round(firstMs),
    compileMsEach: Math.round(eachMs * 1000) / 1000,
  }),
);
