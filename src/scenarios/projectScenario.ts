import { fsum } from "../internal/fsum.js";
import { fitModel } from "../models/fitModel.js";
import { projectModel } from "../models/projectModel.js";
import type { FittedModel } from "../models/types.js";
import type { Discrepancy } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation, Quality } from "../schemas/observation.js";
import type { ReferenceSeries } from "../schemas/regionPack.js";
import type { Scenario } from "../schemas/scenario.js";
import {
  type ObservedPoint,
  preferredSeries,
  type ScopeSeries,
  seriesValue,
} from "./scopeSeries.js";
import { selectModel } from "./selectModel.js";

/** Coverage of the prediction intervals the runner asks models for (80%, as in forecast::forecast). */
export const INTERVAL_LEVEL = 0.8;

/** A reference series (outside the region) projected under the scenario's assumption. */
export interface ReferenceProjection {
  readonly id: string;
  readonly unit: string;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** Last observed year; later years are projected. */
  readonly observedThrough: number;
  /** Series breaks of the observed part (years at which a new basis starts). */
  readonly breaks: readonly number[];
  readonly reason: string;
}

/** Everything a deterministic scenario run produces before targets are judged. */
export interface ScenarioProjection {
  readonly scenario: Scenario;
  /** Latest year with an observation used. */
  readonly asOf: number;
  readonly series: readonly ScopeSeries[];
  readonly references: readonly ReferenceProjection[];
  readonly discrepancies: readonly Discrepancy[];
  readonly issues: readonly Issue[];
}

const QUALITY_RANK: Readonly<Record<Quality, number>> = { A: 0, B: 1, C: 2 };

/**
 * Projects every place × indicator (and group × indicator) that has data to the scenario's last
 * year, deterministically.
 *
 * Steps: for each year the best-graded observation is used (A before B before C; quality C only
 * when the scenario sets `useQualityC`); the scenario's model for the scope and indicator is
 * fitted (respecting series breaks) and projected with an 80% interval where the model gives
 * one; shocks and year overrides are applied; groups are aggregated from their places by each
 * indicator's rule wherever every member has a value, beside the group's own observed series, and
 * years with both are listed as discrepancies. Problems (a model that cannot be fitted, an
 * override for an unknown series or for a group whose targets read its places) are returned as
 * issues; nothing throws for data.
 */
