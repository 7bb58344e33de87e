import { compileFormula } from "../../internal/compileFormula.js";
import { formulaMonomial } from "../../internal/formulaAnalysis.js";
import type { UncertaintyEstimate } from "../../scenarios/estimateUncertainty.js";
import type { ScopeSeries } from "../../scenarios/scopeSeries.js";
import { type FormulaComponent, formulaShockInterval } from "../../scenarios/shockInterval.js";
import type { TargetContext } from "../targetContext.js";

/**
 * The interval of a derived value in `year` from the uncertainty model, where it has a closed
 * form (`formulaShockInterval`): the series is computed from its scope's own series (not a
 * group's aggregates), its formula is a monomial (`gdp / population * 10000`), and each symbol
 * is a log-scale indicator with a series of its own. Undefined otherwise: the Monte Carlo
 * simulation gives the interval then.
 */
export function derivedInterval(
  series: ScopeSeries,
  context: TargetContext,
  uncertainty: UncertaintyEstimate,
  centre: number,
  year: number,
  level: number,
): { lower: number; upper: number; level: number } | undefined {
  if (series.formula === undefined || series.basis !== "observed") return undefined;
  const compiled = compileFormula(series.formula);
  const monomial = compiled.ok ? formulaMonomial(compiled.program) : undefined;
  if (monomial === undefined) return undefined;
  const components = new Map<string, FormulaComponent>();
  for (const symbol of monomial.exponents.keys()) {
    const own = context.projection.series.find(
      (s) => s.scope === series.scope && s.indicator === symbol && s.basis === "observed",
    );
    const indicator = context.dataset.indicators.find((i) => i.id === symbol);
    const last = own?.observed[own.observed.length - 1]?.year;
    if (
      own === undefined ||
      own.formula !== undefined ||
      indicator === undefined ||
      last === undefined
    )
      return undefined;
    components.set(symbol, { series: own, indicator, years: Math.max(0, year - last) });
  }
  const interval = formulaShockInterval(uncertainty, components, monomial.exponents, centre, level);
  return interval === undefined
    ? undefined
    : { lower: interval.lower, upper: interval.upper, level: interval.level };
}
