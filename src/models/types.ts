import type * as z from "zod";
import type { ModelScale } from "../schemas/indicator.js";
import type { FittedKind, FittedParamsByKind, ModelSpec } from "./modelRegistry.js";
import type { PanelSummary } from "./panelMoments.js";

/** An annual series: strictly increasing integer years and finite values of the same length. */
export interface Series {
  readonly years: readonly number[];
  readonly values: readonly number[];
  /**
   * Years at which the series moves to a new statistical basis (e.g. `[2019]` for GDP revised
   * after the 2018 economic census): the change from `year − 1` to `year` is not growth.
   */
  readonly breaks?: readonly number[];
}

/** Options of {@link fitModel}. */
export interface FitOptions {
  /**
   * Modelling scale. Defaults from `kind`: log for levels, logit for rates, linear for counts;
   * `"log"` when neither is given. `"logit"` takes `bounds`, default `[0, 100]`.
   */
  readonly scale?: ModelScale;
  /** The indicator's kind, which sets the default scale (see `scale`). */
  readonly kind?: "level" | "rate" | "count";
  /** Bounds of a logit-scale series, e.g. `[0, 100]` for a percentage. */
  readonly bounds?: readonly [number, number];
  /**
   * Comparable units to borrow strength from: their series (summarised by `preparePanel` on the
   * fit's scale) or a summary `preparePanel` returned, on the same scale. Models that use it
   * (`drift`, `auto`) shrink the series' own growth and volatility toward the panel's
   * (docs/models.md, *Borrowing strength*); the others ignore it.
   */
  readonly panel?: readonly Series[] | PanelSummary;
}

/**
 * What every fitted model carries whatever its kind: plain JSON data, never a class instance.
 * Projecting it never refits.
 */
export interface FittedBase {
  /** The spec that was asked for. When a fallback was taken, `kind` is the model actually fitted. */
  readonly spec: ModelSpec;
  readonly scale: ModelScale;
  readonly bounds?: readonly [number, number];
  /** Last observed year and value (original scale). */
  readonly origin: { readonly year: number; readonly value: number };
  /** Number of points used for fitting. */
  readonly n: number;
  /** Set when the requested model could not be fitted and a simpler one was used. */
  readonly fallback?: { readonly from: string; readonly reason: string };
  /** Plain-language remarks on the fit (e.g. how a series break was handled). */
  readonly notes: readonly string[];
}

/**
 * What an `auto` spec adds to the `params` of the model it selected (see `autoModel`); absent on
 * a model fitted from its own spec.
 */
export type AutoSelectionParams = {
  /** Index of the selected candidate among the spec's candidates; −1 for the naive last resort. */
  readonly autoSelected?: number;
  /** Number of rolling origins the candidates were scored on. */
  readonly autoOrigins?: number;
  /** Score of candidate i (MASE or MAE); null when it was not scored. */
  readonly [score: `autoScore${number}`]: number | null;
};

/**
 * A fitted model of kind `K` whose own estimates, on the modelling scale, are `P` (each model
 * module declares its `P` as a type literal, so that it can carry {@link AutoSelectionParams}).
 */
export interface FittedOf<K extends string, P> extends FittedBase {
  /** The model actually fitted (after any fallback or selection). */
  readonly kind: K;
  /** The model's own estimates on the modelling scale, plus the selection's when `auto` chose it. */
  readonly params: P & AutoSelectionParams;
}

/**
 * A fitted model: `FittedModel` is any kind (a union discriminated by `kind`), `FittedModel<"theta">`
 * one kind, whose `params` are typed. `origin` is the last point of the series the projection
 * starts from.
 */
export type FittedModel<K extends FittedKind = FittedKind> = {
  [Kind in K]: FittedOf<Kind, FittedParamsByKind[Kind]>;
}[K];

/** A projection on the original scale: one value per year from `origin.year + 1` to `toYear`. */
export interface ModelProjection {
  readonly years: number[];
  readonly values: number[];
  readonly lower?: number[];
  readonly upper?: number[];
  /** Coverage of `lower`–`upper` as a fraction, e.g. 0.8. */
  readonly level?: number;
}

/** A series transformed to the modelling scale, ready for a model's `fit`. */
export interface ScaledSeries {
  readonly years: readonly number[];
  /** Values on the modelling scale (log, logit or linear). */
  readonly y: readonly number[];
  readonly breaks: readonly number[];
}

