import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { preferredSeries, type ScopeSeries, seriesValue } from "../scenarios/scopeSeries.js";
import type { DataNeed } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Comparator } from "../schemas/target.js";

/** What a target evaluator reads: the projection, the dataset and the plan's calendar. */
export interface TargetContext {
  readonly projection: ScenarioProjection;
  readonly dataset: Dataset;
  /** The plan's base year (e.g. 2020) and last year (e.g. 2025). */
  readonly plan: { readonly baseYear: number; readonly endYear: number };
}

/** What an evaluator finds for one target, before a status is given. */
export interface TargetEvaluation {
  readonly projected: number | null;
  readonly interval: { lower: number; upper: number; level: number } | null;
  readonly met: boolean | null;
  readonly gap: { absolute: number; relative: number | null } | null;
  readonly latest: { year: number; value: number; source: string } | null;
  readonly requiredGrowth: number | null;
  readonly impliedGrowth: number | null;
  readonly firstYearMet: number | null;
  readonly expectedProgress: number | null;
  readonly actualProgress: number | null;
  /** The latest observation already meets the target. */
  readonly achieved: boolean;
  /** The target year is already observed (the verdict is history, not projection). */
  readonly final: boolean;
  readonly missing: DataNeed[];
  readonly notes: string[];
}

/** An evaluation that could not be made, with what it would need. */
export function insufficient(missing: DataNeed[], notes: string[] = []): TargetEvaluation {
  return {
    projected: null,
    interval: null,
    met: null,
    gap: null,
    latest: null,
    requiredGrowth: null,
    impliedGrowth: null,
    firstYearMet: null,
    expectedProgress: null,
    actualProgress: null,
    achieved: false,
    final: false,
    missing,
    notes,
  };
}

/**
 * The gap between a projected value and a target: `projected − target` in the target's unit,
 * and relative to `|target|` (null for a target of 0, where a relative gap has no meaning).
 */
export function gapOf(
  projected: number,
  target: number,
): { absolute: number; relative: number | null } {
  return {
    absolute: projected - target,
    relative: target === 0 ? null : (projected - target) / Math.abs(target),
  };
}

/** Default relative half-width of an `about` band (左右: ±2%), as PLAN.md reads the plan. */
export const ABOUT_TOLERANCE = 0.02;

/**
 * Relative tolerance of every comparison with a target (1e-9): a path built to land on a target
 * (60% reached as 59.99999999999999 after a round trip through the logit scale) meets it, while
 * no real difference in plan figures (given to 2–4 significant digits) is that small.
 */
export const COMPARISON_TOLERANCE = 1e-9;

/**
 * Whether `value` satisfies `comparator target` (an `about` band is `target·(1 ± tolerance)`),
 * up to {@link COMPARISON_TOLERANCE}.
 */
export function satisfies(
  value: number,
  comparator: Comparator,
  target: number,
  tolerance: number = ABOUT_TOLERANCE,
): boolean {
  const slack = COMPARISON_TOLERANCE * Math.abs(target);
  if (comparator === ">=") return value >= target - slack;
  if (comparator === "<=") return value <= target + slack;
  return Math.abs(value - target) <= tolerance * Math.abs(target) + slack;
}

/**
 * The series a target reads for a scope and indicator (see `preferredSeries`): the aggregate of
 * the group's places when it is informative, has a year with every place observed and is at
 * least as recent as the scope's own observations; otherwise those observations.
 */
export function findSeries(
  context: TargetContext,
  scope: string,
  indicator: string,
): ScopeSeries | undefined {
  const candidates = context.projection.series.filter(
    (s) => s.scope === scope && s.indicator === indicator,
  );
  return preferredSeries(candidates);
}

/** Years from `from` to `to` inclusive. */
export function yearRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * What a series needs before a target can be read from it: observations of `indicator` for
 * `scope` in the recent years (by default from five years before the plan's base year to the
 * latest year with any data), at least `minCount` of them.
 */
export function needSeries(
  context: TargetContext,
  scope: string,
  indicator: string,
  minCount: number,
  why: string,
  years?: number[],
): DataNeed {
  const group = context.dataset.groups.find((g) => g.id === scope);
  const alternative =
    group === undefined ? "" : ` (or the same for every member: ${group.members.join(", ")})`;
  return {
    scope,
    indicator,
    years:
      years ??
      yearRange(
        context.plan.baseYear - 5,
        Math.max(context.projection.asOf, context.plan.baseYear),
      ),
    minCount,
    why: `${why}${alternative}`,
  };
}

/**
 * Why a series gives no value in the target year, as a data need (no observations, an
 * uninformative projection, or a gap in the observations at the target year); undefined when it
 * gives one.
 */
export function projectionNeed(
  context: TargetContext,
  series: ScopeSeries | undefined,
  scope: string,
  indicator: string,
  targetYear: number,
): DataNeed | undefined {
  if (series === undefined || series.observed.length === 0)
    return needSeries(
      context,
      scope,
      indicator,
      2,
      `no usable observations of ${indicator} for ${scope}`,
    );
  const last = series.observed[series.observed.length - 1];
  if (last !== undefined && last.year >= targetYear)
    return seriesValue(series, targetYear) !== undefined
      ? undefined
      : needSeries(
          context,
          scope,
          indicator,
          1,
          `no observation of ${indicator} for ${scope} in ${targetYear} (later years are observed, so it is not projected)`,
          [targetYear],
        );
  if (series.failure !== undefined)
    return needSeries(context, scope, indicator, 2, `${indicator} for ${scope}: ${series.failure}`);
  if (!series.informative) {
    const reason =
      series.model?.fitted.fallback?.reason ?? "the projection carries no information about change";
    const needMatch = /needs at least (\d+) points/.exec(reason);
    const minCount = needMatch === null ? 2 : Number(needMatch[1]);
    return needSeries(
      context,
      scope,
      indicator,
      minCount,
      `cannot project ${indicator} for ${scope}: ${reason}`,
    );
  }
  if (seriesValue(series, targetYear) === undefined)
    return needSeries(
      context,
      scope,
      indicator,
      2,
      `no projection of ${indicator} for ${scope} in ${targetYear}`,
    );
  return undefined;
}

/** Merged observed-then-projected path of a series from `from` on. */
export function pathFrom(series: ScopeSeries, from: number): { years: number[]; values: number[] } {
  const years = [...new Set([...series.observed.map((p) => p.year), ...series.years])]
    .filter((y) => y >= from)
    .sort((a, b) => a - b);
  return { years, values: years.map((y) => seriesValue(series, y) as number) };
}

/** The interval of a series in a projected year, when its model gives one. */
export function intervalAt(
  series: ScopeSeries,
  year: number,
  level: number,
): { lower: number; upper: number; level: number } | null {
  const k = series.years.indexOf(year);
  const lower = series.lower?.[k];
  const upper = series.upper?.[k];
  if (k < 0 || lower === undefined || upper === undefined) return null;
  // An interval that overflows (a log-scale bound beyond 1e308) has no finite edge to report.
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return null;
  return { lower, upper, level };
}

/** Share of the plan period elapsed at `year` (序时进度), clamped to [0, 1]. */
export function elapsedShare(baseYear: number, targetYear: number, year: number): number | null {
  if (targetYear <= baseYear) return null;
  return Math.min(1, Math.max(0, (year - baseYear) / (targetYear - baseYear)));
}
