import { ArgumentRangeError } from "../../internal/errors.js";
import { type ScopeSeries, seriesValue } from "../../scenarios/scopeSeries.js";
import type { Indicator } from "../../schemas/indicator.js";
import { priceCompanionId } from "../../schemas/priceCompanionId.js";
import type { Target } from "../../schemas/target.js";
import { findSeries } from "../../targets/findSeries.js";
import type { TargetContext, TargetEvaluation } from "../../targets/targetContext.js";
import type { SolveRule } from "../solveResult.js";
import { ALLOCATION_RULES, type MovedSeries, RATE_BOUNDS } from "./allocationRules.js";

const FN = "solveTarget";

/** Level, growth and share targets: the kinds `solveTarget` moves. */
export type SolvedTarget = Extract<Target, { kind: "level" | "growth" | "share" }>;

/**
 * What a solve moves: series (a place's, a group's own, a group's places, or a share's part),
 * each at a growth rate a year that is a rising function of one parameter.
 */
export interface Lever {
  readonly kind: "scope" | "places" | "edge";
  readonly rule: SolveRule | null;
  /** The indicator of the moved series (the target's, or its constant-price series). */
  readonly seriesIndicator: string;
  readonly series: readonly MovedSeries[];
  rates(x: number): number[];
  readonly start: number;
  readonly step: number;
  readonly lower: number;
  readonly upper: number;
  readonly notes: readonly string[];
}

/** The indicator a level or growth target is judged on: its constant-price series on `real`. */
export function judgedIndicator(target: SolvedTarget): string {
  return target.kind !== "share" && target.basis === "real"
    ? priceCompanionId(target.indicator, "real")
    : target.indicator;
}

/** A moved series from the base projection, or why the series cannot be moved. */
export function movedSeries(
  series: ScopeSeries | undefined,
  year: number,
  share = 0,
): MovedSeries | string {
  const last = series?.observed[series.observed.length - 1];
  if (series === undefined || last === undefined) return "it has no observations";
  const trendLevel = seriesValue(series, year);
  if (!(last.value > 0)) return `its latest value (${last.year}) is not positive`;
  if (year <= last.year) return `it is observed in ${year}`;
  if (trendLevel === undefined || !(trendLevel > 0))
    return `it has no positive projection in ${year}`;
  const years = year - last.year;
  return {
    scope: series.scope,
    latest: { year: last.year, value: last.value },
    years,
    trendLevel,
    trendRate: Math.expm1(Math.log(trendLevel / last.value) / years),
    share,
  };
}

/** The moved series of a group's members, with their shares of the group, or why not. */
export function memberSeries(
  context: TargetContext,
  members: readonly string[],
  indicator: string,
  year: number,
): MovedSeries[] | string {
  const series = members.map((m) => findSeries(context, m, indicator));
  // Shares in the latest year every member is observed (else at each one's latest value).
  const years = series.map((s) => new Set(s?.observed.map((p) => p.year) ?? []));
  const common = [...(years[0] ?? [])].filter((y) => years.every((set) => set.has(y)));
  const shareYear = Math.max(...common);
  const values = series.map((s) => {
    const at = Number.isFinite(shareYear)
      ? s?.observed.find((p) => p.year === shareYear)
      : s?.observed[s.observed.length - 1];
    return at?.value ?? 0;
  });
  const total = values.reduce((a, b) => a + b, 0);
  const out: MovedSeries[] = [];
  for (const [k, member] of members.entries()) {
    const moved = movedSeries(series[k], year, total > 0 ? (values[k] as number) / total : 0);
    if (typeof moved === "string") return `${member}'s ${indicator}: ${moved}`;
    out.push(moved);
  }
  return out;
}

/** The members of a group, or undefined for a place. */
export function membersOf(context: TargetContext, scope: string): readonly string[] | undefined {
  return context.dataset.groups.find((g) => g.id === scope)?.members;
}

/** Throws the range error of a target `solveTarget` cannot move. */
function unsolvable(target: Target, why: string): never {
  throw new ArgumentRangeError(
    `${FN}: targetId must name a target whose growth can be solved: ${target.id} ${why}`,
    { code: "out-of-range", path: "targetId" },
  );
}

