import { toScale } from "../models/modelScale.js";
import { aggregationOf } from "../scenarios/aggregation.js";
import type { UncertaintyEstimate } from "../scenarios/estimateUncertainty.js";
import { type ObservedPoint, type ScopeSeries, seriesValue } from "../scenarios/scopeSeries.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Target } from "../schemas/target.js";
import { CITY_CLASS_LOWER_BOUND_10K } from "../targets/cityClass.js";
import { ABOUT_TOLERANCE } from "../targets/comparison.js";
import { findSeries } from "../targets/findSeries.js";
import type { SimulationCondition, SimulationTarget } from "../targets/simulatedCondition.js";
import type { TargetContext } from "../targets/targetContext.js";
import type { SimulationPlan } from "./simulationPlan.js";

/** A scenario compiled for the Monte Carlo engine, and what could not be compiled. */
export interface CompiledScenarioSimulation {
  readonly plan: SimulationPlan;
  /** Targets that could not be simulated, with the reason (e.g. not evaluable). */
  readonly skipped: readonly { readonly targetId: string; readonly reason: string }[];
}

interface Member {
  /** Engine place id. */
  readonly place: string;
  readonly series: ScopeSeries;
}

/**
 * Compiles a projected scenario and a pack's targets into a `SimulationPlan`: each series a
 * target reads becomes a simulated series whose baseline is the deterministic path (observed
 * values, then the projection) on the indicator's modelling scale, whose shocks start in its
 * first projected year, and whose scale comes from `uncertainty`. A group read from its places
 * becomes an engine group (aggregated on every path by the indicator's rule); a group read from
 * its own series becomes a simulated series of its own. Targets compile to conditions:
 * level → value; growth → value against `base·(1 + g)^(year − baseYear)`; share → ratio; count →
 * cumulative sum of the projected years against what is still needed (an `about` count as two
 * conditions, the band's lower and upper edge); rank → the ratio of the scope's value to the
 * reference series (itself simulated, with shocks of its own) against 1; class → one condition
 * per place on its class's lower bound.
 * The simulation starts after the earliest last observation of the series it needs; a target
 * that reads a series without a value in that first year is skipped, with the reason.
 */
