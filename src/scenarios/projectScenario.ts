import { checkArrayOf, checkObject } from "../internal/checkArgs.js";
import { checkSchema } from "../internal/checkSchema.js";
import { objectId } from "../internal/objectId.js";
import type { Discrepancy } from "../schemas/assessment.js";
import { type Dataset, DatasetSchema } from "../schemas/dataset.js";
import { derivedIndicators, derivedObservationsIssue } from "../schemas/derivedIndicators.js";
import type { Indicator } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import { type ReferenceSeries, ReferenceSeriesSchema } from "../schemas/regionPack.js";
import { type Scenario, ScenarioSchema } from "../schemas/scenario.js";
import { aggregateGroups } from "./aggregateGroups.js";
import { deriveSeries } from "./deriveSeries.js";
import { findDiscrepancies } from "./findDiscrepancies.js";
import { companionScenario } from "./internal/companionScenario.js";
import { cachedNameIndex, type ProjectionCache, scenarioKey } from "./projectionCache.js";
import { projectOne } from "./projectOne.js";
import { projectReference } from "./projectReference.js";
import { reportIgnoredAssumptions } from "./reportIgnoredAssumptions.js";
import type { ScopeSeries } from "./scopeSeries.js";
import { modelIndex } from "./selectModel.js";

const FN = "projectScenario";

/** Coverage of the prediction intervals the runner asks models for (80%, as in forecast::forecast). */
export const INTERVAL_LEVEL = 0.8;

/** A reference series (outside the region) projected under the scenario's assumption. */
export interface ReferenceProjection {
  readonly id: string;
  readonly unit: string;
  readonly years: readonly number[];
  readonly values: readonly number[];
  /** Last observed year; later years are projected. */
  readonly observedThrough: number;
  /** Series breaks of the observed part (years at which a new basis starts). */
  readonly breaks: readonly number[];
  readonly reason: string;
}

/** Everything a deterministic scenario run produces before targets are judged. */
export interface ScenarioProjection {
  readonly scenario: Scenario;
  /** Latest year with an observation used. */
  readonly asOf: number;
  readonly series: readonly ScopeSeries[];
  readonly references: readonly ReferenceProjection[];
  readonly discrepancies: readonly Discrepancy[];
  readonly issues: readonly Issue[];
}

/**
 * Projects every place × indicator (and group × indicator) that has data to the scenario's last
 * year, deterministically.
 *
 * Steps: for each year the best-graded observation is used (A before B before C; quality C only
 * when the scenario sets `useQualityC`); the scenario's model for the scope and indicator is
 * fitted (respecting series breaks) and projected with an 80% interval where the model gives
 * one; shocks and year overrides are applied; groups are aggregated from their places by each
 * indicator's rule wherever every member has a value, beside the group's own observed series, and
 * years with both are listed as discrepancies. Series derived from a price index (see
 * `derivePriceSeries`, which adds them to a dataset) are projected like any other: the
 * constant-price series with the scenario's model and shocks of the indicator at current prices,
 * the deflator with the scenario's `deflators` assumption or the drift of its log. Problems (a model that cannot be fitted, an
 * override for an unknown series or for a group whose targets read its places) are returned as
 * issues; nothing throws for data.
 *
 * The horizon is the scenario's `toYear`, which its schema bounds (2000–2100), so a projection
 * never runs longer than that.
 *
 * @param dataset - places, groups, indicators, observations and breaks, as `DatasetSchema`
 *   validates them.
 * @param scenario - a resolved scenario, as `ScenarioSchema` validates it.
 * @param references - reference series outside the region (e.g. the pack's), default none.
 * @throws {ArgumentTypeError} an argument of the wrong type or missing, with the first problem
 *   the schema finds and every problem in `error.issues`, e.g. `projectScenario: scenario must be
 *   a scenario as ScenarioSchema validates it (got nothing)`, `projectScenario:
 *   dataset.observations[0].value must be a number (got the string "3802")`.
 * @throws {ArgumentRangeError} a value out of its schema's range, e.g. `projectScenario:
 *   scenario.toYear must be a number ≤ 2100 (got 1000000000)`.
 */
