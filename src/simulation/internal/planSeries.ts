import { aggregationOf } from "../../scenarios/aggregation.js";
import type { ScenarioProjection } from "../../scenarios/projectScenario.js";
import type { ObservedPoint, ScopeSeries } from "../../scenarios/scopeSeries.js";
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
}

/**
 * Registers the series the targets read (see {@link TargetPlanner.need}): a place's or group's
 * own observed series becomes a simulated series (a group's as a pseudo-place); a group read from
 * its places becomes an engine group, aggregated on every path by the indicator's rule from its
 * members' series of each part; a reference becomes a simulated series of its own.
 */
export function planSeries(context: TargetContext): PlanSeries {
  const { dataset, projection } = context;
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const ids = planPlaceIds(dataset);
  const series = new Map<string, PlannedSeries>();
  const groups = new Map<string, readonly string[]>();
  const groupIndicators = new Set<string>();
  let used: string[] = [];
  let unsupported: string | undefined;
  const onLog = (indicatorId: string) => indicators.get(indicatorId)?.scale === "log";
  const register = (key: string, planned: PlannedSeries) => {
    series.set(key, planned);
    used.push(key);
  };

  return {
    context,
    series,
    groups,
    groupIndicators,
    beginTarget() {
      used = [];
      unsupported = undefined;
    },
    usedByTarget: () => used,
    unsupported: () => unsupported,
    indicator: (id) => indicators.get(id),
    need(scope, indicatorId) {
      const own = findSeries(context, scope, indicatorId);
      if (own === undefined) return undefined;
      if (own.basis === "observed") {
        register(`${scope}|${indicatorId}`, { place: ids.ownSeriesOf(scope), series: own });
        return ids.ownSeriesOf(scope);
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
      for (const member of group.members)
        for (const part of aggregation.parts) {
          const s = projection.series.find(
            (x) => x.scope === member && x.indicator === part && x.basis === "observed",
          );
          if (s === undefined) return undefined;
          register(`${member}|${part}`, { place: member, series: s });
        }
      groups.set(scope, group.members);
      groupIndicators.add(indicatorId);
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
