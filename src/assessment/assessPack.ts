import { projectScenario, type ScenarioProjection } from "../scenarios/projectScenario.js";
import { resolveScenario } from "../scenarios/resolveScenario.js";
import type { Assessment, AssessmentRow, DataNeed } from "../schemas/assessment.js";
import { STATUS_ZH } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import type { Target } from "../schemas/target.js";
import { classifyStatus } from "../targets/classifyStatus.js";
import { evaluateTarget } from "../targets/evaluateTarget.js";
import type { TargetContext, TargetEvaluation } from "../targets/targetContext.js";
import { targetDefinitionOf } from "../targets/targetRegistry.js";
import { assessDisparity } from "./assessDisparity.js";

/** Options of {@link assessPack}. */
export interface AssessOptions {
  /**
   * Observations to add to the pack's. One that has the same place, indicator and year as pack
   * observations replaces them (a newer or corrected figure); the pack's stay in the report as
   * unused.
   */
  readonly data?: readonly Observation[];
}

/** Years in a plan period when the pack does not say (a five-year plan). */
const DEFAULT_PLAN_YEARS = 5;

/**
 * Assesses every target of a region pack under one scenario, deterministically: projects every
 * place and group (see `projectScenario`), evaluates each target by its kind and gives it a status
 * (see `classifyStatus`). Targets that cannot be evaluated are `insufficient-data` and name the
 * observations that would make them evaluable; `readiness` collects those needs.
 *
 * @param pack - the region pack (places, data, targets, named scenarios).
 * @param scenario - a named scenario's id, or a scenario object (which may `extends` a named one).
 * @throws {RangeError} `resolveScenario: unknown scenario "x" (known: …)` for an unknown id.
 * @throws {TypeError} `resolveScenario: invalid scenario …` for a scenario that fails its schema.
 * @example
 * const assessment = assessPack(qujingPack, "trend");
 * assessment.rows.length === qujingPack.targets.length; // true
 */
export function assessPack(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: AssessOptions = {},
): Assessment {
  const resolved = resolveScenario(scenario, pack.scenarios);
  const dataset = mergeObservations(pack.dataset, options.data ?? []);
  const projection = projectScenario(dataset, resolved, pack.references);
  return buildAssessment(pack, dataset, projection, () => null);
}

/**
 * The assessment of a projection: every target's row (with `probabilityOf` giving the
 * probability of attainment when a simulation was run), discrepancies, data readiness, regional
 * disparity in the plan's base and last years, and the projection's issues.
 */
export function buildAssessment(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
  probabilityOf: (target: Target) => number | null,
  simulation?: Assessment["simulation"],
): Assessment {
  const rows = assessTargets(pack, dataset, projection, probabilityOf);
  const context = targetContext(pack, dataset, projection);
  const { scenario } = projection;
  return {
    pack: pack.id,
    scenario: scenario.id,
    scenarioName: scenario.nameEn,
    asOf: projection.asOf,
    rows,
    discrepancies: [...projection.discrepancies],
    readiness: collectReadiness(rows),
    disparity: assessDisparity(dataset, projection, [context.plan.baseYear, context.plan.endYear]),
    issues: [...projection.issues],
    ...(simulation === undefined ? {} : { simulation }),
  };
}

/**
 * Adds user observations to a dataset. A user observation replaces the pack's for the same place,
 * indicator and year (the pack's are dropped, not kept as alternatives).
 */
export function mergeObservations(dataset: Dataset, extra: readonly Observation[]): Dataset {
  if (extra.length === 0) return dataset;
  const replaced = new Set(extra.map((o) => `${o.place}|${o.indicator}|${o.year}`));
  return {
    ...dataset,
    observations: [
      ...dataset.observations.filter((o) => !replaced.has(`${o.place}|${o.indicator}|${o.year}`)),
      ...extra,
    ],
  };
}

/** The evaluation context of a pack: its projection, data and plan calendar. */
export function targetContext(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
): TargetContext {
  const baseYear = pack.plan.baseYear;
  return {
    projection,
    dataset,
    plan: { baseYear, endYear: pack.plan.endYear ?? baseYear + DEFAULT_PLAN_YEARS },
  };
}

/**
 * Evaluates every target of a pack against a projection and builds the assessment rows;
 * `probabilityOf` supplies the probability of attainment when a simulation was run.
 */
export function assessTargets(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
  probabilityOf: (target: Target) => number | null,
): AssessmentRow[] {
  const context = targetContext(pack, dataset, projection);
  return pack.targets.map((target) => {
    const evaluation = evaluateTarget(target, context);
    const probability = evaluation.met === null ? null : probabilityOf(target);
    return toRow(target, projection.scenario.id, evaluation, probability);
  });
}

function toRow(
  target: Target,
  scenarioId: string,
  evaluation: TargetEvaluation,
  probability: number | null,
): AssessmentRow {
  // A rank target's growth fields are about the measured indicator (GDP), which must rise to
  // improve the rank, so its shortfall is read as for an "at least" target.
  const growthSense = targetDefinitionOf(target).growthSense();
  const status = classifyStatus(evaluation, growthSense, probability);
  return {
    targetId: target.id,
    nameZh: target.nameZh,
    nameEn: target.nameEn,
    scenario: scenarioId,
    kind: target.kind,
    scope: target.scope,
    indicator: target.indicator,
    year: target.year,
    comparator: target.comparator,
    target: target.value,
    unit: target.unit,
    projected: evaluation.projected,
    interval: evaluation.interval,
    met: evaluation.met,
    gap: evaluation.gap,
    latest: evaluation.latest,
    requiredGrowth: evaluation.requiredGrowth,
    impliedGrowth: evaluation.impliedGrowth,
    firstYearMet: evaluation.firstYearMet,
    expectedProgress: evaluation.expectedProgress,
    actualProgress: evaluation.actualProgress,
    probability,
    status,
    statusZh: STATUS_ZH[status],
    missing: evaluation.missing,
    notes: evaluation.notes,
  };
}

/** Every data need of the rows, one per scope × indicator (years merged, the largest count kept). */
export function collectReadiness(rows: readonly AssessmentRow[]): DataNeed[] {
  const byKey = new Map<string, DataNeed & { targets: string[] }>();
  for (const row of rows) {
    for (const need of row.missing) {
      const key = `${need.scope}|${need.indicator}`;
      const existing = byKey.get(key);
      if (existing === undefined)
        byKey.set(key, { ...need, years: [...need.years], targets: [row.targetId] });
      else {
        existing.years = [...new Set([...existing.years, ...need.years])].sort((a, b) => a - b);
        existing.minCount = Math.max(existing.minCount, need.minCount);
        if (!existing.targets.includes(row.targetId)) existing.targets.push(row.targetId);
      }
    }
  }
  return [...byKey.values()].map(({ targets, ...need }) => ({
    ...need,
    why: `${need.why} — for ${targets.join(", ")}`,
  }));
}
