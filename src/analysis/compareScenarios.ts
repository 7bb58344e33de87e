import { assessPack } from "../assessment/assessPack.js";
import { checkEntryPack, checkScenario } from "../assessment/checkAssessArgs.js";
import { checkFunction } from "../assessment/checkProjectionArgs.js";
import { checkArrayOf, checkNumber, checkOptions, checkSeedValue } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import type { Assessment, AssessmentRow } from "../schemas/assessment.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { MAX_SIMULATION_PATHS, type SimulationProgress } from "../simulation/simulate.js";
import { simulatePack } from "../simulation/simulatePack.js";

/** Options of {@link compareScenarios}. */
export interface CompareOptions {
  /** Simulate each scenario with this many paths (probabilities); omitted: deterministic only. */
  readonly paths?: number;
  /** Seed of every scenario's simulation (default 1): the same seed for all (common random numbers). */
  readonly seed?: number;
  /** Worker threads of the simulations (see `simulate`). */
  readonly workers?: number;
  /** Cancels the simulations. */
  readonly signal?: AbortSignal;
  /**
   * Called after every block of every simulation, with the paths done over all the scenarios
   * (`totalPaths` = scenarios × paths).
   */
  readonly onProgress?: (progress: SimulationProgress) => void;
}

/** One target under one scenario, and how it differs from the first scenario. */
export interface ComparisonCell {
  readonly scenario: string;
  /** Projected measure in the target's year (the row's `projected`); null when not evaluable. */
  readonly projected: number | null;
  /** projected − target, in the target's unit; null when not evaluable. */
  readonly gap: number | null;
  readonly status: AssessmentRow["status"];
  readonly statusZh: string;
  /** Simulated probability of attainment; null when not simulated. */
  readonly probability: number | null;
  /** This scenario's projected − the first scenario's (0 for the first; null when either is missing). */
  readonly projectedChange: number | null;
  /** This scenario's probability − the first scenario's (null when either is missing). */
  readonly probabilityChange: number | null;
  /** Whether the status differs from the first scenario's. */
  readonly statusChanged: boolean;
}

/** One target across the scenarios compared. */
export interface ComparisonRow {
  readonly targetId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly scope: string;
  readonly indicator: string;
  readonly year: number | null;
  readonly comparator: AssessmentRow["comparator"];
  readonly target: number;
  readonly unit: string;
  /** One cell per scenario, in the order compared. */
  readonly cells: readonly ComparisonCell[];
}

/** What {@link compareScenarios} returns. */
export interface ScenarioComparison {
  readonly pack: string;
  /** The scenarios' ids, in the order compared: the first is the one the others are set against. */
  readonly scenarios: readonly string[];
  /** Each scenario's whole assessment, in the same order (every report format renders them). */
  readonly assessments: readonly Assessment[];
  /** One row per target of the pack, in the pack's order. */
  readonly rows: readonly ComparisonRow[];
}

const FN = "compareScenarios";

/**
 * Assesses a pack under several scenarios and sets them side by side: per target and scenario,
 * the projected value in the target's year, the gap to the target, the status and (simulated) the
 * probability, with the change of the projection and of the probability from the first
 * scenario. Simulations use one seed for every scenario (common random numbers: the same shocks
 * on every path of every scenario), so a difference of probabilities reflects the assumptions,
 * not Monte Carlo noise: its standard error is far below that of each probability (Glasserman
 * 2003, *Monte Carlo Methods in Financial Engineering*, §4.2).
 *
 * @param pack - the region pack.
 * @param scenarios - two or more scenario ids of the pack or scenario objects, the first the base.
 * @param options - `paths` (simulate), `seed` (default 1), `workers`, `signal`, `onProgress`.
 * @returns a promise of the comparison; it holds each scenario's assessment, which
 *   `renderReport` renders in every format.
 * @throws {ArgumentTypeError} `compareScenarios: scenarios must be an array of scenario ids or
 *   objects (got the string "trend")`; `compareScenarios: scenarios[1] must be a scenario id of
 *   the pack (…) or a scenario object (got 3)`; the pack's errors as `assessPack` gives them.
 * @throws {ArgumentRangeError} `compareScenarios: scenarios must list at least two scenarios
 *   (got 1)`; `compareScenarios: scenarios[1] is "trend" again: each scenario is compared once`;
 *   `compareScenarios: scenarios[0] must be a scenario id of the pack (…); did you mean "trend"?
 *   (got the string "trnd")`; `compareScenarios: options.paths must be …`.
 * @example
 * const c = await compareScenarios(qujingPack, ["trend", "plan"]);
 * c.scenarios; // ["trend", "plan"]
 * c.rows[0].cells.length; // 2
 */
