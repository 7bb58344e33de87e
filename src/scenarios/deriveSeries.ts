import type { FormulaProgram } from "../internal/formulaProgram.js";
import type { Indicator } from "../schemas/indicator.js";
import { aggregationOf } from "./aggregation.js";
import { type IndexedSeries, indexSeries } from "./internal/indexSeries.js";
import { cachedCombine, cachedIndex, type ProjectionCache } from "./projectionCache.js";
import type { ScopeSeries } from "./scopeSeries.js";

/**
 * The series of every derived indicator for every place or group that has a series of its own of
 * each indicator the formula names: the formula evaluated year by year on the scope's values of
 * them (see `combineSeries`: observed where all are observed, graded by the worst grade, and
 * projected from their projections), with `basis: "observed"` and `formula` set. Derived
 * indicators are computed in `order` (each after the derived indicators its formula names), so a
 * formula may name another derived indicator. A year in which the formula is not a finite number
 * (a division by zero, the log of a negative number) has no value, which a note says.
 *
 * @param own - the scopes' own series (projected by their models).
 * @param indicators - every indicator of the dataset, by id.
 * @param order - the derived indicators that can be computed, in dependency order (see
 *   `derivedIndicators`).
 */
export function deriveSeries(
  own: readonly ScopeSeries[],
  indicators: ReadonlyMap<string, Indicator>,
  order: readonly string[],
  programs: ReadonlyMap<string, FormulaProgram>,
  cache?: ProjectionCache,
): ScopeSeries[] {
  if (order.length === 0) return [];
  const indexOf = cache === undefined ? indexSeries : (s: ScopeSeries) => cachedIndex(cache, s);
  const byScope = new Map<string, Map<string, IndexedSeries>>();
  const add = (series: ScopeSeries) => {
    const row = byScope.get(series.scope) ?? new Map<string, IndexedSeries>();
    byScope.set(series.scope, row);
    row.set(series.indicator, indexOf(series));
  };
  for (const s of own) if (s.basis === "observed") add(s);
  const out: ScopeSeries[] = [];
  for (const id of order) {
    const indicator = indicators.get(id);
    const program = programs.get(id);
    if (indicator === undefined || program === undefined) continue;
    const aggregation = aggregationOf(indicator);
    for (const [scope, row] of byScope) {
      const parts = program.symbols.map((symbol) => row.get(symbol));
      if (parts.some((p) => p === undefined)) continue;
      const series = cachedCombine(
        cache,
        `derived|${scope}|${id}`,
        [parts as IndexedSeries[]],
        () => ({
          scope,
          indicator: id,
          basis: "observed",
          rows: [parts as IndexedSeries[]],
          combine: (values) => aggregation.combine(values),
          source: `formula of ${program.symbols.join(", ")}`,
          what: "computed by its formula",
          formula: program.text,
          notes: [
            `computed by its formula ${program.text} from ${scope}'s ${program.symbols.join(", ")}`,
          ],
          noValueNote: (years) =>
            `no value in ${years.join(", ")}: the formula is not a finite number there`,
        }),
      );
      if (series === undefined) continue;
      out.push(series);
      add(series);
    }
  }
  return out;
}
