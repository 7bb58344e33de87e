import {
  type BacktestSeries,
  type BacktestSpec,
  backtest,
  DEFAULT_VERDICT,
  fitModel,
  projectModel,
} from "regionsim";
import { describe, expect, it } from "vitest";

/** A small irregular series; on the linear scale naive forecasts are easy to compute by hand. */
const irregular: BacktestSeries = {
  id: "a",
  years: [2010, 2011, 2012, 2013, 2014],
  values: [100, 104, 110, 99, 120],
};
const NAIVE: BacktestSpec = { kind: "naive" };
const linear = { scale: "linear" } as const;

describe("backtest metrics against hand-computed values", () => {
  // Naive on the linear scale, origins 2011 and 2012, horizons 1–2:
  //   origin 2011 (y=104, training 100,104 → naive MAE scale |104−100| = 4):
  //     h1 → 2012: forecast 104, actual 110, e = −6;   h2 → 2013: actual 99, e = +5
  //   origin 2012 (y=110, training 100,104,110 → scale (4 + 6) / 2 = 5):
  //     h1 → 2013: forecast 110, actual 99, e = +11;   h2 → 2014: actual 120, e = −10
  const result = backtest([irregular], [NAIVE], {
    origins: [2011, 2012],
    horizon: 2,
    fit: linear,
    verdict: { form: "growth", rates: [0.05] },
  });
  const model = result.models[0];
  const [h1, h2] = model?.byHorizon ?? [];

  it("counts the pairs, fits and forecasts", () => {
    expect(result.pairs).toBe(2);
    expect(model?.fits).toBe(2);
    expect(model?.fallbacks).toBe(0);
    expect(model?.failures).toBe(0);
    expect(h1?.n).toBe(2);
    expect(h2?.n).toBe(2);
    expect(model?.overall.n).toBe(4);
  });

  it("MAE and RMSE at horizon 1: (6 + 11) / 2 = 8.5 and √((36 + 121) / 2) = √78.5", () => {
    expect(h1?.mae).toBe(8.5);
    // python3: math.sqrt(78.5) = 8.860022573334675
    expect(h1?.rmse).toBeCloseTo(8.860022573334675, 14);
  });

  it("MAPE, MdAPE and MPE at horizon 1: |−6|/110 and 11/99", () => {
    // python3: (6/110 + 11/99) / 2 = 0.08282828282828282; (−6/110 + 11/99) / 2 = 0.02828282828282828
    expect(h1?.mape).toBeCloseTo(0.08282828282828282, 15);
    expect(h1?.mdape).toBeCloseTo(0.08282828282828282, 15); // median of two = their mean
    expect(h1?.mpe).toBeCloseTo(0.02828282828282828, 15);
  });

  it("MASE scales each error by its own training window's naive MAE: (6/4 + 11/5) / 2 = 1.85", () => {
    expect(h1?.mase).toBeCloseTo(1.85, 14);
    // horizon 2: (5/4 + 10/5) / 2 = 1.625
    expect(h2?.mase).toBeCloseTo(1.625, 14);
  });

  it("horizon 2 and the pooled metrics", () => {
    expect(h2?.mae).toBe(7.5);
    // python3: math.sqrt(62.5) = 7.905694150420948; (5/99 + 10/120)/2 = 0.06691919191919192;
    // (5/99 − 10/120)/2 = −0.016414141414141412
    expect(h2?.rmse).toBeCloseTo(7.905694150420948, 14);
    expect(h2?.mape).toBeCloseTo(0.06691919191919192, 15);
    expect(h2?.mpe).toBeCloseTo(-0.016414141414141412, 15);
    // pooled MAE (6 + 11 + 5 + 10) / 4 = 8; MdAPE = mean of the middle two of
    // {5/99, 6/110, 10/120, 11/99}: python3 (6/110 + 10/120) / 2 = 0.06893939393939394
    expect(model?.overall.mae).toBe(8);
    expect(model?.overall.mdape).toBeCloseTo(0.06893939393939394, 15);
    expect(model?.overall.horizon).toBeNull();
  });

  it("coverage of the naive 80% interval ŷ ± 1.2816·σ·√h, σ² = mean squared change", () => {
    // z = NormalDist().inv_cdf(0.9) = 1.2815515655446008 (python3 statistics).
    // origin 2011: σ = 4.      h1 [98.87, 109.13] ∌ 110;  h2 [96.75, 111.25] ∋ 99
    // origin 2012: σ = √26.    h1 [103.47, 116.53] ∌ 99;  h2 [100.76, 119.24] ∌ 120
    expect(h1?.nInterval).toBe(2);
    expect(h1?.coverage).toBe(0);
    expect(h2?.coverage).toBe(0.5);
    expect(model?.overall.coverage).toBe(0.25);
  });

  it("verdict hit rate on 'origin level grown at 5% a year'", () => {
    // origin 2011: h1 τ = 104·1.05 = 109.2: naive calls "not met", actual 110 met → miss
    //              h2 τ = 104·1.05² = 114.66: "not met", actual 99 not met → hit
    // origin 2012: h1 τ = 115.5: "not met", 99 → hit;  h2 τ = 121.275: "not met", 120 → hit
    expect(h1?.hitRate).toBe(0.5);
    expect(h2?.hitRate).toBe(1);
    expect(model?.overall.hitRate).toBe(0.75);
    expect(h1?.verdicts).toEqual([{ rate: 0.05, n: 2, hits: 1, calledMet: 0, actualMet: 1 }]);
    // Naive never calls "met": TP = 0 of P = 1, TN = 3 of N = 3 → (0 + 1) / 2 = 0.5.
    expect(model?.overall.balancedHitRate).toBe(0.5);
    // At horizon 2 no target was met, so the balanced hit rate is undefined.
    expect(h2?.balancedHitRate).toBeNull();
  });

  it("the balanced hit rate is 0.5 for naive whatever the targets: averaged per rate, not pooled", () => {
    // Naive calls a 0-growth target "met" (forecast = target) and a 5% one "not met", always.
    // rate 0:    actual ≥ origin? 2011→2012 110 ≥ 104 yes, 2011→2013 99 no, 2012→2013 no,
    //            2012→2014 120 ≥ 110 yes: TP 2/2, TN 0/2 → 0.5.
    // rate 0.05: P = 1 (2012), N = 3: TP 0/1, TN 3/3 → 0.5. Mean 0.5. (Pooling both rates would
    // give TP 2/3, TN 3/5 → 0.633: credit for knowing that easier targets are met more often.)
    const r = backtest([irregular], [NAIVE], {
      origins: [2011, 2012],
      horizon: 2,
      fit: linear,
      verdict: { form: "growth", rates: [0, 0.05] },
    });
    expect(r.models[0]?.overall.balancedHitRate).toBe(0.5);
    // hits: rate 0 → 2 of 4, rate 0.05 → 3 of 4.
    expect(r.models[0]?.overall.hitRate).toBe(5 / 8);
  });

  it("additive verdict targets: 'origin value plus r a year'", () => {
    const r = backtest([irregular], [NAIVE], {
      origins: [2011],
      horizon: 1,
      fit: linear,
      verdict: { form: "change", rates: [5, 7] },
    });
    // τ = 104 + 5 = 109 (actual 110 meets it), τ = 104 + 7 = 111 (actual misses); naive calls
    // "not met" both times: one miss, one hit.
    expect(r.models[0]?.byHorizon[0]?.verdicts).toEqual([
      { rate: 5, n: 1, hits: 0, calledMet: 0, actualMet: 1 },
      { rate: 7, n: 1, hits: 1, calledMet: 0, actualMet: 0 },
    ]);
  });

  it("a 0-growth target is met by the naive forecast despite exp(log y) rounding", () => {
    // On the log scale the naive forecast is exp(log y_o), which may differ from y_o in the last
    // bit; the call must still be "met" (forecast = target).
    const values = [3.3, 7.7, 13.1, 29.9, 61.7, 97.3];
    const s = { id: "r", years: [2010, 2011, 2012, 2013, 2014, 2015], values };
    const r = backtest([s], [NAIVE], {
      origins: [2010, 2011, 2012, 2013, 2014],
      horizon: 1,
      verdict: { form: "growth", rates: [0] },
    });
    const v = r.models[0]?.byHorizon[0]?.verdicts[0];
    expect(v?.calledMet).toBe(5);
  });
});

