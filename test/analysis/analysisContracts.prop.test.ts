import fc from "fast-check";
import { describe, it } from "vitest";
import { backtest } from "../../src/analysis/backtest.js";
import { betaConvergence } from "../../src/analysis/betaConvergence.js";
import { convergence } from "../../src/analysis/convergence.js";
import {
  isPrefectureLevelCity,
  prefectureCityRanks,
} from "../../src/analysis/prefectureCityRanks.js";
import { theilDecomposition } from "../../src/analysis/theilDecomposition.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
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

  it("betaConvergence and theilDecomposition return or throw their own error", () => {
    const good = [
      { place: "a", initial: 100, final: 300, controls: { s: 0.1 } },
      { place: "b", initial: 200, final: 500, controls: { s: 0.3 } },
      { place: "c", initial: 400, final: 700, controls: { s: 0.2 } },
      { place: "d", initial: 800, final: 900, controls: { s: 0.5 } },
    ];
    const places = fc.oneof(
      fc.constant(good),
      fc
        .tuple(
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom("place", "initial", "final", "controls", "extra"),
          anyValue,
        )
        .map(([i, key, v]) => good.map((p, j) => (i === j ? { ...p, [key]: v } : p))),
      anyValue,
    );
    fc.assert(
      fc.property(places, anyValue, anyValue, anyValue, (p, years, values, groups) => {
        returnsOrThrowsOwnError("betaConvergence", ["places", "years"], () =>
          call(betaConvergence, p, years),
        );
        returnsOrThrowsOwnError("betaConvergence", ["places", "years"], () =>
          call(betaConvergence, p, 10),
        );
        returnsOrThrowsOwnError("theilDecomposition", ["values", "weights", "groups"], () =>
          call(theilDecomposition, values, [1, 2], groups),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("convergence on the Qujing pack with odd options returns or throws its own error", () => {
    const options = fc.oneof(
      fc
        .tuple(
          fc.constantFrom("indicator", "centre", "through", "window", "controls", "data", "wndow"),
          anyValue,
        )
        .map(([key, v]) => ({ [key]: v })),
      fc.constantFrom(
        { window: [2000, 2019] },
        { window: [2016, 2018], controls: [{ indicator: "gdp" }] },
        { controls: [{ name: "x", values: { qilin: 1, huize: Number.NaN } }] },
        { controls: [{ indicator: "gdp", per: "population_hukou" }] },
        { through: 2021 },
        { centre: "city" },
      ),
    );
    fc.assert(
      fc.property(options, (o) => {
        returnsOrThrowsOwnError("convergence", ["pack", "scenario", "options"], () =>
          call(convergence, qujingPack, "trend", o),
        );
      }),
      { numRuns: 40 },
    );
  });
});
