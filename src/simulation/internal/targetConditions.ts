import type { SimulationCondition, SimulationMeasure } from "../../targets/simulatedCondition.js";
import { failPlan } from "./failPlan.js";
import { addHistogram, type HistogramTable } from "./histogramTable.js";
import { COMPARATOR, SOURCE } from "./kernelCodes.js";
import type { KernelCondition, KernelTarget } from "./kernelSpec.js";
import type { PlanIndex } from "./planIndex.js";
import { sourceOfRef } from "./resolveRef.js";
import { cumulativeSource, ratioSource, type ValueGraph, type ValueSource } from "./valueGraph.js";

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

/** The targets of a run, for the kernel and for the summaries. */
export interface CompiledTargets {
  readonly kernel: readonly KernelTarget[];
  readonly compiled: readonly CompiledTarget[];
}

/**
 * The year index t = year − baseYear of a simulated year.
 * @throws {RangeError} `simulate: <what> must be a simulated year <first>–<last> (got <year>)`.
 */
function yearIndex(index: PlanIndex, year: number, what: string): number {
  const { plan, years: T } = index;
  const t = year - plan.baseYear;
  if (!(t >= 1 && t <= T))
    failPlan(
      `${what} must be a simulated year ${plan.baseYear + 1}–${plan.baseYear + T} (got ${year})`,
    );
  return t;
}

type MeasureSources = {
  readonly [K in SimulationMeasure["kind"]]: (
    graph: ValueGraph,
    measure: Extract<SimulationMeasure, { kind: K }>,
    what: string,
  ) => ValueSource;
};

/** How each kind of measure is computed on a path (see `SimulationMeasureSchema`). */
const MEASURE_SOURCES: MeasureSources = {
  value: (graph, m, what) => sourceOfRef(graph, m, what),
  ratio: (graph, m, what) => {
    const num = sourceOfRef(graph, m.numerator, what);
    const den = sourceOfRef(graph, m.denominator, what);
    return ratioSource(
      graph,
      num,
      den,
      m.scale,
      `share:${num.buffer}:${den.buffer}:${m.scale}`,
      what,
    );
  },
  cumulative: (graph, m, what) => {
    const input = sourceOfRef(graph, m, what);
    return cumulativeSource(
      graph,
      input,
      yearIndex(graph.index, m.from, `${what}: cumulative from`),
    );
  },
};

/** The value of a measure, added to the graph if new (`kind` is the measure's kind). */
function measureSource<K extends SimulationMeasure["kind"]>(
  graph: ValueGraph,
  kind: K,
  measure: Extract<SimulationMeasure, { kind: K }>,
  what: string,
): ValueSource {
  return MEASURE_SOURCES[kind](graph, measure, what);
}

/** A condition's thresholds by year index (index 0 unused; NaN where it cannot hold). */
function thresholdsOf(c: SimulationCondition, T: number, what: string): Float64Array {
  const thresholds = new Float64Array(T + 1).fill(Number.NaN);
  if (typeof c.threshold === "number") thresholds.fill(c.threshold, 1);
  else {
    if (c.threshold.length !== T)
      failPlan(
        `${what}: a threshold by year needs ${T} entries, one per simulated year (got ${c.threshold.length})`,
      );
    c.threshold.forEach((v, k) => {
      thresholds[k + 1] = v === null ? Number.NaN : v;
    });
  }
  return thresholds;
}

/**
 * A stage of the kernel compile: the targets' windows, due and evaluated years, and conditions:
 * each condition's measure is added to the value graph, and its value in the evaluated year gets
 * a histogram (for the gap's quantiles) on the log scale where it is positive, else the logit
 * scale where it is bounded, else the linear scale.
 * @throws {RangeError} `simulate: plan.targets has "<id>" twice`, `simulate: target "<id>": year
 *   must be a simulated year …`, `… must lie in its window …`, `…: a threshold by year needs T
 *   entries …`, `…: the threshold of <year>, the year its gap is measured in, is null`, or an
 *   error of a measure.
 */
export function compileTargets(graph: ValueGraph, histograms: HistogramTable): CompiledTargets {
  const { plan, years: T } = graph.index;
  const yearOf = (t: number): number => plan.baseYear + t;
  const ids = new Set<string>();
  const kernel: KernelTarget[] = [];
  const compiled: CompiledTarget[] = [];
  for (const target of plan.targets) {
    const what = `target "${target.id}"`;
    if (ids.has(target.id)) failPlan(`plan.targets has "${target.id}" twice`);
    ids.add(target.id);
    const { window } = target;
    const fromT =
      window === undefined ? 1 : yearIndex(graph.index, window.from, `${what}: window.from`);
    const lastT =
      window === undefined ? T : yearIndex(graph.index, window.to, `${what}: window.to`);
    const dueT = target.year === null ? 0 : yearIndex(graph.index, target.year, `${what}: year`);
    if (dueT !== 0 && (dueT < fromT || dueT > lastT))
      failPlan(
        `${what}: year ${target.year} must lie in its window ${yearOf(fromT)}–${yearOf(lastT)}`,
      );
    const evalT = dueT === 0 ? lastT : dueT;
    const conditions: KernelCondition[] = [];
    const compiledConditions: { histogram: number; threshold: number }[] = [];
    target.conditions.forEach((c, ci) => {
      const cwhat = `${what} condition ${ci}`;
      const source = measureSource(graph, c.measure.kind, c.measure, cwhat);
      const thresholds = thresholdsOf(c, T, cwhat);
      const threshold = thresholds[evalT]!;
      if (Number.isNaN(threshold))
        failPlan(
          `${cwhat}: the threshold of ${yearOf(evalT)}, the year its gap is measured in, is null`,
        );
      conditions.push({
        src: source.buffer,
        cmp: COMPARATOR[c.comparator],
        tolerance: c.tolerance ?? 0,
        thresholds,
      });
      const b = source.bounds;
      const logIv = b.log?.[evalT];
      const logitIv = b.logit?.[evalT];
      const at = { t: evalT, srcKind: SOURCE.buffer, src: source.buffer } as const;
      let h: number;
      if (logIv !== undefined)
        h = addHistogram(histograms, { ...at, scale: "log", interval: logIv, range: [0, 1] });
      else if (logitIv !== undefined && b.logitRange !== undefined)
        h = addHistogram(histograms, {
          ...at,
          scale: "logit",
          interval: logitIv,
          range: b.logitRange,
        });
      else
        h = addHistogram(histograms, {
          ...at,
          scale: "linear",
          interval: b.lin[evalT]!,
          range: [0, 1],
        });
      compiledConditions.push({ histogram: h, threshold });
    });
    kernel.push({ fromT, toT: lastT, dueT, conditions });
    compiled.push({
      id: target.id,
      year: target.year,
      evaluatedYear: yearOf(evalT),
      windowYears: Array.from({ length: lastT - fromT + 1 }, (_, k) => yearOf(fromT + k)),
      firstT: fromT,
      conditions: compiledConditions,
    });
  }
  return { kernel, compiled };
}
