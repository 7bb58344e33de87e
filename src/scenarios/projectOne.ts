import { fromScale, toScale } from "../models/modelScale.js";
import type { PanelSummary } from "../models/preparePanel.js";
import type { FittedModel, ModelProjection } from "../models/types.js";
import type { Dataset } from "../schemas/dataset.js";
import type { DatasetPanel } from "../schemas/datasetPanel.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { ModelAssumption, Scenario } from "../schemas/scenario.js";
import { applyAssumptions, overridesFor, shocksFor } from "./applyAssumptions.js";
import { type ChosenObservations, chooseObservations } from "./chooseObservations.js";
import { cachedFit, entryId, type ProjectionCache } from "./projectionCache.js";
import type { ScopeSeries } from "./scopeSeries.js";
import {
  type ModelIndex,
  modelIndex,
  type SelectedModel,
  selectAssumption,
} from "./selectModel.js";

/** One scope × indicator to project: its observations and the scenario it is projected under. */
export interface ProjectOneInput {
  readonly dataset: Dataset;
  readonly scenario: Scenario;
  readonly scope: string;
  readonly indicator: Indicator;
  /** Every observation of this scope × indicator (any year, source and grade). */
  readonly observations: readonly Observation[];
  /** Coverage of the prediction interval asked of the model, as a fraction (e.g. 0.8). */
  readonly level: number;
  /** The scenario's model entries indexed (see `modelIndex`), when the caller keeps one. */
  readonly models?: ModelIndex;
}

/**
 * Projects one place's or group's indicator from its own observations to the scenario's last
 * year: chooses one observation a year ({@link chooseObservations}), fits the model the scenario
 * selects ({@link selectModel}) on the indicator's scale and within its series breaks, projects it
 * with an interval at `level` where the model gives one, and applies the scenario's shocks and
 * overrides ({@link applyAssumptions}). Where the scenario's assumptions change by year (`from`),
 * each later model is fitted on the same observations and moved on the indicator's scale to start
 * from the value the earlier one reached in `from − 1` (a `path` is fitted through that value
 * instead), so the path joins continuously. A series observed through the last year has no
 * projection (and a `failure` when it is observed after it). A model that cannot be fitted or projected, or whose projection leaves the range
 * of numbers (also through shocks and overrides), gives a series without projection whose `failure` says why, and a `model-failed`
 * issue; nothing throws for data.
 */
export function projectOne(
  input: ProjectOneInput,
  issues: Issue[],
  cache?: ProjectionCache,
): ScopeSeries {
  const { dataset, scenario, scope, indicator } = input;
  // A cache is for one dataset: its memos are keyed by scope and indicator, not by observations.
  const memo = cache?.dataset === dataset ? cache : undefined;
  const { used, unused, notes } = chosenObservations(input, memo);
  const base = {
    scope,
    indicator: indicator.id,
    basis: "observed" as const,
    observed: used,
    unused,
    ...(notes.length === 0 ? {} : { conflicts: notes }),
    notes,
  };
  const last = used[used.length - 1];
  if (last === undefined || last.year >= scenario.toYear) {
    const observedOnly = (): ScopeSeries => ({
      ...base,
      years: [],
      values: [],
      informative: false,
      ...(last !== undefined && last.year > scenario.toYear
        ? {
            failure: `the scenario's toYear (${scenario.toYear}) is before the latest observation (${last.year})`,
          }
        : {}),
    });
    if (memo === undefined) return observedOnly();
    const key = `${scope}|${indicator.id}|${scenario.useQualityC}|${scenario.toYear}|observed only`;
    return memo.series.getOrCompute(key, () => ({ series: observedOnly(), issues: [] })).series;
  }
  const index = input.models ?? modelIndex(scenario.models);
  const segments = modelSegments(scenario, dataset, scope, indicator, last.year + 1, index);
  if (memo === undefined) return projectSegments(input, issues, base, segments, undefined);
  // Everything the projection reads of the scenario: the same assumptions give the same series.
  const id = (entry: object) => entryId(memo, entry);
  const key = [
    scope,
    indicator.id,
    scenario.useQualityC,
    scenario.toYear,
    input.level,
    segments.map((s) => `${s.from}:${s.assumption === undefined ? "default" : id(s.assumption)}`),
    shocksFor(scenario, dataset, scope, indicator).map(id),
    overridesFor(scenario, scope, indicator).map(id),
  ].join("|");
  const known = memo.series.get(key);
  if (known !== undefined) {
    issues.push(...known.issues);
    return known.series;
  }
  const own: Issue[] = [];
  const series = projectSegments(input, own, base, segments, memo);
  memo.series.set(key, { series, issues: own });
  issues.push(...own);
  return series;
}

