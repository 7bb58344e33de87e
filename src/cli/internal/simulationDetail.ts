import type { Assessment, SimulatedTarget } from "../../schemas/assessment.js";
import type { SimulatedPack } from "../../simulation/simulatePack.js";

/**
 * The assessment of a simulated pack with the run's detail in its `simulation` section: the
 * quantile levels and, per simulated target, its probability and standard error, its measure's
 * quantiles in the year it is judged, the distribution of the first year met, and the fan chart
 * (quantiles by year) of the series it measures when it measures one series' value.
 */
export function withSimulationDetail(simulated: SimulatedPack): Assessment {
  const { assessment, simulation, plan } = simulated;
  if (simulation === null || assessment.simulation === undefined) return assessment;
  const scopeOf = new Map(assessment.rows.map((r) => [r.targetId, r.scope]));
  const targets = simulation.targets.map((t): SimulatedTarget => {
    const measure = plan.targets.find((p) => p.id === t.id)?.conditions[0]?.measure;
    const series =
      measure?.kind === "value"
        ? simulation.series.find(
            (s) => s.scope === measure.scope && s.indicator === measure.indicator,
          )
        : undefined;
    const finite = series?.quantiles.every((q) => q.every(Number.isFinite)) === true;
    return {
      targetId: t.id,
      evaluatedYear: t.evaluatedYear,
      probability: t.probability,
      standardError: t.standardError,
      threshold: Number.isFinite(t.conditions[0]?.threshold)
        ? (t.conditions[0]?.threshold ?? null)
        : null,
      measure: [...(t.conditions[0]?.value ?? [])],
      firstYearMet: {
        years: [...t.firstYearMet.years],
        probabilities: [...t.firstYearMet.probabilities],
        never: t.firstYearMet.never,
      },
      fan:
        series === undefined || !finite
          ? null
          : {
              // The engine runs a group's own series as a pseudo-place (`city-own`): name it by
              // the target's scope, as the row does.
              scope: scopeOf.get(t.id) ?? series.scope,
              indicator: series.indicator,
              years: [...series.years],
              quantiles: series.quantiles.map((q) => [...q]),
            },
    };
  });
  return {
    ...assessment,
    simulation: { ...assessment.simulation, quantiles: [...simulation.quantiles], targets },
  };
}
