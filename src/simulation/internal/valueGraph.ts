import type { FormulaProgram } from "../../internal/formulaProgram.js";
import { failPlan } from "./failPlan.js";
import { OP } from "./kernelCodes.js";
import type { KernelOp } from "./kernelSpec.js";
import type { PlanIndex } from "./planIndex.js";
import { type SeriesTable, seriesKeyOf } from "./seriesTable.js";
import {
  type Bounds,
  cumulativeBounds,
  formulaBounds,
  hullBounds,
  type Interval,
  ratioBounds,
  seriesBounds,
  sumBounds,
} from "./valueBounds.js";

/** A per-path value the kernel computes every year: its value buffer and its bounds. */
export interface ValueSource {
  readonly buffer: number;
  readonly bounds: Bounds;
}

/**
 * The values the kernel computes, built on demand as fan-chart series and target conditions ask
 * for them: each gets a value buffer, and each computed one a kernel op that runs after those of
 * its inputs. Asking twice for the same value returns the first source. Passed explicitly from
 * stage to stage; only the functions of this module change it.
 */
export interface ValueGraph {
  readonly index: PlanIndex;
  readonly series: SeriesTable;
  /** Per series and year, the modelling-scale interval of its value (`seriesIntervals`). */
  readonly intervals: readonly (readonly Interval[])[];
  /** Number of value buffers so far. */
  buffers: number;
  readonly ops: KernelOp[];
  /** Value buffer of each series, or −1 (see `KernelSpec.seriesValue`). */
  readonly seriesValue: Int32Array;
  readonly sources: Map<string, ValueSource>;
}

/** An empty value graph over a plan's series. */
export function createValueGraph(
  index: PlanIndex,
  series: SeriesTable,
  intervals: readonly (readonly Interval[])[],
): ValueGraph {
  return {
    index,
    series,
    intervals,
    buffers: 0,
    ops: [],
    seriesValue: new Int32Array(series.place.length).fill(-1),
    sources: new Map(),
  };
}

/** The source memoised under `id`, or the one `build` makes (and memoises). */
function memo(graph: ValueGraph, id: string, build: () => ValueSource): ValueSource {
  const known = graph.sources.get(id);
  if (known !== undefined) return known;
  const source = build();
  graph.sources.set(id, source);
  return source;
}

/** A new value buffer computed by `op` (given the buffer's number). */
function computed(graph: ValueGraph, op: (out: number) => KernelOp, bounds: Bounds): ValueSource {
  const buffer = graph.buffers++;
  graph.ops.push(op(buffer));
  return { buffer, bounds };
}

/**
 * Place p × indicator i: the series' value, written by the path update; for a derived indicator,
 * its formula of the place's values of its symbols.
 * @throws {RangeError} `simulate: <what> needs <place> × <indicator>, which is inactive (null
 *   baseline)`.
 */
export function placeSource(graph: ValueGraph, p: number, i: number, what: string): ValueSource {
  const formula = graph.index.formulas[i];
  if (formula !== undefined)
    return formulaSource(
      graph,
      formula.program,
      formula.inputs.map((k) => placeSource(graph, p, k, what)),
      `formula:place:${p}:${i}`,
    );
  return memo(graph, `place:${p}:${i}`, () => {
    const { plan, range } = graph.index;
    const s = graph.series.index.get(seriesKeyOf(p, i));
    if (s === undefined)
      return failPlan(
        `${what} needs ${plan.places[p]} × ${plan.indicators[i]!.id}, which is inactive (null baseline)`,
      );
    const buffer = graph.buffers++;
    graph.seriesValue[s] = buffer;
    const ivs = [...graph.intervals[s]!];
    return { buffer, bounds: seriesBounds(plan.indicators[i]!.scale, ivs, range[i]!) };
  });
}

/**
 * Whether place p has a value of indicator i on every path: its series is active, or i is derived
 * and the place has a value of each of its symbols.
 */
export function placeAvailable(graph: ValueGraph, p: number, i: number): boolean {
  const formula = graph.index.formulas[i];
  if (formula !== undefined) return formula.inputs.every((k) => placeAvailable(graph, p, k));
  return graph.series.index.has(seriesKeyOf(p, i));
}

