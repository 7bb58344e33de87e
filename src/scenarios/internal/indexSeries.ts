import type { ObservedPoint, ScopeSeries } from "../scopeSeries.js";

/** A series with its values and observed points by year, for repeated look-ups. */
export interface IndexedSeries {
  readonly series: ScopeSeries;
  /** The value of each year, as `seriesValue` gives it: the observation, else the projection. */
  readonly value: ReadonlyMap<number, number>;
  /** The observed point of each observed year. */
  readonly observed: ReadonlyMap<number, ObservedPoint>;
}

/** Indexes a series by year; look-ups then agree with `seriesValue` and `observed.find`. */
export function indexSeries(series: ScopeSeries): IndexedSeries {
  const value = new Map<number, number>();
  const observed = new Map<number, ObservedPoint>();
  // The first entry of a year wins, as with find and indexOf; observations before projections.
  for (const p of series.observed)
    if (!observed.has(p.year)) {
      observed.set(p.year, p);
      value.set(p.year, p.value);
    }
  series.years.forEach((year, k) => {
    const v = series.values[k];
    if (!value.has(year) && v !== undefined) value.set(year, v);
  });
  return { series, value, observed };
}
