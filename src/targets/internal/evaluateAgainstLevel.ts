import { cagr } from "../../growth/cagr.js";
import { requiredGrowth } from "../../growth/requiredGrowth.js";
import { uncertaintyOfProjection } from "../../scenarios/estimateUncertainty.js";
import { INTERVAL_LEVEL } from "../../scenarios/projectScenario.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import { shockInterval } from "../../scenarios/shockInterval.js";
import { gapOf, satisfies } from "../comparison.js";
import type { TargetContext, TargetEvaluation } from "../targetContext.js";
import type { TargetOfKind } from "../targetDefinition.js";
import { derivedInterval } from "./derivedInterval.js";
import { elapsedShare } from "./elapsedShare.js";
import { insufficient } from "./insufficient.js";
import { intervalAt, pathFrom } from "./seriesPath.js";

/**
 * The shared core of level-like targets: judge a series against a threshold level in the target
 * year. `target` supplies comparator, tolerance, years and the scope's indicator.
 *
 * The interval (at `INTERVAL_LEVEL`) comes from the scenario's uncertainty model, the one the
 * Monte Carlo engine draws from (`shockInterval`): the cumulated shocks from the series' last
 * observation to the target year around the projection; only a series the model has no sigma for
 * (a group aggregated from its places) keeps its fitted model's own interval. Where the sigma
 * is not the series' own (pooled or a default), a note says so. A derived indicator's value has
 * the closed-form interval of its formula where there is one (`derivedInterval`: a monomial of a
 * scope's own log-scale series), else none (the simulation gives it). For a rate (`kind: "rate"`,
 * in %), the required and implied changes are also given in percentage points a year.
 */
export function evaluateAgainstLevel(
  series: ScopeSeries,
  threshold: number,
  target: Pick<
    TargetOfKind["level"],
    "comparator" | "tolerance" | "year" | "baseYear" | "indicator"
  >,
  context: TargetContext,
): TargetEvaluation {
  const notes: string[] = [];
  const latestPoint = series.observed[series.observed.length - 1];
  if (latestPoint === undefined) return insufficient([]);
  const latest = { year: latestPoint.year, value: latestPoint.value, source: latestPoint.source };
  const projected = seriesValue(series, target.year);
  if (projected === undefined) return insufficient([]);
  const final = latest.year >= target.year;
  const met = satisfies(projected, target.comparator, threshold, target.tolerance);
  const years = target.year - latest.year;
  const positive = latest.value > 0 && threshold > 0 && projected > 0;
  const required = !final && positive ? requiredGrowth(latest.value, threshold, years) : null;
  const implied = !final && positive ? cagr(latest.value, projected, years) : null;
  const path = pathFrom(series, target.baseYear + 1);
  const first = path.years.find((_y, k) =>
    satisfies(path.values[k] as number, target.comparator, threshold, target.tolerance),
  );
  const base = series.observed.find((p) => p.year === target.baseYear)?.value;
  let actualProgress: number | null = null;
  if (base !== undefined && base !== threshold) {
    const scale = context.dataset.indicators.find((i) => i.id === target.indicator)?.scale;
    actualProgress =
      scale === "log" && base > 0 && latest.value > 0 && threshold > 0
        ? Math.log(latest.value / base) / Math.log(threshold / base)
        : (latest.value - base) / (threshold - base);
  } else if (base === undefined)
    notes.push(`no observation in the base year ${target.baseYear}: progress not computed`);
  const achieved =
    target.comparator !== "about" && satisfies(latest.value, target.comparator, threshold);
  const indicator = context.dataset.indicators.find((i) => i.id === target.indicator);
  let interval = final ? null : intervalAt(series, target.year, INTERVAL_LEVEL);
  if (!final && series.formula !== undefined) {
    const uncertainty = uncertaintyOfProjection(context.dataset, context.projection);
    interval =
      derivedInterval(series, context, uncertainty, projected, target.year, INTERVAL_LEVEL) ?? null;
  } else if (!final && indicator !== undefined) {
    const uncertainty = uncertaintyOfProjection(context.dataset, context.projection);
    const shocks = shockInterval(uncertainty, series, indicator, projected, years, INTERVAL_LEVEL);
    if (shocks !== undefined) {
      interval = { lower: shocks.lower, upper: shocks.upper, level: shocks.level };
      const note = uncertainty.series.find(
        (u) => u.scope === series.scope && u.indicator === series.indicator,
      )?.note;
      if (note !== undefined) notes.push(note);
    }
  }
  const rate = indicator?.kind === "rate";
  if (series.model?.fitted.fallback !== undefined)
    notes.push(
      `model: ${series.model.fitted.kind} instead of ${series.model.fitted.fallback.from} (${series.model.fitted.fallback.reason})`,
    );
  const panel = series.model?.panel;
  if (panel !== undefined && !final)
    notes.push(
      `panel-informed forecast (own data weight ${panel.ownWeight.toFixed(2)}, the rest from comparable units): ${panel.note}`,
    );
  return {
    projected,
    interval,
    met,
    gap: gapOf(projected, threshold),
    latest,
    requiredGrowth: required,
    impliedGrowth: implied,
    // A rate's change in percentage points a year, from the latest observation.
    requiredChange: rate && !final ? (threshold - latest.value) / years : null,
    impliedChange: rate && !final ? (projected - latest.value) / years : null,
    changeUnit: rate ? "pp/yr" : required !== null || implied !== null ? "/yr" : null,
    firstYearMet: first ?? null,
    expectedProgress: elapsedShare(target.baseYear, target.year, latest.year),
    actualProgress,
    achieved,
    final,
    missing: [],
    notes,
  };
}
