import type { Dataset } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import type { ModelAssumption, Scenario } from "../schemas/scenario.js";
import { defaultModel } from "./defaultModel.js";
import { mostSpecific } from "./selectorScore.js";

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
 * (a scenario's own entries come after those it extends). A `path` given for a group applies to
 * the group's own series only, never to its members: its values are the group's levels (105 for
 * the central city would otherwise make each of three districts 105). Without a matching entry
 * the library's default for the indicator's kind applies ({@link defaultModel}).
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
  // A path's values are the scope's own levels: never hand a group's path down to its members.
  const best = mostSpecific(scenario.models, scope, indicator.id, dataset.groups, {
    toMembers: (entry) => entry.spec.kind !== "path",
  });
  if (best !== undefined) return { spec: best.spec, reason: best.reason, explicit: true };
  const fallback = defaultModel(indicator);
  return { spec: fallback.spec, reason: fallback.reason, explicit: false };
}
