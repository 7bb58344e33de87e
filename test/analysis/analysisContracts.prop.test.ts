import fc from "fast-check";
import { describe, it } from "vitest";
import { backtest } from "../../src/analysis/backtest.js";
import {
  isPrefectureLevelCity,
  prefectureCityRanks,
} from "../../src/analysis/prefectureCityRanks.js";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";

// Whatever a JavaScript caller passes to the analysis functions, each returns or throws the
// library's own argument error naming the function and a parameter: never another error.

const anyValue = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, "530300", null, undefined),
);
const call = (f: unknown, ...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args);

describe("the analysis functions on arbitrary arguments", () => {
  it("backtest on tiny inputs returns a result or throws its own error", () => {
    const good = { id: "a", years: [2015, 2016, 2017], values: [80, 100, 125] };
    const series = fc.oneof(
      fc.constant([good]),
      fc
        .tuple(fc.constantFrom("id", "years", "values", "breaks"), anyValue)
        .map(([key, v]) => [{ ...good, [key]: v }]),
      fc.constant([good, good]),
      anyValue,
    );
    const specs = fc.oneof(
      fc.constant([{ kind: "naive" }]),
      anyValue.map((v) => [{ kind: "holt", damped: v }]),
      anyValue.map((v) => [v]),
      anyValue,
    );
    const base = { origins: [2016], horizon: 1 };
    const options = fc.oneof(
      fc.constant(base),
      fc
        .tuple(
          fc.constantFrom(
            "origins",
            "horizon",
            "level",
            "verdict",
            "fit",
            "training",
            "trainingYears",
            "keepForecasts",
            "horizons",
          ),
          anyValue,
        )
        .map(([key, v]) => ({ ...base, [key]: v })),
      fc.constant({ origins: [2016], horizon: 1e9 }),
      anyValue,
    );
    fc.assert(
      fc.property(series, specs, options, (s, p, o) => {
        returnsOrThrowsOwnError("backtest", ["series", "specs", "options"], () =>
          call(backtest, s, p, o),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("prefectureCityRanks and isPrefectureLevelCity return or throw their own error", () => {
    const row = { year: 2020, code: "530300", name: "Qujing(city)", gdp: 2959.35 };
    const rows = fc.oneof(
      fc.constant([row]),
      fc
        .tuple(fc.constantFrom("year", "code", "name", "gdp"), anyValue)
        .map(([key, v]) => [{ ...row, [key]: v }]),
      anyValue,
    );
    const base = { code: "530300", rank: 1 };
    const options = fc.oneof(
      fc.constant(base),
      fc
        .tuple(fc.constantFrom("code", "rank", "isCity", "rnak"), anyValue)
        .map(([key, v]) => ({ ...base, [key]: v })),
      anyValue,
    );
    fc.assert(
      fc.property(rows, options, anyValue, (r, o, x) => {
        returnsOrThrowsOwnError("prefectureCityRanks", ["rows", "options"], () =>
          call(prefectureCityRanks, r, o),
        );
        returnsOrThrowsOwnError("isPrefectureLevelCity", ["row"], () =>
          call(isPrefectureLevelCity, x),
        );
      }),
      { numRuns: 200 },
    );
  });
});
