import type { SimulationSeriesRef } from "../../targets/simulatedCondition.js";
import { failPlan } from "./failPlan.js";
import { addHistogram, bestScale, type HistogramTable } from "./histogramTable.js";
import { canAggregate, groupFanScale } from "./kernelAggregation.js";
import { SOURCE, TRANSFORM } from "./kernelCodes.js";
import type { KernelSampleSeries } from "./kernelSpec.js";
import type { HistogramScale } from "./quantileHistogram.js";
import { refSource, resolveRef } from "./resolveRef.js";
import { seriesKeyOf } from "./seriesTable.js";
import { placeAvailable, type ValueGraph } from "./valueGraph.js";

/** A fan-chart series of the compiled run. */
export interface CompiledSeries {
  readonly scope: string;
  readonly indicator: string;
  readonly kind: "place" | "group";
  readonly scale: HistogramScale;
  /** Index of its year-1 histogram; year t is `firstHistogram + t − 1`. */
  readonly firstHistogram: number;
}

/** The fan-chart series of a run and what its sampled paths record. */
export interface FanSeries {
  readonly series: readonly CompiledSeries[];
  readonly sampleSeries: readonly KernelSampleSeries[];
}

/** The requested series, or by default every place × indicator, then every group × indicator. */
function fanRefs(
  graph: ValueGraph,
  requested: readonly SimulationSeriesRef[] | undefined,
): { ref: SimulationSeriesRef; explicit: boolean }[] {
  const { plan } = graph.index;
  if (requested !== undefined) {
    const seen = new Set<string>();
    return requested.map((ref) => {
      const k = `${ref.scope}\u0000${ref.indicator}`;
      if (seen.has(k))
        failPlan(`options.series lists ${ref.scope} × ${ref.indicator} twice`, "options.series");
      seen.add(k);
      return { ref, explicit: true };
    });
  }
  const refs: { ref: SimulationSeriesRef; explicit: boolean }[] = [];
  for (const scope of [...plan.places, ...plan.groups.map((g) => g.id)])
    for (const ind of plan.indicators)
      refs.push({ ref: { scope, indicator: ind.id }, explicit: false });
  return refs;
}

/**
 * A stage of the kernel compile: the fan-chart series, one histogram a year each. A place series
 * is counted on its modelling scale straight from the path update's cumulated shocks; a group's
 * value, and a place's value of a derived indicator, are added to the graph and counted on the
 * scale their rule prefers. Defaults leave out
 * inactive place series and groups that cannot be aggregated; an explicit request says why it
 * cannot be met.
 * @throws {RangeError} `simulate: options.series lists <scope> × <indicator> twice`,
 *   `simulate: series <scope> × <indicator> is inactive (null baseline)`, or an error of the
 *   group's value.
 */
export function compileFanSeries(
  graph: ValueGraph,
  histograms: HistogramTable,
  requested: readonly SimulationSeriesRef[] | undefined,
): FanSeries {
  const { plan, years: T, range } = graph.index;
  const series: CompiledSeries[] = [];
  const sampleSeries: KernelSampleSeries[] = [];
  for (const { ref, explicit } of fanRefs(graph, requested)) {
    const what = `series ${ref.scope} × ${ref.indicator}`;
    const r = resolveRef(graph.index, ref, what);
    const first = histograms.kernel.length;
    const derived = graph.index.formulas[r.indicator] !== undefined;
    if (r.kind === "place" && !derived) {
      const s = graph.series.index.get(seriesKeyOf(r.place, r.indicator));
      if (s === undefined) {
        if (explicit) failPlan(`${what} is inactive (null baseline)`);
        continue;
      }
      const scale = plan.indicators[r.indicator]!.scale;
      for (let t = 1; t <= T; t++)
        addHistogram(histograms, {
          t,
          srcKind: SOURCE.series,
          src: s,
          scale,
          interval: graph.intervals[s]![t]!,
          range: range[r.indicator]!,
          transform: TRANSFORM.identity,
        });
      series.push({
        scope: ref.scope,
        indicator: ref.indicator,
        kind: "place",
        scale,
        firstHistogram: first,
      });
      sampleSeries.push({ srcKind: SOURCE.series, src: s });
      continue;
    }
    const available =
      r.kind === "place"
        ? placeAvailable(graph, r.place, r.indicator)
        : canAggregate(graph, r.group, r.indicator);
    if (!explicit && !available) continue;
    const source = refSource(graph, r, what);
    const { scale, ivs } = bestScale(source.bounds, groupFanScale(graph, r.indicator));
    const hRange = source.bounds.logitRange ?? range[r.indicator]!;
    for (let t = 1; t <= T; t++)
      addHistogram(histograms, {
        t,
        srcKind: SOURCE.buffer,
        src: source.buffer,
        scale,
        interval: ivs[t]!,
        range: hRange,
      });
    series.push({
      scope: ref.scope,
      indicator: ref.indicator,
      kind: r.kind,
      scale,
      firstHistogram: first,
    });
    sampleSeries.push({ srcKind: SOURCE.buffer, src: source.buffer });
  }
  return { series, sampleSeries };
}
