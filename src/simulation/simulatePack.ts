import type { AssessOptions } from "../assessment/assessPack.js";
import { buildAssessment, NO_PROBABILITY } from "../assessment/buildAssessment.js";
import { targetContextOf } from "../assessment/buildTargetContext.js";
import { datasetWithData, packStateOf } from "../assessment/preparePack.js";
import { copyPlainData } from "../internal/copyPlainData.js";
import {
  estimateCheckedUncertainty,
  type UncertaintyEstimate,
} from "../scenarios/estimateUncertainty.js";
import { projectCheckedScenario } from "../scenarios/projectScenario.js";
import { resolveScenarioWith } from "../scenarios/resolveScenario.js";
import type { Assessment } from "../schemas/assessment.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { evaluateCheckedTarget } from "../targets/evaluateTarget.js";
import { checkSimulatePackArgs } from "./internal/checkSimulatePackArgs.js";
import { withSimulatedIntervals } from "./internal/simulatedIntervals.js";
import { planSimulation } from "./planSimulation.js";
import { type SimulateOptions, simulate } from "./simulate.js";
import type { SimulationPlan } from "./simulationPlan.js";
import type { SimulationResult } from "./simulationResult.js";

/** Options of {@link simulatePack}: the data of {@link AssessOptions} and the engine's run options. */
export interface SimulatePackOptions
  extends AssessOptions,
    Pick<
      SimulateOptions,
      "workers" | "quantiles" | "samplePaths" | "signal" | "onProgress" | "blocks"
    > {
  /** Number of simulated paths (≤ 10^8). */
  readonly paths: number;
  /** Seed; the same seed gives the same result for any number of workers. */
  readonly seed: number;
}

/** What {@link simulatePack} returns: the assessment with probabilities, and the ensemble itself. */
export interface SimulatedPack {
  /** Every target's row, with `probability` filled where the target could be simulated. */
  readonly assessment: Assessment;
  /**
   * The engine's result: probabilities, first-year and gap distributions, fan-chart quantiles;
   * null when no target could be simulated (nothing is evaluable with the data).
   */
  readonly simulation: SimulationResult | null;
  /** The plan the engine ran (JSON; can be re-run or split into block ranges elsewhere). */
  readonly plan: SimulationPlan;
  /** The shock parameters used, each with its source. */
  readonly uncertainty: UncertaintyEstimate;
  /** Targets that were not simulated, and why. */
  readonly skipped: readonly { readonly targetId: string; readonly reason: string }[];
}

/**
 * Assesses a pack under a scenario with a Monte Carlo ensemble around the deterministic
 * projection: yearly shocks on each series' modelling scale that persist (AR(1)) and are
 * correlated across places through a common factor (see `simulate`), with their scale,
 * persistence and correlation estimated from the data or taken from documented fallbacks and the
 * scenario's `uncertainty` entries (see `estimateUncertainty`). Group aggregates and every target
 * kind are evaluated on each path, so a group target's probability accounts for the correlation
 * between places. The assessment's `probability` column is filled and the statuses use it
 * (`statusBasis: "probability"`); a level or growth target's `interval` is the simulated band of
 * its measure in its year (80%: the 10% and 90% quantiles), from the same uncertainty model that
 * gives the deterministic assessment its intervals in closed form.
 *
 * `options.data` rows are checked as by `assessPack` (bad rows left out and reported in the
 * assessment's `issues`, or thrown with `strict`); `workers` is capped at the available cores
 * and 6 (see `simulate`). Errors come as rejections.
 *
 * @throws {ArgumentTypeError} the errors of `assessPack`'s arguments, starting `simulatePack:`
 *   (`simulatePack: pack must be a region pack (got null)`, …); an option of the wrong type or
 *   missing: `simulatePack: options.paths must be an integer (got the string "1000")`,
 *   `simulatePack: options.paths must be given: the number of paths, an integer from 1 to
 *   100000000 (got nothing)`, `simulatePack: options.seed must be given: the seed, a safe integer
 *   (got nothing)`.
 * @throws {ArgumentRangeError} an unknown scenario id (`simulatePack: scenario must be a scenario
 *   id of the pack (…); did you mean "trend"? (got the string "trnd")`); an option out of range:
 *   `simulatePack: options.paths must be a positive integer ≤ 100000000 (got 0)` and the other
 *   messages of `simulate` with `options.` before the option's name.
 * @example
 * const { assessment } = await simulatePack(qujingPack, "trend", { paths: 2048, seed: 1, workers: 0 });
 * assessment.rows.some((r) => r.probability !== null); // true
 */