/** The members' values of indicator i in group g, in member order. */
export function memberSources(
  graph: ValueGraph,
  g: number,
  i: number,
  what: string,
): ValueSource[] {
  const { plan, place } = graph.index;
  return plan.groups[g]!.members.map((m) => placeSource(graph, place.get(m)!, i, what));
}

/** Σ over the members of group g of indicator i. */
export function groupSum(graph: ValueGraph, g: number, i: number, what: string): ValueSource {
  return memo(graph, `sum:${g}:${i}`, () => {
    const inputs = memberSources(graph, g, i, what);
    const op = (out: number): KernelOp => ({
      op: OP.sum,
      out,
      inputs: inputs.map((x) => x.buffer),
    });
    return computed(
      graph,
      op,
      sumBounds(
        inputs.map((x) => x.bounds),
        graph.index.years,
      ),
    );
  });
}

/**
 * `scale · num / den`, memoised under `id`.
 * @throws {RangeError} `simulate: <what>: a ratio needs a numerator and a denominator on the log
 *   scale`.
 */
export function ratioSource(
  graph: ValueGraph,
  num: ValueSource,
  den: ValueSource,
  scale: number,
  id: string,
  what: string,
): ValueSource {
  return memo(graph, id, () => {
    if (num.bounds.log === undefined || den.bounds.log === undefined)
      return failPlan(`${what}: a ratio needs a numerator and a denominator on the log scale`);
    const op = (out: number): KernelOp => ({
      op: OP.ratio,
      out,
      num: num.buffer,
      den: den.buffer,
      scale,
    });
    return computed(
      graph,
      op,
      ratioBounds(num.bounds.log, den.bounds.log, scale, graph.index.years),
    );
  });
}

/**
 * Σ w·v / Σ w over the members of group g, v indicator i and w indicator wi.
 * @throws {RangeError} `simulate: <what>: the weight "<w>" of a weighted mean must be on the log
 *   scale`.
 */
export function weightedMeanSource(
  graph: ValueGraph,
  g: number,
  i: number,
  wi: number,
  what: string,
): ValueSource {
  return memo(graph, `wmean:${g}:${i}`, () => {
    const { plan, range, years } = graph.index;
    const inputs = memberSources(graph, g, i, what);
    const weights = memberSources(graph, g, wi, what);
    if (weights.some((w) => w.bounds.log === undefined))
      return failPlan(
        `${what}: the weight "${plan.indicators[wi]!.id}" of a weighted mean must be on the log scale`,
      );
    const op = (out: number): KernelOp => ({
      op: OP.weightedMean,
      out,
      inputs: inputs.map((x) => x.buffer),
      weights: weights.map((x) => x.buffer),
    });
    const logitRange = plan.indicators[i]!.scale === "logit" ? range[i]! : undefined;
    return computed(
      graph,
      op,
      hullBounds(
        inputs.map((x) => x.bounds),
        years,
        logitRange,
      ),
    );
  });
}

/** Σ of `input` over the years `fromT … t` (0 before `fromT`). */
export function cumulativeSource(
  graph: ValueGraph,
  input: ValueSource,
  fromT: number,
): ValueSource {
  return memo(graph, `cum:${input.buffer}:${fromT}`, () => {
    const op = (out: number): KernelOp => ({
      op: OP.cumulative,
      out,
      input: input.buffer,
      fromT,
    });
    return computed(graph, op, cumulativeBounds(input.bounds, fromT, graph.index.years));
  });
}

/**
 * A derived indicator's value: its formula `program` of the `inputs` (the values of its symbols,
 * in the program's order), memoised under `id`.
 */
export function formulaSource(
  graph: ValueGraph,
  program: FormulaProgram,
  inputs: readonly ValueSource[],
  id: string,
): ValueSource {
  return memo(graph, id, () => {
    const op = (out: number): KernelOp => ({
      op: OP.formula,
      out,
      inputs: inputs.map((x) => x.buffer),
      code: program.code,
      constants: program.constants,
      depth: program.depth,
    });
    return computed(
      graph,
      op,
      formulaBounds(
        program,
        inputs.map((x) => x.bounds),
        graph.index.years,
      ),
    );
  });
}
