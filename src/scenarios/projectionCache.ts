import { BoundedCache } from "../internal/boundedCache.js";
import { objectId } from "../internal/objectId.js";
import { fitModel } from "../models/fitModel.js";
import { projectModel } from "../models/projectModel.js";
import type { FitOptions, FittedModel, ModelProjection, Series } from "../models/types.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Issue } from "../schemas/issue.js";
import { type NameIndex, nameIndex } from "../schemas/nameIndex.js";
import type { ChosenObservations } from "./chooseObservations.js";
import { type CombineInput, combineSeries } from "./internal/combineSeries.js";
import { type IndexedSeries, indexSeries } from "./internal/indexSeries.js";
import type { ScopeSeries } from "./scopeSeries.js";

/** A fitted model and its projection, as a fit memo keeps them. */
export interface FitAndProjection {
  readonly fitted: FittedModel;
  readonly projection: ModelProjection;
}

/**
 * What repeated projections of one dataset share (see `preparePack`): the results of the pure
 * steps of a projection, each under a key made of everything it reads, so that a scenario that
 * differs from an earlier one only in some assumptions recomputes only the series those change.
 *
 * - `fits`: fitted models and their projections by the content of the spec, the series, the
 *   scale options and the horizon (valid for any dataset, so it may be shared between caches);
 * - `chosen`: the observations chosen for a scope × indicator (by `useQualityC`);
 * - `series`: a scope × indicator's projected series, with the issues its projection reported, by
 *   the content of the assumptions that apply to it (its model segments, shocks and overrides,
 *   `toYear`, `useQualityC`);
 * - `combined`: aggregates and derived series by the identity of the series they are made of
 *   (which the memos above hand back unchanged when their inputs are unchanged);
 * - `uncertainty`: shock parameter estimates by the identity of the observed points they read and
 *   the content of the scenario's `uncertainty` entries.
 *
 * Everything it holds is the library's own intermediate results, never handed to a caller
 * (assessments copy what they show), and never changed after it is made. Each memo keeps a
 * bounded number of entries, those not used for a while dropped first. Not exported from the
 * package.
 */
export interface ProjectionCache {
  /** The dataset whose series `chosen`, `series` and `combined` hold; another dataset bypasses them. */
  readonly dataset: Dataset;
  readonly fits: BoundedCache<string, FitAndProjection>;
  readonly chosen: Map<string, ChosenObservations>;
  readonly series: BoundedCache<string, { series: ScopeSeries; issues: readonly Issue[] }>;
  readonly combined: BoundedCache<string, { series: ScopeSeries | undefined }>;
  readonly indexed: WeakMap<ScopeSeries, IndexedSeries>;
  readonly uncertainty: BoundedCache<string, unknown>;
  /**
   * Memos of the steps that read a projection afterwards (an assessment's disparity rows), each
   * keyed by a prefix naming the step and the identity of the series it reads; what they keep is
   * handed out as copies.
   */
  readonly downstream: BoundedCache<string, unknown>;
  /**
   * Parts of an assessment kept with the projection they were made from (by the projection
   * object, which `projections` hands back for the same scenario): as many as `projections`
   * holds projections, four parts each.
   */
  readonly parts: BoundedCache<string, unknown>;
  /**
   * Whole projections by the content of the scenario (see {@link scenarioKey}): the same
   * scenario again (a report, a repeated call) is not projected again.
   */
  readonly projections: BoundedCache<string, object>;
  /** Ids of scenario entries (see {@link entryId}): by object, and by content. */
  readonly entries: {
    readonly byObject: WeakMap<object, number>;
    readonly byContent: BoundedCache<string, number>;
    next: number;
  };
}

/**
 * Entries each memo keeps: the series of the three scenarios of a pack of a few hundred series,
 * or of a few dozen variants (about 30 MB of heap at most for Qujing).
 */
const CAPACITY = 2048;

/** Whole projections kept (each some hundreds of kilobytes with the assessment parts made from it). */
const PROJECTIONS = 16;

/**
 * A cache for repeated projections of `dataset`; `fits` may be another cache's, to share fitted
 * models between datasets that differ in a few observations (content keys make that safe).
 */
export function createProjectionCache(
  dataset: Dataset,
  fits: BoundedCache<string, FitAndProjection> = new BoundedCache(CAPACITY),
): ProjectionCache {
  return {
    dataset,
    fits,
    chosen: new Map(),
    series: new BoundedCache(CAPACITY),
    combined: new BoundedCache(CAPACITY),
    indexed: new WeakMap(),
    uncertainty: new BoundedCache(64),
    downstream: new BoundedCache(1024),
    parts: new BoundedCache(4 * PROJECTIONS),
    projections: new BoundedCache(PROJECTIONS),
    entries: { byObject: new WeakMap(), byContent: new BoundedCache(CAPACITY), next: 1 },
  };
}

/**
 * `fitModel(spec, series, options)` projected by `projectModel` to `toYear` (with an interval at
 * `level`, when given), from the cache's `fits` when the same spec, series, options and horizon
 * were fitted before. Errors are not cached: they are thrown again each time.
 */
