import {
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
  checkPresent,
} from "../internal/checkArgs.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { normalQuantile } from "../internal/normalQuantile.js";
import { type FittedKind, modelRegistry } from "./modelRegistry.js";
import { DEFAULT_LOGIT_BOUNDS, fromScale, toScale } from "./modelScale.js";
import type { FittedModel, ModelProjection, ScaledForecast } from "./types.js";

/** Options of {@link projectModel}. */
export interface ProjectOptions {
  /**
   * Last year to project (inclusive): after the fitted series' last year, and at most
   * {@link MAX_PROJECTION_YEARS} years after it.
   */
  readonly toYear: number;
  /** Coverage of the prediction interval as a fraction (0.8 = 80%); omitted = no interval. */
  readonly level?: number;
}

/**
 * Longest projection, in years after the last observation. Plans look 5–15 years ahead and the
 * longest official projections (UN World Population Prospects) about 75 years; 200 leaves room
 * for any of them while keeping every projected array small (a horizon of 1e9 years would need
 * gigabytes).
 */
export const MAX_PROJECTION_YEARS = 200;

const FN = "projectModel";
const FITTED_KINDS = Object.keys(modelRegistry) as FittedKind[];
const FITTED_EXPECTED = "a fitted model as fitModel returns it";

/** The parts of a fitted model that projecting reads before the model's own forecast. */
function checkFitted(fitted: unknown): FittedModel {
  const f = checkObject(FN, "fitted", fitted, FITTED_EXPECTED);
  checkOneOf(FN, "fitted.kind", f.kind, FITTED_KINDS);
  checkOneOf(FN, "fitted.scale", f.scale, ["log", "logit", "linear"]);
  const origin = checkObject(FN, "fitted.origin", f.origin, "an object { year, value }");
  checkNumber(FN, "fitted.origin.year", origin.year, { integer: true });
  checkNumber(FN, "fitted.origin.value", origin.value);
  checkObject(FN, "fitted.params", f.params, `the params of a fitted "${String(f.kind)}" model`);
  if (f.bounds !== undefined) {
    const b = f.bounds;
    const ok =
      Array.isArray(b) &&
      b.length === 2 &&
      typeof b[0] === "number" &&
      typeof b[1] === "number" &&
      b[0] < b[1];
    if (!ok)
      throw new ArgumentTypeError(
        `${FN}: fitted.bounds must be a pair [lower, upper] of numbers, lower < upper (got ${JSON.stringify(b) ?? String(b)})`,
        { code: "invalid-type", path: "fitted.bounds" },
      );
  }
  return fitted as FittedModel;
}

/**
 * Projects a fitted model from the year after its last observation to `toYear`, on the original
 * scale, with a prediction interval where the method defines one. Never refits.
 *
 * Intervals are computed on the modelling scale (Gaussian, `mean ± z·se`) and mapped back, so a
 * log-scale interval is asymmetric and a logit-scale one stays inside its bounds.
 *
 * @param fitted - a fitted model as {@link fitModel} returns it (plain data; it may come from JSON).
 * @param options - `toYear` (required; at most {@link MAX_PROJECTION_YEARS} years after the last
 *   observation) and `level` (a fraction, e.g. 0.8).
 * @throws {ArgumentTypeError} a fitted model or options of the wrong type or missing, e.g.
 *   `projectModel: options must be an object such as { toYear, level } (got nothing)`,
 *   `projectModel: options.toYear must be an integer year from 2022 to 2221 (after the last
 *   observed year 2021, at most 200 years on) (got the string "2025")`, an unknown option
 *   (`projectModel: options.toyear is not an option; did you mean toYear? (the options are toYear
 *   and level)`), or params the model's forecast cannot read (`projectModel: fitted.params must
 *   be the params of a fitted "holt" model as fitModel returns them (its forecast failed: …)`).
 * @throws {ArgumentRangeError} `projectModel: fitted.kind must be "cagr", "path", … or "urgd";
 *   did you mean "drift"? (got the string "drfit")`; a `toYear` not after the last observed year
 *   or more than 200 years after it (`… (got 1000000000)`); `projectModel: options.level must be
 *   a fraction between 0 and 1, exclusive (0.8 = 80%) (got 1)`.
 * @example
 * const fitted = fitModel({ kind: "cagr", rate: 0.05 }, { years: [2020], values: [200] });
 * projectModel(fitted, { toYear: 2021 }).values; // [209.99999999999994]
 */
