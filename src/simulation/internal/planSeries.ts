import { aggregationOf } from "../../scenarios/aggregation.js";
import type { ScenarioProjection } from "../../scenarios/projectScenario.js";
import type { ObservedPoint, ScopeSeries } from "../../scenarios/scopeSeries.js";
import type { Dataset } from "../../schemas/dataset.js";
import type { Indicator } from "../../schemas/indicator.js";
import { findSeries } from "../../targets/findSeries.js";
import type { TargetContext } from "../../targets/targetContext.js";
import type { TargetPlanner } from "../../targets/targetPlanner.js";
import { planPlaceIds } from "./planPlaceIds.js";

/** A series the plan simulates: its engine place and its deterministic series. */
export interface PlannedSeries {
  /** Engine place id. */
  readonly place: string;
  readonly series: ScopeSeries;
}

/**
 * The series registered for a plan, target by target: a {@link TargetPlanner} for the targets'
 * definitions, which also keeps what the target being planned read and why a series it asked
 * for cannot be simulated.
 */
export interface PlanSeries extends TargetPlanner {
  /** Starts a new target: forgets what the previous one read. */
  beginTarget(): void;
  /** The keys (of {@link series}) of the series the current target read, in order. */
  usedByTarget(): readonly string[];
  /** Why the engine cannot aggregate a series the current target asked for, if it cannot. */
  unsupported(): string | undefined;
  /** Every simulated series by key `scope|indicator`, in the order they were first registered. */
  readonly series: ReadonlyMap<string, PlannedSeries>;
  /** The groups aggregated on every path, with their members, in the order first needed. */
  readonly groups: ReadonlyMap<string, readonly string[]>;
  /** Indicators of groups aggregated on every path (a ratio may have no place series of its own). */
  readonly groupIndicators: ReadonlySet<string>;
  /** Derived indicators the plan computes from their symbols (they have no series of their own). */
  readonly derivedIndicators: ReadonlySet<string>;
}

/**
 * Registers the series the targets read (see {@link TargetPlanner.need}): a place's or group's
 * own observed series becomes a simulated series (a group's as a pseudo-place); a group read from
 * its places becomes an engine group, aggregated on every path by the indicator's rule from its
 * members' series of each part; a reference becomes a simulated series of its own. A derived
 * indicator is not simulated itself: the series of its symbols are (the scope's own, or the
 * group's aggregates of them), and the engine computes its formula on every path.
 */
export function planSeries(context: TargetContext): PlanSeries {
  const { dataset, projection } = context;
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const ids = planPlaceIds(dataset);
  const series = new Map<string, PlannedSeries>();
  const groups = new Map<string, readonly string[]>();
  const groupIndicators = new Set<string>();
  const derivedIndicators = new Set<string>();
  let used: string[] = [];
  let unsupported: string | undefined;
  const onLog = (indicatorId: string) => indicators.get(indicatorId)?.scale === "log";
  const register = (key: string, planned: PlannedSeries) => {
    series.set(key, planned);
    used.push(key);
  };
  const ownSeries = (scope: string, indicatorId: string) =>
    projection.series.find(
      (x) => x.scope === scope && x.indicator === indicatorId && x.basis === "observed",
    );
  /**
   * Registers a scope's own series of an indicator as engine place `place`'s; a derived
   * indicator's own series, by the scope's own series of each of its symbols (its value on a path
   * is the formula of theirs). False when one is missing.
   */
  const registerOwn = (scope: string, indicatorId: string, place: string): boolean => {
    const s = ownSeries(scope, indicatorId);
    if (s === undefined) return false;
    const indicator = indicators.get(indicatorId);
    if (s.formula !== undefined && indicator !== undefined) {
      derivedIndicators.add(indicatorId);
      return aggregationOf(indicator).parts.every((part) => registerOwn(scope, part, place));
    }
    register(`${scope}|${indicatorId}`, { place, series: s });
    return true;
  };
  /**
   * Registers what a group's value aggregated on every path reads: the members' series of each
   * part, by the indicator's rule (for a formula, the group's aggregates of its symbols). False
   * when a series is missing or the engine cannot aggregate it (`unsupported` says why).
   */
  const registerGroup = (group: Dataset["groups"][number], indicatorId: string): boolean => {
    const indicator = indicators.get(indicatorId);
    if (indicator === undefined) return false;
    const aggregation = aggregationOf(indicator);
    if (aggregation.parts.length === 0) return false;
    // The engine recomputes rates and weighted means only from positive (log-scale) parts.
    if (!aggregation.positiveParts.every(onLog)) {
      unsupported = `${group.id}'s ${indicatorId} is ${aggregation.phrase} ${aggregation.positiveParts.map((id) => `"${id}"`).join(" and ")}, which the simulation needs on the log scale`;
      return false;
    }
    const ok =
      aggregation.from === "group"
        ? aggregation.parts.every((part) => registerGroup(group, part))
        : group.members.every((member) =>
            aggregation.parts.every((part) => registerOwn(member, part, member)),
          );
    if (!ok) return false;
    if (indicator.formula !== undefined) derivedIndicators.add(indicatorId);
    groupIndicators.add(indicatorId);
    return true;
  };

  return {
    context,
    series,
    groups,
    groupIndicators,
    derivedIndicators,
    beginTarget() {
      used = [];
      unsupported = undefined;
    },
    usedByTarget: () => used,
    unsupported: () => unsupported,
    indicator: (id) => indicators.get(id),
    need(scope, indicatorId) {
      const read = findSeries(context, scope, indicatorId);
      if (read === undefined) return undefined;
      if (read.basis === "observed") {
        const place = ids.ownSeriesOf(scope);
        return registerOwn(scope, indicatorId, place) ? place : undefined;
      }
      const group = dataset.groups.find((g) => g.id === scope);
      if (group === undefined || !registerGroup(group, indicatorId)) return undefined;
      groups.set(scope, group.members);
      return scope;
    },
    needReference(referenceId) {
      const key = `${referenceId}|${referenceId}`;
      const known = series.get(key);
      if (known !== undefined) {
        used.push(key);
        return known.place;
      }
      const reference = projection.references.find((x) => x.id === referenceId);
      if (reference === undefined || indicators.has(referenceId)) return undefined;
      indicators.set(referenceId, referenceIndicator(reference));
      register(key, { place: ids.referencePlace(referenceId), series: referenceSeries(reference) });
      return series.get(key)?.place;
    },
  };
}

type ReferenceProjection = ScenarioProjection["references"][number];

/**
 * A reference series (the k-th city's GDP) as a scope series of its own, scope and indicator
 * named by its id: observed to its last observed year and projected after (with shocks of its
 * own, see estimateUncertainty).
 */
function referenceSeries(reference: ReferenceProjection): ScopeSeries {
  const observed: ObservedPoint[] = [];
  const years: number[] = [];
  const values: number[] = [];
  reference.years.forEach((year, k) => {
    const value = reference.values[k] as number;
    if (year <= reference.observedThrough)
      observed.push({ year, value, source: reference.id, quality: "A" });
    else {
      years.push(year);
      values.push(value);
    }
  });
  return {
    scope: reference.id,
    indicator: reference.id,
    basis: "observed",
    observed,
    unused: [],
    years,
    values,
    informative: true,
    notes: [],
  };
}

/** The pseudo-indicator of a reference series: a level on the log scale, not aggregated. */
function referenceIndicator(reference: ReferenceProjection): Indicator {
  return {
    id: reference.id,
    nameZh: reference.id,
    nameEn: reference.id,
    unit: reference.unit,
    kind: "level",
    aggregation: { rule: "none" },
    scale: "log",
  };
}