describe("backtest with a model that knows the truth", () => {
  it("path through the actual values scores 0 error and hit rate 1", () => {
    const s: BacktestSeries = {
      id: "p",
      years: [2010, 2011, 2012, 2013, 2014, 2015],
      values: [50, 58, 61, 70, 69, 80],
    };
    const truth: BacktestSpec = {
      kind: "path",
      values: Object.fromEntries(s.years.map((y, i) => [String(y), s.values[i]])),
    };
    const r = backtest([s], [truth], {
      origins: [2011, 2012, 2013],
      horizon: 2,
      fit: linear,
      verdict: { form: "growth", rates: [0, 0.05, 0.1, 0.2] },
    });
    const m = r.models[0];
    expect(m?.overall.n).toBe(6);
    expect(m?.overall.mae).toBe(0);
    expect(m?.overall.rmse).toBe(0);
    expect(m?.overall.mape).toBe(0);
    expect(m?.overall.mase).toBe(0);
    expect(m?.overall.hitRate).toBe(1);
    expect(m?.overall.balancedHitRate).toBe(1);
  });

  it("cagr at the true rate on an exact exponential scores 0 error (to rounding) and hit rate 1", () => {
    const years = [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007];
    const s = { id: "x", years, values: years.map((y) => 250 * 1.08 ** (y - 2000)) };
    const r = backtest([s], [{ kind: "cagr", rate: 0.08 }], {
      origins: [2002, 2003, 2004],
      horizon: 3,
      verdict: { form: "growth", rates: [0.05, 0.1] },
    });
    const m = r.models[0];
    expect(m?.overall.n).toBe(9);
    // exp/log round trips: errors of a few ulps of values ~400, far below 1e-9.
    expect(m?.overall.mae).toBeLessThan(1e-9);
    expect(m?.overall.mape).toBeLessThan(1e-14);
    expect(m?.overall.hitRate).toBe(1);
    // Every year grew 8%: every 5% target was met and every 10% one missed, so no rate saw both
    // outcomes and the balanced hit rate is undefined.
    expect(m?.overall.balancedHitRate).toBeNull();
  });
});

