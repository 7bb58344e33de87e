/**
 * The measurements behind `docs/dependencies.md`: for each numeric routine where a dependency
 * offers the same function, its largest error against SciPy (reference values in
 * `scripts/reference/scipy-special.json`, written by `scripts/reference/scipy_special.py`) and,
 * for sums, exactness and speed.
 *
 * Run: npm run measure:dependencies
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gammaln, probit, standardDeviation, sum } from "simple-statistics";
import { olsFit } from "../src/analysis/internal/olsFit.js";
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

// ml-regression's MultivariateLinearRegression on the β-convergence regression of Qujing's seven
// places, 2000–2018 (x = ln GDP per capita 2000, y = its average log growth to 2018; the values
// of test/analysis/betaConvergence.test.ts), against NumPy 2.4's lstsq: β = −0.009198332044953067,
// α = 0.19166392193233103, SE(β) = 0.0049012048745271574 (s² (AᵀA)⁻¹, s² = RSS/5).
const gdp0 = [75.1299, 29.493, 19.4517, 20.4209, 10.1878, 19.1797, 20.23];
const pop0 = [60.6, 130, 88.7, 58.4, 34.7, 52.3, 65.4];
const gdp1 = [651.86, 280.76, 190.02, 175.68, 119.08, 178.63, 155.35];
const pop1 = [78.1, 137.47, 96.02, 64.69, 41.09, 57.88, 75.14];
const y0 = gdp0.map((g, i) => (1e4 * g) / (pop0[i] as number));
const lnY0 = y0.map(Math.log);
const growth = y0.map(
  (v, i) => Math.log((1e4 * (gdp1[i] as number)) / (pop1[i] as number) / v) / 18,
);
const numpy = {
  beta: -0.009198332044953067,
  alpha: 0.19166392193233103,
  se: 0.0049012048745271574,
};
const rel = (got: number, want: number) => (Math.abs(got - want) / Math.abs(want)).toExponential(1);
const loadStart = performance.now();
const { MultivariateLinearRegression } = createRequire(import.meta.url)("ml-regression") as {
  MultivariateLinearRegression: new (
    x: number[][],
    y: number[][],
  ) => { weights: number[][]; stdErrors: number[] };
};
const loadMs = performance.now() - loadStart;
const raw = new MultivariateLinearRegression(
  lnY0.map((v) => [v]),
  growth.map((v) => [v]),
);
const fit = olsFit(
  lnY0.map((v) => [v]),
  growth,
);
console.log("β-convergence regression, 7 places (relative error against NumPy lstsq):");
console.log(
  `  ml-regression on raw ln y0        β ${rel(raw.weights[0]?.[0] as number, numpy.beta)}, α ${rel(raw.weights[1]?.[0] as number, numpy.alpha)}, SE(β) ${rel(raw.stdErrors[0] as number, numpy.se)}`,
);
console.log(
  `  olsFit (ml-regression, centred)   β ${rel(fit.coefficients[1]?.estimate as number, numpy.beta)}, α ${rel(fit.coefficients[0]?.estimate as number, numpy.alpha)}, SE(β) ${rel(fit.coefficients[1]?.standardError as number, numpy.se)}`,
);
const reps = 10_000;
const fitMs = timeMs(() => {
  for (let r = 0; r < reps; r++)
    olsFit(
      lnY0.map((v) => [v]),
      growth,
    );
});
console.log(
  `  loading ml-regression ${loadMs.toFixed(0)} ms (first require); one fit ${((fitMs / reps) * 1000).toFixed(0)} µs`,
);

// Unweighted moments of the disparity measures (CV) and of Morris's σ: simple-statistics'
// mean and standard deviations, against Python's `statistics.pstdev`, which computes with exact
// fractions (values written below), on series whose spread is tiny against their level.
const spread = [
  { values: Array.from({ length: 9 }, (_, i) => 1e9 + i + 1), pstdev: 2.581988897471611 },
  { values: Array.from({ length: 9 }, (_, i) => 0.1 * (i + 1) + 1e6), pstdev: 0.2581988897571806 },
];
console.log("population standard deviation (relative error against Python statistics.pstdev):");
for (const { values, pstdev } of spread)
  console.log(
    `  n ${values.length}, level ${values[0]?.toExponential(0)}: simple-statistics standardDeviation ${rel(standardDeviation(values), pstdev)}`,
  );
