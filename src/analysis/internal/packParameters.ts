import { ArgumentRangeError } from "../../internal/errors.js";
import type { ScenarioProjection } from "../../scenarios/projectScenario.js";
import type { Scenario, SensitivityRange } from "../../schemas/scenario.js";
import type { PackTargetRunner } from "./packTargetRunner.js";

/** Half-width of the default growth range: 3 percentage points a year around the scenario's. */
export const DEFAULT_GROWTH_HALF_WIDTH = 0.03;

/** An assumption of the scenario that a pack's sensitivity analysis moves. */
export interface PackParameter {
  /** `what:scope:indicator`, e.g. `growth:city:gdp`. */
  readonly name: string;
  readonly scope: string;
  readonly indicator: string;
  readonly what: "growth" | "shock";
  readonly min: number;
  readonly max: number;
  /** The scenario's own value (the implied growth, the shock's size), for the base run. */
  readonly base: number | null;
  /** Where the range comes from. */
  readonly source: "options" | "scenario" | "default";
}

/**
 * The growth a year that the base projection implies for a series, from its latest observation
 * to `year`: the rate of a `cagr` model that reproduces the projection in that year.
 */
function impliedGrowth(
  projection: ScenarioProjection,
  scope: string,
  indicator: string,
  year: number,
): number | null {
  for (const s of projection.series) {
    if (s.scope !== scope || s.indicator !== indicator) continue;
    const last = s.observed[s.observed.length - 1];
    const k = s.years.indexOf(year);
    if (last === undefined || k < 0 || year <= last.year) continue;
    const value = s.values[k]!;
    if (!(value > 0 && last.value > 0)) continue;
    return Math.expm1(Math.log(value / last.value) / (year - last.year));
  }
  return null;
}

/** The shocks of the scenario a range moves: those of exactly its scope and indicator. */
function matchingShocks(scenario: Scenario, scope: string, indicator: string) {
  return scenario.shocks.filter((s) => s.scope === scope && s.indicator === indicator);
}

/**
 * The parameters of a pack's sensitivity analysis: the ranges given (in `options.ranges`, else
 * in the scenario's `ranges`), or by default a growth range of ±3 points a year around the
 * growth the projection `base` (the scenario without its shocks) implies for each level series
 * the target reads (from its latest observation to the target's year), and for each shock of the scenario on such a series a range
 * from 0 (no shock) to twice its size.
 */
export function packParameters(
  fn: string,
  runner: PackTargetRunner,
  base: ScenarioProjection,
  given: readonly SensitivityRange[] | undefined,
): PackParameter[] {
  const source = given !== undefined ? "options" : "scenario";
  const ranges = given ?? runner.scenario.ranges;
  if (ranges !== undefined && ranges.length > 0)
    return ranges.map((r, i): PackParameter => {
      const at = source === "options" ? `options.ranges[${i}]` : `scenario.ranges[${i}]`;
      if (r.what === "sigma")
        throw new ArgumentRangeError(
          `${fn}: ${at}.what must be "growth" or "shock": sigma moves only the probability of attainment, which the deterministic gap does not read (got "sigma")`,
          { code: "out-of-range", path: `${at}.what` },
        );
      const shocks = matchingShocks(runner.scenario, String(r.scope), r.indicator);
      if (r.what === "shock" && shocks.length === 0)
        throw new ArgumentRangeError(
          `${fn}: ${at} must name the scope and indicator of a shock of the scenario (got ${r.scope} × ${r.indicator}, which has none)`,
          { code: "out-of-range", path: at },
        );
      const year = runner.target.year ?? runner.scenario.toYear;
      const baseValue =
        r.what === "shock"
          ? shocks[0]!.size
          : impliedGrowth(base, String(r.scope), r.indicator, year);
      return {
        name: `${r.what}:${r.scope}:${r.indicator}`,
        scope: String(r.scope),
        indicator: r.indicator,
        what: r.what,
        min: r.min,
        max: r.max,
        base: baseValue,
        source,
      };
    });

  const out: PackParameter[] = [];
  const year = runner.target.year ?? runner.scenario.toYear;
  for (const ref of runner.reads) {
    const indicator = runner.indicators.get(ref.indicator);
    if (indicator?.kind !== "level" || indicator.priceCompanion !== undefined) continue;
    const g = impliedGrowth(base, ref.scope, ref.indicator, year);
    if (g !== null)
      out.push({
        name: `growth:${ref.scope}:${ref.indicator}`,
        scope: ref.scope,
        indicator: ref.indicator,
        what: "growth",
        min: g - DEFAULT_GROWTH_HALF_WIDTH,
        max: g + DEFAULT_GROWTH_HALF_WIDTH,
        base: g,
        source: "default",
      });
    const size = matchingShocks(runner.scenario, ref.scope, ref.indicator)[0]?.size;
    if (size !== undefined && size !== 0)
      out.push({
        name: `shock:${ref.scope}:${ref.indicator}`,
        scope: ref.scope,
        indicator: ref.indicator,
        what: "shock",
        min: Math.min(0, 2 * size),
        max: Math.max(0, 2 * size),
        base: size,
        source: "default",
      });
  }
  return out.filter((p, i) => out.findIndex((q) => q.name === p.name) === i);
}

/**
 * The scenario with the parameters at `values`: a growth replaces the scenario's models of
 * exactly that scope and indicator by `{ kind: "cagr", rate }` (more specific entries, e.g. a
 * place's own when the scope is a group, still win); growths are appended from the widest scope
 * to the narrowest (`scopeSize`), so that where two cover a place (the city and the central city
 * in it) the narrower one applies to it. A shock sets the size of the scenario's shocks of
 * exactly that scope and indicator.
 */
export function applyParameters(
  scenario: Scenario,
  parameters: readonly PackParameter[],
  values: Readonly<Record<string, number>>,
  scopeSize: (scope: string) => number,
): Scenario {
  let models = scenario.models;
  let shocks = scenario.shocks;
  const ordered = [...parameters].sort((a, b) => scopeSize(b.scope) - scopeSize(a.scope));
  for (const p of ordered) {
    const v = values[p.name]!;
    if (p.what === "growth") {
      models = [
        ...models.filter((m) => m.scope !== p.scope || m.indicator !== p.indicator),
        {
          scope: p.scope,
          indicator: p.indicator,
          spec: { kind: "cagr", rate: v },
          reason: "sensitivity analysis",
        },
      ];
    } else {
      shocks = shocks.map((s) =>
        s.scope === p.scope && s.indicator === p.indicator ? { ...s, size: v } : s,
      );
    }
  }
  return { ...scenario, models, shocks };
}
