import { cagr } from "../../growth/cagr.js";
import { INTERVAL_LEVEL } from "../../scenarios/projectScenario.js";
import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import type { Target } from "../../schemas/target.js";
import { findSeries } from "../../targets/findSeries.js";
import { judgedOnBasis } from "../../targets/realBasis.js";
import type { TargetContext } from "../../targets/targetContext.js";
import type { SimulationResult } from "../simulationResult.js";

/** Tolerance for finding a quantile level among the result's (levels are given as decimals). */
const LEVEL_TOLERANCE = 1e-9;

/**
 * The rows of an assessment with each level and growth target's interval replaced by the
 * simulated band of its measure in its year at the row's level (80%: the 10% and 90% quantiles
 * of the value; for a growth target, the growth a year from the base-year value those values
 * imply), on the series of the target's basis (a level at constant prices brought back to its
 * base year's prices). Rows without a deterministic interval (except a derived indicator's, which
 * gets the simulated band at 80%), other kinds, and runs whose quantile levels do not include the
 * band's edges keep theirs (from the same uncertainty model in closed form).
 */
export function withSimulatedIntervals(
  assessment: Assessment,
  targets: readonly Target[],
  context: TargetContext,
  simulation: SimulationResult,
): Assessment {
  const byId = new Map(simulation.targets.map((t) => [t.id, t]));
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const levelIndex = (q: number) =>
    simulation.quantiles.findIndex((l) => Math.abs(l - q) < LEVEL_TOLERANCE);
  const rows = assessment.rows.map((row): AssessmentRow => {
    const target = targetById.get(row.targetId);
    const result = byId.get(row.targetId);
    const values = result?.conditions[0]?.value;
    if (target === undefined || values === undefined) return row;
    if (target.kind !== "level" && target.kind !== "growth") return row;
    // The simulated series is the one of the target's basis (constant prices on `real`).
    const judged = judgedOnBasis(target, context, target.kind === "level");
    if (!judged.ok) return row;
    // A derived value (a formula) of a group has no interval in closed form: the simulation's.
    const derived = findSeries(context, target.scope, target.indicator)?.formula !== undefined;
    const level = row.interval?.level ?? (derived ? INTERVAL_LEVEL : undefined);
    if (level === undefined) return row;
    const lo = levelIndex((1 - level) / 2);
    const hi = levelIndex((1 + level) / 2);
    let lower = lo < 0 ? undefined : values[lo];
    let upper = hi < 0 ? undefined : values[hi];
    if (lower === undefined || upper === undefined) return row;
    if (target.kind === "level") {
      lower *= judged.toTargetPrices;
      upper *= judged.toTargetPrices;
    } else {
      const base = findSeries(context, target.scope, judged.target.indicator)?.observed.find(
        (p) => p.year === target.baseYear,
      )?.value;
      const years = target.year - target.baseYear;
      if (base === undefined || !(base > 0) || !(lower > 0) || years <= 0) return row;
      lower = cagr(base, lower, years) * 100;
      upper = cagr(base, upper, years) * 100;
    }
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) return row;
    return { ...row, interval: { lower, upper, level } };
  });
  return { ...assessment, rows };
}
