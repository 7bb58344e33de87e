import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import type { ModelAssumption, Scenario } from "../schemas/scenario.js";
import { defaultModel } from "./defaultModel.js";

/** The model a scenario assigns to one scope × indicator, and why. */
export interface SelectedModel {
  readonly spec: ModelAssumption["spec"];
  readonly reason: string;
  /** True when the scenario names this model; false when the library default applies. */
  readonly explicit: boolean;
}

/**
 * Picks the model for a place or group and an indicator from a scenario's `models` list. The
 * most specific entry wins: an exact indicator beats `"*"`; then an exact scope beats a group
 * the place belongs to, which beats `"*"`. Among equally specific entries the later one wins
 * (a scenario's own entries come after those it extends). Without a matching entry the
 * library's default for the indicator's kind applies ({@link defaultModel}).
 *
 * @example
 * // With models [{ scope: "*", indicator: "*", … drift }, { scope: "qilin", indicator: "gdp", … cagr }],
 * // selectModel(scenario, dataset, "qilin", gdp).spec.kind === "cagr"
 */
export function selectModel(
  scenario: Pick<Scenario, "models">,
  dataset: Pick<Dataset, "groups">,
  scope: string,
  indicator: Indicator,
): SelectedModel {
  let best: { score: number; entry: ModelAssumption } | undefined;
  for (const entry of scenario.models) {
    let score: number;
    if (entry.indicator === indicator.id) score = 10;
    else if (entry.indicator === "*") score = 0;
    else continue;
    if (entry.scope === scope) score += 2;
    else if (entry.scope === "*") score += 0;
    else if (dataset.groups.some((g) => g.id === entry.scope && g.members.includes(scope)))
      score += 1;
    else continue;
    if (best === undefined || score >= best.score) best = { score, entry };
  }
  if (best !== undefined)
    return { spec: best.entry.spec, reason: best.entry.reason, explicit: true };
  const fallback = defaultModel(indicator);
  return { spec: fallback.spec, reason: fallback.reason, explicit: false };
}
