import type { Series } from "../../models/types.js";
import type { BacktestOptions, BacktestSeries } from "../backtestOptions.js";
import { naiveMae } from "./naiveMae.js";

/** Everything about one (series, origin) pair of a backtest that does not depend on the model. */
export interface OriginPair {
  readonly id: string;
  readonly origin: number;
  readonly originValue: number;
  readonly training: Series;
  /** In-sample one-step naive MAE of the training window (null when undefined). */
  readonly scale: number | null;
  /** Horizons whose target year is observed and on the same basis as the origin. */
  readonly horizons: readonly number[];
  /** Actual value at each of `horizons`. */
  readonly actuals: readonly number[];
}

/**
 * The (series, origin) pair of a rolling-origin backtest: the training window up to `origin` (all
 * of the history, or the last segment after a break with `"segment"`, cut to `trainingYears`), its
 * naive MAE scale, and the horizons 1 … `horizon` whose year is observed with no break in
 * `(origin, year]`. Undefined when the origin is not observed or no horizon is scorable.
 */
export function originPair(
  s: BacktestSeries,
  origin: number,
  horizon: number,
  training: NonNullable<BacktestOptions["training"]>,
  trainingYears: number | undefined,
): OriginPair | undefined {
  const { years, values } = s;
  const breaks = s.breaks ?? [];
  const at = years.indexOf(origin);
  if (at < 0) return undefined;
  const horizons: number[] = [];
  const actuals: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const year = origin + h;
    if (breaks.some((b) => b > origin && b <= year)) break;
    const j = years.indexOf(year, at + 1);
    if (j < 0) continue;
    horizons.push(h);
    actuals.push(values[j] as number);
  }
  if (horizons.length === 0) return undefined;
  const train = trainingWindow(s, origin, training, trainingYears) as Series;
  return {
    id: s.id,
    origin,
    originValue: values[at] as number,
    training: train,
    scale: naiveMae(train.years, train.values, train.breaks ?? []),
    horizons,
    actuals,
  };
}

/**
 * The training window of a series at an origin (all of the history, or the last segment with
 * `"segment"`, cut to `trainingYears`), data up to the origin only; undefined when the origin is
 * not observed.
 */
export function trainingWindow(
  s: Series,
  origin: number,
  training: NonNullable<BacktestOptions["training"]>,
  trainingYears: number | undefined,
): Series | undefined {
  const { years, values } = s;
  const breaks = s.breaks ?? [];
  const at = years.indexOf(origin);
  if (at < 0) return undefined;
  let from = years[0] as number;
  if (training === "segment") for (const b of breaks) if (b <= origin && b > from) from = b;
  if (trainingYears !== undefined) from = Math.max(from, origin - trainingYears + 1);
  let start = 0;
  while ((years[start] as number) < from) start++;
  const trainYears = years.slice(start, at + 1);
  const trainValues = values.slice(start, at + 1);
  const trainBreaks = breaks.filter((b) => b > (trainYears[0] as number) && b <= origin);
  return trainBreaks.length === 0
    ? { years: trainYears, values: trainValues }
    : { years: trainYears, values: trainValues, breaks: trainBreaks };
}
