import { fsum } from "../internal/fsum.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import type { Quality } from "../schemas/observation.js";
import { QUALITY_RANK } from "./internal/qualityRank.js";
import { type ObservedPoint, type ScopeSeries, seriesValue } from "./scopeSeries.js";

interface Aggregate {
  years: number[];
  values: number[];
  informative: boolean;
  /** Years in which every member was observed (not projected). */
  observedYears: Set<number>;
  /** Worst quality grade among the members' observations, by observed year. */
  quality: Map<number, Quality>;
}

/**
 * Aggregates every group's indicators from its places' series by each indicator's rule (sum,
 * ratio of sums, weighted mean) wherever every member has a value: a year is observed when every
 * member (and part) is, graded by the worst quality among them; later years are the projection.
 * When a member's model failed, `failure` names the first such member part.
 */
export function aggregateGroups(
  dataset: Pick<Dataset, "groups">,
  direct: readonly ScopeSeries[],
  indicators: ReadonlyMap<string, Indicator>,
): ScopeSeries[] {
  const lookup = new Map(direct.map((s) => [`${s.scope}|${s.indicator}`, s]));
  const out: ScopeSeries[] = [];
  for (const group of dataset.groups) {
    const sums = new Map<string, Aggregate>();
    const memberSum = (indicatorId: string) => {
      const cached = sums.get(indicatorId);
      if (cached !== undefined) return cached;
      const members = group.members.map((m) => lookup.get(`${m}|${indicatorId}`));
      if (members.some((m) => m === undefined)) return undefined;
      const series = members as ScopeSeries[];
      const years = [
        ...new Set(series.flatMap((s) => [...s.observed.map((p) => p.year), ...s.years])),
      ].sort((a, b) => a - b);
      const result = {
        years: [] as number[],
        values: [] as number[],
        informative: true,
        observedYears: new Set<number>(),
        quality: new Map<number, Quality>(),
      };
      for (const year of years) {
        const vals = series.map((s) => seriesValue(s, year));
        if (vals.some((v) => v === undefined)) continue;
        result.years.push(year);
        result.values.push(fsum(vals as number[]));
        const points = series.map((s) => s.observed.find((p) => p.year === year));
        if (points.every((p) => p !== undefined)) {
          result.observedYears.add(year);
          const worst = (points as ObservedPoint[]).reduce<Quality>(
            (q, p) => (QUALITY_RANK[p.quality] > QUALITY_RANK[q] ? p.quality : q),
            "A",
          );
          result.quality.set(year, worst);
        }
      }
      result.informative = series.every((s) => s.informative || s.years.length === 0);
      sums.set(indicatorId, result);
      return result;
    };
    for (const indicator of indicators.values()) {
      const rule = indicator.aggregation;
      let agg: Aggregate | undefined;
      if (rule.rule === "sum") agg = memberSum(indicator.id);
      else if (rule.rule === "ratio") {
        const num = memberSum(rule.numerator);
        const den = memberSum(rule.denominator);
        if (num !== undefined && den !== undefined) {
          const years: number[] = [];
          const values: number[] = [];
          num.years.forEach((year, k) => {
            const j = den.years.indexOf(year);
            const d = j < 0 ? undefined : den.values[j];
            if (d === undefined || d === 0) return;
            years.push(year);
            values.push((rule.scale * (num.values[k] as number)) / d);
          });
          const observedYears = new Set(
            [...num.observedYears].filter((y) => den.observedYears.has(y)),
          );
          const quality = new Map<number, Quality>();
          for (const year of observedYears) {
            const a = num.quality.get(year) ?? "C";
            const b = den.quality.get(year) ?? "C";
            quality.set(year, QUALITY_RANK[b] > QUALITY_RANK[a] ? b : a);
          }
          agg = {
            years,
            values,
            informative: num.informative && den.informative,
            observedYears,
            quality,
          };
        }
      } else if (rule.rule === "weighted-mean") {
        const members = group.members.map((m) => lookup.get(`${m}|${indicator.id}`));
        const weights = memberSum(rule.weight);
        if (weights !== undefined && members.every((m) => m !== undefined)) {
          const series = members as ScopeSeries[];
          const weightSeries = group.members.map(
            (m) => lookup.get(`${m}|${rule.weight}`) as ScopeSeries,
          );
          const years: number[] = [];
          const values: number[] = [];
          const observedYears = new Set<number>();
          const quality = new Map<number, Quality>();
          for (const year of weights.years) {
            const xs = series.map((s) => seriesValue(s, year));
            const ws = weightSeries.map((s) => seriesValue(s, year));
            if (xs.some((x) => x === undefined) || ws.some((w) => w === undefined)) continue;
            const total = fsum(ws as number[]);
            if (total === 0) continue;
            years.push(year);
            values.push(fsum(xs.map((x, k) => (x as number) * (ws[k] as number))) / total);
            // Observed when every member's value and weight is (as for sums).
            const points = [...series, ...weightSeries].map((s) =>
              s.observed.find((p) => p.year === year),
            );
            if (points.every((p) => p !== undefined)) {
              observedYears.add(year);
              quality.set(
                year,
                (points as ObservedPoint[]).reduce<Quality>(
                  (q, p) => (QUALITY_RANK[p.quality] > QUALITY_RANK[q] ? p.quality : q),
                  "A",
                ),
              );
            }
          }
          agg = {
            years,
            values,
            informative:
              weights.informative && series.every((s) => s.informative || s.years.length === 0),
            observedYears,
            quality,
          };
        }
      }
      if (agg === undefined || agg.years.length === 0) continue;
      const observed: ObservedPoint[] = [];
      const years: number[] = [];
      const values: number[] = [];
      agg.years.forEach((year, k) => {
        const value = agg.values[k] as number;
        if (agg.observedYears.has(year))
          observed.push({
            year,
            value,
            source: `aggregated from ${group.members.length} places`,
            quality: agg.quality.get(year) ?? "C",
          });
        else {
          years.push(year);
          values.push(value);
        }
      });
      // A member whose model failed leaves the aggregate without a projection: say which.
      const parts =
        rule.rule === "ratio"
          ? [rule.numerator, rule.denominator]
          : rule.rule === "weighted-mean"
            ? [indicator.id, rule.weight]
            : [indicator.id];
      const failed = group.members
        .flatMap((m) => parts.map((part) => lookup.get(`${m}|${part}`)))
        .find((m) => m?.failure !== undefined);
      out.push({
        scope: group.id,
        indicator: indicator.id,
        basis: "places",
        observed,
        unused: [],
        years,
        values,
        informative: agg.informative,
        ...(failed === undefined
          ? {}
          : { failure: `${failed.scope}'s ${failed.indicator} ${failed.failure}` }),
        notes: [`aggregated from ${group.members.join(", ")} by rule "${rule.rule}"`],
      });
    }
  }
  return out;
}