export function projectModel(fitted: FittedModel, options: ProjectOptions): ModelProjection {
  checkFitted(fitted);
  const last = fitted.origin.year;
  const expectedYear = `an integer year from ${last + 1} to ${last + MAX_PROJECTION_YEARS} (after the last observed year ${last}, at most ${MAX_PROJECTION_YEARS} years on)`;
  checkPresent(FN, "options", options, "an object such as { toYear, level }");
  const o = checkOptions(FN, "options", options, ["toYear", "level"]);
  const toYear = checkNumber(FN, "options.toYear", o.toYear, {
    integer: true,
    min: last + 1,
    max: last + MAX_PROJECTION_YEARS,
    expected: expectedYear,
  });
  const level =
    o.level === undefined
      ? undefined
      : checkNumber(FN, "options.level", o.level, {
          expected: "a fraction between 0 and 1, exclusive (0.8 = 80%)",
        });
  if (level !== undefined && !(level > 0 && level < 1))
    throw new ArgumentRangeError(
      `${FN}: options.level must be a fraction between 0 and 1, exclusive (0.8 = 80%) (got ${level})`,
      { code: "out-of-range", path: "options.level" },
    );
  const bounds = fitted.bounds ?? DEFAULT_LOGIT_BOUNDS;
  const lastY = originOnScale(fitted, bounds);
  return guarded(fitted, () => project(fitted, bounds, lastY, toYear - last, level));
}

/** The projection, once the arguments are checked. */
function project(
  fitted: FittedModel,
  bounds: readonly [number, number],
  lastY: number,
  horizon: number,
  level: number | undefined,
): ModelProjection {
  const last = fitted.origin.year;
  const forecast = forecastOf(fitted, lastY, horizon);
  const back = (y: number): number => fromScale(y, fitted.scale, bounds);
  const years = Array.from({ length: horizon }, (_, h) => last + h + 1);
  const values = forecast.mean.map(back);
  if (level === undefined) return { years, values };
  if (forecast.interval !== undefined) {
    const { lower, upper } = forecast.interval(level);
    return { years, values, lower: lower.map(back), upper: upper.map(back), level };
  }
  if (forecast.se !== undefined) {
    const z = normalQuantile(0.5 + level / 2);
    const se = forecast.se;
    return {
      years,
      values,
      lower: forecast.mean.map((m, h) => back(m - z * (se[h] as number))),
      upper: forecast.mean.map((m, h) => back(m + z * (se[h] as number))),
      level,
    };
  }
  return { years, values };
}

/** The origin's value on the fitted model's scale; a value outside the scale's domain is refused. */
function originOnScale(fitted: FittedModel, bounds: readonly [number, number]): number {
  try {
    return toScale(fitted.origin.value, fitted.scale, bounds);
  } catch {
    const domain =
      fitted.scale === "log"
        ? "a positive number on the log scale"
        : `a number inside (${bounds[0]}, ${bounds[1]}) on the logit scale`;
    throw new ArgumentRangeError(
      `${FN}: fitted.origin.value must be ${domain} (got ${fitted.origin.value})`,
      { code: "out-of-range", path: "fitted.origin.value" },
    );
  }
}

/**
 * The model's forecast; a fitted model whose params the forecast cannot read (one built by hand
 * or read from JSON, not returned by fitModel) is refused instead of failing inside the model.
 */
function guarded<T>(fitted: FittedModel, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ArgumentTypeError || error instanceof ArgumentRangeError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ArgumentTypeError(
      `${FN}: fitted.params must be the params of a fitted "${fitted.kind}" model as fitModel returns them (its forecast failed: ${why})`,
      { code: "invalid-type", path: "fitted.params" },
    );
  }
}

/** The scaled forecast of a fitted model by its own kind's definition. */
function forecastOf<K extends FittedKind>(
  fitted: FittedModel<K>,
  lastY: number,
  horizon: number,
): ScaledForecast {
  return modelRegistry[fitted.kind].forecast(fitted, lastY, horizon, forecastOf);
}
