import * as z from "zod";
import { checkNumber, checkObject, checkString } from "../internal/checkArgs.js";
import { checkSchema } from "../internal/checkSchema.js";
import type { Dataset } from "../schemas/dataset.js";
import { type Indicator, IndicatorSchema } from "../schemas/indicator.js";
import { GroupSchema } from "../schemas/place.js";
import { type ModelAssumption, ModelAssumptionSchema, type Scenario } from "../schemas/scenario.js";
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
 * The arguments are checked against their schemas once per object (`scenario.models`,
 * `dataset.groups`, `indicator`): the projection calls this for every series and year.
 *
 * @throws {ArgumentTypeError} (a `TypeError`) `selectModel: scenario must be an object (got
 *   nothing)`, and so for `dataset`; `selectModel: scenario.models must be an array (got null)`;
 *   `selectModel: scenario.models[0].reason must be a string (got nothing)`, and so on for the
 *   other fields of a model assumption, of `dataset.groups` and of `indicator`; `selectModel:
 *   scope must be a non-empty string (got 1)`; `selectModel: year must be an integer (got the
 *   string "2030")`.
 * @throws {ArgumentRangeError} (a `RangeError`) for a value of the right type out of its schema's
 *   range, e.g. `selectModel: scenario.models[0].from must be a number ≥ 1900 (got 1800)`;
 *   `selectModel: scope must be a non-empty string (got the string "")`; `selectModel: year must
 *   be an integer (got 2030.5)`.
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
  checkSelectArgs(scenario, dataset, scope, indicator, year);
  return selectCheckedModel(scenario, dataset, scope, indicator, year);
}

/**
 * {@link selectModel} without its argument checks, for the projection, whose scenario and dataset
 * were checked when it started. Not exported from the package.
 */
export function selectCheckedModel(
  scenario: Pick<Scenario, "models">,
  dataset: Pick<Dataset, "groups">,
  scope: string,
  indicator: Indicator,
  year?: number,
): SelectedModel {
  return selectAssumption(scenario, dataset, scope, indicator, year).selected;
}

/**
 * {@link selectCheckedModel} with the scenario's entry it selected (undefined for the library's
 * default). Not exported from the package.
 */
export function selectAssumption(
  scenario: Pick<Scenario, "models">,
  dataset: Pick<Dataset, "groups">,
  scope: string,
  indicator: Indicator,
  year?: number,
  index: ModelIndex = modelIndex(scenario.models),
): { readonly selected: SelectedModel; readonly assumption: ModelAssumption | undefined } {
  const eligible = index.eligible(indicator.id, year);
  // A path's values are the scope's own levels: never hand a group's path down to its members.
  const best = mostSpecific(eligible, scope, indicator.id, dataset.groups, {
    toMembers: (entry) => entry.spec.kind !== "path",
  });
  if (best !== undefined)
    return {
      selected: {
        spec: best.spec,
        reason: best.reason,
        explicit: true,
        ...(best.from === undefined ? {} : { from: best.from }),
      },
      assumption: best,
    };
  const fallback = defaultModel(indicator);
  return {
    selected: { spec: fallback.spec, reason: fallback.reason, explicit: false },
    assumption: undefined,
  };
}

/** A scenario's model entries indexed for the many selections of one projection. */
export interface ModelIndex {
  /**
   * The entries that may apply to an indicator in `year` (its own and `"*"`, without a later
   * `from`), ordered by `from` (none first), otherwise in the scenario's order: the entries
   * {@link selectModel} weighs, in its order (the others cannot match).
   */
  eligible(indicatorId: string, year: number | undefined): readonly ModelAssumption[];
  /** The distinct `from` years of the entries, ascending. */
  readonly starts: readonly number[];
}

/**
 * An index of model entries (see {@link ModelIndex}) that remembers each list it makes: for one
 * projection, whose scenario nothing changes while it runs. Not exported from the package.
 */
export function modelIndex(models: readonly ModelAssumption[]): ModelIndex {
  const start = (m: ModelAssumption) => m.from ?? Number.NEGATIVE_INFINITY;
  const lists = new Map<string, readonly ModelAssumption[]>();
  return {
    eligible: (indicatorId, year) => {
      const key = `${indicatorId}|${year}`;
      const known = lists.get(key);
      if (known !== undefined) return known;
      // Filtering before a stable sort keeps the order a sort of every entry would give them.
      const list = models
        .filter(
          (m) =>
            (m.indicator === indicatorId || m.indicator === "*") &&
            (m.from === undefined || (year !== undefined && m.from <= year)),
        )
        .sort((a, b) => start(a) - start(b));
      lists.set(key, list);
      return list;
    },
    starts: [...new Set(models.map((m) => m.from))]
      .filter((y): y is number => y !== undefined)
      .sort((a, b) => a - b),
  };
}

const FN = "selectModel";
const ModelsSchema = z.array(ModelAssumptionSchema);
const GroupsSchema = z.array(GroupSchema);

/** Objects already checked against their schema (the same ones come back for every series). */
const checked = new WeakSet<object>();

function checkOnce(path: string, value: unknown, schema: z.ZodType): void {
  if (typeof value === "object" && value !== null && checked.has(value)) return;
  checkSchema(FN, path, value, schema, { shapeOnly: true });
  checked.add(value as object);
}

function checkSelectArgs(
  scenario: unknown,
  dataset: unknown,
  scope: unknown,
  indicator: unknown,
  year: unknown,
): void {
  checkOnce("scenario.models", checkObject(FN, "scenario", scenario).models, ModelsSchema);
  checkOnce("dataset.groups", checkObject(FN, "dataset", dataset).groups, GroupsSchema);
  checkString(FN, "scope", scope, { nonEmpty: true });
  checkOnce("indicator", indicator, IndicatorSchema);
  if (year !== undefined) checkNumber(FN, "year", year, { integer: true });
}
