import { checkArrayOf, checkBoolean, checkNumber, checkOptions } from "../internal/checkArgs.js";
import { objectId } from "../internal/objectId.js";
import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { cacheOfProjection } from "../scenarios/projectScenario.js";
import type { ScopeSeries } from "../scenarios/scopeSeries.js";
import type { DataNeed, DisparityRow } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import { checkDataset, checkProjection } from "./checkProjectionArgs.js";
import { disparity } from "./disparity.js";
import {
  type Comparison,
  type ComparisonBasis,
  comparisonsOf,
  dataYears,
  placeComparison,
  type SeriesLookup,
  seriesLookup,
} from "./internal/placeComparison.js";

/** Options of {@link assessDisparity}. */
export interface DisparityOptions {
  /**
   * Also give a row to every year in which some place has an observation of the compared
   * indicator (its own value or its ratio's numerator), not only to `years` (default false).
   */
  readonly everyYearWithData?: boolean;
  /**
   * Also give a row to each year after an indicator's latest year with data, through this one:
   * the projected disparity (default none). Such a year is left out when no place has a
   * projected value there (a year of `years` never is).
   */
  readonly projectedThrough?: number;
}

/**
 * Regional disparity (缩小区域发展差距, the plan's aim of narrowing gaps between places) of every
 * indicator whose aggregation rule weights places (see `AGGREGATION_RULES`): a `ratio` of two
 * summed indicators — GDP per capita, the urbanization rate, an industry's share of GDP — a
 * `weighted-mean`, or a derived indicator whose formula is such a ratio (`gdp / population *
 * 10000` of two summed indicators, weighted by the denominator), across the places of the
 * dataset, in each given year (and, with the options, every year with data and the projected
 * years after it).
 *
 * - Observed and projected rows: a year up to the indicator's latest year with data is
 *   `observed` and compares places on observed values only (a place's own observation, else
 *   its value recomputed from its parts observed that year, with its weight observed that
 *   year); a later year is `projected` and uses the projected series (observed where there
 *   are, else projected by a model that carries information about change).
 * - Over the places that have data: the measures are computed over the places with a value
 *   (at least two); the row's `values` are theirs and `leftOut` names the others, with the
 *   observations that would complete them as data needs (`missing`).
 * - A place's value is its own series of the indicator when it has one, else the value
 *   recomputed from its own parts (the ratio of its numerator and denominator); its weight is
 *   the rule's weight (a ratio's denominator: population for per-capita values and rates, GDP
 *   for shares).
 * - A spliced basis: an indicator that declares an `earlierBasis` (e.g. GDP per capita per
 *   resident, with GDP per household-registered person before the 2020 census) is compared on
 *   that indicator, with its weights, before the declared year; the row says which indicator it
 *   compares (`compared`), the first row on the indicator's own basis carries the `break` and its
 *   reason, and the earlier indicator has no rows of its own.
 *
 * Measures: see `disparity` (Williamson's population-weighted CV, Theil's T, the Gini
 * coefficient, weighted by the rule's weight).
 *
 * @param years - years every indicator gets a row in, data or not (e.g. the plan's base and last
 *   years), so that the rows of an indicator without data list what it lacks.
 * @param options - `everyYearWithData`, `projectedThrough` (see {@link DisparityOptions}).
 * @throws {ArgumentTypeError} `assessDisparity: dataset must be a dataset (…)`,
 *   `assessDisparity: projection must be a scenario projection (see projectScenario) (got …)`,
 *   `assessDisparity: years[0] must be an integer (got the string "2020")`,
 *   `assessDisparity: options.everyYearWithData must be true or false (got …)`,
 *   `assessDisparity: options.projectedTo is not an option; did you mean projectedThrough? (…)`.
 * @throws {ArgumentRangeError} `assessDisparity: options.projectedThrough must be an integer
 *   (got 2025.5)`.
 * @example
 * const rows = assessDisparity(qujingPack.dataset, projectScenario(qujingPack.dataset, resolveScenario("trend", qujingPack.scenarios)), [2020]);
 * rows.every((r) => r.year === 2020); // true
 */
