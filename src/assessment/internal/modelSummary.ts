import type { ScopeSeries } from "../../scenarios/scopeSeries.js";
import type { ProjectedSeries } from "../../schemas/assessment.js";

/**
 * The model of a series as the assessment carries it: the kind the scenario asked for, the kind
 * fitted, the scenario's reason and why a fallback was taken; null for a series aggregated from
 * places, which has no model of its own.
 */
export function modelSummary(series: ScopeSeries): ProjectedSeries["model"] {
  const model = series.model;
  return model === undefined
    ? null
    : {
        requested: model.requested.kind,
        fitted: model.fitted.kind,
        reason: model.reason,
        fallback: model.fitted.fallback?.reason ?? null,
      };
}
