import { describe, expect, it } from "vitest";
import { convergence } from "../../src/analysis/convergence.js";
import { ArgumentRangeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const rel = (got: number | null | undefined, want: number, tol: number) =>
  expect(Math.abs((got ?? Number.NaN) - want) / Math.abs(want)).toBeLessThan(tol);

describe("convergence on the Qujing pack", () => {
  const c = convergence(qujingPack, "trend");
  const row = (year: number) => c.sigma.rows.find((r) => r.year === year);

  it("convergence gives 2018's dispersion of GDP per capita over the nine places as a hand computation", () => {
    // Hand computation from data/qujing/panel-observations.csv, 2018 (GDP 100M yuan / population
    // 10k persons × 1e4; see test/analysis/theilDecomposition.test.ts for the values):
    //   plain mean ȳ = 33906.067, population SD = 18996.241 → CV = 0.5602608228688978
    //   weighted mean = 1e4 · 2013.32 / 615.54 = 32708.191, √(Σ pᵢ(yᵢ − ȳw)²) = 20515.73
    //   → W-CV = 0.6272376335683189; T = 0.1556348414991804 = 0.11749654323949013 (between
    //   central-city and the rest) + 0.038138298259690236 (within).
    const r = row(2018);
    expect(r?.basis).toBe("observed");
    expect([r?.n, r?.placeCount]).toEqual([9, 9]);
    rel(r?.measures?.cv, 0.5602608228688978, 1e-13);
    rel(r?.measures?.weightedCv, 0.6272376335683189, 1e-13);
    rel(r?.measures?.theil, 0.1556348414991804, 1e-13);
    rel(r?.measures?.between, 0.11749654323949013, 1e-13);
    rel(r?.measures?.within, 0.038138298259690236, 1e-13);
    expect(r?.measures?.groups.map((g) => [g.group, g.n])).toEqual([
      ["central-city", 3],
      ["rest", 6],
    ]);
  });

  it("convergence states n of N, and which places lack data, every year", () => {
    // Zhanyi's GDP starts in 2016 and Malong's in 2018 (CSMAR_CNT_GDP); the others' in 2000.
    expect(row(2000)).toMatchObject({ n: 7, placeCount: 9, leftOut: ["zhanyi", "malong"] });
    expect(row(2016)).toMatchObject({ n: 8, leftOut: ["malong"] });
    expect(row(2021)).toMatchObject({ n: 9, leftOut: [], basis: "observed" });
    expect(c.sigma.rows.filter((r) => r.basis === "projected").map((r) => r.year)).toEqual([
      2022, 2023, 2024, 2025,
    ]);
    expect(c.through).toBe(2025);
  });

  it("convergence splits the years at the 2019 GDP revision, the 2020 census and changes of places", () => {
    expect(c.sigma.segments.map((s) => [s.segment, s.from, s.to])).toEqual([
      [1, 2000, 2015],
      [2, 2016, 2017],
      [3, 2018, 2018],
      [4, 2019, 2019],
      [5, 2020, 2025],
    ]);
    expect(c.sigma.segments[1]?.startsBecause).toBe("places compared change: + zhanyi");
    expect(c.sigma.segments[3]?.startsBecause).toMatch(/^series break: gdp changes basis in 2019/);
    expect(c.sigma.segments[4]?.startsBecause).toMatch(/population_resident .* in 2020/);
    // Every row carries its segment; the rows where a break starts carry it.
    expect(c.sigma.rows.filter((r) => r.break !== null).map((r) => r.year)).toEqual([2019, 2020]);
    for (const r of c.sigma.rows) {
      const s = c.sigma.segments[r.segment - 1];
      expect(r.year >= (s?.from ?? 0) && r.year <= (s?.to ?? 0)).toBe(true);
    }
  });

  it("convergence fits the CV's trend in each segment with three years of a basis, as Sxy/Sxx", () => {
    expect(c.sigma.trends.map((t) => [t.segment, t.basis, t.from, t.to, t.years])).toEqual([
      [1, "observed", 2000, 2015, 16],
      [5, "projected", 2022, 2025, 4],
    ]);
    const first = c.sigma.rows.filter((r) => r.segment === 1);
    const x = first.map((r) => r.year);
    const y = first.map((r) => r.measures?.cv as number);
    const mx = x.reduce((s, a) => s + a, 0) / x.length;
    const my = y.reduce((s, a) => s + a, 0) / y.length;
    const sxx = x.reduce((s, a) => s + (a - mx) ** 2, 0);
    const sxy = x.reduce((s, a, i) => s + (a - mx) * ((y[i] as number) - my), 0);
    rel(c.sigma.trends[0]?.cv.perYear, sxy / sxx, 1e-12);
    expect(c.sigma.trends[0]?.converging).toBe(sxy < 0);
  });

  it("convergence takes 2000–2018, the longest window without a break, for β on the seven places", () => {
    expect(c.beta.window).toEqual({
      from: 2000,
      to: 2018,
      years: 18,
      chosen: "longest",
      crossesBreaks: [],
    });
    // The closed form on the same places (test/analysis/betaConvergence.test.ts): Python's
    // Sxy/Sxx = −0.009198332044953066.
    rel(c.beta.unconditional?.beta.estimate, -0.009198332044953066, 1e-12);
    expect(c.beta.unconditional?.places).toEqual([
      "qilin",
      "xuanwei",
      "huize",
      "luliang",
      "shizong",
      "luoping",
      "fuyuan",
    ]);
    expect(c.beta.conditional).toBeNull();
    expect(c.beta.notes.some((n) => n.startsWith("n = 7 places"))).toBe(true);
    expect(c.beta.projected).toMatchObject({ from: 2021, to: 2025, n: 9, years: 4 });
  });

  it("convergence's conditional β on the 2000 investment share equals NumPy's", () => {
    const k = convergence(qujingPack, "trend", {
      controls: [{ indicator: "fixed_asset_investment", per: "gdp" }],
    });
    rel(k.beta.conditional?.beta.estimate, -0.009282342282047896, 1e-12);
    rel(k.beta.conditional?.controlCoefficients[0]?.estimate, 0.004288482857427987, 1e-11);
    expect(k.beta.conditional?.controls).toEqual(["fixed_asset_investment/gdp"]);
    const given = convergence(qujingPack, "trend", {
      controls: [{ name: "half of qilin", values: { qilin: 1, xuanwei: 0, huize: 0 } }],
    });
    expect(given.beta.conditional).toBeNull();
    expect(given.beta.notes.find((n) => n.startsWith("conditional: left out"))).toBe(
      "conditional: left out luliang, shizong, luoping, fuyuan (no value of half of qilin in 2000)",
    );
  });

  it("convergence lists the breaks a given window crosses", () => {
    const w = convergence(qujingPack, "trend", { window: [2000, 2021] });
    expect(w.beta.window?.chosen).toBe("given");
    expect(w.beta.window?.crossesBreaks.map((b) => b.slice(0, 4))).toEqual(["2019", "2020"]);
    expect(w.beta.notes[0]).toBe(
      "the window 2000–2021 crosses 2 series breaks: growth over it mixes two bases",
    );
  });

  it("convergence splits Theil's T around another centre, and projects further when asked", () => {
    const q = convergence(qujingPack, "trend", { centre: "qilin", through: 2030 });
    expect(q.sigma.centre).toEqual({ id: "qilin", members: ["qilin"] });
    expect(q.sigma.rows.at(-1)?.year).toBe(2030);
    expect(row(2018)?.measures?.theil).toBe(
      q.sigma.rows.find((r) => r.year === 2018)?.measures?.theil,
    );
  });

  it("convergence refuses unknown indicators, centres, years past the scenario and bad windows", () => {
    const fails = (options: object, message: string | RegExp) =>
      expect(() => convergence(qujingPack, "trend", options)).toThrow(message);
    fails(
      { indicator: "gdp_percap" },
      /^convergence: options.indicator must be an indicator places are compared on \(gdp_per_capita, .*\); did you mean "gdp_per_capita"\? \(got the string "gdp_percap"\)$/,
    );
    fails(
      { centre: "qiln" },
      /options.centre must be a group or place of the pack .*did you mean "qilin"/,
    );
    fails({ through: 2040 }, "convergence: options.through must be an integer ≤ 2035 (got 2040)");
    fails(
      { window: [2000, 2030] },
      "convergence: options.window must be two observed years of gdp_per_capita, from before to (got [2000, 2030]; observed: 2000–2021)",
    );
    fails(
      { window: [2018, 2000] },
      /options.window must be two years \[from, to\] with from before to/,
    );
    fails(
      {
        controls: [
          { indicator: "fixed_asset_investment" },
          { indicator: "fixed_asset_investment" },
        ],
      },
      /name "fixed_asset_investment" twice/,
    );
    fails({ windo: [2000, 2018] }, /options.windo is not an option; did you mean window\?/);
    expect(() => convergence(qujingPack, "trend", { controls: [{ indicator: "fai" }] })).toThrow(
      ArgumentRangeError,
    );
  });
});

describe("convergence on a pack without the defaults", () => {
  it("convergence asks for the centre and the indicator when the pack has neither default", () => {
    expect(() => convergence(syntheticPack(), "steady")).toThrow(
      "convergence: options.centre must be given: the pack has no group central-city (its groups and places: all, east, west)",
    );
    expect(() => convergence(syntheticPack(), "steady", { centre: "east" })).toThrow(
      "convergence: options.indicator must be given: the pack has no gdp_per_capita to compare places on (it compares urbanization)",
    );
  });

  it("convergence of two places has σ but no β, and says why", () => {
    const c = convergence(syntheticPack(), "steady", { centre: "east", indicator: "urbanization" });
    expect(c.sigma.rows.every((r) => r.n === 2)).toBe(true);
    expect(c.beta.window).toBeNull();
    expect(c.beta.unconditional).toBeNull();
    expect(c.beta.notes[0]).toMatch(
      /^no window of observed years without a series break has 3 places/,
    );
  });
});