export function assessDisparity(
  dataset: Dataset,
  projection: ScenarioProjection,
  years: readonly number[],
  options: DisparityOptions = {},
): DisparityRow[] {
  checkDataset(FN, "dataset", dataset);
  checkProjection(FN, "projection", projection);
  checkArrayOf(FN, "years", years, (at, y) => checkNumber(FN, at, y, { integer: true }));
  const o = checkOptions(FN, "options", options, ["everyYearWithData", "projectedThrough"]);
  const every =
    o.everyYearWithData === undefined
      ? false
      : checkBoolean(FN, "options.everyYearWithData", o.everyYearWithData);
  const through =
    o.projectedThrough === undefined
      ? undefined
      : checkNumber(FN, "options.projectedThrough", o.projectedThrough, { integer: true });
  return assessCheckedDisparity(dataset, projection, years, every, through);
}

/**
 * {@link assessDisparity} without its argument checks, for the library's own assessment. Not
 * exported from the package.
 */
export function assessCheckedDisparity(
  dataset: Dataset,
  projection: ScenarioProjection,
  years: readonly number[],
  every: boolean,
  through: number | undefined,
): DisparityRow[] {
  const lookup = seriesLookup(projection);
  const cache = cacheOfProjection(projection);
  const memo = cache?.dataset === dataset ? cache : undefined;
  const rows: DisparityRow[] = [];
  comparisonsOf(dataset).forEach((comparison, k) => {
    if (memo === undefined) {
      rows.push(...comparisonRows(dataset, lookup, comparison, years, every, through));
      return;
    }
    // The rows read the places' series of the compared indicators, their parts and weights only;
    // a row of an observed year reads only their observed points.
    const bases = [
      comparison.own,
      ...(comparison.earlier === undefined ? [] : [comparison.earlier.basis]),
    ];
    const read = (of: (s: ScopeSeries) => object) =>
      bases
        .flatMap((basis) => [basis.id, ...basis.parts, basis.weight])
        .flatMap((id) => dataset.places.map((p) => lookup(p.id, id).map((s) => objectId(of(s)))))
        .join(";");
    const observedPoints = read((s) => s.observed);
    const observedRow: ObservedRow = (year, basis, compute) =>
      memo.downstream.getOrCompute(
        `disparity observed|${k}|${year}|${basis.id}|${observedPoints}`,
        compute,
      ) as DisparityRow;
    const key = `disparity|${k}|${years.join(",")}|${every}|${through}|${read((s) => s)}`;
    const kept = memo.downstream.getOrCompute(key, () =>
      comparisonRows(dataset, lookup, comparison, years, every, through, observedRow),
    ) as DisparityRow[];
    rows.push(...kept.map(copyDisparityRow));
  });
  return rows;
}

/** The row of an observed year on a basis: `compute()`, or the same row computed before. */
type ObservedRow = (
  year: number,
  basis: ComparisonBasis,
  compute: () => DisparityRow,
) => DisparityRow;

/**
 * A copy of a disparity row that shares no object or array with it (a memo hands out copies of
 * the rows it keeps); field by field, several times faster than a generic deep copy. Not exported
 * from the package.
 */
export function copyDisparityRow(row: DisparityRow): DisparityRow {
  return {
    ...row,
    measures: row.measures === null ? null : { ...row.measures },
    values: row.values.map((v) => ({ ...v })),
    ...(row.leftOut === undefined ? {} : { leftOut: [...row.leftOut] }),
    missing: row.missing.map((m) => ({
      ...m,
      years: [...m.years],
      ...(m.requiredYears === undefined ? {} : { requiredYears: [...m.requiredYears] }),
    })),
    ...(row.break === undefined || row.break === null ? {} : { break: { ...row.break } }),
  };
}

