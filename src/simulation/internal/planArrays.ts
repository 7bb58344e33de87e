import type { UncertaintyEstimate } from "../../scenarios/estimateUncertainty.js";
import { type Indicator, indicatorBounds } from "../../schemas/indicator.js";
import type { SimulationTarget } from "../../targets/simulatedCondition.js";
import type { SimulationPlan } from "../simulationPlan.js";
import { lastObservedYear } from "./planBaseline.js";
import type { PlanSeries } from "./planSeries.js";

/**
 * The plan's arrays from the registered series and their baselines: places (in the order their
 * series were first registered), indicators (those of the series, then groups' indicators that
 * no place has, e.g. a ratio the engine computes from its parts, then derived indicators, with
 * their formula), and per place × indicator the
 * baseline (null where the series is not simulated), the shock scale `sigma` from `uncertainty`
 * (0 when it has none), the first year `start` that receives shocks (after the last
 * observation) and the calibration of its spread by horizon (`spread`, when any series has
 * one); each indicator with its scale, aggregation and shock persistence `phi` and correlation
 * `rho`.
 */
export function planArrays(
  registered: PlanSeries,
  paths: ReadonlyMap<string, number[] | undefined>,
  uncertainty: UncertaintyEstimate,
  baseYear: number,
  toYear: number,
  targets: SimulationTarget[],
): SimulationPlan {
  const members = [...registered.series.values()];
  const placeIds = [...new Set(members.map((m) => m.place))];
  const indicatorIds = [
    ...new Set([
      ...members.map((m) => m.series.indicator),
      ...registered.groupIndicators,
      ...registered.derivedIndicators,
    ]),
  ];
  const baseline: (number[] | null)[][] = placeIds.map(() => indicatorIds.map(() => null));
  const sigma: number[][] = placeIds.map(() => indicatorIds.map(() => 0));
  const start: number[][] = placeIds.map(() => indicatorIds.map(() => 1));
  const spread: number[][][] = placeIds.map(() => indicatorIds.map(() => []));
  for (const [key, m] of registered.series) {
    const p = placeIds.indexOf(m.place);
    const i = indicatorIds.indexOf(m.series.indicator);
    const path = paths.get(key);
    if (path === undefined) continue;
    (baseline[p] as (number[] | null)[])[i] = path;
    const u = uncertainty.series.find(
      (x) => x.scope === m.series.scope && x.indicator === m.series.indicator,
    );
    (sigma[p] as number[])[i] = u?.sigma ?? 0;
    (spread[p] as number[][])[i] = [...(u?.calibration ?? [])];
    (start[p] as number[])[i] = Math.max(1, lastObservedYear(m.series, toYear) - baseYear + 1);
  }
  return {
    baseYear,
    years: Math.max(1, toYear - baseYear),
    places: placeIds,
    indicators: indicatorIds.map((id) => {
      // Every id is a registered series' indicator or a group's: the plan knows them all.
      const indicator = registered.indicator(id) as Indicator;
      const u = uncertainty.indicators.find((x) => x.indicator === id);
      return {
        id,
        scale: indicator.scale,
        ...(indicator.scale === "logit"
          ? { bounds: indicatorBounds(indicator) as [number, number] }
          : {}),
        aggregation: indicator.aggregation,
        ...(indicator.formula === undefined ? {} : { formula: indicator.formula }),
        phi: u?.phi ?? 0,
        rho: u?.rho ?? 0,
      };
    }),
    groups: [...registered.groups].map(([id, groupMembers]) => ({
      id,
      members: [...groupMembers],
    })),
    baseline,
    sigma,
    start,
    ...(spread.some((row) => row.some((f) => f.length > 0)) ? { spread } : {}),
    targets,
  };
}
