import { BoundedCache } from "../internal/boundedCache.js";
import { copyPlainData } from "../internal/copyPlainData.js";
import { createProjectionCache, type ProjectionCache } from "../scenarios/projectionCache.js";
import { projectCheckedScenario } from "../scenarios/projectScenario.js";
import { resolveScenarioWith } from "../scenarios/resolveScenario.js";
import type { Assessment } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { Scenario, ScenarioInput } from "../schemas/scenario.js";
import type { AssessOptions } from "./assessPack.js";
import { buildAssessment, NO_PROBABILITY } from "./buildAssessment.js";
import { checkAssessArgs, checkEntryPack } from "./checkAssessArgs.js";
import { packDataset } from "./packDataset.js";

/**
 * A region pack checked and indexed once, for many assessments of it (see {@link preparePack}).
 * It holds the library's checked copy of the pack: changing the pack object afterwards changes
 * nothing here.
 */
export interface PreparedPack {
  /** The pack's id. */
  readonly id: string;
  /**
   * `assessPack(pack, scenario, options)` of the prepared pack, with the same result, reusing
   * the work of earlier calls that the scenario's assumptions leave unchanged.
   *
   * @throws {ArgumentTypeError} | {ArgumentRangeError} as {@link assessPack} does for a scenario
   *   or options it refuses, naming `assess` (`assess: scenario must be a scenario id of the
   *   pack ("trend", "plan", …) or a scenario object (got nothing)`).
   */
  assess(scenario: string | ScenarioInput, options?: AssessOptions): Assessment;
}

/**
 * Prepares a region pack for many deterministic assessments: checks it once, derives its
 * constant-price series once, and keeps what repeated assessments share — the observations chosen
 * for each series, the fitted models (by the content of the spec and the series), each series'
 * projection (by the content of the assumptions that apply to it: its models, shocks and
 * overrides, `toYear` and `useQualityC`), the group aggregates and derived series made from
 * unchanged series, and the shock estimates of the intervals. A scenario that differs from an
 * earlier one only in some assumptions (a sensitivity design, a solver's iterations) then
 * recomputes only the series those assumptions change and what is made from them.
 *
 * The results are those of {@link assessPack}, bit for bit (a test holds every Qujing scenario and
 * the test packs to it); the memos are bounded (a few thousand series variants each, those not
 * used for a while dropped first) and live as long as the prepared pack. Like every entry point, it
 * checks a pack object once (see `checkPack`: do not change a pack after passing it; pass a changed
 * copy). `assessPack` keeps the same state for the packs it assessed last (eight), so repeated
 * calls with one pack object are as fast; a prepared pack makes the reuse explicit and holds on
 * to its state.
 *
 * @param pack - the region pack, checked against `RegionPackSchema` (as by `assessPack`).
 * @returns the prepared pack; its `assess(scenario, options)` is `assessPack` of the pack.
 * @throws {ArgumentTypeError} `preparePack: pack must be a region pack (got null)` (or naming the
 *   first problem inside it, every problem in `error.issues`).
 * @example
 * const prepared = preparePack(qujingPack);
 * const faster = { id: "faster", nameEn: "Faster", description: "trend, GDP +6% a year", extends: "trend", models: [{ scope: "city", indicator: "gdp", spec: { kind: "cagr", rate: 0.06 }, reason: "test" }] };
 * prepared.assess(faster).rows.length === qujingPack.targets.length; // true
 * JSON.stringify(prepared.assess("trend")) === JSON.stringify(assessPack(qujingPack, "trend")); // true
 */
export function preparePack(pack: RegionPack): PreparedPack {
  const state = packStateOf(checkEntryPack("preparePack", pack));
  return {
    id: state.pack.id,
    assess: (scenario, options = {}) => assessWithState(state, "assess", scenario, options),
  };
}

/** What repeated assessments of one checked pack share. */
export interface PackState {
  readonly pack: RegionPack;
  /** The pack's dataset with its derived price series (no user data). */
  readonly dataset: Dataset;
  /** The issues of deriving them. */
  readonly issues: readonly Issue[];
  /** The projection cache of `dataset`, whose fits a dataset with user data shares. */
  readonly cache: ProjectionCache;
  /** The pack's named scenarios, parsed (see `resolveScenarioWith`). */
  readonly scenarios: WeakMap<object, Scenario>;
}

function createPackState(pack: RegionPack): PackState {
  const { dataset, issues } = packDataset(pack, []);
  return { pack, dataset, issues, cache: createProjectionCache(dataset), scenarios: new WeakMap() };
}

/**
 * The states of the packs assessed last (a few megabytes each for a city's pack): a program that
 * assesses the packs of a whole province one after the other keeps those of the last few only. A
 * prepared pack holds its own state as long as it lives.
 */
const states = new BoundedCache<RegionPack, PackState>(8);

/**
 * The state of a checked pack (as `checkEntryPack` returns it), made on first use. The checked
 * pack is the library's own copy, which nothing changes, so its state stays valid. Not exported
 * from the package.
 */
export function packStateOf(pack: RegionPack): PackState {
  return states.getOrCompute(pack, () => createPackState(pack));
}

/**
 * The dataset and projection cache of an assessment of a pack state with `data` rows: the state's
 * own without rows; with rows, the merged dataset and a cache of it that shares the state's
 * fitted models (which are keyed by content).
 */
export function datasetWithData(
  state: PackState,
  data: readonly Observation[],
): { dataset: Dataset; issues: readonly Issue[]; cache: ProjectionCache } {
  if (data.length === 0) return state;
  const { dataset, issues } = packDataset(state.pack, data);
  return { dataset, issues, cache: createProjectionCache(dataset, state.cache.fits) };
}

/** `assessPack` on a pack state, with `fn` naming the entry point in argument errors. */
export function assessWithState(
  state: PackState,
  fn: string,
  scenario: unknown,
  options: unknown,
): Assessment {
  const args = checkAssessArgs(fn, state.pack, scenario, options);
  const resolved = resolveScenarioWith(args.scenario, state.pack.scenarios, state.scenarios);
  const { dataset, issues, cache } = datasetWithData(state, args.data.observations);
  const projection = projectCheckedScenario(dataset, resolved, state.pack.references, cache);
  const assessment = buildAssessment(state.pack, dataset, projection, NO_PROBABILITY);
  // The pack's own issues are the state's: copies, as every part of an assessment.
  const packIssues = issues.map(copyPlainData);
  return { ...assessment, issues: [...args.data.issues, ...packIssues, ...assessment.issues] };
}
