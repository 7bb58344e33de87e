import { ArgumentRangeError } from "../internal/errors.js";
import type { ModelScale } from "../schemas/indicator.js";
import { checkFitOptions, checkSeries, checkSpec } from "./checkModelArgs.js";
import { scaledValues } from "./internal/scaledValues.js";
import {
  type FittedKind,
  type FittedParamsByKind,
  type ModelKind,
  type ModelSpec,
  modelDeclarations,
  modelRegistry,
  type SelectorKind,
  type SpecOf,
  selectorRegistry,
} from "./modelRegistry.js";
import { DEFAULT_LOGIT_BOUNDS, toScale } from "./modelScale.js";
import type { PanelSummary } from "./panelMoments.js";
import { resolvePanel, scaleOfOptions } from "./preparePanel.js";
import { projectModel } from "./projectModel.js";
import type {
  AutoSelectionParams,
  FitContext,
  FitOptions,
  FittedModel,
  FittedOf,
  ScaledSeries,
  Series,
} from "./types.js";

const FN = "fitModel";

/**
 * Fits a model spec to an annual series and returns the fitted model as plain data.
 *
 * The series is moved to the modelling scale (`options.scale`: log for levels, logit for rates
 * bounded in `options.bounds`, linear), the model estimates its parameters there, and
 * {@link projectModel} maps forecasts back. When the series has fewer points than the model needs
 * (`minPoints`), the model's declared fallback is fitted instead and `fallback` says so. A spec
 * may force its own scale (`trend` with `form`, `logistic` and `urgd` on logit). A spec that selects
 * a model (`auto`) returns the selected model's fit: `kind` is the selected kind, `spec` the one
 * asked for, and the selection's scores are in `params` and `notes`.
 *
 * @param spec - a model spec, e.g. `{ kind: "cagr", rate: 0.065 }` (rates are fractions a year).
 * @param series - `{ years, values, breaks? }`; years strictly increasing integers.
 * @param options - `scale`, `kind` (the indicator's: `"level"`, `"rate"` or `"count"`), `bounds`.
 * @throws {ArgumentTypeError} a spec, series or options of the wrong type or missing, e.g.
 *   `fitModel: series.values must be an array of numbers (got the string "1,2,3")`,
 *   `fitModel: spec must be a model spec such as { kind: "drift" } (got nothing)`,
 *   `fitModel: spec.damped must be true or false (got the string "yes")`, or an unknown option.
 * @throws {ArgumentRangeError} an unknown kind (`fitModel: spec.kind must be "cagr", "path", …
 *   or "auto"; did you mean "theta"? (got the string "theat")`, the same for an `auto`
 *   candidate at `spec.candidates[i]`), a spec value out of range (`fitModel: spec.rate must be
 *   a number > -1 (got -1.5)`), a malformed series (`fitModel: series.years must be a non-empty
 *   array of integer years (got an empty array)`, `fitModel: series.years[1] must be a year after
 *   2020, years strictly increasing (got 2020)`, `fitModel: series.values must have one value per
 *   year, 2 (got 1 values)`, `fitModel: series.values[1] must be a finite number (got NaN)`), a
 *   value outside the scale's domain (`fitModel: series.values[1] must be a positive number on
 *   the log scale (got -2 in 2021)`), or a series too short for a model without fallback.
 * @example
 * const fitted = fitModel({ kind: "cagr", rate: 0.1 }, { years: [2020], values: [100] });
 * projectModel(fitted, { toYear: 2022 }).values; // [110.00000000000004, 121.00000000000003]
 */
export function fitModel(
  spec: { readonly kind: string } & Readonly<Record<string, unknown>>,
  series: Series,
  options: FitOptions = {},
): FittedModel {
  const parsed = checkSpec(FN, "spec", spec);
  checkSeries(FN, "series", series);
  checkFitOptions(FN, "options", options, { panel: true });
  const panel =
    options.panel === undefined
      ? undefined
      : resolvePanel(
          FN,
          "options.panel",
          options.panel,
          scaleOfOptions(options),
          options.bounds ?? DEFAULT_LOGIT_BOUNDS,
        );
  const resolved = panel === undefined ? options : { ...options, panel };
  return fitWithFallback(parsed, series, resolved, undefined);
}

/** The fewest points a spec needs: its `minPoints`, or `minPointsWithPanel` when a panel is given. */
function minPointsFor(spec: ModelSpec, options: FitOptions): number {
  const declaration = modelDeclarations[spec.kind];
  if (options.panel !== undefined && declaration.minPointsWithPanel !== undefined)
    return declaration.minPointsWithPanel;
  return declaration.minPoints(spec);
}