export function projectScenario(
  dataset: Dataset,
  scenario: Scenario,
  references: readonly ReferenceSeries[] = [],
): ScenarioProjection {
  const issues: Issue[] = [];
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const usable = dataset.observations.filter((o) => indicators.has(o.indicator));
  const byKey = new Map<string, Observation[]>();
  for (const o of usable) {
    const key = `${o.place}|${o.indicator}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [o]);
    else list.push(o);
  }
  const direct: ScopeSeries[] = [];
  let asOf = Number.NEGATIVE_INFINITY;
  for (const [key, list] of byKey) {
    const [scope, indicatorId] = key.split("|") as [string, string];
    const indicator = indicators.get(indicatorId) as Indicator;
    const series = projectOne(dataset, scenario, scope, indicator, list, issues);
    for (const p of series.observed) asOf = Math.max(asOf, p.year);
    direct.push(series);
  }
  const aggregated = aggregateGroups(dataset, direct, indicators);
  const discrepancies = findDiscrepancies(
    direct,
    aggregated,
    new Map(dataset.groups.map((g) => [g.id, g.members])),
  );
  reportIgnoredOverrides(scenario, dataset, direct, aggregated, issues);
  reportUnmatchedShocks(scenario, dataset, direct, issues);
  const refs = references.map((r) => projectReference(r, scenario, issues));
  return {
    scenario,
    asOf: Number.isFinite(asOf) ? asOf : scenario.toYear,
    series: [...direct, ...aggregated],
    references: refs,
    discrepancies,
    issues,
  };
}

function chooseObservations(
  list: readonly Observation[],
  useQualityC: boolean,
): { used: ObservedPoint[]; unused: ObservedPoint[]; notes: string[] } {
  const byYear = new Map<number, Observation[]>();
  for (const o of list) {
    const l = byYear.get(o.year);
    if (l === undefined) byYear.set(o.year, [o]);
    else l.push(o);
  }
  const used: ObservedPoint[] = [];
  const unused: ObservedPoint[] = [];
  const notes: string[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const candidates = [...(byYear.get(year) ?? [])].sort(
      (a, b) => QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality],
    );
    const admissible = candidates.filter((o) => useQualityC || o.quality !== "C");
    const chosen = admissible[0];
    for (const o of candidates) {
      const point = { year: o.year, value: o.value, source: o.source, quality: o.quality };
      if (o === chosen) used.push(point);
      else unused.push(point);
    }
    if (chosen !== undefined) {
      const conflicting = candidates.filter((o) => o !== chosen && o.value !== chosen.value);
      if (conflicting.length > 0)
        notes.push(
          `${year}: used ${chosen.value} (${chosen.source}, ${chosen.quality}); also reported ${conflicting
            .map((o) => `${o.value} (${o.source}, ${o.quality})`)
            .join(", ")}`,
        );
    }
  }
  return { used, unused, notes };
}

function projectOne(
  dataset: Dataset,
  scenario: Scenario,
  scope: string,
  indicator: Indicator,
  list: readonly Observation[],
  issues: Issue[],
): ScopeSeries {
  const { used, unused, notes } = chooseObservations(list, scenario.useQualityC);
  const base = {
    scope,
    indicator: indicator.id,
    basis: "observed" as const,
    observed: used,
    unused,
    ...(notes.length === 0 ? {} : { conflicts: notes }),
    notes,
  };
  const last = used[used.length - 1];
  if (last === undefined || last.year >= scenario.toYear)
    return { ...base, years: [], values: [], informative: false };
  const selected = selectModel(scenario, dataset, scope, indicator);
  const breaks = dataset.breaks
    .filter((b) => b.indicator === indicator.id && (b.place === undefined || b.place === scope))
    .map((b) => b.year);
  let fitted: FittedModel;
  let projection: ReturnType<typeof projectModel>;
  try {
    fitted = fitModel(
      selected.spec,
      { years: used.map((p) => p.year), values: used.map((p) => p.value), breaks },
      {
        scale: indicator.scale,
        ...(indicator.scale === "logit"
          ? { bounds: indicatorBounds(indicator) as [number, number] }
          : {}),
      },
    );
    projection = projectModel(fitted, { toYear: scenario.toYear, level: INTERVAL_LEVEL });
    const overflow = projection.values.findIndex((v) => !Number.isFinite(v));
    if (overflow >= 0)
      throw new RangeError(
        `the projection leaves the range of numbers in ${projection.years[overflow]} (check the data's magnitude and unit)`,
      );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.push({
      severity: "warning",
      code: "model-failed",
      message: `${scope} ${indicator.id}: could not project with ${selected.spec.kind}: ${message}`,
      field: `${scope}.${indicator.id}`,
    });
    return {
      ...base,
      years: [],
      values: [],
      informative: false,
      failure: `could not project with ${selected.spec.kind}: ${message}`,
      notes: [...notes, message],
    };
  }
  const informative = !(fitted.fallback !== undefined && fitted.kind === "naive");
  const adjusted = applyAssumptions(scenario, dataset, scope, indicator, projection, issues);
  return {
    ...base,
    years: projection.years,
    values: adjusted.values,
    ...(adjusted.lower === undefined ? {} : { lower: adjusted.lower }),
    ...(adjusted.upper === undefined ? {} : { upper: adjusted.upper }),
    model: { requested: selected.spec, reason: selected.reason, fitted, informative },
    informative,
    notes: [...notes, ...fitted.notes, ...adjusted.notes],
  };
}

function scopeMatches(dataset: Pick<Dataset, "groups">, selector: string, scope: string): boolean {
  return (
    selector === "*" ||
    selector === scope ||
    dataset.groups.some((g) => g.id === selector && g.members.includes(scope))
  );
}

/**
 * Applies the scenario's shocks and overrides to a projection, as multiplicative factors on the
 * original scale: a level shock multiplies every year from `from` (to `to`, when given: a
 * temporary shift) by `1 + size`, and is ignored when `from` is already observed; a growth shock
 * multiplies year `t` by `(1 + size)^(years of the shock span up to t)`; an override sets a
 * year's value and re-bases the following years by the same ratio (not when the projected value
 * was 0, which has no ratio: then only that year is set). Bounded rates are kept inside
 * their bounds. Shocks dated before the projection starts are reported as ignored.
 */
