import type { SimulationSeriesRef } from "../../targets/simulatedCondition.js";
import type { SimulationPlan } from "../simulationPlan.js";
import { hashString } from "./hashString.js";
import { type HistogramGrid, type HistogramScale, histogramGrid } from "./quantileHistogram.js";
import type {
  KernelCondition,
  KernelHistogram,
  KernelOp,
  KernelSampleSeries,
  KernelSpec,
  KernelTarget,
  KernelTransform,
} from "./simulationKernel.js";

/**
 * Paths per block: the unit of work and of random streams (changing it changes every result).
 * 1024 keeps a block's working set (3 arrays of 8 bytes per path and series) in the L2 cache for
 * a city-sized plan: 4096 ran 40% slower on the benchmark.
 */
export const BLOCK_SIZE = 1024;

/**
 * Half-width of a histogram grid in standard deviations of a series' cumulated shock. A series
 * leaves its range with probability 2·Φ(−6) ≈ 2e-9; an aggregate only if a member does.
 */
const GRID_SDS = 6;

/** What the summaries need to turn a histogram back into numbers on the original scale. */
export interface CompiledHistogram {
  readonly grid: HistogramGrid;
  readonly scale: HistogramScale;
  readonly back: (y: number) => number;
}

/** A fan-chart series of the compiled run. */
export interface CompiledSeries {
  readonly scope: string;
  readonly indicator: string;
  readonly kind: "place" | "group";
  readonly scale: HistogramScale;
  /** Index of its year-1 histogram; year t is `firstHistogram + t − 1`. */
  readonly firstHistogram: number;
}

/** A target of the compiled run, with what its summary needs. */
export interface CompiledTarget {
  readonly id: string;
  readonly year: number | null;
  readonly evaluatedYear: number;
  readonly windowYears: readonly number[];
  readonly firstT: number;
  /** Per condition: its gap histogram and its threshold in the evaluated year. */
  readonly conditions: readonly { readonly histogram: number; readonly threshold: number }[];
}

/** A plan and run options compiled for the kernel, plus what the summaries need. */
export interface CompiledSimulation {
  readonly spec: KernelSpec;
  readonly histograms: readonly CompiledHistogram[];
  readonly series: readonly CompiledSeries[];
  readonly targets: readonly CompiledTarget[];
  readonly years: readonly number[];
  readonly fingerprint: string;
}

/** Run options that shape the compiled simulation. */
export interface CompileOptions {
  readonly paths: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  readonly series: readonly SimulationSeriesRef[] | undefined;
  readonly samplePaths: number;
}

type Interval = readonly [number, number];

/** Where a value lies with overwhelming probability, per year (index t), on each usable scale. */
interface Bounds {
  readonly log: (Interval | undefined)[] | undefined;
  readonly logit: (Interval | undefined)[] | undefined;
  readonly lin: Interval[];
  /** Bounds of the logit scale when `logit` is set. */
  readonly logitRange?: readonly [number, number];
}

interface Source {
  /** Value buffer (original scale), filled every year. */
  readonly buffer: number;
  readonly bounds: Bounds;
}

const SCALE_CODE = { log: 0, logit: 1, linear: 2 } as const;

function logSumExp(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (const v of values) s += Math.exp(v - m);
  return m + Math.log(s);
}

function logistic(y: number, lo: number, hi: number): number {
  const p = y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
  return lo + (hi - lo) * p;
}

/**
 * Validates a parsed plan against itself (ids, shapes, references) and compiles it with the run
 * options into a kernel spec. Throws `simulate: …` errors: the plan is a contract between the
 * scenario runner and the engine, so a broken one is a programming error.
 */