export async function compareScenarios(
  pack: RegionPack,
  scenarios: readonly (string | ScenarioInput)[],
  options: CompareOptions = {},
): Promise<ScenarioComparison> {
  const checkedPack = checkEntryPack(FN, pack);
  const list = checkArrayOf(
    FN,
    "scenarios",
    scenarios,
    (at, s) => checkScenario(FN, s, checkedPack, at),
    "an array of scenario ids or objects",
  );
  if (list.length < 2)
    throw new ArgumentRangeError(
      `${FN}: scenarios must list at least two scenarios (got ${list.length})`,
      { code: "out-of-range", path: "scenarios" },
    );
  const ids = list.map((s) => (typeof s === "string" ? s : s.id));
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      throw new ArgumentRangeError(
        `${FN}: scenarios[${i}] is "${id}" again: each scenario is compared once`,
        { code: "out-of-range", path: `scenarios[${i}]` },
      );
  });
  const o = checkOptions(FN, "options", options, [
    "paths",
    "seed",
    "workers",
    "signal",
    "onProgress",
  ]);
  const onProgress =
    o.onProgress === undefined
      ? undefined
      : checkFunction<NonNullable<CompareOptions["onProgress"]>>(
          FN,
          "options.onProgress",
          o.onProgress,
        );
  const paths =
    o.paths === undefined
      ? undefined
      : checkNumber(FN, "options.paths", o.paths, {
          integer: true,
          min: 1,
          max: MAX_SIMULATION_PATHS,
        });
  const seed = o.seed === undefined ? 1 : checkSeedValue(FN, "options.seed", o.seed);
  if (o.workers !== undefined)
    checkNumber(FN, "options.workers", o.workers, { integer: true, min: 0 });
  if (paths === undefined && (o.seed !== undefined || o.workers !== undefined))
    throw new ArgumentRangeError(
      `${FN}: options.${o.seed !== undefined ? "seed" : "workers"} needs options.paths (a simulation)`,
      { code: "out-of-range", path: `options.${o.seed !== undefined ? "seed" : "workers"}` },
    );
  const assessments: Assessment[] = [];
  for (const [i, scenario] of list.entries())
    assessments.push(
      paths === undefined
        ? assessPack(checkedPack, scenario)
        : (
            await simulatePack(checkedPack, scenario, {
              paths,
              seed,
              ...(o.workers === undefined ? {} : { workers: o.workers as number }),
              ...(o.signal === undefined ? {} : { signal: o.signal as AbortSignal }),
              ...(onProgress === undefined
                ? {}
                : {
                    onProgress: (p: SimulationProgress) =>
                      onProgress({
                        completedPaths: i * paths + p.completedPaths,
                        totalPaths: list.length * paths,
                        completedBlocks: i * p.totalBlocks + p.completedBlocks,
                        totalBlocks: list.length * p.totalBlocks,
                      }),
                  }),
            })
          ).assessment,
    );
  return { pack: checkedPack.id, scenarios: ids, assessments, rows: comparisonRows(assessments) };
}

/** The rows of a comparison of checked assessments of one pack (the first the base); for the report. */
export function comparisonRows(assessments: readonly Assessment[]): ComparisonRow[] {
  const [base] = assessments;
  if (base === undefined) return [];
  const byTarget = assessments.map((a) => new Map(a.rows.map((r) => [r.targetId, r])));
  return base.rows.map((first) => ({
    targetId: first.targetId,
    nameZh: first.nameZh,
    nameEn: first.nameEn,
    scope: first.scope,
    indicator: first.indicator,
    year: first.year,
    comparator: first.comparator,
    target: first.target,
    unit: first.unit,
    cells: assessments.map((a, i): ComparisonCell => {
      // Assessments of one pack have the same targets; a list that does not is not a comparison.
      const r = byTarget[i]?.get(first.targetId);
      if (r === undefined)
        throw new ArgumentRangeError(
          `${FN}: the assessment of "${a.scenario}" has no row for the target "${first.targetId}"`,
          { code: "out-of-range", path: `assessments[${i}]` },
        );
      return {
        scenario: a.scenario,
        projected: r.projected,
        gap: r.gap?.absolute ?? null,
        status: r.status,
        statusZh: r.statusZh,
        probability: r.probability,
        projectedChange:
          r.projected === null || first.projected === null ? null : r.projected - first.projected,
        probabilityChange:
          r.probability === null || first.probability === null
            ? null
            : r.probability - first.probability,
        statusChanged: r.status !== first.status,
      };
    }),
  }));
}
