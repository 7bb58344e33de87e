import type { ModelScale } from "../schemas/indicator.js";
import {
  type FittedKind,
  type FittedParamsByKind,
  isModelKind,
  type ModelKind,
  type ModelSpec,
  modelDeclarations,
  modelRegistry,
  type SelectorKind,
  type SpecOf,
  selectorRegistry,
} from "./modelRegistry.js";
import { DEFAULT_LOGIT_BOUNDS, toScale } from "./modelScale.js";
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
 * @throws {TypeError} `fitModel: unknown model kind "x"` for a kind not in the registry, or
 *   `fitModel: invalid spec for "k": …` when the spec does not match its schema.
 * @throws {RangeError} `fitModel: series is empty`, `fitModel: years and values differ in length
 *   (…)`, `fitModel: years must be strictly increasing integers (… at index i)`,
 *   `fitModel: value at year Y is not finite (…)`, or a value outside the scale's domain
 *   (`fitModel: log scale needs positive values (got v at year Y)`).
 * @example
 * const fitted = fitModel({ kind: "cagr", rate: 0.1 }, { years: [2020], values: [100] });
 * projectModel(fitted, { toYear: 2022 }).values; // [110.00000000000004, 121.00000000000003]
 */
export function fitModel(
  spec: { readonly kind: string } & Readonly<Record<string, unknown>>,
  series: Series,
  options: FitOptions = {},
): FittedModel {
  if (!isModelKind(spec.kind)) throw new TypeError(`fitModel: unknown model kind "${spec.kind}"`);
  const parsed = modelDeclarations[spec.kind].schema.safeParse(spec);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TypeError(
      `fitModel: invalid spec for "${spec.kind}": ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`.trim(),
    );
  }
  checkSeries(series);
  return fitWithFallback(parsed.data, series, options, undefined);
}

function fitWithFallback(
  spec: ModelSpec,
  series: Series,
  options: FitOptions,
  fallback: FittedModel["fallback"],
): FittedModel {
  const n = series.years.length;
  const need = modelDeclarations[spec.kind].minPoints(spec);
  if (n < need) {
    const simpler = fallbackOf(spec.kind, spec);
    if (simpler === undefined)
      throw new RangeError(
        `fitModel: "${spec.kind}" needs at least ${need} points and has no fallback (got ${n})`,
      );
    const reason = `"${spec.kind}" needs at least ${need} points, the series has ${n}`;
    return fitWithFallback(simpler, series, options, fallback ?? { from: spec.kind, reason });
  }
  if (isSelectorSpec(spec)) {
    const input = scaledInput(series, options, undefined);
    const { selected, params, notes } = selectorRegistry[spec.kind].select(
      spec,
      input.series,
      input.context,
    );
    return withSelection(selected, spec, params, notes, fallback);
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
  const scale: ModelScale = forced ?? options.scale ?? scaleOfKind(options.kind);
  const bounds = options.bounds ?? DEFAULT_LOGIT_BOUNDS;
  const n = series.years.length;
  const convert = (value: number, year: number): number => {
    try {
      return toScale(value, scale, bounds);
    } catch {
      const domain =
        scale === "log" ? "positive values" : `values inside (${bounds[0]}, ${bounds[1]})`;
      throw new RangeError(
        `fitModel: ${scale} scale needs ${domain} (got ${value} at year ${year})`,
      );
    }
  };
  const y = series.values.map((v, i) => convert(v, series.years[i] as number));
  const first = series.years[0] as number;
  const breaks = (series.breaks ?? []).filter(
    (b) => b > first && b <= (series.years[n - 1] as number),
  );
  return {
    series: { years: series.years, y, breaks },
    context: {
      scale,
      bounds,
      toScale: (v) => toScale(v, scale, bounds),
      original: { years: series.years, values: series.values, breaks },
      fitSpec: (other, otherSeries) => fitModel(other, otherSeries, options),
      projectValues: (other, toYear) => projectModel(other, { toYear }).values,
      minPointsOf: (other) => {
        if (!isModelKind(other.kind))
          throw new TypeError(`fitModel: unknown model kind "${other.kind}"`);
        return modelDeclarations[other.kind].minPoints(other);
      },
    },
  };
}

function checkSeries(series: Series): void {
  const { years, values } = series;
  if (years.length === 0) throw new RangeError("fitModel: series is empty");
  if (years.length !== values.length)
    throw new RangeError(
      `fitModel: years and values differ in length (${years.length} years, ${values.length} values)`,
    );
  for (let i = 0; i < years.length; i++) {
    const year = years[i] as number;
    if (!Number.isInteger(year) || (i > 0 && year <= (years[i - 1] as number)))
      throw new RangeError(
        `fitModel: years must be strictly increasing integers (${year} at index ${i})`,
      );
    const value = values[i] as number;
    if (!Number.isFinite(value))
      throw new RangeError(`fitModel: value at year ${year} is not finite (${value})`);
  }
}

/** The default modelling scale of an indicator kind: log for levels, logit for rates, linear for counts. */
function scaleOfKind(kind: FitOptions["kind"]): ModelScale {
  if (kind === "rate") return "logit";
  if (kind === "count") return "linear";
  return "log";
}