describe("backtest respects series breaks and gaps", () => {
  // A level jump ×10 at the 2013 break: any forecast scored across it would be off by ~90%.
  const broken: BacktestSeries = {
    id: "b",
    years: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016],
    values: [10, 11, 12, 13, 14, 150, 160, 170, 180],
    breaks: [2013],
  };

  it("never scores a forecast whose origin and target lie on different sides of a break", () => {
    const r = backtest([broken], [NAIVE, { kind: "drift" }], {
      origins: [2009, 2010, 2011, 2012, 2013, 2014],
      horizon: 3,
      keepForecasts: true,
    });
    for (const m of r.models) {
      const forecasts = m.forecasts ?? [];
      expect(forecasts.length).toBeGreaterThan(0);
      for (const f of forecasts) expect(f.origin < 2013 && f.year >= 2013).toBe(false);
      // Scored (origin → years): 2009 → 2010–2012; 2010 → 2011–2012; 2011 → 2012; 2012 → none
      // (every target is across the break, so the pair is not fitted); 2013 → 2014–2016;
      // 2014 → 2015–2016. By horizon: h1 5, h2 4, h3 2.
      expect(m.byHorizon.map((x) => x.n)).toEqual([5, 4, 2]);
      expect(m.fits).toBe(5);
      expect(m.overall.mape).toBeLessThan(0.5);
    }
    expect(r.pairs).toBe(5);
  });

  it("the MASE scale leaves out the change across the break", () => {
    // Origin 2014, naive on the linear scale: training 2008–2014 with the break at 2013; the
    // one-step changes within segments are 1, 1, 1, 1 (2009–2012) and 10 (2014), the jump
    // 14 → 150 is left out: scale = 14 / 5 = 2.8. Forecast 160 for 2015 (actual 170): |e| = 10,
    // scaled 10 / 2.8.
    const r = backtest([broken], [NAIVE], { origins: [2014], horizon: 1, fit: linear });
    expect(r.models[0]?.overall.mase).toBeCloseTo(10 / 2.8, 14);
  });

  it('training: "segment" fits only on the years since the last break', () => {
    // At origin 2013 the segment holds one point, so drift (needs 2) falls back to naive.
    const history = backtest([broken], [{ kind: "drift" }], { origins: [2013], horizon: 1 });
    const segment = backtest([broken], [{ kind: "drift" }], {
      origins: [2013],
      horizon: 1,
      training: "segment",
    });
    expect(history.models[0]?.fallbacks).toBe(0);
    expect(segment.models[0]?.fallbacks).toBe(1);
    expect(segment.models[0]?.fittedKinds).toEqual([{ name: "naive", count: 1 }]);
    // Naive from 150 for 2014 (actual 160): MAPE 10 / 160.
    expect(segment.models[0]?.overall.mape).toBeCloseTo(10 / 160, 15);
  });

  it("trainingYears keeps only the last years up to the origin", () => {
    // Origin 2015 with the last 3 years 2013–2015 (150, 160, 170): drift on the linear scale
    // has slope 10 → 180 for 2016, exactly the actual. With the whole history the 2009–2012
    // changes of 1 a year would pull the drift down.
    const r = backtest([broken], [{ kind: "drift" }], {
      origins: [2015],
      horizon: 1,
      fit: linear,
      trainingYears: 3,
      keepForecasts: true,
    });
    expect(r.models[0]?.forecasts?.[0]?.forecast).toBeCloseTo(180, 12);
    expect(r.trainingYears).toBe(3);
  });

  it("a missing target year is skipped and later horizons stay aligned", () => {
    // 2012 is missing. From origin 2011 the path model that knows the truth must still score 0
    // at h = 2 (2013), which it would not if the forecast for 2012 were compared with 2013.
    const gappy = { id: "g", years: [2009, 2010, 2011, 2013, 2014], values: [5, 6, 7, 9, 10] };
    const truth = { kind: "path", values: { "2012": 8, "2013": 9, "2014": 10 } };
    const r = backtest([gappy], [truth], { origins: [2011], horizon: 3, fit: linear });
    const m = r.models[0];
    expect(m?.byHorizon.map((x) => x.n)).toEqual([0, 1, 1]);
    expect(m?.byHorizon[0]?.mae).toBeNull();
    expect(m?.overall.mae).toBe(0);
  });

  it("an origin the series does not observe is skipped", () => {
    const gappy = { id: "g", years: [2009, 2010, 2011, 2013, 2014], values: [5, 6, 7, 9, 10] };
    const r = backtest([gappy], [NAIVE], { origins: [2012], horizon: 2 });
    expect(r.pairs).toBe(0);
    expect(r.models[0]?.overall.n).toBe(0);
    expect(r.models[0]?.overall.mape).toBeNull();
  });
});