export function compileSimulationPlan(
  targets: readonly Target[],
  context: TargetContext,
  uncertainty: UncertaintyEstimate,
  evaluable: (target: Target) => boolean,
): CompiledScenarioSimulation {
  const { dataset, projection } = context;
  const toYear = projection.scenario.toYear;
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const skipped: { targetId: string; reason: string }[] = [];
  const ownSeries = new Map<string, Member>(); // key scope|indicator → simulated own series
  const groupRefs = new Map<string, { group: string; members: string[] }>();
  const groupNames = new Set(dataset.groups.map((g) => g.id));
  const groupIndicators = new Set<string>();
  // A group's own series runs as a pseudo-place, `<group>-own`, suffixed further when that id is
  // taken by a place or group of the dataset.
  const takenIds = new Set([...dataset.places.map((p) => p.id), ...groupNames]);
  const pseudoIds = new Map<string, string>();
  const placeIdOf = (scope: string): string => {
    if (!groupNames.has(scope)) return scope;
    const known = pseudoIds.get(scope);
    if (known !== undefined) return known;
    let id = `${scope}-own`;
    for (let k = 2; takenIds.has(id); k++) id = `${scope}-own-${k}`;
    takenIds.add(id);
    pseudoIds.set(scope, id);
    return id;
  };

  /** The engine series (keys of `ownSeries`) the target being compiled reads. */
  let used: string[] = [];
  /** Why the engine cannot aggregate a series the target being compiled reads, if it cannot. */
  let unsupported: string | undefined;
  const onLog = (indicatorId: string) => indicators.get(indicatorId)?.scale === "log";
  /** Registers what a scope × indicator needs on the engine; returns the engine scope id. */
  const need = (scope: string, indicatorId: string): string | undefined => {
    const series = findSeries(context, scope, indicatorId);
    if (series === undefined) return undefined;
    if (series.basis === "observed") {
      ownSeries.set(`${scope}|${indicatorId}`, { place: placeIdOf(scope), series });
      used.push(`${scope}|${indicatorId}`);
      return placeIdOf(scope);
    }
    const group = dataset.groups.find((g) => g.id === scope);
    const indicator = indicators.get(indicatorId);
    if (group === undefined || indicator === undefined) return undefined;
    const aggregation = aggregationOf(indicator);
    // The engine recomputes rates and weighted means only from positive (log-scale) parts.
    if (!aggregation.positiveParts.every(onLog)) {
      unsupported = `${scope}'s ${indicatorId} is ${aggregation.phrase} ${aggregation.positiveParts.map((id) => `"${id}"`).join(" and ")}, which the simulation needs on the log scale`;
      return undefined;
    }
    const parts = aggregation.parts;
    for (const member of group.members)
      for (const part of parts) {
        const s = context.projection.series.find(
          (x) => x.scope === member && x.indicator === part && x.basis === "observed",
        );
        if (s === undefined) return undefined;
        ownSeries.set(`${member}|${part}`, { place: member, series: s });
        used.push(`${member}|${part}`);
      }
    groupRefs.set(scope, { group: scope, members: group.members });
    groupIndicators.add(indicatorId);
    return scope;
  };

  /**
   * Registers a reference series (the k-th city's GDP) as a simulated series of its own: a
   * pseudo-place and an indicator named by the reference id, log scale, observed to its last
   * observed year and projected after, with shocks of its own (see estimateUncertainty).
   */
  const needReference = (referenceId: string): string | undefined => {
    const key = `${referenceId}|${referenceId}`;
    const known = ownSeries.get(key);
    if (known === undefined) {
      const r = projection.references.find((x) => x.id === referenceId);
      if (r === undefined || indicators.has(referenceId)) return undefined;
      let place = `ref-${referenceId}`;
      for (let k = 2; takenIds.has(place); k++) place = `ref-${referenceId}-${k}`;
      takenIds.add(place);
      const observed: ObservedPoint[] = [];
      const years: number[] = [];
      const values: number[] = [];
      r.years.forEach((year, k) => {
        const value = r.values[k] as number;
        if (year <= r.observedThrough) observed.push({ year, value, source: r.id, quality: "A" });
        else {
          years.push(year);
          values.push(value);
        }
      });
      const series: ScopeSeries = {
        scope: referenceId,
        indicator: referenceId,
        basis: "observed",
        observed,
        unused: [],
        years,
        values,
        informative: true,
        notes: [],
      };
      indicators.set(referenceId, {
        id: referenceId,
        nameZh: referenceId,
        nameEn: referenceId,
        unit: r.unit,
        kind: "level",
        aggregation: { rule: "none" },
        scale: "log",
      });
      ownSeries.set(key, { place, series });
    }
    used.push(key);
    return ownSeries.get(key)?.place;
  };

  const simTargets: SimulationTarget[] = [];
  const endYear = context.plan.endYear;
  const pending: {
    target: Target;
    build: (baseYear: number) => SimulationTarget | string;
    used: string[];
  }[] = [];
  for (const target of targets) {
    used = [];
    unsupported = undefined;
    if (!evaluable(target)) {
      skipped.push({ targetId: target.id, reason: "not evaluable deterministically" });
      continue;
    }
    const tolerance =
      target.comparator === "about" ? (target.tolerance ?? ABOUT_TOLERANCE) : undefined;
    const cond = (
      measure: SimulationCondition["measure"],
      threshold: SimulationCondition["threshold"],
      comparator = target.comparator,
    ): SimulationCondition => ({
      measure,
      comparator,
      threshold,
      ...(comparator === "about" && tolerance !== undefined ? { tolerance } : {}),
    });
    const fail = (reason: string) =>
      skipped.push({ targetId: target.id, reason: unsupported ?? reason });
    if (target.kind === "level" || target.kind === "growth") {
      // A growth target is judged as the level it implies: base · (1 + g)^(year − baseYear).
      const scope = need(target.scope, target.indicator);
      const base =
        target.kind === "growth"
          ? findSeries(context, target.scope, target.indicator)?.observed.find(
              (p) => p.year === target.baseYear,
            )?.value
          : undefined;
      const threshold =
        target.kind === "level"
          ? target.value
          : base === undefined
            ? undefined
            : base * (1 + target.value / 100) ** (target.year - target.baseYear);
      if (scope === undefined) fail("no simulated series");
      else if (threshold === undefined) fail("no base-year value");
      else
        pending.push({
          target,
          used,
          build: () => ({
            id: target.id,
            year: target.year,
            conditions: [cond({ kind: "value", scope, indicator: target.indicator }, threshold)],
          }),
        });
    } else if (target.kind === "share") {
      const denScope = target.denominator.scope ?? target.scope;
      const denIndicator = target.denominator.indicator ?? target.indicator;
      const a = need(target.scope, target.indicator);
      const b = need(denScope, denIndicator);
      // A share is a ratio: the engine needs both sides positive (a place's log-scale series, a
      // sum of them, or a recomputed rate).
      const positive = (scope: string, indicatorId: string) =>
        onLog(indicatorId) ||
        (findSeries(context, scope, indicatorId)?.basis === "places" &&
          indicators.get(indicatorId)?.aggregation.rule === "ratio");
      const linear = [target.indicator, denIndicator].find(
        (id, k) => !positive(k === 0 ? target.scope : denScope, id),
      );
      if (a === undefined || b === undefined) fail("no simulated series");
      else if (linear !== undefined)
        fail(
          `a share is simulated only from log-scale (positive) series: ${linear} is ${indicators.get(linear)?.scale}`,
        );
      else
        pending.push({
          target,
          used,
          build: () => ({
            id: target.id,
            year: target.year,
            conditions: [
              cond(
                {
                  kind: "ratio",
                  numerator: { scope: a, indicator: target.indicator },
                  denominator: { scope: b, indicator: denIndicator },
                  scale: 100,
                },
                target.value,
              ),
            ],
          }),
        });
    } else if (target.kind === "count") {
      const scope = need(target.scope, target.indicator);
      const series = findSeries(context, target.scope, target.indicator);
      if (scope === undefined || series === undefined) fail("no simulated series");
      else
        pending.push({
          target,
          used,
          build: (simBase) => {
            const from = Math.max(target.baseYear + 1, simBase + 1);
            let observed = 0;
            for (let y = target.baseYear + 1; y < from; y++) {
              const v = seriesValue(series, y);
              if (v === undefined) return `no value of ${target.indicator} in ${y}`;
              observed += v;
            }
            const threshold = target.value - observed;
            const measure = {
              kind: "cumulative" as const,
              scope,
              indicator: target.indicator,
              from,
            };
            // The `about` band is ±tolerance of the whole target, not of what is still needed:
            // two conditions hold it exactly (a relative band around the rest cannot).
            if (target.comparator === "about" && tolerance !== undefined) {
              const band = tolerance * Math.abs(target.value);
              return {
                id: target.id,
                year: target.year,
                conditions: [
                  { measure, comparator: ">=", threshold: threshold - band },
                  { measure, comparator: "<=", threshold: threshold + band },
                ],
              };
            }
            return { id: target.id, year: target.year, conditions: [cond(measure, threshold)] };
          },
        });
    } else if (target.kind === "rank") {
      // Rank k or better while the scope's value is at least the k-th city's: the ratio of the
      // two simulated series against 1, so the reference's own uncertainty counts too.
      const scope = need(target.scope, target.indicator);
      const reference = needReference(target.reference);
      if (scope === undefined) fail("no simulated series");
      else if (reference === undefined) fail(`no reference series "${target.reference}"`);
      else if (!onLog(target.indicator))
        fail(`a rank is simulated only for a log-scale indicator: ${target.indicator} is not`);
      else
        pending.push({
          target,
          used,
          build: (simBase) => ({
            id: target.id,
            year: target.year ?? endYear,
            window: { from: Math.max(target.baseYear + 1, simBase + 1), to: toYear },
            conditions: [
              cond(
                {
                  kind: "ratio",
                  numerator: { scope, indicator: target.indicator },
                  denominator: { scope: reference, indicator: target.reference },
                  scale: 1,
                },
                1,
                target.comparator === ">=" ? "<=" : ">=",
              ),
            ],
          }),
        });
    } else {
      const conditions: SimulationCondition[] = [];
      for (const c of target.classes) {
        const scope = need(c.scope, target.indicator);
        if (scope === undefined) break;
        conditions.push({
          measure: { kind: "value", scope, indicator: target.indicator },
          comparator: ">=",
          threshold: CITY_CLASS_LOWER_BOUND_10K[c.atLeast],
        });
      }
      if (conditions.length !== target.classes.length) fail("no simulated series for every place");
      else if (target.comparator !== ">=" || target.value !== target.classes.length)
        fail("only 'every listed place reaches its class' can be simulated");
      else
        pending.push({
          target,
          used,
          build: () => ({ id: target.id, year: target.year, conditions }),
        });
    }
  }

  // The simulation starts after the earliest last observation among the series it needs.
  const members = [...ownSeries.values()];
  const lastObserved = (s: ScopeSeries) => s.observed[s.observed.length - 1]?.year ?? toYear;
  const simBase =
    members.length === 0 ? toYear - 1 : Math.min(...members.map((m) => lastObserved(m.series)));
  const T = Math.max(1, toYear - simBase);
  const paths = new Map<string, number[] | undefined>();
  for (const [key, m] of ownSeries) {
    const indicator = indicators.get(m.series.indicator) as Indicator;
    const bounds = indicatorBounds(indicator) as [number, number];
    paths.set(key, pathOnScale(m.series, simBase + 1, toYear, indicator, bounds));
  }
  for (const p of pending) {
    // A series without a path (its data start after the first simulated year, or a value is
    // outside its modelling scale's domain) cannot be simulated: neither can its targets.
    const lacking = p.used.find((key) => paths.get(key) === undefined);
    if (lacking !== undefined) {
      const { series } = ownSeries.get(lacking) as Member;
      const first = Math.min(...series.observed.map((o) => o.year), ...series.years);
      skipped.push({
        targetId: p.target.id,
        reason:
          first > simBase + 1
            ? `no value of ${series.indicator} for ${series.scope} in ${simBase + 1}, the first simulated year (its observations start in ${first})`
            : `${series.indicator} for ${series.scope} has a value outside its modelling scale's domain`,
      });
      continue;
    }
    const built = p.build(simBase);
    if (typeof built === "string") skipped.push({ targetId: p.target.id, reason: built });
    else simTargets.push(built);
  }
  const placeIds = [...new Set(members.map((m) => m.place))];
  // A group's ratio indicator (urbanization from urban and total population) is in the list
  // even when no place has a series of it: the engine computes it from its parts.
  const indicatorIds = [
    ...new Set([...members.map((m) => m.series.indicator), ...groupIndicators]),
  ];
  const uncertaintyOf = (m: Member) =>
    uncertainty.series.find((u) => u.scope === m.series.scope && u.indicator === m.series.indicator)
      ?.sigma ?? 0;
  const baseline: (number[] | null)[][] = placeIds.map(() => indicatorIds.map(() => null));
  const sigma: number[][] = placeIds.map(() => indicatorIds.map(() => 0));
  const start: number[][] = placeIds.map(() => indicatorIds.map(() => 1));
  for (const [key, m] of ownSeries) {
    const p = placeIds.indexOf(m.place);
    const i = indicatorIds.indexOf(m.series.indicator);
    const path = paths.get(key);
    if (path === undefined) continue;
    (baseline[p] as (number[] | null)[])[i] = path;
    (sigma[p] as number[])[i] = uncertaintyOf(m);
    (start[p] as number[])[i] = Math.max(1, lastObserved(m.series) - simBase + 1);
  }
  const plan: SimulationPlan = {
    baseYear: simBase,
    years: T,
    places: placeIds,
    indicators: indicatorIds.map((id) => {
      const indicator = indicators.get(id) as Indicator;
      const u = uncertainty.indicators.find((x) => x.indicator === id);
      return {
        id,
        scale: indicator.scale,
        ...(indicator.scale === "logit"
          ? { bounds: indicatorBounds(indicator) as [number, number] }
          : {}),
        aggregation: indicator.aggregation,
        phi: u?.phi ?? 0,
        rho: u?.rho ?? 0,
      };
    }),
    groups: [...groupRefs.values()].map((g) => ({ id: g.group, members: g.members })),
    baseline,
    sigma,
    start,
    targets: simTargets,
  };
  return { plan, skipped };
}