/** The disparity rows of one comparison (see {@link assessDisparity}). */
function comparisonRows(
  dataset: Dataset,
  lookup: SeriesLookup,
  comparison: Comparison,
  years: readonly number[],
  every: boolean,
  through: number | undefined,
  observedRow: ObservedRow = (_year, _basis, compute) => compute(),
): DisparityRow[] {
  const rows: DisparityRow[] = [];
  const withData = dataYears(dataset, lookup, comparison);
  const latest = withData.length === 0 ? undefined : Math.max(...withData);
  const rowYears = new Set(years);
  if (every) for (const y of withData) rowYears.add(y);
  if (through !== undefined && latest !== undefined)
    for (let y = latest + 1; y <= through; y++) rowYears.add(y);
  const sorted = [...rowYears].sort((a, b) => a - b);
  // The first row on the indicator's own basis after rows on the earlier one marks the break.
  let previousEarlier = false;
  for (const year of sorted) {
    const basis = comparison.basisIn(year);
    const observed = latest !== undefined && year <= latest;
    const compute = () =>
      disparityRow(dataset, lookup, comparison.indicator.id, basis, year, observed);
    const row = observed ? observedRow(year, basis, compute) : compute();
    // A projected year not asked for is left out when no place has a value there.
    if (!observed && row.values.length === 0 && !years.includes(year)) continue;
    const { earlier } = comparison;
    const seriesBreak = observed ? seriesBreakIn(dataset, basis, row, year) : undefined;
    rows.push(
      previousEarlier && !basis.earlier && earlier !== undefined
        ? { ...row, break: { from: earlier.basis.id, reason: earlier.reason } }
        : seriesBreak !== undefined
          ? { ...row, break: { from: basis.id, reason: seriesBreak } }
          : row,
    );
    previousEarlier = basis.earlier;
  }
  return rows;
}

const FN = "assessDisparity";

/**
 * The declared series breaks (`dataset.breaks`) that start in `year` on a part of the compared
 * basis (its numerator or weight) for a compared place, or for every place, as one reason; a
 * comparison across such a year mixes two bases (Qujing's county population is census-based from
 * 2020), so the row is marked like a change of basis.
 */
function seriesBreakIn(
  dataset: Dataset,
  basis: ComparisonBasis,
  row: DisparityRow,
  year: number,
): string | undefined {
  const compared = new Set(row.values.map((v) => v.place));
  const found = dataset.breaks.filter(
    (b) =>
      b.year === year &&
      (b.indicator === basis.id || basis.parts.includes(b.indicator)) &&
      (b.place === undefined || compared.has(b.place)),
  );
  if (found.length === 0) return undefined;
  const byIndicator = new Map<string, { places: string[]; reason: string }>();
  for (const b of found) {
    const entry = byIndicator.get(b.indicator) ?? { places: [], reason: b.reason };
    if (b.place !== undefined) entry.places.push(b.place);
    byIndicator.set(b.indicator, entry);
  }
  return [...byIndicator]
    .map(([indicator, e]) =>
      e.places.length === 0
        ? `${indicator} changes basis in ${year}: ${e.reason}`
        : `${indicator} of ${e.places.length === compared.size ? "every compared place" : e.places.join(", ")} changes basis in ${year}: ${e.reason}`,
    )
    .join("; ");
}

/** One indicator's disparity row in one year, compared on `basis`. */
function disparityRow(
  dataset: Dataset,
  lookup: SeriesLookup,
  indicator: string,
  basis: ComparisonBasis,
  year: number,
  observed: boolean,
): DisparityRow {
  const values: DisparityRow["values"] = [];
  const leftOut: string[] = [];
  const missing: DataNeed[] = [];
  const why = `${basis.id} of every place in ${year}, for regional disparity`;
  for (const place of dataset.places) {
    const found = placeComparison(lookup, place.id, basis, year, observed);
    if (found.value !== undefined && found.weight !== undefined && found.value > 0) {
      values.push({ place: place.id, value: found.value, weight: found.weight });
      continue;
    }
    leftOut.push(place.id);
    for (const need of found.lacking)
      missing.push({ scope: place.id, indicator: need, years: [year], minCount: 1, why });
  }
  const enough = values.length >= 2;
  const sorted = [...values].sort((a, b) => a.value - b.value);
  return {
    indicator,
    compared: basis.id,
    year,
    basis: observed ? "observed" : "projected",
    measures: enough
      ? disparity(
          values.map((v) => v.value),
          values.map((v) => v.weight),
        )
      : null,
    values,
    leftOut,
    lowest: enough ? (sorted[0]?.place ?? null) : null,
    highest: enough ? (sorted[sorted.length - 1]?.place ?? null) : null,
    missing,
    break: null,
  };
}