export function compileSimulation(
  plan: SimulationPlan,
  options: CompileOptions,
): CompiledSimulation {
  const fail = (message: string): never => {
    throw new RangeError(`simulate: ${message}`);
  };
  const T = plan.years;
  const P = plan.places.length;
  const I = plan.indicators.length;
  const placeIndex = new Map<string, number>();
  plan.places.forEach((id, p) => {
    if (placeIndex.has(id)) fail(`plan.places has "${id}" twice`);
    placeIndex.set(id, p);
  });
  const indicatorIndex = new Map<string, number>();
  plan.indicators.forEach((ind, i) => {
    if (indicatorIndex.has(ind.id)) fail(`plan.indicators has "${ind.id}" twice`);
    indicatorIndex.set(ind.id, i);
  });
  const groupIndex = new Map<string, number>();
  plan.groups.forEach((g, k) => {
    if (groupIndex.has(g.id) || placeIndex.has(g.id))
      fail(`plan.groups: "${g.id}" is already a place or group id`);
    groupIndex.set(g.id, k);
    const seen = new Set<string>();
    for (const m of g.members) {
      if (!placeIndex.has(m)) fail(`plan.groups "${g.id}" has an unknown member "${m}"`);
      if (seen.has(m)) fail(`plan.groups "${g.id}" lists "${m}" twice`);
      seen.add(m);
    }
  });
  if (plan.baseline.length !== P)
    fail(`plan.baseline must have ${P} rows, one per place (got ${plan.baseline.length})`);
  if (plan.sigma.length !== P)
    fail(`plan.sigma must have ${P} rows, one per place (got ${plan.sigma.length})`);
  for (let p = 0; p < P; p++) {
    const row = plan.baseline[p]!;
    const srow = plan.sigma[p]!;
    if (row.length !== I)
      fail(`plan.baseline[${p}] must have ${I} entries, one per indicator (got ${row.length})`);
    if (srow.length !== I)
      fail(`plan.sigma[${p}] must have ${I} entries, one per indicator (got ${srow.length})`);
    for (let i = 0; i < I; i++) {
      const path = row[i];
      if (path !== null && path !== undefined && path.length !== T)
        fail(`plan.baseline[${p}][${i}] must have ${T} values, one per year (got ${path.length})`);
    }
  }
  if (plan.start !== undefined) {
    if (plan.start.length !== P)
      fail(`plan.start must have ${P} rows, one per place (got ${plan.start.length})`);
    plan.start.forEach((row, p) => {
      if (row.length !== I)
        fail(`plan.start[${p}] must have ${I} entries, one per indicator (got ${row.length})`);
      row.forEach((t, i) => {
        if (t > T + 1) fail(`plan.start[${p}][${i}] must be at most ${T + 1} (got ${t})`);
      });
    });
  }
  const bounds = plan.indicators.map((ind) => {
    const b = ind.bounds ?? [0, 100];
    if (ind.scale === "logit" && !(b[1] > b[0]))
      fail(`indicator "${ind.id}" needs bounds lo < hi (got [${b[0]}, ${b[1]}])`);
    return b;
  });

  // Series, grouped by indicator, then place order.
  const seriesOf = new Map<string, number>();
  const seriesPlace: number[] = [];
  const seriesInd: number[] = [];
  const indicatorStart = new Int32Array(I + 1);
  for (let i = 0; i < I; i++) {
    indicatorStart[i] = seriesPlace.length;
    for (let p = 0; p < P; p++) {
      if (plan.baseline[p]![i] == null) continue;
      seriesOf.set(`${p}:${i}`, seriesPlace.length);
      seriesPlace.push(p);
      seriesInd.push(i);
    }
  }
  indicatorStart[I] = seriesPlace.length;
  const S = seriesPlace.length;
  const seriesBase = new Float64Array(S * T);
  const seriesA = new Float64Array(S);
  const seriesB = new Float64Array(S);
  const seriesPhi = new Float64Array(S);
  const seriesStart = new Int32Array(S).fill(1);
  const seriesScale = new Int32Array(S);
  const seriesLo = new Float64Array(S);
  const seriesHi = new Float64Array(S);
  const seriesValue = new Int32Array(S).fill(-1);
  const seriesKey = new Float64Array(S);
  const indicatorKey = new Float64Array(I);
  const keys = new Set<number>();
  const key = (text: string): number => {
    const k = hashString(text);
    if (keys.has(k)) fail(`two series share a stream key (${text}); rename one`);
    keys.add(k);
    return k;
  };
  plan.indicators.forEach((ind, i) => {
    indicatorKey[i] = key(`factor\u0000${ind.id}`);
  });
  // Per series and year: the modelling-scale interval [base ± GRID_SDS·sd].
  const yInterval: Interval[][] = [];
  for (let s = 0; s < S; s++) {
    const p = seriesPlace[s]!;
    const i = seriesInd[s]!;
    const ind = plan.indicators[i]!;
    const sigma = plan.sigma[p]![i]!;
    const base = plan.baseline[p]![i]!;
    seriesBase.set(base, s * T);
    seriesA[s] = sigma * Math.sqrt(ind.rho);
    seriesB[s] = sigma * Math.sqrt(1 - ind.rho);
    seriesPhi[s] = ind.phi;
    const start = plan.start?.[p]?.[i] ?? 1;
    seriesStart[s] = start;
    seriesScale[s] = SCALE_CODE[ind.scale];
    seriesLo[s] = bounds[i]![0];
    seriesHi[s] = bounds[i]![1];
    seriesKey[s] = key(`series\u0000${plan.places[p]}\u0000${ind.id}`);
    // Var(Σ_{s≤t} e_s) = sigma² · Σ_{j=1..t} ((1 − phi^j) / (1 − phi))² for AR(1) shocks e.
    const intervals: Interval[] = [[0, 0]];
    let acc = 0;
    let power = 1;
    for (let t = 1; t <= T; t++) {
      if (t < start) {
        // No shocks before the series' first projected year: its value is the baseline.
        intervals.push([base[t - 1]!, base[t - 1]!]);
        continue;
      }
      power *= ind.phi;
      const c = (1 - power) / (1 - ind.phi);
      acc += c * c;
      const r = GRID_SDS * sigma * Math.sqrt(acc);
      const b = base[t - 1]!;
      intervals.push([b - r, b + r]);
    }
    yInterval.push(intervals);
  }

  let buffers = 0;
  const ops: KernelOp[] = [];
  const sources = new Map<string, Source>();
  const fromIntervals = (ivs: readonly Interval[], map: (y: number) => number): Interval[] =>
    ivs.map(([a, b]) => [map(a), map(b)] as const);

  const placeSource = (p: number, i: number, what: string): Source => {
    const id = `place:${p}:${i}`;
    const known = sources.get(id);
    if (known !== undefined) return known;
    const s = seriesOf.get(`${p}:${i}`);
    if (s === undefined)
      return fail(
        `${what} needs ${plan.places[p]} × ${plan.indicators[i]!.id}, which is inactive (null baseline)`,
      );
    const buffer = buffers++;
    seriesValue[s] = buffer;
    const ind = plan.indicators[i]!;
    const ivs = yInterval[s]!;
    const [lo, hi] = bounds[i]!;
    let b: Bounds;
    if (ind.scale === "log") b = { log: ivs, logit: undefined, lin: fromIntervals(ivs, Math.exp) };
    else if (ind.scale === "logit")
      b = {
        log: undefined,
        logit: ivs,
        lin: fromIntervals(ivs, (y) => logistic(y, lo, hi)),
        logitRange: [lo, hi],
      };
    else b = { log: undefined, logit: undefined, lin: ivs };
    const src = { buffer, bounds: b };
    sources.set(id, src);
    return src;
  };

  const sumBounds = (inputs: readonly Source[]): Bounds => {
    const allLog = inputs.every((x) => x.bounds.log !== undefined);
    const log: Interval[] | undefined = allLog ? [[0, 0]] : undefined;
    const lin: Interval[] = [[0, 0]];
    for (let t = 1; t <= T; t++) {
      if (log !== undefined)
        log.push([
          logSumExp(inputs.map((x) => x.bounds.log![t]![0])),
          logSumExp(inputs.map((x) => x.bounds.log![t]![1])),
        ]);
      let a = 0;
      let b = 0;
      for (const x of inputs) {
        a += x.bounds.lin[t]![0];
        b += x.bounds.lin[t]![1];
      }
      lin.push([a, b]);
    }
    return { log, logit: undefined, lin };
  };

  const groupSum = (g: number, i: number, what: string): Source => {
    const id = `sum:${g}:${i}`;
    const known = sources.get(id);
    if (known !== undefined) return known;
    const group = plan.groups[g]!;
    const inputs = group.members.map((m) => placeSource(placeIndex.get(m)!, i, what));
    const buffer = buffers++;
    ops.push({ op: 0, out: buffer, inputs: inputs.map((x) => x.buffer) });
    const src = { buffer, bounds: sumBounds(inputs) };
    sources.set(id, src);
    return src;
  };

  const ratioSource = (
    num: Source,
    den: Source,
    scale: number,
    id: string,
    what: string,
  ): Source => {
    const known = sources.get(id);
    if (known !== undefined) return known;
    if (num.bounds.log === undefined || den.bounds.log === undefined)
      return fail(`${what}: a ratio needs a numerator and a denominator on the log scale`);
    const buffer = buffers++;
    ops.push({ op: 1, out: buffer, num: num.buffer, den: den.buffer, scale });
    const log: Interval[] = [[0, 0]];
    const ls = Math.log(scale);
    for (let t = 1; t <= T; t++) {
      const [na, nb] = num.bounds.log[t]!;
      const [da, db] = den.bounds.log[t]!;
      log.push([na - db + ls, nb - da + ls]);
    }
    const src = { buffer, bounds: { log, logit: undefined, lin: fromIntervals(log, Math.exp) } };
    sources.set(id, src);
    return src;
  };

  const groupSource = (g: number, i: number, what: string): Source => {
    const ind = plan.indicators[i]!;
    const group = plan.groups[g]!;
    const agg = ind.aggregation;
    if (agg.rule === "sum") return groupSum(g, i, what);
    if (agg.rule === "ratio") {
      const ni = indicatorIndex.get(agg.numerator);
      const di = indicatorIndex.get(agg.denominator);
      if (ni === undefined || di === undefined)
        return fail(
          `indicator "${ind.id}" aggregates as a ratio of unknown indicators "${agg.numerator}" / "${agg.denominator}"`,
        );
      return ratioSource(
        groupSum(g, ni, what),
        groupSum(g, di, what),
        agg.scale,
        `ratio:${g}:${i}`,
        what,
      );
    }
    if (agg.rule === "weighted-mean") {
      const id = `wmean:${g}:${i}`;
      const known = sources.get(id);
      if (known !== undefined) return known;
      const wi = indicatorIndex.get(agg.weight);
      if (wi === undefined)
        return fail(`indicator "${ind.id}" is weighted by an unknown indicator "${agg.weight}"`);
      const members = group.members.map((m) => placeIndex.get(m)!);
      const inputs = members.map((p) => placeSource(p, i, what));
      const weights = members.map((p) => placeSource(p, wi, what));
      if (weights.some((w) => w.bounds.log === undefined))
        return fail(
          `${what}: the weight "${agg.weight}" of a weighted mean must be on the log scale`,
        );
      const buffer = buffers++;
      ops.push({
        op: 2,
        out: buffer,
        inputs: inputs.map((x) => x.buffer),
        weights: weights.map((x) => x.buffer),
      });
      // A weighted mean lies between its smallest and largest input, on any monotone scale.
      const hull = (
        get: (x: Source) => (Interval | undefined)[] | undefined,
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
      const b: Bounds = {
        log: hull((x) => x.bounds.log),
        logit: hull((x) => x.bounds.logit),
        lin: hull((x) => x.bounds.lin)!,
        ...(ind.scale === "logit" ? { logitRange: bounds[i]! } : {}),
      };
      const src = { buffer, bounds: b };
      sources.set(id, src);
      return src;
    }
    return fail(
      `${what} needs group "${group.id}" × "${ind.id}", but "${ind.id}" does not aggregate (rule "none")`,
    );
  };

  const active = (p: number, i: number): boolean => seriesOf.has(`${p}:${i}`);
  const canAggregate = (g: number, i: number): boolean => {
    const members = plan.groups[g]!.members.map((m) => placeIndex.get(m)!);
    const all = (k: number | undefined, log: boolean): boolean =>
      k !== undefined &&
      (!log || plan.indicators[k]!.scale === "log") &&
      members.every((p) => active(p, k));
    const agg = plan.indicators[i]!.aggregation;
    if (agg.rule === "sum") return all(i, false);
    if (agg.rule === "ratio")
      return (
        all(indicatorIndex.get(agg.numerator), true) &&
        all(indicatorIndex.get(agg.denominator), true)
      );
    if (agg.rule === "weighted-mean")
      return all(i, false) && all(indicatorIndex.get(agg.weight), true);
    return false;
  };

  const resolve = (
    ref: SimulationSeriesRef,
    what: string,
  ): { source: () => Source; place: number | undefined; indicator: number } => {
    const i = indicatorIndex.get(ref.indicator);
    if (i === undefined) return fail(`${what} refers to an unknown indicator "${ref.indicator}"`);
    const p = placeIndex.get(ref.scope);
    if (p !== undefined) return { source: () => placeSource(p, i, what), place: p, indicator: i };
    const g = groupIndex.get(ref.scope);
    if (g === undefined) return fail(`${what} refers to an unknown place or group "${ref.scope}"`);
    return { source: () => groupSource(g, i, what), place: undefined, indicator: i };
  };

  // Histograms.
  const histograms: KernelHistogram[] = [];
  const compiledHistograms: CompiledHistogram[] = [];
  let totalBins = 0;
  const histogramKeys = new Map<string, number>();
  const addHistogram = (
    t: number,
    srcKind: 0 | 1,
    src: number,
    scale: HistogramScale,
    interval: Interval,
    range: readonly [number, number],
    transformOverride?: KernelTransform,
  ): number => {
    const grid = histogramGrid(interval[0], interval[1], scale);
    const transform: KernelTransform =
      transformOverride ?? (scale === "log" ? 1 : scale === "logit" ? 2 : 0);
    // Bounds matter only on the logit scale; elsewhere fix them so that equal histograms match.
    const [lo, hi] = scale === "logit" ? range : [0, 1];
    // The same values in the same year on the same grid (a target measured on a fan-chart series)
    // are counted once.
    const key = [t, srcKind, src, transform, lo, hi, grid.lo, grid.width, grid.bins].join(":");
    const alias = histogramKeys.get(key);
    histograms.push({
      t,
      srcKind,
      src,
      transform,
      tlo: lo,
      thi: hi,
      gridLo: grid.lo,
      invWidth: grid.invWidth,
      bins: grid.bins,
      offset: alias === undefined ? totalBins : histograms[alias]!.offset,
      alias: alias ?? -1,
    });
    if (alias === undefined) {
      histogramKeys.set(key, histograms.length - 1);
      totalBins += grid.bins;
    }
    const back =
      scale === "log"
        ? Math.exp
        : scale === "logit"
          ? (y: number) => logistic(y, lo, hi)
          : (y: number) => y;
    compiledHistograms.push({ grid, scale, back });
    return histograms.length - 1;
  };
  const bestScale = (
    b: Bounds,
    prefer?: HistogramScale,
  ): { scale: HistogramScale; ivs: (Interval | undefined)[] } => {
    if (prefer === "logit" && b.logit !== undefined) return { scale: "logit", ivs: b.logit };
    if (prefer === "linear") return { scale: "linear", ivs: b.lin };
    if (b.log !== undefined) return { scale: "log", ivs: b.log };
    if (b.logit !== undefined) return { scale: "logit", ivs: b.logit };
    return { scale: "linear", ivs: b.lin };
  };

  // Fan-chart series.
  const requested = options.series;
  const fanRefs: { ref: SimulationSeriesRef; explicit: boolean }[] = [];
  if (requested !== undefined) {
    const seen = new Set<string>();
    for (const ref of requested) {
      const k = `${ref.scope}\u0000${ref.indicator}`;
      if (seen.has(k)) fail(`options.series lists ${ref.scope} × ${ref.indicator} twice`);
      seen.add(k);
      fanRefs.push({ ref, explicit: true });
    }
  } else {
    for (const place of plan.places)
      for (const ind of plan.indicators)
        fanRefs.push({ ref: { scope: place, indicator: ind.id }, explicit: false });
    for (const group of plan.groups)
      for (const ind of plan.indicators)
        fanRefs.push({ ref: { scope: group.id, indicator: ind.id }, explicit: false });
  }
  const series: CompiledSeries[] = [];
  const sampleSeries: KernelSampleSeries[] = [];
  for (const { ref, explicit } of fanRefs) {
    const what = `series ${ref.scope} × ${ref.indicator}`;
    const r = resolve(ref, what);
    const ind = plan.indicators[r.indicator]!;
    const range = bounds[r.indicator]!;
    if (r.place !== undefined) {
      const s = seriesOf.get(`${r.place}:${r.indicator}`);
      if (s === undefined) {
        if (explicit) fail(`${what} is inactive (null baseline)`);
        continue;
      }
      const scale = ind.scale;
      const first = histograms.length;
      for (let t = 1; t <= T; t++) addHistogram(t, 0, s, scale, yInterval[s]![t]!, range, 0);
      series.push({
        scope: ref.scope,
        indicator: ref.indicator,
        kind: "place",
        scale,
        firstHistogram: first,
      });
      sampleSeries.push({ srcKind: 0, src: s });
      continue;
    }
    // Defaults skip what cannot be aggregated; an explicit request says why it cannot.
    if (!explicit && !canAggregate(groupIndex.get(ref.scope)!, r.indicator)) continue;
    const source = r.source();
    const agg = ind.aggregation.rule;
    const prefer: HistogramScale | undefined =
      agg === "weighted-mean"
        ? ind.scale
        : agg === "sum" && ind.scale !== "log"
          ? "linear"
          : undefined;
    const { scale, ivs } = bestScale(source.bounds, prefer);
    const hRange = source.bounds.logitRange ?? range;
    const first = histograms.length;
    for (let t = 1; t <= T; t++) addHistogram(t, 1, source.buffer, scale, ivs[t]!, hRange);
    series.push({
      scope: ref.scope,
      indicator: ref.indicator,
      kind: "group",
      scale,
      firstHistogram: first,
    });
    sampleSeries.push({ srcKind: 1, src: source.buffer });
  }

  // Targets.
  const years = Array.from({ length: T }, (_, k) => plan.baseYear + k + 1);
  const toT = (year: number, what: string): number => {
    const t = year - plan.baseYear;
    if (!(t >= 1 && t <= T))
      fail(`${what} must be a simulated year ${years[0]}–${years[T - 1]} (got ${year})`);
    return t;
  };
  const targetIds = new Set<string>();
  const kernelTargets: KernelTarget[] = [];
  const compiledTargets: CompiledTarget[] = [];
  for (const target of plan.targets) {
    const what = `target "${target.id}"`;
    if (targetIds.has(target.id)) fail(`plan.targets has "${target.id}" twice`);
    targetIds.add(target.id);
    const fromT = target.window === undefined ? 1 : toT(target.window.from, `${what}: window.from`);
    const lastT = target.window === undefined ? T : toT(target.window.to, `${what}: window.to`);
    const dueT = target.year === null ? 0 : toT(target.year, `${what}: year`);
    if (dueT !== 0 && (dueT < fromT || dueT > lastT))
      fail(
        `${what}: year ${target.year} must lie in its window ${years[fromT - 1]}–${years[lastT - 1]}`,
      );
    const evalT = dueT === 0 ? lastT : dueT;
    const conditions: KernelCondition[] = [];
    const compiledConditions: { histogram: number; threshold: number }[] = [];
    target.conditions.forEach((c, ci) => {
      const cwhat = `${what} condition ${ci}`;
      const m = c.measure;
      let source: Source;
      if (m.kind === "value") source = resolve(m, cwhat).source();
      else if (m.kind === "ratio") {
        const num = resolve(m.numerator, cwhat).source();
        const den = resolve(m.denominator, cwhat).source();
        source = ratioSource(
          num,
          den,
          m.scale,
          `share:${num.buffer}:${den.buffer}:${m.scale}`,
          cwhat,
        );
      } else {
        const input = resolve(m, cwhat).source();
        const fromYearT = toT(m.from, `${cwhat}: cumulative from`);
        const id = `cum:${input.buffer}:${fromYearT}`;
        const known = sources.get(id);
        if (known !== undefined) source = known;
        else {
          const buffer = buffers++;
          ops.push({ op: 3, out: buffer, input: input.buffer, fromT: fromYearT });
          const log: Interval[] | undefined = input.bounds.log === undefined ? undefined : [[0, 0]];
          const lin: Interval[] = [[0, 0]];
          const logOk: boolean[] = [false];
          for (let t = 1; t <= T; t++) {
            if (t < fromYearT) {
              lin.push([0, 0]);
              log?.push([0, 0]);
              logOk.push(false);
              continue;
            }
            let a = 0;
            let b = 0;
            for (let u = fromYearT; u <= t; u++) {
              a += input.bounds.lin[u]![0];
              b += input.bounds.lin[u]![1];
            }
            lin.push([a, b]);
            if (log !== undefined) {
              const span = Array.from(
                { length: t - fromYearT + 1 },
                (_, k) => input.bounds.log![fromYearT + k]!,
              );
              log.push([logSumExp(span.map((x) => x[0])), logSumExp(span.map((x) => x[1]))]);
              logOk.push(true);
            }
          }
          // Before `from` the sum is 0, which has no log: mark those years as linear-only.
          const logWithGaps = log?.map((iv, t) => (logOk[t] ? iv : undefined));
          source = { buffer, bounds: { log: logWithGaps, logit: undefined, lin } };
          sources.set(id, source);
        }
      }
      const thresholds = new Float64Array(T + 1).fill(Number.NaN);
      if (typeof c.threshold === "number") thresholds.fill(c.threshold, 1);
      else {
        if (c.threshold.length !== T)
          fail(
            `${cwhat}: a threshold by year needs ${T} entries, one per simulated year (got ${c.threshold.length})`,
          );
        c.threshold.forEach((v, k) => {
          thresholds[k + 1] = v === null ? Number.NaN : v;
        });
      }
      const threshold = thresholds[evalT]!;
      if (Number.isNaN(threshold))
        fail(
          `${cwhat}: the threshold of ${years[evalT - 1]}, the year its gap is measured in, is null`,
        );
      conditions.push({
        src: source.buffer,
        cmp: c.comparator === ">=" ? 0 : c.comparator === "<=" ? 1 : 2,
        tolerance: c.tolerance ?? 0,
        thresholds,
      });
      const b = source.bounds;
      const logIv = b.log?.[evalT];
      const logitIv = b.logit?.[evalT];
      let h: number;
      if (logIv !== undefined) h = addHistogram(evalT, 1, source.buffer, "log", logIv, [0, 1]);
      else if (logitIv !== undefined && b.logitRange !== undefined)
        h = addHistogram(evalT, 1, source.buffer, "logit", logitIv, b.logitRange);
      else h = addHistogram(evalT, 1, source.buffer, "linear", b.lin[evalT]!, [0, 1]);
      compiledConditions.push({ histogram: h, threshold });
    });
    kernelTargets.push({ fromT, toT: lastT, dueT, conditions });
    compiledTargets.push({
      id: target.id,
      year: target.year,
      evaluatedYear: years[evalT - 1]!,
      windowYears: years.slice(fromT - 1, lastT),
      firstT: fromT,
      conditions: compiledConditions,
    });
  }

  const spec: KernelSpec = {
    seed: options.seed,
    totalPaths: options.paths,
    blockSize: BLOCK_SIZE,
    years: T,
    indicatorStart,
    indicatorKey,
    seriesKey,
    seriesBase,
    seriesA,
    seriesB,
    seriesPhi,
    seriesStart,
    seriesScale,
    seriesLo,
    seriesHi,
    seriesValue,
    valueBuffers: buffers,
    ops,
    histograms,
    totalBins,
    targets: kernelTargets,
    samplePaths: options.samplePaths,
    sampleSeries,
  };
  const text = JSON.stringify({
    engine: 1,
    block: BLOCK_SIZE,
    plan,
    paths: options.paths,
    seed: options.seed,
    quantiles: options.quantiles,
    series: series.map((s) => [s.scope, s.indicator]),
    samplePaths: options.samplePaths,
  });
  const fingerprint = `${hashString(text, 1).toString(16).padStart(14, "0")}${hashString(text, 2).toString(16).padStart(14, "0")}`;
  return {
    spec,
    histograms: compiledHistograms,
    series,
    targets: compiledTargets,
    years,
    fingerprint,
  };
}