export function projectScenario(
  datasetArg: Dataset,
  scenarioArg: Scenario,
  referencesArg: readonly ReferenceSeries[] = [],
): ScenarioProjection {
  // The parsed copies: defaults filled in (a scenario without `models`, a dataset without `breaks`).
  checkObject(FN, "dataset", datasetArg, "a dataset as DatasetSchema validates it");
  const dataset = checkSchema(FN, "dataset", datasetArg, DatasetSchema, { shapeOnly: true });
  checkObject(FN, "scenario", scenarioArg, "a scenario as ScenarioSchema validates it");
  const scenario = checkSchema(FN, "scenario", scenarioArg, ScenarioSchema, { shapeOnly: true });
  const references = checkArrayOf(
    FN,
    "references",
    referencesArg,
    (at, r) => checkSchema(FN, at, r, ReferenceSeriesSchema, { shapeOnly: true }),
    "an array of reference series",
  );
  return projectCheckedScenario(dataset, scenario, references);
}

/**
 * {@link projectScenario} without its argument checks, for the library's own entry points
 * (`assessPack`, `simulatePack`), which have checked the pack and resolved the scenario already:
 * parsing the whole dataset again on every assessment would cost more than projecting it. Not
 * exported from the package.
 */
export function projectCheckedScenario(
  dataset: Dataset,
  scenario: Scenario,
  references: readonly ReferenceSeries[],
  cache?: ProjectionCache,
): ScenarioProjection {
  const memo = cache?.dataset === dataset ? cache : undefined;
  if (memo === undefined) return project(dataset, scenario, references, undefined);
  // A projection is a function of the dataset, the scenario's content and the references.
  const key = `${scenarioKey(memo, scenario)}|${objectId(references)}`;
  return memo.projections.getOrCompute(key, () =>
    project(dataset, scenario, references, memo),
  ) as ScenarioProjection;
}

/** {@link projectCheckedScenario}, with the cache of its dataset if any. */
function project(
  dataset: Dataset,
  scenario: Scenario,
  references: readonly ReferenceSeries[],
  memo: ProjectionCache | undefined,
): ScenarioProjection {
  const issues: Issue[] = [];
  const { indicators, derived, byKey, ofDerived } =
    memo === undefined ? seriesOfDataset(dataset) : datasetSeriesOf(dataset);
  for (const p of derived.problems)
    issues.push({
      ...p.issue,
      field: `indicators[${dataset.indicators.findIndex((i) => i.id === p.indicator)}].${p.field}`,
    });
  const direct: ScopeSeries[] = [];
  let asOf = Number.NEGATIVE_INFINITY;
  // A series derived from a price index reads the scenario as its role says (companionScenario).
  // Each with its model entries indexed once for all its series.
  const own = { scenario, models: modelIndex(scenario.models) };
  const views = new Map<string, typeof own>();
  const viewOf = (indicator: Indicator): typeof own => {
    if (indicator.priceCompanion === undefined) return own;
    const known = views.get(indicator.id);
    if (known !== undefined) return known;
    const view = companionScenario(scenario, indicator);
    const indexed = { scenario: view, models: modelIndex(view.models) };
    views.set(indicator.id, indexed);
    return indexed;
  };
  for (const entry of byKey.values()) {
    const view = viewOf(entry.indicator);
    const input = {
      scope: entry.scope,
      indicator: entry.indicator,
      observations: entry.observations,
      dataset,
      scenario: view.scenario,
      level: INTERVAL_LEVEL,
      models: view.models,
    };
    const series = projectOne(input, issues, memo);
    for (const p of series.observed) asOf = Math.max(asOf, p.year);
    direct.push(series);
  }
  for (const [id, count] of ofDerived) issues.push(derivedObservationsIssue(id, count, indicators));
  const ownSeries = [
    ...direct,
    ...deriveSeries(direct, indicators, derived.order, derived.programs, memo),
  ];
  // Derived indicators after the indicators their formulas name; those that cannot be computed
  // (reported above) left out.
  const aggregatedIndicators = new Map(
    [
      ...dataset.indicators.filter((i) => i.formula === undefined),
      ...derived.order.map((id) => indicators.get(id) as Indicator),
    ].map((i) => [i.id, i]),
  );
  const aggregated = aggregateGroups(dataset, ownSeries, aggregatedIndicators, memo);
  const discrepancies = findDiscrepancies(
    ownSeries,
    aggregated,
    new Map(dataset.groups.map((g) => [g.id, g.members])),
  );
  reportIgnoredAssumptions(
    scenario,
    dataset,
    direct,
    aggregated,
    issues,
    references.map((r) => r.id),
    memo === undefined ? undefined : cachedNameIndex(memo),
  );
  const refs = references.map((r) => projectReference(r, scenario, issues, memo));
  const projection = {
    scenario,
    asOf: Number.isFinite(asOf) ? asOf : scenario.toYear,
    series: [...ownSeries, ...aggregated],
    references: refs,
    discrepancies,
    issues,
  };
  if (memo !== undefined) projectionCaches.set(projection, memo);
  return projection;
}

