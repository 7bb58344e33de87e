import { GROWTH_PERCENTILE_TABLES } from "./growthPercentiles.generated.js";

/** One five-year window of a {@link GrowthPercentileTable}. */
export interface GrowthPercentileWindow {
  /** First and last year of the window (five years apart). */
  readonly from: number;
  readonly to: number;
  /** Number of units with a growth rate over the window. */
  readonly units: number;
  /** Percentiles 1, 2, …, 99 of the five-year CAGR, fractions a year. */
  readonly percentiles: readonly number[];
}

/**
 * The distribution of five-year GDP growth across a universe of Chinese units, computed by
 * `scripts/embed-growth-percentiles.ts` from the shared China panels (aggregates only).
 */
export interface GrowthPercentileTable {
  readonly id: string;
  /** County-level units or prefecture-level cities. */
  readonly scope: "county" | "prefecture";
  /** GDP at current (`nominal`) or constant (`real`) prices. */
  readonly basis: "nominal" | "real";
  readonly description: string;
  /** Non-overlapping windows, oldest first. */
  readonly windows: readonly GrowthPercentileWindow[];
}

/** Where a growth rate falls among the units of a table's latest window. */
export interface GrowthPercentile {
  readonly table: string;
  readonly description: string;
  readonly window: { readonly from: number; readonly to: number; readonly units: number };
  /**
   * The percentile rank, 0–100: linear between the table's percentiles 1…99; 0 below the 1st
   * and 100 above the 99th.
   */
  readonly percentile: number;
}

/** The table of a scope and basis, if the library has one. */
export function growthPercentileTable(
  scope: "county" | "prefecture",
  basis: "nominal" | "real",
): GrowthPercentileTable | undefined {
  return GROWTH_PERCENTILE_TABLES.find((t) => t.scope === scope && t.basis === basis);
}

/**
 * The percentile rank of `rate` (a fraction a year) among the units of the table's latest window:
 * the inverse of its percentiles 1…99 by linear interpolation (a rate equal to several tied
 * percentiles takes the highest), 0 below the 1st percentile, 100 above the 99th.
 */
export function growthPercentile(rate: number, table: GrowthPercentileTable): GrowthPercentile {
  const window = table.windows[table.windows.length - 1] as GrowthPercentileWindow;
  const q = window.percentiles;
  let percentile: number;
  if (rate < (q[0] as number)) percentile = 0;
  else if (rate > (q[q.length - 1] as number)) percentile = 100;
  else {
    // The last percentile at or below the rate, then linear towards the next one.
    let i = 0;
    while (i + 1 < q.length && (q[i + 1] as number) <= rate) i++;
    const a = q[i] as number;
    const b = q[i + 1];
    percentile = b === undefined ? i + 1 : i + 1 + (rate - a) / (b - a);
  }
  return {
    table: table.id,
    description: table.description,
    window: { from: window.from, to: window.to, units: window.units },
    percentile,
  };
}