function applyAssumptions(
  scenario: Scenario,
  dataset: Dataset,
  scope: string,
  indicator: Indicator,
  projection: { years: number[]; values: number[]; lower?: number[]; upper?: number[] },
  issues: Issue[],
): { values: number[]; lower?: number[]; upper?: number[]; notes: string[] } {
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
    const rebase = (arr: number[] | undefined): number[] | undefined =>
      arr?.map((v, j) => (j >= k ? clamp(v * ratio) : v));
    values = rebase(values) as number[];
    lower = rebase(lower);
    upper = rebase(upper);
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

/**
 * Overrides that no target will see: those of a scope × indicator without a projected series of
 * its own, and those of a group whose targets read the aggregate of its places (which an
 * override of the group's own series does not change).
 */
function reportIgnoredOverrides(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  aggregated: readonly ScopeSeries[],
  issues: Issue[],
): void {
  for (const o of scenario.overrides) {
    const same = (s: ScopeSeries) => s.scope === o.scope && s.indicator === o.indicator;
    // What targets read (see preferredSeries): an override of the own series is seen only then.
    const own = direct.find((s) => same(s) && s.years.length > 0);
    const read = preferredSeries([...direct.filter(same), ...aggregated.filter(same)]);
    if (own !== undefined && read === own) continue;
    const fromPlaces = read?.basis === "places" ? read : undefined;
    const members = dataset.groups.find((g) => g.id === o.scope)?.members ?? [];
    issues.push({
      severity: "warning",
      code: "override-ignored",
      message: `override of ${o.scope} ${o.indicator} in ${o.year} ignored: ${
        fromPlaces !== undefined
          ? `${o.scope}'s ${o.indicator} is aggregated from its places (${members.join(", ")}); override them instead`
          : `no projected series of ${o.indicator} for ${o.scope}`
      }`,
      field: "overrides",
    });
  }
}

/** Shocks that match no projected series (a misspelt scope or indicator, or no data). */
function reportUnmatchedShocks(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  issues: Issue[],
): void {
  scenario.shocks.forEach((shock, k) => {
    const matched = direct.some(
      (s) =>
        s.indicator === shock.indicator &&
        s.years.length > 0 &&
        scopeMatches(dataset, shock.scope, s.scope),
    );
    if (matched) return;
    issues.push({
      severity: "warning",
      code: "shock-ignored",
      message: `shock ${k + 1} (${shock.scope} ${shock.indicator} from ${shock.from}) ignored: no projected series of ${shock.indicator} for ${shock.scope}`,
      field: `shocks[${k}]`,
    });
  });
}

function formatPct(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
}

interface Aggregate {
  years: number[];
  values: number[];
  informative: boolean;
  /** Years in which every member was observed (not projected). */
  observedYears: Set<number>;
  /** Worst quality grade among the members' observations, by observed year. */
  quality: Map<number, Quality>;
}

function aggregateGroups(
  dataset: Dataset,
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

function findDiscrepancies(
  direct: readonly ScopeSeries[],
  aggregated: readonly ScopeSeries[],
  membersOf: ReadonlyMap<string, readonly string[]>,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const agg of aggregated) {
    const own = direct.find((s) => s.scope === agg.scope && s.indicator === agg.indicator);
    if (own === undefined) continue;
    for (const point of own.observed) {
      const aggregatedValue = agg.observed.find((p) => p.year === point.year)?.value;
      if (aggregatedValue === undefined || point.value === 0) continue;
      out.push({
        scope: agg.scope,
        indicator: agg.indicator,
        year: point.year,
        observed: point.value,
        aggregated: aggregatedValue,
        relative: (aggregatedValue - point.value) / point.value,
        placesWithData: [...(membersOf.get(agg.scope) ?? [])],
      });
    }
  }
  return out;
}

function projectReference(
  reference: ReferenceSeries,
  scenario: Scenario,
  issues: Issue[],
): ReferenceProjection {
  const assumption = [...scenario.references].reverse().find((r) => r.reference === reference.id);
  const observedThrough = reference.years[reference.years.length - 1] ?? scenario.toYear;
  const base = {
    id: reference.id,
    observedThrough,
    unit: reference.unit,
    breaks: [...reference.breaks],
  };
  const observedOnly = (reason: string): ReferenceProjection => ({
    ...base,
    years: [...reference.years],
    values: [...reference.values],
    reason,
  });
  if (assumption === undefined)
    return observedOnly("no assumption in the scenario: observed values only");
  if (observedThrough >= scenario.toYear) return observedOnly(assumption.reason);
  try {
    const fitted = fitModel(assumption.spec, {
      years: reference.years,
      values: reference.values,
      breaks: reference.breaks,
    });
    const p = projectModel(fitted, { toYear: scenario.toYear });
    return {
      ...base,
      years: [...reference.years, ...p.years],
      values: [...reference.values, ...p.values],
      reason: assumption.reason,
    };
  } catch (error) {
    issues.push({
      severity: "warning",
      code: "model-failed",
      message: `reference ${reference.id}: ${error instanceof Error ? error.message : String(error)}`,
      field: "references",
    });
    return observedOnly(assumption.reason);
  }
}
