import { normalQuantile } from "../internal/normalQuantile.js";
import { type FittedKind, isFittedKind, modelRegistry } from "./modelRegistry.js";
import { DEFAULT_LOGIT_BOUNDS, fromScale, toScale } from "./modelScale.js";
import type { FittedModel, ModelProjection, ScaledForecast } from "./types.js";

/** Options of {@link projectModel}. */
export interface ProjectOptions {
  /** Last year to project (inclusive); must be after the fitted series' last year. */
  readonly toYear: number;
  /** Coverage of the prediction interval as a fraction (0.8 = 80%); omitted = no interval. */
  readonly level?: number;
}

/**
 * Projects a fitted model from the year after its last observation to `toYear`, on the original
 * scale, with a prediction interval where the method defines one. Never refits.
 *
 * Intervals are computed on the modelling scale (Gaussian, `mean ± z·se`) and mapped back, so a
 * log-scale interval is asymmetric and a logit-scale one stays inside its bounds.
 *
 * @throws {TypeError} `projectModel: unknown model kind "x"`.
 * @throws {RangeError} `projectModel: toYear must be after the last observed year Y (got T)` or
 *   `projectModel: level must be in (0, 1) (got L)`.
 * @example
 * const fitted = fitModel({ kind: "cagr", rate: 0.05 }, { years: [2020], values: [200] });
 * projectModel(fitted, { toYear: 2021 }).values; // [209.99999999999994]
 */
export function projectModel(fitted: FittedModel, options: ProjectOptions): ModelProjection {
  // A fitted model read from JSON may name a kind this version does not know.
  const kind: string = fitted.kind;
  if (!isFittedKind(kind)) throw new TypeError(`projectModel: unknown model kind "${kind}"`);
  const { toYear, level } = options;
  if (!Number.isInteger(toYear) || toYear <= fitted.origin.year)
    throw new RangeError(
      `projectModel: toYear must be after the last observed year ${fitted.origin.year} (got ${toYear})`,
    );
  if (level !== undefined && !(level > 0 && level < 1))
    throw new RangeError(`projectModel: level must be in (0, 1) (got ${level})`);
  const bounds = fitted.bounds ?? DEFAULT_LOGIT_BOUNDS;
  const horizon = toYear - fitted.origin.year;
  const lastY = toScale(fitted.origin.value, fitted.scale, bounds);
  const forecast = forecastOf(fitted, lastY, horizon);
  const back = (y: number): number => fromScale(y, fitted.scale, bounds);
  const years = Array.from({ length: horizon }, (_, h) => fitted.origin.year + h + 1);
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

/** The scaled forecast of a fitted model by its own kind's definition. */
function forecastOf<K extends FittedKind>(
  fitted: FittedModel<K>,
  lastY: number,
  horizon: number,
): ScaledForecast {
  return modelRegistry[fitted.kind].forecast(fitted, lastY, horizon);
}
