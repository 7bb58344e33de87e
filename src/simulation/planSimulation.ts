import * as z from "zod";
import { schemaError } from "../assessment/checkAssessArgs.js";
import { checkDataset, checkFunction, checkProjection } from "../assessment/checkProjectionArgs.js";
import { checkArrayOf, checkNumber, checkObject } from "../internal/checkArgs.js";
import type { UncertaintyEstimate } from "../scenarios/estimateUncertainty.js";
import { type Target, TargetSchema } from "../schemas/target.js";
import type { SimulationTarget } from "../targets/simulatedCondition.js";
import type { TargetContext } from "../targets/targetContext.js";
import { targetDefinitionOf } from "../targets/targetRegistry.js";
import { planArrays } from "./internal/planArrays.js";
import { noBaselineReason, planBaselines, planBaseYear } from "./internal/planBaseline.js";
import { type PlannedSeries, planSeries } from "./internal/planSeries.js";
import type { SimulationPlan } from "./simulationPlan.js";

/** A projected scenario planned for the Monte Carlo engine, and the targets left out of it. */
export interface PlannedSimulation {
  readonly plan: SimulationPlan;
  /** Targets that could not be simulated, with the reason (e.g. not evaluable). */
  readonly skipped: readonly { readonly targetId: string; readonly reason: string }[];
}

/**
 * Plans the Monte Carlo simulation of a projected scenario and a pack's targets, as a
 * `SimulationPlan`, in stages:
 *
 * 1. series: each target's kind definition (`targetRegistry`) registers the series it reads and
 *    states its conditions (level → value; growth → value against `base·(1 + g)^(year −
 *    baseYear)`; share → ratio; count → cumulative sum of the simulated years against what is
 *    still needed, an `about` count as the band's two edges; rank → the ratio of the scope's
 *    value to the reference series, itself simulated with shocks of its own, against 1; class →
 *    one condition per place on its class's lower bound), or why it cannot be simulated. A
 *    group read from its places becomes an engine group (aggregated on every path by the
 *    indicator's rule); a group read from its own series a simulated series of its own.
 * 2. first year: the simulation starts after the earliest last observation of the series needed.
 * 3. baselines: each series' deterministic path (observed values, then the projection) on the
 *    indicator's modelling scale; a target that reads a series without one (no value in the
 *    first simulated year) is skipped, with the reason.
 * 4. arrays: places × indicators of baselines, shock scales from `uncertainty`, and the year
 *    each series' shocks start (its first projected year).
 *
 * Targets that are not `evaluable` deterministically are skipped first.
 *
 * @throws {ArgumentTypeError} an argument of the wrong shape, named: `planSimulation: targets must
 *   be an array of targets (got …)`, `planSimulation: context.projection must be a scenario
 *   projection (see projectScenario) (got …)`, `planSimulation: uncertainty.series must be an
 *   array (got …)`, `planSimulation: evaluable must be a function (got …)`.
 */
export function planSimulation(
  targets: readonly Target[],
  context: TargetContext,
  uncertainty: UncertaintyEstimate,
  evaluable: (target: Target) => boolean,
): PlannedSimulation {
  checkPlanArgs(targets, context, uncertainty, evaluable);
  const toYear = context.projection.scenario.toYear;
  const skipped: { targetId: string; reason: string }[] = [];
  const registered = planSeries(context);
  const pending: {
    readonly target: Target;
    readonly used: readonly string[];
    readonly build: (firstYear: number) => SimulationTarget | string;
  }[] = [];
  for (const target of targets) {
    registered.beginTarget();
    if (!evaluable(target)) {
      skipped.push({ targetId: target.id, reason: "not evaluable deterministically" });
      continue;
    }
    const simulation = targetDefinitionOf(target).simulate(registered);
    if (simulation.simulated) {
      pending.push({ target, used: registered.usedByTarget(), build: simulation.build });
      continue;
    }
    // A group the engine cannot aggregate says why, whatever the kind concluded from it.
    skipped.push({ targetId: target.id, reason: registered.unsupported() ?? simulation.reason });
  }

  const baseYear = planBaseYear(registered.series.values(), toYear);
  const paths = planBaselines(registered.series, registered.indicator, baseYear, toYear);
  const simTargets: SimulationTarget[] = [];
  for (const p of pending) {
    // A series without a path cannot be simulated: neither can its targets.
    const lacking = p.used.find((key) => paths.get(key) === undefined);
    if (lacking !== undefined) {
      const { series } = registered.series.get(lacking) as PlannedSeries;
      skipped.push({ targetId: p.target.id, reason: noBaselineReason(series, baseYear) });
      continue;
    }
    const built = p.build(baseYear + 1);
    if (typeof built === "string") skipped.push({ targetId: p.target.id, reason: built });
    else simTargets.push(built);
  }
  const plan = planArrays(registered, paths, uncertainty, baseYear, toYear, simTargets);
  return { plan, skipped };
}

/** @deprecated Renamed to {@link PlannedSimulation}; this name will be removed in 1.0. */
export type CompiledScenarioSimulation = PlannedSimulation;

/** @deprecated Renamed to {@link planSimulation}; this name will be removed in 1.0. */
export const compileSimulationPlan = planSimulation;

const TargetListSchema = z.array(TargetSchema);

/** The entry checks of {@link planSimulation}. */
function checkPlanArgs(
  targets: unknown,
  context: unknown,
  uncertainty: unknown,
  evaluable: unknown,
): void {
  const fn = "planSimulation";
  checkArrayOf(fn, "targets", targets, (_, t) => t, "an array of targets");
  const parsed = TargetListSchema.safeParse(targets);
  if (!parsed.success) schemaError(fn, "targets", "an array of targets", parsed.error.issues);
  const c = checkObject(fn, "context", context, "a target context (see buildTargetContext)");
  checkProjection(fn, "context.projection", c.projection);
  checkDataset(fn, "context.dataset", c.dataset);
  const plan = checkObject(fn, "context.plan", c.plan, "an object with baseYear and endYear");
  checkNumber(fn, "context.plan.baseYear", plan.baseYear, { integer: true });
  checkNumber(fn, "context.plan.endYear", plan.endYear, { integer: true });
  const u = checkObject(fn, "uncertainty", uncertainty, "an uncertainty estimate");
  checkArrayOf(fn, "uncertainty.series", u.series, (_, v) => v);
  checkArrayOf(fn, "uncertainty.indicators", u.indicators, (_, v) => v);
  checkFunction(fn, "evaluable", evaluable);
}
