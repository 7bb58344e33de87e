// The window of years a β-convergence regression compares: its two ends, the places with a value
// at both, and the series breaks it would cross (a growth rate across a break reads the change of
// basis as growth).
import { aggregationOf } from "../../scenarios/aggregation.js";
import type { Dataset } from "../../schemas/dataset.js";
import type { SigmaRow } from "../sigmaConvergence.js";

/** A window of observed years and the places with a value at both ends. */
export interface BetaWindow {
  readonly from: number;
  readonly to: number;
  readonly places: readonly string[];
  /** Series breaks starting after `from` and by `to`, on the compared indicator or its parts. */
  readonly crossesBreaks: readonly string[];
}

/**
 * The series breaks a window from `from` to `to` crosses for `places`: those the disparity rows
 * mark in (from, to], and the dataset's breaks in (from, to] of the compared indicators or their
 * parts (numerator, weight) for one of the places or for every place.
 */
export function crossedBreaks(
  dataset: Pick<Dataset, "indicators" | "breaks">,
  rows: readonly SigmaRow[],
  from: number,
  to: number,
  places: readonly string[],
): string[] {
  const byId = new Map(dataset.indicators.map((i) => [i.id, i]));
  const inside = rows.filter((r) => r.year > from && r.year <= to);
  const relevant = new Set<string>();
  for (const r of rows.filter((row) => row.year >= from && row.year <= to)) {
    relevant.add(r.compared);
    const indicator = byId.get(r.compared);
    if (indicator !== undefined)
      for (const part of aggregationOf(indicator, (id) => byId.get(id)).parts) relevant.add(part);
  }
  const found = new Set<string>();
  for (const r of inside) if (r.break !== null) found.add(`${r.year}: ${r.break.reason}`);
  for (const b of dataset.breaks)
    if (
      b.year > from &&
      b.year <= to &&
      relevant.has(b.indicator) &&
      (b.place === undefined || places.includes(b.place)) &&
      !inside.some((r) => r.year === b.year && r.break !== null)
    )
      found.add(`${b.year}: ${b.indicator} changes basis: ${b.reason}`);
  return [...found];
}

/** The places with a value in both rows. */
export function placesAtBothEnds(first: SigmaRow, last: SigmaRow): string[] {
  return first.places.filter((p) => last.places.includes(p));
}

/**
 * The longest window between two observed years that crosses no series break and has at least
 * `minPlaces` places with a value at both ends; of equally long ones the one with more places,
 * then the later one. Undefined when there is none.
 */
export function longestWindow(
  dataset: Pick<Dataset, "indicators" | "breaks">,
  rows: readonly SigmaRow[],
  minPlaces: number,
): BetaWindow | undefined {
  const observed = rows.filter((r) => r.basis === "observed" && r.n > 0);
  let best: BetaWindow | undefined;
  for (const [i, first] of observed.entries())
    for (const last of observed.slice(i + 1)) {
      const places = placesAtBothEnds(first, last);
      if (places.length < minPlaces) continue;
      const length = last.year - first.year;
      const bestLength = best === undefined ? -1 : best.to - best.from;
      if (length < bestLength) continue;
      if (
        best !== undefined &&
        length === bestLength &&
        (places.length < best.places.length ||
          (places.length === best.places.length && last.year < best.to))
      )
        continue;
      if (crossedBreaks(dataset, rows, first.year, last.year, places).length > 0) continue;
      best = { from: first.year, to: last.year, places, crossesBreaks: [] };
    }
  return best;
}