/** The observations chosen for the input's scope and indicator, once per cache. */
function chosenObservations(
  input: ProjectOneInput,
  memo: ProjectionCache | undefined,
): ChosenObservations {
  const useQualityC = input.scenario.useQualityC;
  if (memo === undefined) return chooseObservations(input.observations, useQualityC);
  const key = `${input.scope}|${input.indicator.id}|${useQualityC}`;
  const known = memo.chosen.get(key);
  if (known !== undefined) return known;
  const chosen = chooseObservations(input.observations, useQualityC);
  memo.chosen.set(key, chosen);
  return chosen;
}

/** The fields every projected series of the input has (its observations). */
type SeriesBase = Pick<ScopeSeries, "scope" | "indicator" | "observed" | "unused" | "conflicts"> & {
  readonly basis: "observed";
  readonly notes: readonly string[];
};

/** {@link projectOne} once the observations are chosen and the model segments known. */
function projectSegments(
  input: ProjectOneInput,
  issues: Issue[],
  base: SeriesBase,
  segments: readonly Segment[],
  memo: ProjectionCache | undefined,
): ScopeSeries {
  const { dataset, scenario, scope, indicator } = input;
  const { observed: used, notes } = base;
  const first = segments[0] as Segment;
  let current = first.selected;
  const failed = (message: string, byModel = true): ScopeSeries => {
    const failure = byModel ? `could not project with ${current.spec.kind}: ${message}` : message;
    issues.push({
      severity: "warning",
      code: "model-failed",
      message: `${scope} ${indicator.id}: ${failure}`,
      field: `${scope}.${indicator.id}`,
    });
    return {
      ...base,
      years: [],
      values: [],
      informative: false,
      failure,
      notes: [...notes, message],
    };
  };
  const breaks = dataset.breaks
    .filter((b) => b.indicator === indicator.id && (b.place === undefined || b.place === scope))
    .map((b) => b.year);
  const panel = panelFor(dataset, scope, indicator.id);
  const scaleOptions = {
    scale: indicator.scale,
    ...(indicator.scale === "logit" ? { bounds: indicatorBounds(indicator) } : {}),
    // The schema's optional `bounds` may read `undefined`; fitModel checks the summary again.
    ...(panel === undefined ? {} : { panel: panel.summary as PanelSummary }),
  };
  const bounds = indicatorBounds(indicator);
  let fitted: FittedModel | undefined;
  let projection: ModelProjection | undefined;
  const segmentNotes: string[] = [];
  try {
    for (const segment of segments) {
      current = segment.selected;
      const extra =
        projection !== undefined && current.spec.kind === "path"
          ? { year: segment.from - 1, value: valueIn(projection, segment.from - 1) }
          : undefined;
      const { fitted: model, projection: own } = cachedFit(
        memo,
        current.spec,
        {
          years: [...used.map((p) => p.year), ...(extra === undefined ? [] : [extra.year])],
          values: [...used.map((p) => p.value), ...(extra === undefined ? [] : [extra.value])],
          breaks,
        },
        scaleOptions,
        scenario.toYear,
        input.level,
      );
      if (projection === undefined) {
        fitted = model;
        projection = own;
      } else {
        projection = joinAt(projection, own, segment.from, extra === undefined, (v, inverse) =>
          inverse ? fromScale(v, indicator.scale, bounds) : toScale(v, indicator.scale, bounds),
        );
        segmentNotes.push(
          `from ${segment.from}: ${current.spec.kind} (${current.reason}), joined to the value of ${segment.from - 1}`,
        );
      }
    }
    const overflow = (projection as ModelProjection).values.findIndex((v) => !Number.isFinite(v));
    if (overflow >= 0)
      throw new RangeError(
        `the projection leaves the range of numbers in ${projection?.years[overflow]} (check the data's magnitude and unit)`,
      );
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const model = fitted as FittedModel;
  const ownWeight = panel === undefined ? undefined : panelWeightOf(model);
  const informative = !(model.fallback !== undefined && model.kind === "naive");
  const adjusted = applyAssumptions(
    scenario,
    dataset,
    scope,
    indicator,
    projection as ModelProjection,
    issues,
  );
  if (adjusted.failure !== undefined) return failed(adjusted.failure, false);
  return {
    ...base,
    years: (projection as ModelProjection).years,
    values: adjusted.values,
    ...(adjusted.lower === undefined ? {} : { lower: adjusted.lower }),
    ...(adjusted.upper === undefined ? {} : { upper: adjusted.upper }),
    model: {
      requested: first.selected.spec,
      reason: first.selected.reason,
      fitted: model,
      informative,
      ...(panel === undefined || ownWeight === undefined
        ? {}
        : { panel: { note: panel.note, ownWeight } }),
    },
    informative,
    notes: [...notes, ...model.notes, ...segmentNotes, ...adjusted.notes],
  };
}

/** The dataset's panel summary for a scope and indicator: an exact scope's, else a `"*"` one. */
function panelFor(dataset: Dataset, scope: string, indicator: string): DatasetPanel | undefined {
  const panels = (dataset.panels ?? []).filter((p) => p.indicator === indicator);
  return panels.find((p) => p.scope === scope) ?? panels.find((p) => p.scope === "*");
}

/**
 * The weight of the series' own growth where a fitted model shrank it toward a panel (drift's
 * `panelWeight`, itself or as a member of a combination or selection); undefined when no part of
 * the model used the panel.
 */
function panelWeightOf(model: FittedModel): number | undefined {
  const params = model.params as Readonly<Record<string, unknown>>;
  if (typeof params.panelWeight === "number") return params.panelWeight;
  const members = params.members;
  if (!Array.isArray(members)) return undefined;
  for (const member of members as readonly FittedModel[]) {
    const w = panelWeightOf(member);
    if (w !== undefined) return w;
  }
  return undefined;
}

/** One model of a series' projection and the first year it applies. */
interface Segment {
  readonly from: number;
  readonly selected: SelectedModel;
  /** The scenario's entry that selected it (undefined: the library's default). */
  readonly assumption: ModelAssumption | undefined;
}

/**
 * The models of a series from its first projected year to the scenario's last, each with the
 * year it starts (an assumption's `from`); consecutive years under one model form one segment.
 */
function modelSegments(
  scenario: Scenario,
  dataset: Dataset,
  scope: string,
  indicator: Indicator,
  firstYear: number,
  index: ModelIndex,
): Segment[] {
  const select = (year: number) =>
    selectAssumption(scenario, dataset, scope, indicator, year, index);
  const segments: Segment[] = [{ from: firstYear, ...select(firstYear) }];
  // Only years where some assumption starts can change the model.
  for (const year of index.starts) {
    if (year <= firstYear || year > scenario.toYear) continue;
    const { selected, assumption } = select(year);
    const previous = (segments[segments.length - 1] as Segment).selected;
    const same = selected.explicit ? selected.spec === previous.spec : !previous.explicit;
    if (!same) segments.push({ from: year, selected, assumption });
  }
  return segments;
}

function valueIn(projection: ModelProjection, year: number): number {
  const k = projection.years.indexOf(year);
  const value = projection.values[k];
  if (k < 0 || value === undefined) throw new RangeError(`no projected value in ${year}`);
  return value;
}

/**
 * `earlier` up to `from − 1`, then `later` from `from` on, moved on the modelling scale so that
 * it starts from the value `earlier` reached in `from − 1` (unless `later` already starts there,
 * as a path fitted through that value does). The interval is kept only when both have one.
 */
function joinAt(
  earlier: ModelProjection,
  later: ModelProjection,
  from: number,
  shift: boolean,
  scale: (v: number, inverse: boolean) => number,
): ModelProjection {
  const anchor = valueIn(earlier, from - 1);
  const offset = shift ? scale(anchor, false) - scale(valueIn(later, from - 1), false) : 0;
  const moved = (v: number) => (shift ? scale(scale(v, false) + offset, true) : v);
  const pick = (a: readonly number[], b: readonly number[]) =>
    earlier.years.map((year, k) => {
      if (year < from) return a[k] as number;
      const j = later.years.indexOf(year);
      return moved(b[j] as number);
    });
  const values = pick(earlier.values, later.values);
  const withInterval =
    earlier.lower !== undefined &&
    earlier.upper !== undefined &&
    later.lower !== undefined &&
    later.upper !== undefined;
  return {
    years: earlier.years,
    values,
    ...(withInterval
      ? {
          lower: pick(earlier.lower as number[], later.lower as number[]),
          upper: pick(earlier.upper as number[], later.upper as number[]),
        }
      : {}),
    ...(earlier.level === undefined ? {} : { level: earlier.level }),
  };
}
