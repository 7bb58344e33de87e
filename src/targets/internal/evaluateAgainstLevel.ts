import { cagr } from "../../growth/cagr.js";
import { requiredGrowth } from "../../growth/requiredGrowth.js";
import { INTERVAL_LEVEL } from "../../scenarios/projectScenario.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import { gapOf, satisfies } from "../comparison.js";
import type { TargetContext, TargetEvaluation } from "../targetContext.js";
import type { TargetOfKind } from "../targetDefinition.js";
import { elapsedShare } from "./elapsedShare.js";
import { insufficient } from "./insufficient.js";
import { intervalAt, pathFrom } from "./seriesPath.js";

/**
 * The shared core of level-like targets: judge a series against a threshold level in the target
 * year. `target` supplies comparator, tolerance, years and the scope's indicator.
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
  if (series.model?.fitted.fallback !== undefined)
    notes.push(
      `model: ${series.model.fitted.kind} instead of ${series.model.fitted.fallback.from} (${series.model.fitted.fallback.reason})`,
    );
  return {
    projected,
    interval: final ? null : intervalAt(series, target.year, INTERVAL_LEVEL),
    met,
    gap: gapOf(projected, threshold),
    latest,
    requiredGrowth: required,
    impliedGrowth: implied,
    firstYearMet: first ?? null,
    expectedProgress: elapsedShare(target.baseYear, target.year, latest.year),
    actualProgress,
    achieved,
    final,
    missing: [],
    notes,
  };
}