describe("backtest counts fallbacks and failures", () => {
  it("counts a fallback and reports the kind actually fitted", () => {
    // Holt needs 4 points; at origin 2011 there are 2 (2010, 2011), so it falls back.
    const r = backtest([irregular], [{ kind: "holt" }], { origins: [2011], horizon: 1 });
    const m = r.models[0];
    expect(m?.fallbacks).toBe(1);
    expect(m?.fittedKinds.map((k) => k.name)).not.toContain("holt");
    // The kind fitted is whatever fitModel reports, through the public API.
    const direct = fitModel({ kind: "holt" }, { years: [2010, 2011], values: [100, 104] });
    expect(m?.fittedKinds).toEqual([{ name: direct.kind, count: 1 }]);
  });

  it("counts a fit that throws as a failure with its message, and scores nothing from it", () => {
    const withZero = { id: "z", years: [2010, 2011, 2012], values: [0, 2, 3] };
    const r = backtest([withZero, irregular], [NAIVE], { origins: [2011], horizon: 1 });
    const m = r.models[0];
    expect(m?.fits).toBe(2);
    expect(m?.failures).toBe(1);
    expect(m?.failureMessages).toEqual([
      {
        name: "fitModel: series.values[0] must be a positive number on the log scale (got 0 in 2010)",
        count: 1,
        first: { series: "z", origin: 2011 },
      },
    ]);
    expect(m?.overall.n).toBe(1);
  });
});

