import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { type AssessmentRow, STATUS_ZH } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { Target } from "../schemas/target.js";
import { changeFieldsOf } from "../targets/changeFields.js";
import { evaluateCheckedTarget } from "../targets/evaluateTarget.js";
import { statusWithBasis } from "../targets/statusWithBasis.js";
import type { TargetContext, TargetEvaluation } from "../targets/targetContext.js";
import { targetDefinitionOf } from "../targets/targetRegistry.js";
import { buildTargetContext } from "./buildTargetContext.js";
import { checkEntryPack } from "./checkAssessArgs.js";
import { checkDataset, checkFunction, checkProjection } from "./checkProjectionArgs.js";
import { nominalJudgement } from "./nominalJudgement.js";

/**
 * Evaluates every target of a pack against a projection (see `evaluateTarget`) and builds the
 * assessment rows, each with its status (see `classifyStatus`); `probabilityOf` supplies the
 * probability of attainment when a simulation was run. A level or growth target that states its
 * basis has it on its row (`basis`); one at constant prices also has the judgement at current
 * prices beside it (`nominal`, see docs/real-and-nominal.md).
 *
 * @param pack - the region pack, for its targets and plan calendar.
 * @param dataset - the observations the projection was made from.
 * @param projection - the scenario's projection.
 * @param probabilityOf - the simulated probability of attaining a target, or null; asked only
 *   for targets that could be evaluated.
 * @returns one row per target, in the pack's order.
 * @throws {ArgumentTypeError} `assessTargets: pack must be a region pack (got …)`,
 *   `assessTargets: dataset must be a dataset (…)`, `assessTargets: projection.series must be an
 *   array (got …)`, `assessTargets: probabilityOf must be a function (got …)`: an argument of
 *   the wrong shape.
 */
export function assessTargets(
  pack: RegionPack,
  dataset: Dataset,
  projection: ScenarioProjection,
  probabilityOf: (target: Target) => number | null,
): AssessmentRow[] {
  checkEntryPack("assessTargets", pack);
  checkDataset("assessTargets", "dataset", dataset);
  checkProjection("assessTargets", "projection", projection);
  checkFunction("assessTargets", "probabilityOf", probabilityOf);
  return assessCheckedTargets(pack, buildTargetContext(pack, dataset, projection), probabilityOf);
}

/**
 * {@link assessTargets} without its argument checks, on the targets' context, for the library's
 * own assessment, whose pack, dataset and projection it made itself. Not exported from the
 * package.
 */
export function assessCheckedTargets(
  pack: RegionPack,
  context: TargetContext,
  probabilityOf: (target: Target) => number | null,
): AssessmentRow[] {
  const { projection } = context;
  return pack.targets.map((target) => {
    const evaluation = evaluateCheckedTarget(target, context);
    const probability = evaluation.met === null ? null : probabilityOf(target);
    const row = toRow(target, projection.scenario.id, evaluation, probability);
    if ((target.kind !== "level" && target.kind !== "growth") || target.basis === undefined)
      return row;
    const nominal = nominalJudgement(target, context);
    return { ...row, basis: target.basis, ...(nominal === undefined ? {} : { nominal }) };
  });
}

function toRow(
  target: Target,
  scenarioId: string,
  evaluation: TargetEvaluation,
  probability: number | null,
): AssessmentRow {
  // Which way growth helps is the kind's to say (a rank's indicator must rise whatever its
  // comparator).
  const growthSense = targetDefinitionOf(target).growthSense();
  const { status, statusBasis, note } = statusWithBasis(evaluation, growthSense, probability);
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
    ...changeFieldsOf(evaluation),
    ...differentialFields(evaluation),
    firstYearMet: evaluation.firstYearMet,
    expectedProgress: evaluation.expectedProgress,
    actualProgress: evaluation.actualProgress,
    probability,
    status,
    statusBasis,
    statusZh: STATUS_ZH[status],
    missing: evaluation.missing,
    notes: note === undefined ? evaluation.notes : [...evaluation.notes, note],
  };
}

/** A share row's growth differentials, when its kind gives them (absent otherwise). */
function differentialFields(
  evaluation: TargetEvaluation,
): Pick<AssessmentRow, "requiredDifferential" | "impliedDifferential"> {
  if (evaluation.requiredDifferential === undefined && evaluation.impliedDifferential === undefined)
    return {};
  return {
    requiredDifferential: evaluation.requiredDifferential ?? null,
    impliedDifferential: evaluation.impliedDifferential ?? null,
  };
}
