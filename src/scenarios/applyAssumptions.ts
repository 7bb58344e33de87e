import type { ModelProjection } from "../models/types.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Scenario } from "../schemas/scenario.js";
import { scopeMatches } from "./internal/scopeMatches.js";

/** A projection after the scenario's shocks and overrides, with a note for each applied. */
export interface AdjustedProjection {
  readonly values: number[];
  readonly lower?: number[];
  readonly upper?: number[];
  readonly notes: string[];
}

/**
 * Applies the scenario's shocks and overrides to a projection, as multiplicative factors on the
 * original scale: a level shock multiplies every year from `from` (to `to`, when given: a
 * temporary shift) by `1 + size`, and is ignored when `from` is already observed; a growth shock
 * multiplies year `t` by `(1 + size)^(years of the shock span up to t)`; an override sets a
 * year's value and re-bases the following years by the same ratio (not when the projected value
 * was 0, which has no ratio: then only that year is set). Bounded rates are kept inside
 * their bounds. Shocks dated before the projection starts are noted as ignored; an override of a
 * year outside the projection is reported as an `override-outside-projection` issue.
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
  const first = projection.years[0];
  if (first === undefined) return { values: projection.values, notes };
  for (const shock of scenario.shocks) {
    if (shock.indicator !== indicator.id || !scopeMatches(dataset, shock.scope, scope)) continue;
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
      if (shock.type === "level") {
        if (year <= to) factor[k] = (factor[k] as number) * (1 + shock.size);
      } else {
        const span = Math.min(year, to) - Math.max(shock.from, first) + 1;
        if (span > 0) factor[k] = (factor[k] as number) * (1 + shock.size) ** span;
      }
    });
    notes.push(
      `${shock.type} shock ${formatPct(shock.size)} from ${shock.from}${shock.to === undefined ? "" : ` to ${shock.to}`}: ${shock.reason}`,
    );
  }
  const [lo, hi] = indicatorBounds(indicator);
  const clamp = (v: number): number => Math.min(hi, Math.max(lo, v));
  let values = projection.values.map((v, k) => clamp(v * (factor[k] as number)));
  let lower = projection.lower?.map((v, k) => clamp(v * (factor[k] as number)));
  let upper = projection.upper?.map((v, k) => clamp(v * (factor[k] as number)));
  const overrides = scenario.overrides
    .filter((o) => o.scope === scope && o.indicator === indicator.id)
    .sort((a, b) => a.year - b.year);
  for (const o of overrides) {
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
  return {
    values,
    ...(lower === undefined ? {} : { lower }),
    ...(upper === undefined ? {} : { upper }),
    notes,
  };
}

/** A fraction as a signed percentage with one decimal: 0.05 → "+5.0%". */
function formatPct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
}