describe("backtest is deterministic plain data", () => {
  it("gives the same result twice and survives a JSON round trip", () => {
    const series: BacktestSeries[] = [
      irregular,
      { id: "b", years: [2008, 2009, 2010, 2011, 2012, 2013], values: [5, 7, 8, 12, 13, 17] },
    ];
    const specs: BacktestSpec[] = [NAIVE, { kind: "drift" }, { kind: "cagr", rate: 0.07 }];
    const options = { origins: [2010, 2011, 2012], horizon: 2, keepForecasts: true };
    const a = backtest(series, specs, options);
    const b = backtest(series, specs, options);
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.verdict).toEqual(DEFAULT_VERDICT);
    expect(a.models.map((m) => m.label)).toEqual(["naive", "drift", "cagr(rate=0.07)"]);
  });

  it("each model's forecasts equal fitModel + projectModel on the training window", () => {
    const r = backtest([irregular], [{ kind: "drift" }], {
      origins: [2012],
      horizon: 2,
      keepForecasts: true,
    });
    const fitted = fitModel(
      { kind: "drift" },
      { years: [2010, 2011, 2012], values: [100, 104, 110] },
    );
    const projection = projectModel(fitted, { toYear: 2014, level: 0.8 });
    expect(r.models[0]?.forecasts?.map((f) => f.forecast)).toEqual(projection.values);
    expect(r.models[0]?.forecasts?.map((f) => f.lower)).toEqual(projection.lower);
  });
});

describe("backtest rejects broken contracts", () => {
  const s = [irregular];
  it("with the function name and the value in the message", () => {
    expect(() => backtest(s, [NAIVE], { origins: [], horizon: 1 })).toThrow(
      "backtest: options.origins must be a non-empty array of distinct integer years (got an empty array)",
    );
    expect(() => backtest(s, [NAIVE], { origins: [2011, 2011], horizon: 1 })).toThrow(
      "backtest: options.origins[1] must be a year not listed before (got 2011 again)",
    );
    expect(() => backtest(s, [NAIVE], { origins: [2011], horizon: 0 })).toThrow(
      "backtest: options.horizon must be an integer from 1 to 200 (got 0)",
    );
    expect(() => backtest(s, [NAIVE], { origins: [2011], horizon: 1, level: 80 })).toThrow(
      "backtest: options.level must be a fraction between 0 and 1, exclusive (0.8 = 80%) (got 80)",
    );
    expect(() =>
      backtest(s, [NAIVE], {
        origins: [2011],
        horizon: 1,
        verdict: { form: "growth", rates: [-1] },
      }),
    ).toThrow("backtest: options.verdict.rates[0] must be a finite number > -1 (got -1)");
    expect(() => backtest(s, [NAIVE], { origins: [2011], horizon: 1, trainingYears: 0 })).toThrow(
      "backtest: options.trainingYears must be a positive integer (got 0)",
    );
    expect(() => backtest(s, [], { origins: [2011], horizon: 1 })).toThrow(
      "backtest: specs must be a non-empty array of model specs (got an empty array)",
    );
    expect(() => backtest(s, [{ kind: "nope" }], { origins: [2011], horizon: 1 })).toThrow(
      'backtest: specs[0].kind must be "cagr", "path", "naive", "drift", "trend", "theil-sen", "holt", "theta", "logistic", "urgd", "combination" or "auto"; did you mean "holt"? (got the string "nope")',
    );
    expect(() => backtest(s, [{ kind: "cagr" }], { origins: [2011], horizon: 1 })).toThrow(
      "backtest: specs[0].rate must be a number (got nothing)",
    );
    expect(() =>
      backtest([irregular, irregular], [NAIVE], { origins: [2011], horizon: 1 }),
    ).toThrow('backtest: series[1].id must be unique (got the id "a" of series[0] again)');
    expect(() =>
      backtest([{ id: "u", years: [2011, 2010], values: [1, 2] }], [NAIVE], {
        origins: [2011],
        horizon: 1,
      }),
    ).toThrow(
      "backtest: series[0].years[1] must be a year after 2011, years strictly increasing (got 2010)",
    );
  });
});
