import type { ModelProjection } from "../models/types.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Scenario } from "../schemas/scenario.js";
import { scopeMatches } from "./internal/scopeMatches.js";
import { withinBounds } from "./scenarioContentIssues.js";

/** A projection after the scenario's shocks and overrides, with a note for each applied. */
export interface AdjustedProjection {
  readonly values: number[];
  readonly lower?: number[];
  readonly upper?: number[];
  readonly notes: string[];
  /**
   * Set when the shocks and overrides drive a value out of the range of numbers (Infinity or
   * NaN, e.g. stacked shocks): why, naming the year. The values are then not to be used.
   */
  readonly failure?: string;
}

/**
 * Applies the scenario's shocks and overrides to a projection on the original scale. A
 * `relative` shock (the default) is a factor: a level shock multiplies every year from `from`
 * (to `to`, when given: a temporary shift) by `1 + size`; a growth shock multiplies year `t` by
 * `(1 + size)^(years of the shock span up to t)`. A `points` shock (indicators in `%` only) adds
 * `100 · size` percentage points: a level shock in the years it covers, a growth shock once more
 * for each year of its span up to `t`. Factors apply first, then points. A level shock is
 * ignored when `from` is already observed. An override sets a year's value and re-bases the
 * following years by the same ratio (not when the projected value was 0, which has no ratio: then
 * only that year is set). Bounded rates are kept inside their bounds. Shocks dated before the
 * projection starts are noted as ignored; an override of a year outside the projection is
 * reported as an `override-outside-projection` issue; an override outside the indicator's range
 * and a `points` shock on an indicator not in `%` are not applied (the scenario's content check
 * reports them). Values driven out of the range of numbers give `failure`.
 */
export function applyAssumptions(
  scenario: Scenario,
  dataset: Dataset,
  scope: string,
  indicator: Indicator,
  projection: ModelProjection,
  issues: Issue[],
): AdjustedProjection {
  const notes: string[] = [];
  const factor = projection.years.map(() => 1);
  const points = projection.years.map(() => 0);
  const first = projection.years[0];
  if (first === undefined) return { values: projection.values, notes };
  for (const shock of shocksFor(scenario, dataset, scope, indicator)) {
    const inPoints = shock.mode === "points";
    if (inPoints && indicator.unit !== "%") continue;
    const to = shock.to ?? (shock.type === "growth" ? shock.from : Number.POSITIVE_INFINITY);
    // A level shift that starts in an observed year is already in the data; a growth shock
    // changes the projected years of its span only.
    if (to < first || (shock.type === "level" && shock.from < first)) {
      notes.push(
        `${shock.type} shock from ${shock.from} ignored: the data already cover it (projection starts ${first})`,
      );
      continue;
    }
    projection.years.forEach((year, k) => {
      if (year < shock.from) return;
      // Years of the shock's span up to this one: 1 for a level shock inside its span.
      const span =
        shock.type === "level"
          ? year <= to
            ? 1
            : 0
          : Math.min(year, to) - Math.max(shock.from, first) + 1;
      if (span <= 0) return;
      if (inPoints) points[k] = (points[k] as number) + 100 * shock.size * span;
      else factor[k] = (factor[k] as number) * (1 + shock.size) ** span;
    });
    const size = inPoints ? formatPoints(shock.size) : formatPct(shock.size);
    notes.push(
      `${shock.type} shock ${size} from ${shock.from}${shock.to === undefined ? "" : ` to ${shock.to}`}: ${shock.reason}`,
    );
  }
  const [lo, hi] = indicatorBounds(indicator);
  const clamp = (v: number): number => Math.min(hi, Math.max(lo, v));
  const shocked = (v: number, k: number): number =>
    clamp(v * (factor[k] as number) + (points[k] as number));
  let values = projection.values.map(shocked);
  let lower = projection.lower?.map(shocked);
  let upper = projection.upper?.map(shocked);
  for (const o of overridesFor(scenario, scope, indicator)) {
    const k = projection.years.indexOf(o.year);
    if (k < 0) {
      issues.push({
        severity: "warning",
        code: "override-outside-projection",
        message: `override of ${scope} ${indicator.id} in ${o.year} ignored: projected years are ${first}–${projection.years[projection.years.length - 1]}`,
        field: "overrides",
      });
      continue;
    }
    const ratio = o.value / (values[k] as number);
    if (!Number.isFinite(ratio)) {
      // A ratio to a projected 0 is undefined: set the year alone, keep the interval around it.
      values[k] = o.value;
      if (lower !== undefined) lower[k] = Math.min(lower[k] as number, o.value);
      if (upper !== undefined) upper[k] = Math.max(upper[k] as number, o.value);
      notes.push(
        `${o.year} set to ${o.value}: ${o.reason} (later years not re-based: the projection was 0)`,
      );
      continue;
    }
    const rebase = (arr: number[]): number[] => arr.map((v, j) => (j >= k ? clamp(v * ratio) : v));
    values = rebase(values);
    lower = lower === undefined ? undefined : rebase(lower);
    upper = upper === undefined ? undefined : rebase(upper);
    values[k] = o.value;
    notes.push(`${o.year} set to ${o.value}: ${o.reason}`);
  }
  const overflow = values.findIndex((v) => !Number.isFinite(v));
  if (overflow >= 0)
    return {
      values,
      notes,
      failure: `the shocks and overrides drive the projection out of the range of numbers in ${projection.years[overflow]}`,
    };
  // An interval bound out of the range of numbers says nothing: drop the interval.
  const finite = [lower, upper].every((a) => a === undefined || a.every(Number.isFinite));
  return {
    values,
    ...(lower === undefined || !finite ? {} : { lower }),
    ...(upper === undefined || !finite ? {} : { upper }),
    notes,
  };
}

/** The scenario's shocks of a scope's indicator (its own, its groups' and `"*"`), in order. */
export function shocksFor(
  scenario: Pick<Scenario, "shocks">,
  dataset: Pick<Dataset, "groups">,
  scope: string,
  indicator: Indicator,
): Scenario["shocks"] {
  return scenario.shocks.filter(
    (shock) => shock.indicator === indicator.id && scopeMatches(dataset, shock.scope, scope),
  );
}

/**
 * The scenario's overrides of a scope's indicator that are inside the indicator's range, by year
 * (the others are not applied; the scenario's content check reports them).
 */
export function overridesFor(
  scenario: Pick<Scenario, "overrides">,
  scope: string,
  indicator: Indicator,
): Scenario["overrides"] {
  return scenario.overrides
    .filter(
      (o) => o.scope === scope && o.indicator === indicator.id && withinBounds(indicator, o.value),
    )
    .sort((a, b) => a.year - b.year);
}

/** A fraction as signed percentage points with one decimal: -0.03 → "-3.0 points". */
function formatPoints(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} points`;
}

/** A fraction as a signed percentage with one decimal: 0.05 → "+5.0%". */
function formatPct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
}