/** Point forecasts (and, where the method defines them, standard errors) on the modelling scale. */
export interface ScaledForecast {
  readonly mean: number[];
  /** Standard error of each forecast, for Gaussian intervals on the modelling scale. */
  readonly se?: number[];
  /** Explicit lower/upper bounds for a given level, for methods whose intervals are not Gaussian. */
  readonly interval?: (level: number) => { lower: number[]; upper: number[] };
}

/** What a model's `fit` knows besides the scaled series. */
export interface FitContext {
  readonly scale: ModelScale;
  readonly bounds: readonly [number, number];
  /** Maps a value on the original scale to the modelling scale. */
  toScale(value: number): number;
  /** The series on its original scale (breaks limited to its span), for models that choose among others. */
  readonly original: Series;
  /** Fits another spec to a series with the same options, as `fitModel` does (used by `auto`). */
  fitSpec(
    spec: { readonly kind: string } & Readonly<Record<string, unknown>>,
    series: Series,
  ): FittedModel;
  /** Point projection (original scale) of a fitted model, one value per year to `toYear`. */
  projectValues(fitted: FittedModel, toYear: number): number[];
  /** The panel summary on this fit's scale, when the fit was given a panel. */
  readonly panel?: PanelSummary;
  /** The fewest points a spec needs (its model's `minPoints`, or `minPointsWithPanel` with a panel). */
  minPointsOf(spec: { readonly kind: string } & Readonly<Record<string, unknown>>): number;
}

/** What every model kind declares about its spec, whether it fits parameters or selects a model. */
export interface ModelDeclaration<S extends ModelSpec> {
  readonly kind: S["kind"];
  /** zod schema of the spec (part of the scenario schema). */
  readonly schema: z.ZodType<S>;
  /** One line on the method, with its reference. */
  readonly description: string;
  /**
   * Fewest points (after the modelling transform) this model can be fitted on. It may be asked
   * about an `auto` candidate before the candidate is validated, so it reads its options as data.
   */
  minPoints(spec: Readonly<Record<string, unknown>>): number;
  /** Fewest points when the fit has a panel to borrow from (default `minPoints`). */
  readonly minPointsWithPanel?: number;
  /** The simpler spec used when the series is shorter than `minPoints`; undefined = none. */
  fallback(spec: S): ModelSpec | undefined;
}

/**
 * What one model kind that estimates parameters declares about itself: `F` is its fitted model.
 * Adding a model means writing one module that exports such a definition and listing it in
 * `modelRegistry`; nothing else switches on kinds.
 */
export interface ModelDefinition<
  S extends ModelSpec,
  F extends FittedOf<string, object> = FittedModel,
> extends ModelDeclaration<S> {
  /** Whether the model ignores the modelling scale (e.g. `cagr` is compound growth by definition). */
  readonly fixedScale?: ModelScale;
  /**
   * The scale a particular spec forces, if any (e.g. `trend` with `form: "loglinear"` is fitted on
   * the log scale whatever the indicator's); undefined = `fixedScale`, else the indicator's scale.
   */
  scaleFor?(spec: S): ModelScale | undefined;
  /** Estimates the parameters on the modelling scale. */
  fit(
    spec: S,
    series: ScaledSeries,
    context: FitContext,
  ): { readonly params: F["params"]; readonly notes?: string[] };
  /**
   * Forecasts `horizon` steps ahead on the modelling scale from the fitted parameters;
   * `forecastOf` forecasts another fitted model (used by `combination` for its members).
   */
  forecast(
    fitted: F,
    lastY: number,
    horizon: number,
    forecastOf?: (other: FittedModel, lastY: number, horizon: number) => ScaledForecast,
  ): ScaledForecast;
}

/**
 * What a model kind that selects another model (`auto`) declares: instead of parameters of its
 * own it returns the selected model's fit, to which its `params` and `notes` are added.
 */
export interface SelectorDefinition<S extends ModelSpec> extends ModelDeclaration<S> {
  /** Chooses a model for the series and fits it (on the whole series). */
  select(
    spec: S,
    series: ScaledSeries,
    context: FitContext,
  ): {
    readonly selected: FittedModel;
    readonly params: AutoSelectionParams;
    readonly notes: string[];
    /** Set when no candidate could be used and a simpler model was fitted instead. */
    readonly fallback?: { readonly from: string; readonly reason: string };
  };
}