/** The cache each projection made with one was made with (see {@link cacheOfProjection}). */
const projectionCaches = new WeakMap<ScenarioProjection, ProjectionCache>();

/**
 * The cache a projection was made with by {@link projectCheckedScenario}, for the steps that read
 * the projection afterwards (the shock estimates of its targets' intervals). Not exported from
 * the package.
 */
export function cacheOfProjection(projection: ScenarioProjection): ProjectionCache | undefined {
  return projectionCaches.get(projection);
}

const seriesIndexes = new WeakMap<ScenarioProjection, Map<string, ScopeSeries[]>>();

/**
 * The series of a projection with a scope and indicator, in the projection's order: from an index
 * built once for a projection the library made with a cache (one it never hands out, so nothing
 * changes it), else by a search. Not exported from the package.
 */
export function seriesOfScope(
  projection: ScenarioProjection,
  scope: string,
  indicator: string,
): readonly ScopeSeries[] {
  if (!projectionCaches.has(projection))
    return projection.series.filter((s) => s.scope === scope && s.indicator === indicator);
  let index = seriesIndexes.get(projection);
  if (index === undefined) {
    index = new Map();
    for (const s of projection.series) {
      const key = `${s.scope}|${s.indicator}`;
      const list = index.get(key);
      if (list === undefined) index.set(key, [s]);
      else list.push(s);
    }
    seriesIndexes.set(projection, index);
  }
  return index.get(`${scope}|${indicator}`) ?? [];
}

/** A dataset's indicators, derived indicators and observations by scope × indicator. */
interface DatasetSeries {
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly derived: ReturnType<typeof derivedIndicators>;
  /** The observations of each scope × indicator that is not derived, by `scope|indicator`. */
  readonly byKey: ReadonlyMap<
    string,
    { scope: string; indicator: Indicator; observations: Observation[] }
  >;
  /** Number of observations of each derived indicator (which are not used). */
  readonly ofDerived: ReadonlyMap<string, number>;
}

const datasetSeries = new WeakMap<Dataset, DatasetSeries>();

/** {@link seriesOfDataset} once per dataset object (one a projection cache is for). */
function datasetSeriesOf(dataset: Dataset): DatasetSeries {
  const known = datasetSeries.get(dataset);
  if (known !== undefined) return known;
  const found = seriesOfDataset(dataset);
  datasetSeries.set(dataset, found);
  return found;
}

function seriesOfDataset(dataset: Dataset): DatasetSeries {
  const indicators = new Map(dataset.indicators.map((i) => [i.id, i]));
  const derived = derivedIndicators(dataset.indicators);
  const byKey = new Map<
    string,
    { scope: string; indicator: Indicator; observations: Observation[] }
  >();
  const ofDerived = new Map<string, number>();
  for (const o of dataset.observations) {
    const indicator = indicators.get(o.indicator);
    if (indicator === undefined) continue;
    if (indicator.formula !== undefined) {
      ofDerived.set(o.indicator, (ofDerived.get(o.indicator) ?? 0) + 1);
      continue;
    }
    const key = `${o.place}|${o.indicator}`;
    const entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, { scope: o.place, indicator, observations: [o] });
    else entry.observations.push(o);
  }
  return { indicators, derived, byKey, ofDerived };
}