/** The target's indicator, checked to be a level (a rate or a count does not grow at a rate). */
export function levelIndicator(
  indicators: readonly Indicator[],
  target: Target,
  id: string = target.indicator,
): Indicator {
  const indicator = indicators.find((i) => i.id === id);
  if (indicator === undefined) unsolvable(target, `reads ${id}, which the pack does not define`);
  if (indicator.kind !== "level")
    unsolvable(
      target,
      `reads ${id}, a ${indicator.kind} (${indicator.unit}): solve moves levels that grow at a rate (GDP, value added, population)`,
    );
  return indicator;
}

/**
 * The lever of a level or growth target: its scope's own series (a place, or a group read from
 * its own observations), or, for a group read from the sum of its places, the places spread by
 * the rule.
 */
export function growthLever(
  context: TargetContext,
  target: Extract<Target, { kind: "level" | "growth" }>,
  rule: SolveRule,
): Lever {
  const indicator = levelIndicator(context.dataset.indicators, target);
  const id = judgedIndicator(target);
  const series = findSeries(context, target.scope, id);
  if (series?.basis === "places") {
    if (indicator.aggregation.rule !== "sum")
      unsolvable(target, `reads ${target.indicator}, which its places do not add up to`);
    const members = membersOf(context, target.scope) ?? [];
    const places = memberSeries(context, members, id, target.year);
    if (typeof places === "string") unsolvable(target, `cannot be moved: ${places}`);
    const allocation = ALLOCATION_RULES[rule];
    const domain = allocation.domain(places);
    return {
      kind: "places",
      rule,
      seriesIndicator: id,
      series: places,
      rates: (x) => allocation.rates(x, places),
      start: allocation.start(places),
      step: allocation.step,
      ...domain,
      notes: [],
    };
  }
  const moved = movedSeries(series, target.year);
  if (typeof moved === "string") unsolvable(target, `cannot be moved: its series ${moved}`);
  return {
    kind: "scope",
    rule: null,
    seriesIndicator: id,
    series: [moved],
    rates: (x) => [x],
    start: moved.trendRate,
    step: 0.01,
    ...RATE_BOUNDS,
    notes: [],
  };
}

/**
 * The lever of a share target: the part (the numerator's series: a place, a group's own, or a
 * group's places) grows `x` a year faster than the rest of the whole grows in the base scenario,
 * `(1 + rate) = (1 + g_rest)(1 + x)`, where `g_rest` is the growth a year of `denominator −
 * numerator` from the latest year both are observed to the target year.
 */
export function edgeLever(
  context: TargetContext,
  target: Extract<Target, { kind: "share" }>,
  evaluation: TargetEvaluation,
): Lever {
  levelIndicator(context.dataset.indicators, target);
  const den = {
    scope: target.denominator.scope ?? target.scope,
    indicator: target.denominator.indicator ?? target.indicator,
  };
  const num = findSeries(context, target.scope, target.indicator);
  const whole = findSeries(context, den.scope, den.indicator);
  const t0 = evaluation.latest?.year;
  if (num === undefined || whole === undefined || t0 === undefined)
    unsolvable(target, "has no year in which its part and its whole are both observed");
  const rest = (year: number) => {
    const a = seriesValue(num, year);
    const b = seriesValue(whole, year);
    return a === undefined || b === undefined ? undefined : b - a;
  };
  const r0 = rest(t0);
  const rT = rest(target.year);
  if (r0 === undefined || rT === undefined || !(r0 > 0) || !(rT > 0))
    unsolvable(target, "is not a part of a whole: the whole minus the part is not positive");
  const restRate = Math.expm1(Math.log(rT / r0) / (target.year - t0));
  const members = num.basis === "places" ? membersOf(context, target.scope) : undefined;
  const moved =
    members === undefined
      ? movedSeries(num, target.year)
      : memberSeries(context, members, target.indicator, target.year);
  if (typeof moved === "string") unsolvable(target, `cannot be moved: ${moved}`);
  const series = Array.isArray(moved) ? moved : [moved];
  return {
    kind: "edge",
    rule: null,
    seriesIndicator: target.indicator,
    series,
    rates: (x) => series.map(() => (1 + restRate) * (1 + x) - 1),
    start: evaluation.impliedDifferential ?? 0,
    step: 0.02,
    lower: (1 + RATE_BOUNDS.lower) / (1 + restRate) - 1,
    upper: (1 + RATE_BOUNDS.upper) / (1 + restRate) - 1,
    notes: [
      `the rest of the whole (${den.scope} ${den.indicator} − ${target.scope} ${target.indicator}) grows ${(100 * restRate).toFixed(2)}% a year ${t0}–${target.year} in the base scenario; the part grows the solved edge faster`,
    ],
  };
}
