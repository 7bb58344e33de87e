/**
 * The measurements behind `docs/dependencies.md`: for each numeric routine where a dependency
 * offers the same function, its largest error against SciPy (reference values in
 * `scripts/reference/scipy-special.json`, written by `scripts/reference/scipy_special.py`) and,
 * for sums, exactness and speed.
 *
 * Run: npm run measure:dependencies
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gammaln, probit, sum } from "simple-statistics";
import { logGamma } from "../src/internal/logGamma.js";
import { normalQuantile } from "../src/internal/normalQuantile.js";

const here = dirname(fileURLToPath(import.meta.url));
const ref = JSON.parse(readFileSync(join(here, "reference/scipy-special.json"), "utf8")) as {
  scipy: string;
  normalQuantile: [number, number][];
  logGamma: [number, number][];
};

function maxError(pairs: [number, number][], f: (x: number) => number, relative: boolean): number {
  let worst = 0;
  for (const [x, want] of pairs) {
    const scale = relative ? Math.max(1, Math.abs(want)) : 1;
    worst = Math.max(worst, Math.abs(f(x) - want) / scale);
  }
  return worst;
}

/** The compensated loop `fsum` used before it delegated to simple-statistics. */
function neumaierLoop(values: Iterable<number>): number {
  let s = 0;
  let c = 0;
  for (const v of values) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

function timeMs(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

console.log(`reference: SciPy ${ref.scipy}`);
console.log(
  `normal quantile, largest absolute error over ${ref.normalQuantile.length} points in [1e-10, 1-1e-6]:`,
);
console.log(
  `  regionsim normalQuantile (AS 241)   ${maxError(ref.normalQuantile, normalQuantile, false).toExponential(2)}`,
);
console.log(
  `  simple-statistics probit           ${maxError(ref.normalQuantile, probit, false).toExponential(2)}`,
);
console.log(`ln Γ(x), largest relative error over ${ref.logGamma.length} points in [0.1, 1000.5]:`);
console.log(
  `  regionsim logGamma → simple-statistics gammaln  ${maxError(ref.logGamma, logGamma, true).toExponential(2)}`,
);
console.log(
  `  simple-statistics gammaln                        ${maxError(ref.logGamma, gammaln, true).toExponential(2)}`,
);

const hard = [1, 1e100, 1, -1e100];
console.log(
  `sum of [1, 1e100, 1, -1e100] (exactly 2): hand loop ${neumaierLoop(hard)}, simple-statistics ${sum(hard)}`,
);
for (const n of [3, 9, 1000]) {
  const xs = Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3);
  const reps = Math.round(3e6 / n);
  const loop: number[] = [];
  const lib: number[] = [];
  let same = true;
  for (let round = 0; round < 5; round++) {
    let a = 0;
    let b = 0;
    loop.push(
      timeMs(() => {
        for (let r = 0; r < reps; r++) a += neumaierLoop(xs);
      }),
    );
    lib.push(
      timeMs(() => {
        for (let r = 0; r < reps; r++) b += sum(xs);
      }),
    );
    same &&= a === b;
  }
  const median = (v: number[]) => [...v].sort((x, y) => x - y)[2]?.toFixed(1);
  console.log(
    `sum of ${n} numbers × ${reps}: hand loop median ${median(loop)} ms, simple-statistics ${median(lib)} ms (5 alternating runs), identical results: ${same}`,
  );
}