/**
 * The deterministic path of a series over `from … to` on the modelling scale: observed values,
 * then the projection; years inside the observed span without an observation are interpolated
 * linearly on the modelling scale (geometrically for levels). Undefined if a value is outside
 * the scale's domain.
 */
function pathOnScale(
  series: ScopeSeries,
  from: number,
  to: number,
  indicator: Indicator,
  bounds: [number, number],
): number[] | undefined {
  const known: { year: number; y: number }[] = [];
  const years = [...new Set([...series.observed.map((p) => p.year), ...series.years])].sort(
    (a, b) => a - b,
  );
  for (const year of years) {
    const v = seriesValue(series, year);
    if (v === undefined) continue;
    try {
      known.push({ year, y: toScale(v, indicator.scale, bounds) });
    } catch {
      return undefined;
    }
  }
  const out: number[] = [];
  for (let year = from; year <= to; year++) {
    const exact = known.find((k) => k.year === year);
    if (exact !== undefined) {
      out.push(exact.y);
      continue;
    }
    const before = [...known].reverse().find((k) => k.year < year);
    const after = known.find((k) => k.year > year);
    if (before === undefined || after === undefined) return undefined;
    out.push(before.y + ((after.y - before.y) * (year - before.year)) / (after.year - before.year));
  }
  return out;
}
