import {
  checkArrayOf,
  checkBoolean,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
  checkPresent,
  checkString,
} from "../../internal/checkArgs.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import {
  checkFitOptions,
  checkHorizon,
  checkSeries,
  checkSpec,
} from "../../models/checkModelArgs.js";
import type { BacktestOptions, BacktestSeries, BacktestSpec } from "../backtestOptions.js";

const FN = "backtest";
const OPTIONS = [
  "origins",
  "horizon",
  "level",
  "verdict",
  "fit",
  "training",
  "trainingYears",
  "keepForecasts",
  "panel",
];

/**
 * Checks the options of `backtest` (origins, horizon, level, verdict, fit, training,
 * trainingYears, keepForecasts).
 *
 * @throws {ArgumentTypeError | ArgumentRangeError} with the messages listed on `backtest`.
 */
export function checkBacktestOptions(options: unknown): BacktestOptions {
  checkPresent(FN, "options", options, "an object such as { origins, horizon }");
  const o = checkOptions(FN, "options", options, OPTIONS);
  const year = (at: string, v: unknown) => checkNumber(FN, at, v, { integer: true });
  const origins = checkArrayOf(FN, "options.origins", o.origins, year, "an array of integer years");
  if (origins.length === 0)
    throw new ArgumentRangeError(
      `${FN}: options.origins must be a non-empty array of distinct integer years (got an empty array)`,
      { code: "out-of-range", path: "options.origins" },
    );
  origins.forEach((origin, i) => {
    if (origins.indexOf(origin) !== i)
      throw new ArgumentRangeError(
        `${FN}: options.origins[${i}] must be a year not listed before (got ${origin} again)`,
        { code: "out-of-range", path: `options.origins[${i}]` },
      );
  });
  checkHorizon(FN, "options.horizon", o.horizon);
  if (o.level !== undefined) {
    const expected = "a fraction between 0 and 1, exclusive (0.8 = 80%)";
    const level = checkNumber(FN, "options.level", o.level, { expected });
    if (!(level > 0 && level < 1))
      throw new ArgumentRangeError(`${FN}: options.level must be ${expected} (got ${level})`, {
        code: "out-of-range",
        path: "options.level",
      });
  }
  if (o.verdict !== undefined) {
    const v = checkObject(FN, "options.verdict", o.verdict, "an object { form, rates }");
    const form = checkOneOf(FN, "options.verdict.form", v.form, ["growth", "change"]);
    const rule = form === "growth" ? { min: -1, expected: "a finite number > -1" } : {};
    checkArrayOf(
      FN,
      "options.verdict.rates",
      v.rates,
      (at, r) => {
        const rate = checkNumber(FN, at, r, rule);
        if (form === "growth" && rate === -1)
          throw new ArgumentRangeError(`${FN}: ${at} must be a finite number > -1 (got -1)`, {
            code: "out-of-range",
            path: at,
          });
        return rate;
      },
      "an array of rates",
    );
  }
  if (o.fit !== undefined) checkFitOptions(FN, "options.fit", o.fit);
  if (o.training !== undefined)
    checkOneOf(FN, "options.training", o.training, ["history", "segment"]);
  if (o.trainingYears !== undefined)
    checkNumber(FN, "options.trainingYears", o.trainingYears, { integer: true, positive: true });
  if (o.keepForecasts !== undefined) checkBoolean(FN, "options.keepForecasts", o.keepForecasts);
  if (o.panel !== undefined) checkBoolean(FN, "options.panel", o.panel);
  return options as BacktestOptions;
}

/**
 * Checks that `specs` is a non-empty array of model specs, each a known kind passing its schema.
 *
 * @throws {ArgumentTypeError | ArgumentRangeError} with the messages listed on `backtest`.
 */
export function checkBacktestSpecs(specs: unknown): readonly BacktestSpec[] {
  const list = checkArrayOf(
    FN,
    "specs",
    specs,
    (at, s) => checkSpec(FN, at, s),
    "an array of model specs",
  );
  if (list.length === 0)
    throw new ArgumentRangeError(
      `${FN}: specs must be a non-empty array of model specs (got an empty array)`,
      { code: "out-of-range", path: "specs" },
    );
  return specs as readonly BacktestSpec[];
}

/**
 * Checks that `series` is an array of series with unique string ids, each keeping the `Series`
 * contract.
 *
 * @throws {ArgumentTypeError | ArgumentRangeError} with the messages listed on `backtest`.
 */
export function checkBacktestSeries(series: unknown): readonly BacktestSeries[] {
  const ids = new Map<string, number>();
  checkArrayOf(
    FN,
    "series",
    series,
    (at, s) => {
      const o = checkObject(FN, at, s, "a series { id, years, values }");
      const id = checkString(FN, `${at}.id`, o.id, { nonEmpty: true });
      const before = ids.get(id);
      if (before !== undefined)
        throw new ArgumentRangeError(
          `${FN}: ${at}.id must be unique (got the id ${JSON.stringify(id)} of series[${before}] again)`,
          { code: "out-of-range", path: `${at}.id` },
        );
      ids.set(id, ids.size);
      return checkSeries(FN, at, s, { allowEmpty: true });
    },
    "an array of series { id, years, values }",
  );
  return series as readonly BacktestSeries[];
}