function fitWithFallback(
  spec: ModelSpec,
  series: Series,
  options: FitOptions,
  fallback: FittedModel["fallback"],
): FittedModel {
  const n = series.years.length;
  const need = minPointsFor(spec, options);
  if (n < need) {
    const simpler = fallbackOf(spec.kind, spec);
    if (simpler === undefined)
      throw new ArgumentRangeError(
        `${FN}: series.years must have at least ${need} years for "${spec.kind}", which has no fallback (got ${n})`,
        { code: "out-of-range", path: "series.years" },
      );
    const reason = `"${spec.kind}" needs at least ${need} points, the series has ${n}`;
    return fitWithFallback(simpler, series, options, fallback ?? { from: spec.kind, reason });
  }
  if (isSelectorSpec(spec)) {
    const input = scaledInput(series, options, undefined);
    const chosen = selectorRegistry[spec.kind].select(spec, input.series, input.context);
    const { selected, params, notes } = chosen;
    return withSelection(selected, spec, params, notes, fallback ?? chosen.fallback);
  }
  return fitKind(spec.kind, spec, series, options, fallback);
}

/** The declared fallback of a spec, read from its own kind's definition. */
function fallbackOf<K extends ModelKind>(kind: K, spec: SpecOf<K>): ModelSpec | undefined {
  return modelDeclarations[kind].fallback(spec);
}

function isSelectorSpec(spec: ModelSpec): spec is SpecOf<SelectorKind> {
  return Object.hasOwn(selectorRegistry, spec.kind);
}

/** Fits a spec of a kind that estimates parameters, on the scale that kind and the options set. */
function fitKind<K extends FittedKind>(
  kind: K,
  spec: SpecOf<K>,
  series: Series,
  options: FitOptions,
  fallback: FittedModel["fallback"],
): FittedModel<K> {
  const definition = modelRegistry[kind];
  const forced = definition.scaleFor?.(spec) ?? definition.fixedScale;
  const input = scaledInput(series, options, forced);
  const { params, notes } = definition.fit(spec, input.series, input.context);
  const n = series.years.length;
  const fitted: FittedOf<K, FittedParamsByKind[K]> = {
    kind,
    spec,
    scale: input.context.scale,
    ...(input.context.scale === "logit" ? { bounds: input.context.bounds } : {}),
    origin: { year: series.years[n - 1] as number, value: series.values[n - 1] as number },
    n,
    params,
    ...(fallback === undefined ? {} : { fallback }),
    notes: notes ?? [],
  };
  return fitted;
}

/**
 * The selected model's fit with the selecting spec, its params and notes added (notes first):
 * its `kind` stays the selected model's, so projecting it projects that model.
 */
function withSelection<F extends FittedModel>(
  selected: F,
  spec: ModelSpec,
  params: AutoSelectionParams,
  notes: readonly string[],
  fallback: FittedModel["fallback"],
): F {
  return {
    ...selected,
    spec,
    params: { ...selected.params, ...params },
    notes: [...notes, ...selected.notes],
    ...(fallback === undefined ? {} : { fallback }),
  };
}

/**
 * The series on the modelling scale (`forced`, else the options' scale, else the indicator kind's)
 * and what a model's `fit` may ask besides.
 */
function scaledInput(
  series: Series,
  options: FitOptions,
  forced: ModelScale | undefined,
): { series: ScaledSeries; context: FitContext } {
  const scale: ModelScale = forced ?? scaleOfOptions(options);
  const bounds = options.bounds ?? DEFAULT_LOGIT_BOUNDS;
  const { y, breaks } = scaledValues(FN, "series", series, scale, bounds);
  return {
    series: { years: series.years, y, breaks },
    context: {
      scale,
      bounds,
      toScale: (v) => toScale(v, scale, bounds),
      original: { years: series.years, values: series.values, breaks },
      ...(options.panel === undefined ||
      Array.isArray(options.panel) ||
      (options.panel as PanelSummary).scale !== scale
        ? {}
        : { panel: options.panel as PanelSummary }),
      fitSpec: (other, otherSeries) => fitModel(other, otherSeries, options),
      projectValues: (other, toYear) => projectModel(other, { toYear }).values,
      minPointsOf: (other) => minPointsFor(checkSpec(FN, "spec", other), options),
    },
  };
}