export function cachedFit(
  cache: ProjectionCache | undefined,
  spec: { readonly kind: string },
  series: Series,
  options: FitOptions,
  toYear: number,
  level: number | undefined,
): FitAndProjection {
  const run = (): FitAndProjection => {
    const fitted = fitModel(spec, series, options);
    const projection = projectModel(fitted, level === undefined ? { toYear } : { toYear, level });
    return { fitted, projection };
  };
  if (cache === undefined) return run();
  const key = JSON.stringify([
    spec,
    series.years,
    series.values,
    series.breaks ?? [],
    options,
    toYear,
    level ?? null,
  ]);
  return cache.fits.getOrCompute(key, run);
}

/** `indexSeries(series)`, once per series object. */
export function cachedIndex(cache: ProjectionCache, series: ScopeSeries): IndexedSeries {
  const known = cache.indexed.get(series);
  if (known !== undefined) return known;
  const indexed = indexSeries(series);
  cache.indexed.set(series, indexed);
  return indexed;
}

/**
 * `combineSeries(input())` of the series `rows` hold, from the cache when the same series objects
 * were combined under `key` before (`key` names what else the result depends on: the scope and
 * indicator, whose rule, formula and members are the cache's dataset's).
 */
export function cachedCombine(
  cache: ProjectionCache | undefined,
  key: string,
  rows: readonly (readonly IndexedSeries[])[],
  input: () => CombineInput,
): ScopeSeries | undefined {
  if (cache === undefined) return combineSeries(input());
  const ids = rows.map((row) => row.map((s) => objectId(s.series)).join(",")).join(";");
  return cache.combined.getOrCompute(`${key}|${ids}`, () => ({ series: combineSeries(input()) }))
    .series;
}

/**
 * What `estimateCheckedUncertainty` reads of a projection of the cache's dataset under its own
 * scenario, as a key: each own series' scope, indicator and observed points (by identity: the
 * cache's `chosen` hands back the same points for the same observations) and the kind of its
 * model (which picks its calibration by horizon), the scenario's
 * `uncertainty` entries, and the observed part of each reference series.
 */
export function uncertaintyKey(projection: {
  readonly scenario: { readonly uncertainty: readonly unknown[] };
  readonly series: readonly ScopeSeries[];
  readonly references: readonly {
    readonly id: string;
    readonly years: readonly number[];
    readonly values: readonly number[];
    readonly observedThrough: number;
    readonly breaks: readonly number[];
  }[];
}): string {
  const own = projection.series
    .filter((s) => s.basis === "observed" && s.observed.length > 0 && s.formula === undefined)
    .map(
      (s) => `${s.scope}|${s.indicator}|${s.model?.requested.kind ?? ""}|${objectId(s.observed)}`,
    );
  const references = projection.references.map((r) => {
    const k = r.years.findIndex((y) => y > r.observedThrough);
    const end = k < 0 ? r.years.length : k;
    return [r.id, r.years.slice(0, end), r.values.slice(0, end), r.breaks];
  });
  return JSON.stringify([own, projection.scenario.uncertainty, references]);
}

/**
 * A number for a scenario entry (a model assumption, shock or override) that is the same for
 * entries of the same content (their JSON) while the cache holds it: series keys name their
 * assumptions by these numbers instead of their text. The entries are the library's own parsed
 * copies of scenarios, which nothing changes, so an entry object keeps its number.
 */
export function entryId(cache: ProjectionCache, entry: object): number {
  const { byObject, byContent } = cache.entries;
  const known = byObject.get(entry);
  if (known !== undefined) return known;
  const content = JSON.stringify(entry);
  let id = byContent.get(content);
  if (id === undefined) {
    id = cache.entries.next++;
    byContent.set(content, id);
  }
  byObject.set(entry, id);
  return id;
}

const nameIndexes = new WeakMap<ProjectionCache, NameIndex>();

/** `nameIndex(cache.dataset)`, once per cache. */
export function cachedNameIndex(cache: ProjectionCache): NameIndex {
  const known = nameIndexes.get(cache);
  if (known !== undefined) return known;
  const index = nameIndex(cache.dataset);
  nameIndexes.set(cache, index);
  return index;
}

/**
 * The content of a resolved scenario as a key: each field, its lists as the ids of their entries
 * (see {@link entryId}: the same content gives the same id) and anything else as JSON. Generic
 * over the fields, so that a field added to scenarios is part of the key.
 */
export function scenarioKey(cache: ProjectionCache, scenario: object): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(scenario).sort(([a], [b]) => (a < b ? -1 : 1)))
    parts.push(
      Array.isArray(value)
        ? `${field}:[${value.map((entry) => (typeof entry === "object" && entry !== null ? entryId(cache, entry) : JSON.stringify(entry))).join(",")}]`
        : `${field}:${JSON.stringify(value)}`,
    );
  return parts.join(";");
}
