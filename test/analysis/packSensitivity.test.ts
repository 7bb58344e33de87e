import { describe, expect, it } from "vitest";
import { applyParameters, packParameters } from "../../src/analysis/internal/packParameters.js";
import { packTargetRunner } from "../../src/analysis/internal/packTargetRunner.js";
import type { MorrisResult } from "../../src/analysis/morrisScreening.js";
import type { OneAtATimeResult } from "../../src/analysis/oneAtATime.js";
import { packSensitivity } from "../../src/analysis/packSensitivity.js";
import type { SobolResult } from "../../src/analysis/sobolIndices.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";

// The Qujing targets that the pack's data make evaluable (the others lack data): the central
// city's share of the city's GDP in 2025, and the city's GDP in 2035 at constant prices.
const SHARE = "central-city-gdp-share";
const GDP = "gdp-2035-double";

describe("packSensitivity on the Qujing pack", () => {
  it("evaluates a target on the pruned pack exactly as assessPack does", () => {
    for (const scenario of ["trend", "plan", "downside"]) {
      const rows = assessPack(qujingPack, scenario).rows;
      for (const id of [SHARE, GDP]) {
        const runner = packTargetRunner("test", qujingPack, scenario, id);
        const { evaluation } = runner.run(runner.scenario);
        const row = rows.find((r) => r.targetId === id)!;
        expect(evaluation.projected).toBe(row.projected);
        expect(evaluation.gap).toEqual(row.gap);
      }
    }
  });

  it("by default moves the growth of each level series the target reads, ±3 points a year", () => {
    const runner = packTargetRunner("test", qujingPack, "trend", SHARE);
    const base = runner.run({ ...runner.scenario, shocks: [] }).projection;
    const parameters = packParameters("test", runner, base, undefined);
    expect(parameters.map((p) => p.name)).toEqual(["growth:central-city:gdp", "growth:city:gdp"]);
    for (const p of parameters) {
      expect(p.max - p.min).toBeCloseTo(0.06, 12);
      expect((p.min + p.max) / 2).toBeCloseTo(p.base!, 12);
    }
    // The base growth is the rate that takes the series' latest observation to the scenario's
    // projection of the target year: check it on the assessment's projected series.
    const series = base.series.find((s) => s.scope === "city" && s.indicator === "gdp")!;
    const last = series.observed[series.observed.length - 1]!;
    const projected = series.values[series.years.indexOf(2025)]!;
    expect(last.value * (1 + parameters[1]!.base!) ** (2025 - last.year)).toBeCloseTo(projected, 6);
  });

  it("Sobol' S1 of the two growths agrees with a brute-force Var(E[Y | X_i]) / Var(Y) on a grid", async () => {
    // The gap of the central city's GDP share in 2025 as a function of the two default growths;
    // S1_i = Var(E[Y | X_i]) / Var(Y) computed by the midpoint rule on a 12 × 12 grid of the
    // two uniform ranges (E[Y | X_1 = x_i] ≈ the mean of row i), independently of the Saltelli
    // design and estimators.
    const result = await packSensitivity(qujingPack, "trend", SHARE, {
      method: "sobol",
      samples: 128,
      seed: 3,
    });
    const [p1, p2] = result.parameters;
    const runner = packTargetRunner("test", qujingPack, "trend", SHARE);
    const m = 12;
    const at = (p: typeof p1, i: number) => p!.min + ((i + 0.5) / m) * (p!.max - p!.min);
    const y: number[][] = [];
    for (let i = 0; i < m; i++) {
      y.push([]);
      for (let j = 0; j < m; j++) {
        const values = { [p1!.name]: at(p1, i), [p2!.name]: at(p2, j) };
        const scenario = applyParameters(
          runner.scenario,
          result.parameters,
          values,
          runner.scopeSize,
        );
        y[i]!.push(runner.run(scenario).evaluation.gap!.absolute);
      }
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const variance = (v: number[]) => mean(v.map((x) => (x - mean(v)) ** 2));
    const all = y.flat();
    const s1Grid = [
      variance(y.map((row) => mean(row))) / variance(all),
      variance(y[0]!.map((_, j) => mean(y.map((row) => row[j]!)))) / variance(all),
    ];
    const sobol = result.result as SobolResult;
    expect(sobol.runs).toBe(128 * 4);
    sobol.indices.forEach((index, i) => {
      expect(Math.abs(index.s1! - s1Grid[i]!)).toBeLessThan(0.03);
    });
    // The central city's own growth matters most for its share.
    expect(s1Grid[0]).toBeGreaterThan(s1Grid[1]!);
  });

  it("takes the ranges of the scenario, and options.ranges before them", async () => {
    const scenario = {
      id: "trend-ranges",
      nameEn: "Trend with ranges",
      description: "The trend scenario with a range for the city's GDP growth.",
      extends: "trend",
      ranges: [{ scope: "city", indicator: "gdp", what: "growth" as const, min: 0.03, max: 0.07 }],
    };
    const fromScenario = await packSensitivity(qujingPack, scenario, GDP, { method: "oat" });
    expect(fromScenario.parameters.map((p) => [p.name, p.min, p.max, p.source])).toEqual([
      ["growth:city:gdp", 0.03, 0.07, "scenario"],
    ]);
    const oat = fromScenario.result as OneAtATimeResult;
    // A higher growth gives a higher GDP in 2035, so a larger gap: the sweep increases.
    const outputs = oat.effects[0]!.points.map((p) => p.output);
    expect(outputs).toEqual([...outputs].sort((a, b) => a - b));
    const fromOptions = await packSensitivity(qujingPack, scenario, GDP, {
      method: "oat",
      ranges: [{ scope: "qilin", indicator: "gdp", what: "growth", min: 0.02, max: 0.04 }],
    });
    expect(fromOptions.parameters.map((p) => [p.name, p.source])).toEqual([
      ["growth:qilin:gdp", "options"],
    ]);
  });

  it("moves the downside scenario's shock of the city's GDP from 0 to twice its size", async () => {
    const result = await packSensitivity(qujingPack, "downside", GDP, {
      method: "morris",
      samples: 4,
      seed: 2,
    });
    const shock = result.parameters.find((p) => p.what === "shock")!;
    expect([shock.min, shock.max]).toEqual([2 * shock.base!, 0]);
    const morris = result.result as MorrisResult;
    expect(morris.runs).toBe(4 * 3);
    expect(
      await packSensitivity(qujingPack, "downside", GDP, { method: "morris", samples: 4, seed: 2 }),
    ).toEqual(result);
  });

  it("rejects an unknown target, a target without a gap, a sigma range and a shock range without a shock", async () => {
    await expect(packSensitivity(qujingPack, "trend", "gdp-2035")).rejects.toThrow(
      'packSensitivity: targetId must be the id of a target of the pack; did you mean "gdp-2035-double"? (got the string "gdp-2035")',
    );
    await expect(packSensitivity(qujingPack, "trend", "gdp-rank-top70")).rejects.toThrow(
      /^packSensitivity: targetId must name a target the scenario evaluates: gdp-rank-top70 has no gap under "trend"/,
    );
    const sigma = [{ scope: "city", indicator: "gdp", what: "sigma" as const, min: 0, max: 0.1 }];
    await expect(packSensitivity(qujingPack, "trend", GDP, { ranges: sigma })).rejects.toThrow(
      /^packSensitivity: options\.ranges\[0\]\.what must be "growth" or "shock"/,
    );
    const shock = [{ scope: "city", indicator: "gdp", what: "shock" as const, min: -0.1, max: 0 }];
    await expect(packSensitivity(qujingPack, "trend", GDP, { ranges: shock })).rejects.toThrow(
      "packSensitivity: options.ranges[0] must name the scope and indicator of a shock of the scenario (got city × gdp, which has none)",
    );
    await expect(packSensitivity(qujingPack, "trend", GDP, { samples: 100 })).rejects.toThrow(
      "packSensitivity: options.samples must be a power of 2 from 2 to 2^20 for Sobol' (e.g. 256, 1024) (got 100)",
    );
  });
});
