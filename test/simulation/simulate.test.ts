import { type SimulationPlan, type SimulationTarget, simulate } from "regionsim";
import { describe, expect, it } from "vitest";

const ln = Math.log;

/** One place, one log-scale indicator: baseline ln(level0) + mu·t, shocks sigma, phi. */
function onePlace(
  opts: { level0: number; mu: number; sigma: number; phi: number; years: number },
  targets: SimulationTarget[] = [],
): SimulationPlan {
  return {
    baseYear: 2020,
    years: opts.years,
    places: ["a"],
    indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: opts.phi, rho: 0 }],
    groups: [],
    baseline: [[Array.from({ length: opts.years }, (_, k) => ln(opts.level0) + opts.mu * (k + 1))]],
    sigma: [[opts.sigma]],
    targets,
  };
}

const atLeast = (id: string, year: number, threshold: number): SimulationTarget => ({
  id,
  year,
  conditions: [
    { measure: { kind: "value", scope: "a", indicator: "gdp" }, comparator: ">=", threshold },
  ],
});

describe("simulate: distribution of a single random walk", () => {
  // Random walk, phi = 0: ln level(2025) ~ N(ln 100 + 5·0.05, 0.1²·5).
  const plan = onePlace({ level0: 100, mu: 0.05, sigma: 0.1, phi: 0, years: 5 }, [
    atLeast("g", 2025, 130),
  ]);
  const N = 100_000;

  it("simulate gives P(level ≥ c) = 1 − Φ((ln c − m) / s) within 4 standard errors", async () => {
    const r = await simulate(plan, { paths: N, seed: 11, workers: 0 });
    // scipy.stats.norm.sf((log(130) - log(100) - 0.25) / (0.1 * sqrt(5))) = 0.4779518535277429
    const p = 0.4779518535277429;
    expect(Math.abs(r.targets[0]!.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    expect(r.targets[0]!.standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / N), 4);
  });

  it("simulate starts a series' shocks at its start year: before it the baseline, then fewer shocks", async () => {
    // Shocks only in years 3–5: ln level(2025) ~ N(ln 100 + 0.25, 0.1²·3);
    // scipy.stats.norm.sf((log(130) - log(100) - 0.25) / (0.1 * sqrt(3))) = 0.4715456282711561
    const late: SimulationPlan = { ...plan, start: [[3]] };
    const r = await simulate(late, { paths: N, seed: 13, workers: 0, samplePaths: 3 });
    const p = 0.4715456282711561;
    expect(Math.abs(r.targets[0]!.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    for (const path of r.samples[0]!.paths) {
      expect(path[0]).toBeCloseTo(100 * Math.exp(0.05), 9);
      expect(path[1]).toBeCloseTo(100 * Math.exp(0.1), 9);
    }
  });

  it("simulate gives the lognormal quantiles exp(m + s·z_q) within Monte Carlo error", async () => {
    const r = await simulate(plan, {
      paths: N,
      seed: 12,
      workers: 0,
      quantiles: [0.05, 0.5, 0.95],
    });
    const row = r.series.find((s) => s.scope === "a")!.quantiles[4]!;
    // exp(m + s·norm.ppf(q)) for q = 0.05, 0.5, 0.95 (scipy): 88.887…, 128.402…, 185.484…
    const exact = [88.8873407571551, 128.4025416687742, 185.48437343901665];
    // The standard error of a sample q-quantile on the log scale is s·√(q(1−q))/φ(z_q)/√N:
    // 0.0024 at the 5% and 95% quantiles and 0.0014 at the median (s = 0.2236).
    const tolerance = [0.01, 0.006, 0.01];
    for (const [k, v] of row.entries())
      expect(Math.abs(ln(v / exact[k]!))).toBeLessThan(tolerance[k]!);
  });

  it("simulate reports first years met that add up to 1 and cover the due year", async () => {
    const r = await simulate(plan, { paths: 20_000, seed: 13, workers: 0 });
    const t = r.targets[0]!;
    const total = t.firstYearMet.probabilities.reduce((s, p) => s + p, 0) + t.firstYearMet.never;
    expect(total).toBeCloseTo(1, 12);
    expect(t.firstYearMet.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    // Met in 2025 implies a first year ≤ 2025.
    expect(1 - t.firstYearMet.never).toBeGreaterThanOrEqual(t.probability);
  });
});

describe("simulate: AR(1) shocks", () => {
  it("simulate matches the closed-form variance of the cumulated AR(1) sum", async () => {
    // phi = 0.6, sigma = 0.05, T = 10: Var = 0.05²·Σ_{j=1..10} ((1 − 0.6^j) / 0.4)², sd 0.344162
    // (arithmetic in Python); P(level ≥ 140) = norm.sf((ln 140 − ln 100 − 0.3) / 0.344162).
    const plan = onePlace({ level0: 100, mu: 0.03, sigma: 0.05, phi: 0.6, years: 10 }, [
      atLeast("g", 2030, 140),
    ]);
    const N = 100_000;
    const r = await simulate(plan, {
      paths: N,
      seed: 21,
      workers: 0,
      quantiles: [0.05, 0.5, 0.95],
    });
    const p = 0.45780142142074015;
    expect(Math.abs(r.targets[0]!.probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    const exact = [76.63660257258567, 134.98588075760034, 237.76090526256124];
    const row = r.series[0]!.quantiles[9]!;
    // Standard errors on the log scale: 0.0037 (5%, 95%) and 0.0022 (median).
    const tolerance = [0.015, 0.009, 0.015];
    for (const [k, v] of row.entries())
      expect(Math.abs(ln(v / exact[k]!))).toBeLessThan(tolerance[k]!);
  });

  it("simulate correlates places through the common factor: corr of year-1 log levels = rho", async () => {
    const plan: SimulationPlan = {
      baseYear: 2020,
      years: 1,
      places: ["a", "b"],
      indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0.5 }],
      groups: [],
      baseline: [[[0]], [[0]]],
      sigma: [[0.1], [0.2]],
      targets: [],
    };
    const k = 10_000;
    const r = await simulate(plan, { paths: k, seed: 3, workers: 0, samplePaths: k });
    const xa = r.samples[0]!.paths.map((p) => ln(p[0]!));
    const xb = r.samples[1]!.paths.map((p) => ln(p[0]!));
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    const ma = mean(xa);
    const mb = mean(xb);
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let n = 0; n < k; n++) {
      sab += (xa[n]! - ma) * (xb[n]! - mb);
      saa += (xa[n]! - ma) ** 2;
      sbb += (xb[n]! - mb) ** 2;
    }
    // Corr = √rho_a·√rho_b = 0.5; the standard error of a sample correlation is (1 − ρ²)/√k.
    expect(Math.abs(sab / Math.sqrt(saa * sbb) - 0.5)).toBeLessThan(4 * (0.75 / Math.sqrt(k)));
    expect(Math.sqrt(saa / k)).toBeCloseTo(0.1, 2);
    expect(Math.sqrt(sbb / k)).toBeCloseTo(0.2, 2);
  });
});

describe("simulate: measures and aggregates (deterministic, sigma = 0)", () => {
  // Two places, population and urban population (log scale, summed), urbanization as a ratio.
  const years = 3;
  const path = (level0: number, g: number): number[] =>
    Array.from({ length: years }, (_, k) => ln(level0) + g * (k + 1));
  const plan = (targets: SimulationTarget[]): SimulationPlan => ({
    baseYear: 2020,
    years,
    places: ["a", "b"],
    indicators: [
      { id: "pop", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 },
      { id: "urban", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 },
      {
        id: "urbanization",
        scale: "logit",
        bounds: [0, 100],
        aggregation: { rule: "ratio", numerator: "urban", denominator: "pop", scale: 100 },
        phi: 0,
        rho: 0,
      },
      {
        id: "wage",
        scale: "log",
        aggregation: { rule: "weighted-mean", weight: "pop" },
        phi: 0,
        rho: 0,
      },
    ],
    groups: [{ id: "city", members: ["a", "b"] }],
    baseline: [
      [path(100, 0), path(50, 0.1), path(50, 0), path(10, 0)],
      [path(300, 0), path(90, 0), path(30, 0), path(20, 0)],
    ],
    sigma: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    targets,
  });
  const value = (scope: string, indicator: string) => ({
    kind: "value" as const,
    scope,
    indicator,
  });

  it("simulate aggregates groups by sum, ratio and weighted mean", async () => {
    const r = await simulate(plan([]), { paths: 10, seed: 1, workers: 0, quantiles: [0.5] });
    const city = (indicator: string) =>
      r.series.find((s) => s.scope === "city" && s.indicator === indicator)!;
    // Arithmetic: pop = 100 + 300; urban(2023) = 50·e^0.3 + 90; urbanization = 100·urban/pop;
    // wage = (100·10 + 300·20) / 400 = 17.5. The grid widens a constant by 2^-30 relative.
    const urban = 50 * Math.exp(0.3) + 90;
    expect(city("pop").quantiles[2]![0]).toBeCloseTo(400, 5);
    expect(city("urban").quantiles[2]![0]).toBeCloseTo(urban, 5);
    expect(city("urbanization").quantiles[2]![0]).toBeCloseTo((100 * urban) / 400, 5);
    expect(city("wage").quantiles[2]![0]).toBeCloseTo(17.5, 5);
    // A place's own urbanization is its own logit-scale series: baseline ln 50 on the logit
    // scale of [0, 100] is the value 100 / (1 + e^−ln 50) = 100 / (1 + 1/50).
    const own = r.series.find((s) => s.scope === "a" && s.indicator === "urbanization")!;
    expect(own.quantiles[0]![0]).toBeCloseTo(100 / (1 + 1 / 50), 5);
  });

  it("simulate measures shares, cumulative sums, first years met, ≤ and about", async () => {
    const urban = (k: number): number => 50 * Math.exp(0.1 * k) + 90;
    const targets: SimulationTarget[] = [
      // share of a's urban population in the city's: 50·e^0.2 / urban(2) (arithmetic)
      {
        id: "share",
        year: 2022,
        conditions: [
          {
            measure: {
              kind: "ratio",
              numerator: value("a", "urban"),
              denominator: value("city", "urban"),
              scale: 100,
            },
            comparator: ">=",
            threshold: 40,
          },
        ],
      },
      // cumulative urban population 2021–2023 = urban(1) + urban(2) + urban(3)
      {
        id: "count",
        year: 2023,
        conditions: [
          {
            measure: { kind: "cumulative", scope: "city", indicator: "urban", from: 2021 },
            comparator: ">=",
            threshold: 500,
          },
        ],
      },
      // first year the city's urban population reaches 150: 50·e^(0.1t) ≥ 60 ⇔ t ≥ 1.82 → 2022
      {
        id: "first",
        year: null,
        conditions: [{ measure: value("city", "urban"), comparator: ">=", threshold: 150 }],
      },
      {
        id: "at-most",
        year: 2021,
        conditions: [{ measure: value("city", "pop"), comparator: "<=", threshold: 399 }],
      },
      {
        id: "about",
        year: 2021,
        conditions: [
          { measure: value("city", "pop"), comparator: "about", tolerance: 0.01, threshold: 398 },
        ],
      },
      // several conditions: both places above their thresholds in 2023
      {
        id: "both",
        year: 2023,
        conditions: [
          { measure: value("a", "pop"), comparator: ">=", threshold: 100 },
          { measure: value("b", "pop"), comparator: ">=", threshold: 301 },
        ],
      },
    ];
    const r = await simulate(plan(targets), { paths: 5, seed: 1, workers: 0, quantiles: [0.5] });
    const byId = Object.fromEntries(r.targets.map((t) => [t.id, t]));
    const share = (100 * 50 * Math.exp(0.2)) / urban(2);
    expect(byId.share!.probability).toBe(1);
    expect(byId.share!.conditions[0]!.value[0]).toBeCloseTo(share, 5);
    expect(byId.share!.conditions[0]!.gap[0]).toBeCloseTo(share - 40, 5);
    const cumulative = urban(1) + urban(2) + urban(3);
    expect(byId.count!.probability).toBe(cumulative >= 500 ? 1 : 0);
    expect(byId.count!.conditions[0]!.gap[0]).toBeCloseTo(cumulative - 500, 4);
    expect(byId.count!.conditions[0]!.relativeGap![0]).toBeCloseTo((cumulative - 500) / 500, 6);
    expect(byId.first!.firstYearMet.probabilities).toEqual([0, 1, 0]);
    expect(byId.first!.firstYearMet.never).toBe(0);
    expect(byId.first!.probability).toBe(1);
    expect(byId.first!.evaluatedYear).toBe(2023);
    expect(byId["at-most"]!.probability).toBe(0);
    expect(byId.about!.probability).toBe(1); // |400 − 398| = 2 ≤ 0.01·398 = 3.98
    expect(byId.both!.probability).toBe(0); // b's population is 300 < 301
  });

  it("simulate takes thresholds by year, with null where a condition cannot hold", async () => {
    const targets: SimulationTarget[] = [
      {
        id: "rank",
        year: null,
        conditions: [
          { measure: value("city", "urban"), comparator: ">=", threshold: [100, null, 1000] },
        ],
      },
      {
        id: "late",
        year: null,
        window: { from: 2022, to: 2023 },
        conditions: [{ measure: value("city", "urban"), comparator: ">=", threshold: [0, 0, 0] }],
      },
    ];
    const r = await simulate(plan(targets), { paths: 3, seed: 1, workers: 0 });
    expect(r.targets[0]!.firstYearMet.probabilities).toEqual([1, 0, 0]);
    expect(r.targets[1]!.firstYearMet).toEqual({
      years: [2022, 2023],
      probabilities: [1, 0],
      never: 0,
    });
  });

  it("simulate keeps the first paths whole", async () => {
    const r = await simulate(plan([]), {
      paths: 7,
      seed: 1,
      workers: 0,
      samplePaths: 2,
      series: [
        { scope: "city", indicator: "pop" },
        { scope: "a", indicator: "urban" },
      ],
    });
    expect(r.samples.map((s) => s.paths.length)).toEqual([2, 2]);
    expect(r.samples[0]!.paths[1]![0]).toBeCloseTo(400, 9);
    expect(r.samples[1]!.paths[0]!.map((v) => ln(v / 50))).toEqual([
      expect.closeTo(0.1, 12),
      expect.closeTo(0.2, 12),
      expect.closeTo(0.3, 12),
    ]);
  });
});

describe("simulate: exponential", () => {
  it("simulate computes a log-scale level without shocks as Math.exp(baseline), bit for bit", async () => {
    // 200 baselines spread over (−30, 30); sigma = 0, so each value is exp(baseline)·expf(0) =
    // Math.exp(baseline) (logScaleValue), and a one-member group passes it through unchanged.
    const years = 200;
    const baseline = Array.from({ length: years }, (_, k) => -30 + 0.3 * k + Math.sin(k));
    const plan: SimulationPlan = {
      baseYear: 2000,
      years,
      places: ["a"],
      indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
      groups: [{ id: "g", members: ["a"] }],
      baseline: [[baseline]],
      sigma: [[0]],
      targets: [],
    };
    const r = await simulate(plan, {
      paths: 1,
      seed: 1,
      workers: 0,
      samplePaths: 1,
      series: [{ scope: "g", indicator: "gdp" }],
    });
    const values = r.samples[0]!.paths[0]!;
    values.forEach((v, k) => {
      expect(v).toBe(Math.exp(baseline[k]!));
    });
  });
});

describe("simulate: the result's state", () => {
  it("simulate's state is plain data, built when first read and the same object after, and survives JSON and structuredClone", async () => {
    const plan: SimulationPlan = {
      baseYear: 2020,
      years: 2,
      places: ["a"],
      indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0.3, rho: 0 }],
      groups: [],
      baseline: [[[1, 1.1]]],
      sigma: [[0.1]],
      targets: [],
    };
    const r = await simulate(plan, { paths: 3000, seed: 3, workers: 0 });
    expect(Object.keys(r).at(-1)).toBe("state");
    const state = r.state;
    expect(r.state).toBe(state);
    const h = state.histograms[0]!;
    expect(Array.isArray(h.counts)).toBe(true);
    // Every path is counted once: under + the grid's counts + over = paths.
    expect(h.under + h.counts.reduce((a, c) => a + c, 0) + h.over).toBe(3000);
    const copy = JSON.parse(JSON.stringify(r));
    expect(copy.state).toEqual(state);
    expect(structuredClone(r).state).toEqual(state);
    expect({ ...r }.state).toBe(state);
    // Assigning or deleting works as on a data property.
    const again = await simulate(plan, { paths: 3000, seed: 3, workers: 0 });
    (again as { state: unknown }).state = "replaced";
    expect(again.state).toBe("replaced");
    expect(delete (again as { state?: unknown }).state).toBe(true);
    expect("state" in again).toBe(false);
  });

  it("simulate's kernel counts every path once in every histogram, on worker threads too (the summaries rely on it)", async () => {
    const plan: SimulationPlan = {
      baseYear: 2020,
      years: 3,
      places: ["a", "b"],
      indicators: [
        { id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0.3, rho: 0.4 },
        {
          id: "urban",
          scale: "logit",
          bounds: [0, 100],
          aggregation: { rule: "none" },
          phi: 0,
          rho: 0,
        },
      ],
      groups: [{ id: "g", members: ["a", "b"] }],
      baseline: [
        [
          [1, 1.1, 1.2],
          [0.1, 0.2, 0.3],
        ],
        [
          [2, 2.1, 2.2],
          [-0.5, -0.4, -0.3],
        ],
      ],
      sigma: [
        [0.2, 0.3],
        [0.1, 0.2],
      ],
      targets: [
        {
          id: "t",
          year: null,
          conditions: [
            {
              measure: { kind: "value", scope: "g", indicator: "gdp" },
              comparator: ">=",
              threshold: 12,
            },
          ],
        },
      ],
    };
    for (const workers of [0, 2]) {
      const r = await simulate(plan, { paths: 5000, seed: 9, workers });
      expect(r.state.histograms.length).toBeGreaterThan(10);
      for (const h of r.state.histograms)
        expect(h.under + h.counts.reduce((a, c) => a + c, 0) + h.over + h.invalid).toBe(5000);
    }
  });
});

describe("simulate: inactive series", () => {
  const plan: SimulationPlan = {
    ...onePlace({ level0: 100, mu: 0, sigma: 0.1, phi: 0, years: 2 }),
    places: ["a", "b"],
    groups: [{ id: "city", members: ["a", "b"] }],
    baseline: [[[ln(100), ln(100)]], [null]],
    sigma: [[0.1], [0.1]],
  };

  it("simulate leaves out inactive series and groups that need them by default", async () => {
    const r = await simulate(plan, { paths: 10, seed: 1, workers: 0 });
    expect(r.series.map((s) => `${s.scope}:${s.indicator}`)).toEqual(["a:gdp"]);
  });

  it("simulate refuses a requested group whose member series is inactive", async () => {
    await expect(
      simulate(plan, {
        paths: 10,
        seed: 1,
        workers: 0,
        series: [{ scope: "city", indicator: "gdp" }],
      }),
    ).rejects.toThrow(
      "simulate: series city × gdp needs b × gdp, which is inactive (null baseline)",
    );
  });
});

describe("simulate: options", () => {
  const plan = onePlace({ level0: 100, mu: 0.05, sigma: 0.1, phi: 0, years: 2 }, [
    atLeast("g", 2022, 100),
  ]);

  it("simulate validates its options with RangeErrors that name the function and the value", async () => {
    await expect(simulate(plan, { paths: 0, seed: 1 })).rejects.toThrow(
      "simulate: paths must be a positive integer ≤ 100000000 (got 0)",
    );
    await expect(simulate(plan, { paths: 1.5, seed: 1 })).rejects.toThrow(RangeError);
    await expect(simulate(plan, { paths: 100_000_001, seed: 1 })).rejects.toThrow(RangeError);
    await expect(simulate(plan, { paths: 10, seed: 0.5 })).rejects.toThrow(
      "simulate: seed must be a safe integer (got 0.5)",
    );
    await expect(simulate(plan, { paths: 10, seed: 1, quantiles: [0.5, 1] })).rejects.toThrow(
      "simulate: quantiles must be fractions in (0, 1) (got 1)",
    );
    await expect(simulate(plan, { paths: 10, seed: 1, workers: -1 })).rejects.toThrow(
      "simulate: workers must be a non-negative integer (got -1)",
    );
    await expect(simulate(plan, { paths: 10, seed: 1, samplePaths: 10_001 })).rejects.toThrow(
      "simulate: samplePaths must be an integer in [0, 10000] (got 10001)",
    );
    await expect(
      simulate(plan, { paths: 10_000, seed: 1, blocks: { from: 1, to: 11 } }),
    ).rejects.toThrow("simulate: blocks must satisfy 0 ≤ from < to ≤ 10 (got { from: 1, to: 11 })");
  });

  it("simulate rejects a plan that contradicts itself", async () => {
    await expect(simulate({ ...plan, baseline: [[[0]]] }, { paths: 10, seed: 1 })).rejects.toThrow(
      "simulate: plan.baseline[0][0] must have 2 values, one per year (got 1)",
    );
    await expect(
      simulate({ ...plan, groups: [{ id: "city", members: ["x"] }] }, { paths: 10, seed: 1 }),
    ).rejects.toThrow('simulate: plan.groups "city" has an unknown member "x"');
    await expect(
      simulate({ ...plan, targets: [atLeast("g", 2030, 1)] }, { paths: 10, seed: 1 }),
    ).rejects.toThrow('simulate: target "g": year must be a simulated year 2021–2022 (got 2030)');
    await expect(simulate({ ...plan, years: 0 }, { paths: 10, seed: 1 })).rejects.toThrow(
      TypeError,
    );
  });

  it("simulate reports progress after every block", async () => {
    const seen: number[] = [];
    await simulate(plan, {
      paths: 10_000,
      seed: 1,
      workers: 0,
      onProgress: (p) => seen.push(p.completedPaths),
    });
    // Blocks of 1024 paths: 9 full ones and one of 784.
    expect(seen).toEqual([1024, 2048, 3072, 4096, 5120, 6144, 7168, 8192, 9216, 10_000]);
  });

  it("simulate rejects with an AbortError when aborted, in the calling thread and on workers", async () => {
    for (const workers of [0, 2]) {
      const controller = new AbortController();
      const run = simulate(plan, {
        paths: 200_000,
        seed: 1,
        workers,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      await expect(run).rejects.toMatchObject({ name: "AbortError" });
    }
    const controller = new AbortController();
    controller.abort();
    await expect(
      simulate(plan, { paths: 10, seed: 1, signal: controller.signal }),
    ).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
