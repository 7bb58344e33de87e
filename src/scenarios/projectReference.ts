import type { Issue } from "../schemas/issue.js";
import type { ReferenceSeries } from "../schemas/regionPack.js";
import type { Scenario } from "../schemas/scenario.js";
import { cachedFit, type ProjectionCache } from "./projectionCache.js";
import type { ReferenceProjection } from "./projectScenario.js";

/**
 * Projects a reference series (outside the region, e.g. the 70th city's GDP) to the scenario's
 * last year with the model of the scenario's last assumption for it (`scenario.references`),
 * after its observed values. Without an assumption, when observed through the last year, or when
 * the model fails (then with a `model-failed` issue) the observed values alone are returned.
 */
export function projectReference(
  reference: ReferenceSeries,
  scenario: Scenario,
  issues: Issue[],
  cache?: ProjectionCache,
): ReferenceProjection {
  const assumption = [...scenario.references].reverse().find((r) => r.reference === reference.id);
  const observedThrough = reference.years[reference.years.length - 1] ?? scenario.toYear;
  const base = {
    id: reference.id,
    observedThrough,
    unit: reference.unit,
    breaks: [...reference.breaks],
  };
  const observedOnly = (reason: string): ReferenceProjection => ({
    ...base,
    years: [...reference.years],
    values: [...reference.values],
    reason,
  });
  if (assumption === undefined)
    return observedOnly("no assumption in the scenario: observed values only");
  if (observedThrough >= scenario.toYear) return observedOnly(assumption.reason);
  try {
    const { projection: p } = cachedFit(
      cache,
      assumption.spec,
      { years: reference.years, values: reference.values, breaks: reference.breaks },
      {},
      scenario.toYear,
      undefined,
    );
    return {
      ...base,
      years: [...reference.years, ...p.years],
      values: [...reference.values, ...p.values],
      reason: assumption.reason,
    };
  } catch (error) {
    issues.push({
      severity: "warning",
      code: "model-failed",
      message: `reference ${reference.id}: ${error instanceof Error ? error.message : String(error)}`,
      field: "references",
    });
    return observedOnly(assumption.reason);
  }
}
