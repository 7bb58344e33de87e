import type { Indicator } from "../../schemas/indicator.js";
import type { ModelAssumption, Scenario } from "../../schemas/scenario.js";

/** Why a deflator without an assumption continues the drift of its log. */
export const DEFAULT_DEFLATOR_REASON =
  "its past average growth within series breaks (the drift of its log), the library's default for a deflator; a scenario's deflators entry replaces it";

/**
 * The scenario as a derived price series of `indicator` (see `derivePriceSeries`) reads it:
 *
 * - the constant-price series (`role: "real"`) takes the scenario's models and shocks of the
 *   indicator at current prices (an `auto` or Theta model is fitted to the real series; a `cagr`
 *   rate or a shock is read at constant prices), but not its overrides, which are values at
 *   current prices;
 * - the deflator (`role: "deflator"`) follows the scenario's `deflators` assumption for the
 *   indicator (a `cagr` at its rate, the most specific entry winning) or else a drift of its
 *   log; no other model, shock or override applies to it.
 *
 * Any other indicator reads the scenario unchanged.
 */
export function companionScenario(scenario: Scenario, indicator: Indicator): Scenario {
  const companion = indicator.priceCompanion;
  if (companion === undefined) return scenario;
  const retarget = <E extends { readonly indicator: string }>(entries: readonly E[]): E[] =>
    entries.flatMap((e) =>
      e.indicator === companion.of ? [{ ...e, indicator: indicator.id }] : [],
    );
  if (companion.role === "real")
    return {
      ...scenario,
      models: scenario.models.map((m) =>
        m.indicator === companion.of ? { ...m, indicator: indicator.id } : m,
      ),
      shocks: retarget(scenario.shocks),
      overrides: [],
    };
  const assumed = (scenario.deflators ?? [])
    .filter((d) => d.indicator === companion.of)
    .map(
      (d): ModelAssumption => ({
        scope: d.scope,
        indicator: indicator.id,
        spec: { kind: "cagr", rate: d.rate },
        reason: `assumed deflator, ${d.rate >= 0 ? "+" : ""}${Number((d.rate * 100).toPrecision(4))}% a year: ${d.reason}`,
      }),
    );
  return {
    ...scenario,
    models: [
      {
        scope: "*",
        indicator: indicator.id,
        spec: { kind: "drift" },
        reason: DEFAULT_DEFLATOR_REASON,
      },
      ...assumed,
    ],
    shocks: [],
    overrides: [],
  };
}
