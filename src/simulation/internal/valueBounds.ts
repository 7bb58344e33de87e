import { formulaRange } from "../../internal/formulaAnalysis.js";
import type { FormulaProgram } from "../../internal/formulaProgram.js";
import { inverseLogit } from "../../models/modelScale.js";
/** A closed interval [lo, hi]. */
export type Interval = readonly [number, number];

/**
 * Where a value lies with overwhelming probability, per year (index t = 1 … T; index 0 unused),
 * on each scale it can be counted on: `log` when it is positive, `logit` when it lies in
 * `logitRange`, `lin` always. An entry of `log` is undefined in a year the value can be 0.
 */
export interface Bounds {
  readonly log: (Interval | undefined)[] | undefined;
  readonly logit: (Interval | undefined)[] | undefined;
  readonly lin: Interval[];
  /** Bounds of the logit scale when `logit` is set. */
  readonly logitRange?: readonly [number, number];
}

/** log Σ exp(v), stable for large and very negative v (−∞ for no values). */
export function logSumExp(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (const v of values) s += Math.exp(v - m);
  return m + Math.log(s);
}

/** The value `lo + (hi − lo) / (1 + e^−y)` of a logit-scale y, without overflow. */
export function logistic(y: number, lo: number, hi: number): number {
  return lo + (hi - lo) * inverseLogit(y);
}

function mapIntervals(ivs: readonly Interval[], map: (y: number) => number): Interval[] {
  return ivs.map(([a, b]) => [map(a), map(b)] as const);
}

/** The bounds of a series' value from its modelling-scale intervals. */
export function seriesBounds(
  scale: "log" | "logit" | "linear",
  ivs: Interval[],
  range: readonly [number, number],
): Bounds {
  const [lo, hi] = range;
  if (scale === "log") return { log: ivs, logit: undefined, lin: mapIntervals(ivs, Math.exp) };
  if (scale === "logit")
    return {
      log: undefined,
      logit: ivs,
      lin: mapIntervals(ivs, (y) => logistic(y, lo, hi)),
      logitRange: [lo, hi],
    };
  return { log: undefined, logit: undefined, lin: ivs };
}

/** The bounds of a sum: on the log scale when every input is positive. */
export function sumBounds(inputs: readonly Bounds[], T: number): Bounds {
  const allLog = inputs.every((x) => x.log !== undefined);
  const log: Interval[] | undefined = allLog ? [[0, 0]] : undefined;
  const lin: Interval[] = [[0, 0]];
  for (let t = 1; t <= T; t++) {
    if (log !== undefined)
      log.push([
        logSumExp(inputs.map((x) => x.log![t]![0])),
        logSumExp(inputs.map((x) => x.log![t]![1])),
      ]);
    let a = 0;
    let b = 0;
    for (const x of inputs) {
      a += x.lin[t]![0];
      b += x.lin[t]![1];
    }
    lin.push([a, b]);
  }
  return { log, logit: undefined, lin };
}

/** The bounds of `scale · num / den` for a positive numerator and denominator (log bounds). */
export function ratioBounds(
  num: readonly (Interval | undefined)[],
  den: readonly (Interval | undefined)[],
  scale: number,
  T: number,
): Bounds {
  const log: Interval[] = [[0, 0]];
  const ls = Math.log(scale);
  for (let t = 1; t <= T; t++) {
    const [na, nb] = num[t]!;
    const [da, db] = den[t]!;
    log.push([na - db + ls, nb - da + ls]);
  }
  return { log, logit: undefined, lin: mapIntervals(log, Math.exp) };
}

/**
 * The bounds of a weighted mean, which lies between its smallest and largest input on any
 * monotone scale.
 */
export function hullBounds(
  inputs: readonly Bounds[],
  T: number,
  logitRange: readonly [number, number] | undefined,
): Bounds {
  const hull = (
    get: (x: Bounds) => (Interval | undefined)[] | undefined,
  ): Interval[] | undefined => {
    if (inputs.some((x) => get(x) === undefined)) return undefined;
    const out: Interval[] = [[0, 0]];
    for (let t = 1; t <= T; t++)
      out.push([
        Math.min(...inputs.map((x) => get(x)![t]![0])),
        Math.max(...inputs.map((x) => get(x)![t]![1])),
      ]);
    return out;
  };
  return {
    log: hull((x) => x.log),
    logit: hull((x) => x.logit),
    lin: hull((x) => x.lin)!,
    ...(logitRange !== undefined ? { logitRange } : {}),
  };
}

/**
 * The bounds of the sum of an input over the years `fromT … t`: 0 before `fromT`, which has no
 * log, so those years are linear only.
 */
export function cumulativeBounds(input: Bounds, fromT: number, T: number): Bounds {
  const log: Interval[] | undefined = input.log === undefined ? undefined : [[0, 0]];
  const lin: Interval[] = [[0, 0]];
  const logOk: boolean[] = [false];
  for (let t = 1; t <= T; t++) {
    if (t < fromT) {
      lin.push([0, 0]);
      log?.push([0, 0]);
      logOk.push(false);
      continue;
    }
    let a = 0;
    let b = 0;
    for (let u = fromT; u <= t; u++) {
      a += input.lin[u]![0];
      b += input.lin[u]![1];
    }
    lin.push([a, b]);
    if (log !== undefined) {
      const span = Array.from({ length: t - fromT + 1 }, (_, k) => input.log![fromT + k]!);
      log.push([logSumExp(span.map((x) => x[0])), logSumExp(span.map((x) => x[1]))]);
      logOk.push(true);
    }
  }
  return { log: log?.map((iv, t) => (logOk[t] ? iv : undefined)), logit: undefined, lin };
}

/**
 * The widest a histogram grid of a formula's value reaches where interval arithmetic gives no
 * bound (a denominator whose range holds 0): values beyond it are counted as outside the grid.
 */
const FORMULA_REACH = 1e300;

/**
 * The bounds of a formula of the inputs (`formulaRange` on their linear bounds, year by year), on
 * the log scale where the value is positive in every year. Where the formula has no finite bound
 * in a year (a division by a value that can be 0) the interval is cut at ±1e300: probabilities are
 * counted on every path, but the quantiles of such a value are only as fine as that grid.
 */
export function formulaBounds(
  program: FormulaProgram,
  inputs: readonly Bounds[],
  T: number,
): Bounds {
  const lin: Interval[] = [[0, 0]];
  let positive = true;
  for (let t = 1; t <= T; t++) {
    const [a, b] = formulaRange(
      program,
      inputs.map((x) => x.lin[t]!),
    );
    const lo = Number.isFinite(a) ? a : -FORMULA_REACH;
    const hi = Number.isFinite(b) ? b : FORMULA_REACH;
    lin.push(lo <= hi ? [lo, hi] : [-FORMULA_REACH, FORMULA_REACH]);
    if (!(a > 0 && Number.isFinite(b))) positive = false;
  }
  return {
    log: positive ? mapIntervals(lin, (v) => (v > 0 ? Math.log(v) : 0)) : undefined,
    logit: undefined,
    lin,
  };
}
