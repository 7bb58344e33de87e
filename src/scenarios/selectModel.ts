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
  /** The assumption's `from` (the first year it applies), when it has one. */
  readonly from?: number;
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
 * An entry with `from` applies from that year on: given `year`, entries whose `from` is later
 * are left out, and among equally specific entries the one with the latest `from` wins (an
 * entry without `from` counts as the earliest); without `year`, only entries without `from`
 * count (the model before any change).
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
  year?: number,
): SelectedModel {
  const start = (m: ModelAssumption) => m.from ?? Number.NEGATIVE_INFINITY;
  const eligible = scenario.models
    .filter((m) => m.from === undefined || (year !== undefined && m.from <= year))
    .sort((a, b) => start(a) - start(b));
  // A path's values are the scope's own levels: never hand a group's path down to its members.
  const best = mostSpecific(eligible, scope, indicator.id, dataset.groups, {
    toMembers: (entry) => entry.spec.kind !== "path",
  });
  if (best !== undefined)
    return {
      spec: best.spec,
      reason: best.reason,
      explicit: true,
      ...(best.from === undefined ? {} : { from: best.from }),
    };
  const fallback = defaultModel(indicator);
  return { spec: fallback.spec, reason: fallback.reason, explicit: false };
}