export async function simulatePack(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: SimulatePackOptions,
): Promise<SimulatedPack> {
  const args = checkSimulatePackArgs("simulatePack", pack, scenario, options);
  const result = await simulateCheckedPack(args.pack, args.scenario, args.runOptions);
  const issues = [...args.data.issues, ...result.assessment.issues];
  return { ...result, assessment: { ...result.assessment, issues } };
}

/** {@link simulatePack} on checked arguments (valid `data` rows only). */
async function simulateCheckedPack(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: SimulatePackOptions,
): Promise<SimulatedPack> {
  const state = packStateOf(pack);
  const resolved = resolveScenarioWith(scenario, pack.scenarios, state.scenarios);
  const withData = datasetWithData(state, options.data ?? []);
  const { dataset, cache } = withData;
  // The pack's own issues are the state's: copies, as every part of an assessment.
  const issues = withData.issues.map(copyPlainData);
  const projection = projectCheckedScenario(dataset, resolved, pack.references, cache);
  const context = targetContextOf(pack, dataset, projection);
  const uncertainty = estimateCheckedUncertainty(dataset, projection, resolved);
  const evaluable = (target: (typeof pack.targets)[number]) => {
    const e = evaluateCheckedTarget(target, context);
    return e.met !== null && !e.final;
  };
  const { plan, skipped } = planSimulation(pack.targets, context, uncertainty, evaluable);
  // Nothing to simulate (no target can be evaluated); the options were checked at entry.
  if (plan.targets.length === 0) {
    const built = buildAssessment(pack, dataset, projection, NO_PROBABILITY);
    const assessment = { ...built, issues: [...issues, ...built.issues] };
    return { assessment, simulation: null, plan, uncertainty, skipped };
  }
  const simulation = await simulate(plan, {
    paths: options.paths,
    seed: options.seed,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.quantiles === undefined ? {} : { quantiles: options.quantiles }),
    ...(options.samplePaths === undefined ? {} : { samplePaths: options.samplePaths }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.blocks === undefined ? {} : { blocks: options.blocks }),
  });
  const probability = new Map(simulation.targets.map((t) => [t.id, t.probability]));
  // One uncertainty story: each row's interval is the simulated band of its measure.
  const assessment = withSimulatedIntervals(
    buildAssessment(pack, dataset, projection, (t) => probability.get(t.id) ?? null, {
      paths: simulation.paths,
      seed: simulation.seed,
      baseYear: plan.baseYear,
    }),
    pack.targets,
    context,
    simulation,
  );
  return {
    assessment: { ...assessment, issues: [...issues, ...assessment.issues] },
    simulation,
    plan,
    uncertainty,
    skipped,
  };
}

/**
 * {@link simulatePack}, returning only the assessment (with its probability column), for callers
 * that want the same shape as `assessPack`.
 *
 * @throws {ArgumentTypeError} the errors of {@link simulatePack}, starting `simulateAssessment:`.
 * @throws {ArgumentRangeError} the errors of {@link simulatePack}, starting `simulateAssessment:`.
 * @example
 * const assessment = await simulateAssessment(qujingPack, "trend", { paths: 1024, seed: 1, workers: 0 });
 * assessment.simulation?.paths; // 1024
 */
export async function simulateAssessment(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: SimulatePackOptions,
): Promise<Assessment> {
  checkSimulatePackArgs("simulateAssessment", pack, scenario, options);
  return (await simulatePack(pack, scenario, options)).assessment;
}
