import type { ObservedPoint } from "../../scenarios/scopeSeries.js";
import type { SeriesBreak } from "../../schemas/observation.js";
import type { FiveYearGrowth, SolvedGrowth, SolvePlausibility } from "../solveResult.js";
import { growthPercentile, growthPercentileTable } from "./growthPercentiles.js";

/** Years of the history windows and of the national tables' windows. */
const SPAN = 5;

/**
 * The five-year compound growth rates of a series' observations, `(v[t] / v[t − 5])^(1/5) − 1`
 * for every `t` with both years observed, positive, and no series break in `(t − 5, t]` (a
 * break's jump is a change of basis, not growth): the best and the latest.
 */
export function fiveYearHistory(
  observed: readonly ObservedPoint[],
  breakYears: readonly number[],
): { best: FiveYearGrowth | null; latest: FiveYearGrowth | null } {
  const byYear = new Map(observed.map((p) => [p.year, p.value]));
  let best: FiveYearGrowth | null = null;
  let latest: FiveYearGrowth | null = null;
  for (const p of observed) {
    const from = p.year - SPAN;
    const start = byYear.get(from);
    if (start === undefined || !(start > 0) || !(p.value > 0)) continue;
    if (breakYears.some((b) => b > from && b <= p.year)) continue;
    const g = { from, to: p.year, rate: Math.expm1(Math.log(p.value / start) / SPAN) };
    if (best === null || g.rate > best.rate) best = g;
    if (latest === null || g.to > latest.to) latest = g;
  }
  return { best, latest };
}

/** The break years of a scope's series (breaks of every place count for each). */
export function breakYearsOf(
  breaks: readonly SeriesBreak[],
  scope: string,
  indicator: string,
): number[] {
  return breaks
    .filter((b) => b.indicator === indicator && (b.place === undefined || b.place === scope))
    .map((b) => b.year);
}

/** `1st`, `2nd`, `3rd`, `4th`, …, `11th`, `12th`, `13th`, `21st`. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** A rate as a percentage with one decimal. */
function pct(rate: number): string {
  return `${(100 * rate).toFixed(1)}%`;
}

/** What the comparison rests on, besides the rate. */
export interface PlausibilityInput {
  readonly rate: number;
  readonly history: { best: FiveYearGrowth | null; latest: FiveYearGrowth | null };
  /** `county` for a place or a part of the city, `prefecture` for the whole city. */
  readonly level: "county" | "prefecture";
  readonly basis: "real" | "nominal";
  /** Whether the series is GDP (the national tables are of GDP). */
  readonly gdp: boolean;
}

/**
 * The plausibility fields of a {@link SolvedGrowth}: the panel percentile (or why none), the
 * verdict and the label. Verdict: `implausible` above the 99th percentile, or above both the best
 * five years and the 90th percentile; `plausible` at or below the best five years and the 75th
 * percentile (a missing comparison counts as met); `ambitious` otherwise; `unknown` with neither.
 */
export function plausibility(
  input: PlausibilityInput,
): Pick<SolvedGrowth, "panel" | "panelNote" | "plausibility" | "label"> {
  const { rate, history } = input;
  const units = input.level === "county" ? "counties" : "prefecture-level cities";
  const table = input.gdp ? growthPercentileTable(input.level, input.basis) : undefined;
  const panel = table === undefined ? null : growthPercentile(rate, table);
  const panelNote =
    panel !== null
      ? undefined
      : input.gdp
        ? `no national table of ${input.basis === "real" ? "real" : "nominal"} GDP growth of ${units} (the county panel has GDP at current prices only)`
        : "the national tables are of GDP growth only";
  const best = history.best;
  const aboveHistory = best !== null && rate > best.rate;
  const p = panel?.percentile ?? null;
  let verdict: SolvePlausibility;
  if (best === null && p === null) verdict = "unknown";
  else if ((p !== null && p >= 100) || (aboveHistory && p !== null && p > 90))
    verdict = "implausible";
  else if (!aboveHistory && (p === null || p <= 75)) verdict = "plausible";
  else verdict = "ambitious";
  const historyPart =
    best === null
      ? "no five-year history"
      : `${aboveHistory ? "above its best five years" : "within its best five years"} (${pct(best.rate)} a year, ${best.from}–${best.to})`;
  const window = panel === null ? "" : ` (${panel.window.from}–${panel.window.to})`;
  const panelPart =
    p === null
      ? (panelNote ?? "")
      : p >= 100
        ? `above the 99th percentile of ${units}${window}`
        : p <= 0
          ? `below the 1st percentile of ${units}${window}`
          : `${ordinal(Math.min(99, Math.max(1, Math.round(p))))} percentile of ${units}${window}`;
  return {
    panel,
    ...(panelNote === undefined ? {} : { panelNote }),
    plausibility: verdict,
    label: `${historyPart}; ${panelPart}`,
  };
}
