// A catalogue of hostile inputs to the model, analysis, target and scenario entry points, as a
// caller from plain JavaScript may pass them: each throws the library's own error naming the
// function, the parameter and the value (with its type), never a TypeError from inside.
import {
  ArgumentRangeError,
  ArgumentTypeError,
  backtest,
  cityClass,
  classAtLeast,
  classifyStatus,
  defaultModel,
  evaluateTarget,
  fitModel,
  isPrefectureLevelCity,
  MAX_PROJECTION_YEARS,
  prefectureCityRanks,
  projectModel,
  projectScenario,
} from "regionsim";
import { describe, expect, it } from "vitest";

/** A value of the wrong type, as a JavaScript caller may pass it. */
const L = <T>(value: unknown): T => value as T;

const s = { years: [2020, 2021], values: [100, 110] };
const f = fitModel({ kind: "drift" }, s);

/** A broken contract: the class, code, path and exact message of what `run` throws. */
interface Throws {
  readonly run: () => unknown;
  readonly error: typeof ArgumentTypeError | typeof ArgumentRangeError;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

const contracts: Readonly<Record<string, Throws>> = {
  "fitModel with the values as one comma-separated string": {
    run: () => fitModel({ kind: "drift" }, L({ years: [2020, 2021, 2022], values: "1,2,3" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "series.values",
    message: 'fitModel: series.values must be an array of numbers (got the string "1,2,3")',
  },
  "fitModel without a series": {
    run: () => L<(a: unknown) => unknown>(fitModel)({ kind: "drift" }),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "series",
    message: "fitModel: series must be a series { years, values } (got nothing)",
  },
  "fitModel with a misspelt model kind": {
    run: () => fitModel({ kind: "theat" }, s),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "spec.kind",
    message:
      'fitModel: spec.kind must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd", "combination" or "auto"; did you mean "theta"? (got the string "theat")',
  },
  "fitModel with a cagr rate written as a string": {
    run: () => fitModel({ kind: "cagr", rate: "0.05" }, s),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "spec.rate",
    message: 'fitModel: spec.rate must be a number (got the string "0.05")',
  },
  'fitModel with damped: "yes"': {
    run: () => fitModel({ kind: "holt", damped: "yes" }, s),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "spec.damped",
    message: 'fitModel: spec.damped must be true or false (got the string "yes")',
  },
  "fitModel with a misspelt auto candidate": {
    run: () => fitModel({ kind: "auto", candidates: ["drfit"] }, s),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "spec.candidates[0]",
    message:
      'fitModel: spec.candidates[0] must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd", "combination" or "auto"; did you mean "drift"? (got the string "drfit")',
  },
  "fitModel with an unknown scale": {
    run: () => fitModel({ kind: "drift" }, s, L({ scale: "logarithmic" })),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "options.scale",
    message:
      'fitModel: options.scale must be "log", "logit" or "linear"; did you mean "logit"? (got the string "logarithmic")',
  },
  "fitModel with a misspelt option": {
    run: () => fitModel({ kind: "drift" }, s, L({ sclae: "log" })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.sclae",
    message:
      "fitModel: options.sclae is not an option; did you mean scale? (the options are scale, kind, bounds and panel)",
  },
  "fitModel with null for the spec": {
    run: () => fitModel(L(null), s),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "spec",
    message: 'fitModel: spec must be a model spec such as { kind: "drift" } (got null)',
  },
  "projectModel to the year 1e9 (would run out of memory)": {
    run: () => projectModel(f, { toYear: 1e9 }),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "options.toYear",
    message:
      "projectModel: options.toYear must be an integer year from 2022 to 2221 (after the last observed year 2021, at most 200 years on) (got 1000000000)",
  },
  "projectModel with toYear as a string": {
    run: () => projectModel(f, L({ toYear: "2025" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.toYear",
    message:
      'projectModel: options.toYear must be an integer year from 2022 to 2221 (after the last observed year 2021, at most 200 years on) (got the string "2025")',
  },
  "projectModel without options": {
    run: () => L<(a: unknown) => unknown>(projectModel)(f),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "options",
    message: "projectModel: options must be an object such as { toYear, level } (got nothing)",
  },
  "projectModel with a fitted model of a kind this version does not know": {
    run: () => projectModel(L({ ...f, kind: "arima" }), { toYear: 2025 }),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "fitted.kind",
    message:
      'projectModel: fitted.kind must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd" or "combination"; did you mean "drift"? (got the string "arima")',
  },
  "backtest with a horizon of a million years": {
    run: () =>
      backtest([{ id: "a", ...s }], [{ kind: "naive" }], { origins: [2020], horizon: 1e6 }),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "options.horizon",
    message: "backtest: options.horizon must be an integer from 1 to 200 (got 1000000)",
  },
  "backtest without options": {
    run: () => L<(a: unknown, b: unknown) => unknown>(backtest)([], [{ kind: "naive" }]),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "options",
    message: "backtest: options must be an object such as { origins, horizon } (got nothing)",
  },
  "backtest with `horizons` for `horizon`": {
    run: () => backtest([], [{ kind: "naive" }], L({ origins: [2020], horizons: 3 })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.horizons",
    message:
      "backtest: options.horizons is not an option; did you mean horizon? (the options are origins, horizon, level, verdict, fit, training, trainingYears, keepForecasts and panel)",
  },
  "prefectureCityRanks with the rank as a string": {
    run: () => prefectureCityRanks([], L({ code: "530300", rank: "70" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.rank",
    message: 'prefectureCityRanks: options.rank must be a positive integer (got the string "70")',
  },
  "prefectureCityRanks with a GDP written with a thousands separator": {
    run: () =>
      prefectureCityRanks(L([{ year: 2020, code: "530300", name: "Q", gdp: "2,959" }]), {
        code: "530300",
        rank: 1,
      }),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "rows[0].gdp",
    message:
      'prefectureCityRanks: rows[0].gdp must be a finite number or null (got the string "2,959")',
  },
  "isPrefectureLevelCity with null": {
    run: () => isPrefectureLevelCity(L(null)),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "row",
    message: "isPrefectureLevelCity: row must be a panel row { year, code, name, gdp } (got null)",
  },
  "cityClass with the population as a string": {
    run: () => cityClass(L("105")),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "population10k",
    message: 'cityClass: population10k must be a finite number ≥ 0 (got the string "105")',
  },
  "cityClass with NaN": {
    run: () => cityClass(Number.NaN),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "population10k",
    message: "cityClass: population10k must be a finite number ≥ 0 (got NaN)",
  },
  "classAtLeast with a misspelt class": {
    run: () => classAtLeast("large", L("larg")),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "b",
    message:
      'classAtLeast: b must be "small", "medium", "large", "very-large" or "megacity"; did you mean "large"? (got the string "larg")',
  },
  "classifyStatus with the comparator =>": {
    run: () =>
      classifyStatus(
        L({
          met: true,
          achieved: false,
          final: false,
          requiredGrowth: null,
          impliedGrowth: null,
          gap: null,
        }),
        L("=>"),
        null,
      ),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "comparator",
    message:
      'classifyStatus: comparator must be ">=", "<=" or "about"; did you mean ">="? (got the string "=>")',
  },
  "classifyStatus with a probability of 1.5": {
    run: () =>
      classifyStatus(
        L({
          met: true,
          achieved: false,
          final: false,
          requiredGrowth: null,
          impliedGrowth: null,
          gap: null,
        }),
        ">=",
        1.5,
      ),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "probability",
    message:
      "classifyStatus: probability must be a probability from 0 to 1, or null without a simulation (got 1.5)",
  },
  'defaultModel with an indicator kind of "rates"': {
    run: () => defaultModel(L({ kind: "rates" })),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "indicator.kind",
    message:
      'defaultModel: indicator.kind must be "level", "rate" or "count"; did you mean "rate"? (got the string "rates")',
  },
  "projectScenario with a scenario toYear of 1e9": {
    run: () =>
      projectScenario(
        L({ places: [], groups: [], indicators: [], observations: [] }),
        L({ id: "s", nameEn: "S", description: "d", toYear: 1e9 }),
      ),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "scenario.toYear",
    message: "projectScenario: scenario.toYear must be a number ≤ 2100 (got 1000000000)",
  },
  "projectScenario without a scenario": {
    run: () =>
      L<(a: unknown) => unknown>(projectScenario)({
        places: [],
        groups: [],
        indicators: [],
        observations: [],
      }),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "scenario",
    message:
      "projectScenario: scenario must be a scenario as ScenarioSchema validates it (got nothing)",
  },
  "evaluateTarget with a target without a kind": {
    run: () => evaluateTarget(L({}), L(undefined)),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "target.kind",
    message:
      'evaluateTarget: target.kind must be one of "level", "growth", "share", "count", "rank", "class" (got nothing)',
  },
};

describe("a broken contract throws the library's error, naming the function, parameter and value", () => {
  for (const [what, c] of Object.entries(contracts)) {
    it(what, () => {
      let caught: unknown;
      try {
        c.run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(c.error);
      expect(caught).toMatchObject({ code: c.code, path: c.path, message: c.message });
    });
  }
});

describe("horizons are bounded", () => {
  it("projectModel projects exactly MAX_PROJECTION_YEARS (200) years, and refuses one more", () => {
    // Last observation 2021: 2021 + 200 = 2221 is the last year allowed.
    expect(MAX_PROJECTION_YEARS).toBe(200);
    expect(projectModel(f, { toYear: 2221 }).years).toHaveLength(200);
    expect(() => projectModel(f, { toYear: 2222 })).toThrow(ArgumentRangeError);
  });

  it("a spec's zod failure carries every problem in error.issues with its path", () => {
    let caught: unknown;
    try {
      fitModel(L({ kind: "holt", damped: "yes", phi: "x" }), s);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArgumentTypeError);
    const issues = (caught as ArgumentTypeError).issues ?? [];
    expect(issues.map((i) => i.field)).toContain("spec.damped");
  });
});
