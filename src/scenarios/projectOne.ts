import { fitModel } from "../models/fitModel.js";
import { projectModel } from "../models/projectModel.js";
import type { FittedModel, ModelProjection } from "../models/types.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { Scenario } from "../schemas/scenario.js";
import { applyAssumptions } from "./applyAssumptions.js";
import { chooseObservations } from "./chooseObservations.js";
import type { ScopeSeries } from "./scopeSeries.js";
import { selectModel } from "./selectModel.js";

/** One scope × indicator to project: its observations and the scenario it is projected under. */
export interface ProjectOneInput {
  readonly dataset: Dataset;
  readonly scenario: Scenario;
  readonly scope: string;
  readonly indicator: Indicator;
  /** Every observation of this scope × indicator (any year, source and grade). */
  readonly observations: readonly Observation[];
  /** Coverage of the prediction interval asked of the model, as a fraction (e.g. 0.8). */
  readonly level: number;
}

/**
 * Projects one place's or group's indicator from its own observations to the scenario's last
 * year: chooses one observation a year ({@link chooseObservations}), fits the model the scenario
 * selects ({@link selectModel}) on the indicator's scale and within its series breaks, projects it
 * with an interval at `level` where the model gives one, and applies the scenario's shocks and
 * overrides ({@link applyAssumptions}). A series observed through the last year has no
 * projection. A model that cannot be fitted or projected, or whose projection leaves the range
 * of numbers, gives a series without projection whose `failure` says why, and a `model-failed`
 * issue; nothing throws for data.
 */
export function projectOne(input: ProjectOneInput, issues: Issue[]): ScopeSeries {
  const { dataset, scenario, scope, indicator } = input;
  const { used, unused, notes } = chooseObservations(input.observations, scenario.useQualityC);
  const base = {
    scope,
    indicator: indicator.id,
    basis: "observed" as const,
    observed: used,
    unused,
    ...(notes.length === 0 ? {} : { conflicts: notes }),
    notes,
  };
  const last = used[used.length - 1];
  if (last === undefined || last.year >= scenario.toYear)
    return { ...base, years: [], values: [], informative: false };
  const selected = selectModel(scenario, dataset, scope, indicator);
  const breaks = dataset.breaks
    .filter((b) => b.indicator === indicator.id && (b.place === undefined || b.place === scope))
    .map((b) => b.year);
  let fitted: FittedModel;
  let projection: ModelProjection;
  try {
    fitted = fitModel(
      selected.spec,
      { years: used.map((p) => p.year), values: used.map((p) => p.value), breaks },
      {
        scale: indicator.scale,
        ...(indicator.scale === "logit" ? { bounds: indicatorBounds(indicator) } : {}),
      },
    );
    projection = projectModel(fitted, { toYear: scenario.toYear, level: input.level });
    const overflow = projection.values.findIndex((v) => !Number.isFinite(v));
    if (overflow >= 0)
      throw new RangeError(
        `the projection leaves the range of numbers in ${projection.years[overflow]} (check the data's magnitude and unit)`,
      );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.push({
      severity: "warning",
      code: "model-failed",
      message: `${scope} ${indicator.id}: could not project with ${selected.spec.kind}: ${message}`,
      field: `${scope}.${indicator.id}`,
    });
    return {
      ...base,
      years: [],
      values: [],
      informative: false,
      failure: `could not project with ${selected.spec.kind}: ${message}`,
      notes: [...notes, message],
    };
  }
  const informative = !(fitted.fallback !== undefined && fitted.kind === "naive");
  const adjusted = applyAssumptions(scenario, dataset, scope, indicator, projection, issues);
  return {
    ...base,
    years: projection.years,
    values: adjusted.values,
    ...(adjusted.lower === undefined ? {} : { lower: adjusted.lower }),
    ...(adjusted.upper === undefined ? {} : { upper: adjusted.upper }),
    model: { requested: selected.spec, reason: selected.reason, fitted, informative },
    informative,
    notes: [...notes, ...fitted.notes, ...adjusted.notes],
  };
}
