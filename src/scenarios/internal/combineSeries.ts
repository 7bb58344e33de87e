import type { Quality } from "../../schemas/observation.js";
import type { ObservedPoint, ScopeSeries } from "../scopeSeries.js";
import type { IndexedSeries } from "./indexSeries.js";
import { worseQuality } from "./qualityRank.js";

/** One scope × indicator to compute from other series, year by year. */
export interface CombineInput {
  readonly scope: string;
  readonly indicator: string;
  readonly basis: ScopeSeries["basis"];
  /** `rows[m][k]`: source m's series of part k (the members of a group, or the scope itself). */
  readonly rows: readonly (readonly IndexedSeries[])[];
  /**
   * The value of a year from `values[k][m]` (part k, source m), or undefined for none. It must not
   * keep `values`, whose arrays are refilled for the next year.
   */
  readonly combine: (values: readonly (readonly number[])[]) => number | undefined;
  /** The `source` of the observed points. */
  readonly source: string;
  /** How the series is made, for its `failure` ("aggregated from its places"). */
  readonly what: string;
  readonly notes: readonly string[];
  /** The formula the series is computed by (see `ScopeSeries.formula`). */
  readonly formula?: string;
  /** A note for the years in which every part has a value but `combine` gives none. */
  readonly noValueNote?: (years: readonly number[]) => string;
}

/**
 * A series computed from others (a group's aggregate, a derived indicator): for each year in which
 * every source has a value (observed, else projected) of every part, `combine` of those values,
 * years where it gives none left out. A year is observed when every part series is observed there,
 * graded by the worst quality among them; later years are the projection. The result is
 * informative when every part series is informative or has no projection; when a part's model
 * failed, `failure` names the first such (sources in order, parts in order). A value that leaves
 * the range of numbers in some year leaves the series without projection, its `failure` naming
 * the year. Undefined when no year has a value.
 */
export function combineSeries(input: CombineInput): ScopeSeries | undefined {
  const all = input.rows.flat();
  const partCount = input.rows[0]?.length ?? 0;
  // A year has a value only where every series has one, the first among them: its years, in order.
  const years = [...(all[0]?.value.keys() ?? [])].sort((a, b) => a - b);
  const observed: ObservedPoint[] = [];
  const projectedYears: number[] = [];
  const projectedValues: number[] = [];
  const noValue: number[] = [];
  let overflow: number | undefined;
  // One array per part, refilled each year (`combine` reads them and keeps nothing).
  const values: number[][] = Array.from({ length: partCount }, () => []);
  for (const year of years) {
    if (!partValues(input.rows, partCount, year, values)) continue;
    const value = input.combine(values);
    if (value === undefined) {
      noValue.push(year);
      continue;
    }
    if (!Number.isFinite(value)) {
      overflow ??= year;
      continue;
    }
    const quality = observedQuality(all, year);
    if (quality === undefined) {
      projectedYears.push(year);
      projectedValues.push(value);
    } else observed.push({ year, value, source: input.source, quality });
  }
  if (observed.length === 0 && projectedYears.length === 0) return undefined;
  const notes = [
    ...input.notes,
    ...(noValue.length > 0 && input.noValueNote !== undefined ? [input.noValueNote(noValue)] : []),
  ];
  const base = {
    scope: input.scope,
    indicator: input.indicator,
    basis: input.basis,
    observed,
    unused: [],
    ...(input.formula === undefined ? {} : { formula: input.formula }),
    notes,
  };
  if (overflow !== undefined)
    return {
      ...base,
      years: [],
      values: [],
      informative: false,
      failure: `${input.what}, leaves the range of numbers in ${overflow}`,
    };
  // A part whose model failed leaves the result without a projection: say which.
  const failed = all.find(({ series: s }) => s.failure !== undefined)?.series;
  return {
    ...base,
    years: projectedYears,
    values: projectedValues,
    informative: all.every(({ series: s }) => s.informative || s.years.length === 0),
    ...(failed === undefined
      ? {}
      : { failure: `${failed.scope}'s ${failed.indicator} ${failed.failure}` }),
  };
}

/**
 * Fills `values` with the sources' values of each part in `year` (`values[k][m]`, the order
 * `combine` takes); false when a source has no value of some part there.
 */
function partValues(
  rows: readonly (readonly IndexedSeries[])[],
  partCount: number,
  year: number,
  values: number[][],
): boolean {
  for (let k = 0; k < partCount; k++) (values[k] as number[]).length = 0;
  for (const row of rows)
    for (let k = 0; k < partCount; k++) {
      const value = row[k]?.value.get(year);
      if (value === undefined) return false;
      (values[k] as number[]).push(value);
    }
  return true;
}

/** The worst quality grade among the series' observations in `year`, or undefined unless all are observed. */
function observedQuality(all: readonly IndexedSeries[], year: number): Quality | undefined {
  let worst: Quality = "A";
  for (const { observed } of all) {
    const point = observed.get(year);
    if (point === undefined) return undefined;
    worst = worseQuality(worst, point.quality);
  }
  return worst;
}
