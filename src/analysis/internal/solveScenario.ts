import type { ModelAssumption, ScenarioInput } from "../../schemas/scenario.js";
import type { MovedSeries } from "./allocationRules.js";

/** Decimals of a solved rate in the scenario (a ten-thousandth of a percentage point). */
const DECIMALS = 6;

/**
 * A solved rate as the scenario writes it: rounded to {@link DECIMALS} decimals away from a miss
 * (up when more growth meets the target, `sense` 1; down when less does, −1), so the written
 * scenario meets the target whenever the unrounded rate does.
 */
export function writtenRate(rate: number, sense: 1 | -1): number {
  const scale = 10 ** DECIMALS;
  const rounded = sense === 1 ? Math.ceil(rate * scale - 1e-6) : Math.floor(rate * scale + 1e-6);
  return rounded / scale;
}

/**
 * The `models` entries of a solution: each moved series grows at its rate (a `cagr` spec) from
 * the year after its latest observation, so the rate holds from that observation to the target
 * year. The entry names the target's indicator: a target at constant prices is projected with
 * the model of its indicator (docs/real-and-nominal.md).
 */
export function solvedEntries(
  indicator: string,
  series: readonly MovedSeries[],
  rates: readonly number[],
  reason: (scope: string, rate: number) => string,
): ModelAssumption[] {
  return series.map((s, k) => ({
    scope: s.scope,
    indicator,
    spec: { kind: "cagr", rate: rates[k] as number },
    from: s.latest.year + 1,
    reason: reason(s.scope, rates[k] as number),
  }));
}

/**
 * The solved scenario: a named base is extended (`extends`), a scenario object is copied with
 * the entries after its own; either way the solved entries come last, so they win over the
 * base's equally specific entries from their `from` year on.
 */
export function solvedScenario(
  base: string | ScenarioInput,
  entries: readonly ModelAssumption[],
  text: { readonly nameEn: string; readonly description: string },
): ScenarioInput {
  if (typeof base === "string")
    return { id: `${base}-solved`, ...text, extends: base, models: [...entries] };
  // The base's Chinese name would name the base, not the solution.
  const { nameZh: _, ...rest } = base;
  return {
    ...rest,
    id: `${base.id}-solved`,
    ...text,
    models: [...(base.models ?? []), ...entries],
  };
}
