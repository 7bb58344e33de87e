import { describe, expect, it } from "vitest";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import {
  PREFECTURE_GDP_SHOCKS,
  PREFECTURE_POPULATION_SHOCKS,
} from "../../src/scenarios/defaultUncertainty.generated.js";
import {
  defaultShocksOf,
  estimateUncertainty,
  FALLBACK_SHOCKS,
} from "../../src/scenarios/estimateUncertainty.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { cumulatedShockSd } from "../../src/scenarios/shockInterval.js";
import { baseScenario, syntheticPack } from "../helpers/syntheticPack.js";

describe("cumulatedShockSd", () => {
  it("cumulatedShockSd equals the sum of the ARIMA(1,1,0) ψ-weights squared", () => {
    // Direct sum: Var = σ² Σ_{k=1..h} ((1 − φ^k) / (1 − φ))²; φ = 0.6, σ = 0.05, h = 10 gives
    // 0.344162 (the figure test/simulation/simulate.test.ts checks the engine against).
    expect(cumulatedShockSd(0.05, 0.6, 10)).toBeCloseTo(0.344162, 6);
    for (const phi of [-0.5, 0.2382, 0.9])
      for (const h of [1, 5, 13]) {
        let v = 0;
        for (let k = 1; k <= h; k++) v += ((1 - phi ** k) / (1 - phi)) ** 2;
        expect(cumulatedShockSd(0.1, phi, h)).toBeCloseTo(0.1 * Math.sqrt(v), 12);
      }
  });
  it("cumulatedShockSd is σ√h for a random walk and 0 at horizon 0", () => {
    expect(cumulatedShockSd(0.05, 0, 4)).toBeCloseTo(0.1, 15);
    expect(cumulatedShockSd(0.05, 0.3, 0)).toBe(0);
  });
});

describe("estimateUncertainty: defaults per kind", () => {
  it("defaultShocksOf gives population its own default and money levels the GDP one", () => {
    expect(defaultShocksOf({ scale: "log", unit: "10k persons" })).toBe(FALLBACK_SHOCKS.population);
    expect(defaultShocksOf({ scale: "log", unit: "100M yuan" })).toBe(FALLBACK_SHOCKS.log);
    expect(FALLBACK_SHOCKS.population.sigma).toBe(PREFECTURE_POPULATION_SHOCKS.sigma);
    // Population moves far less than GDP: a fifth of its sigma or less.
    expect(PREFECTURE_POPULATION_SHOCKS.sigma).toBeLessThan(PREFECTURE_GDP_SHOCKS.sigma / 5);
  });

  it("estimateUncertainty says when a series' sigma is a default and how short its own series is", () => {
    const pack = syntheticPack();
    const scenario = resolveScenario(baseScenario, []);
    const u = estimateUncertainty(pack.dataset, projectScenario(pack.dataset, scenario), scenario);
    // 4 observations = 3 steps < 5: the default for levels, 0.05091 → shown as 0.051.
    expect(u.series.find((s) => s.scope === "east" && s.indicator === "gdp")).toMatchObject({
      sigma: 0.05091,
      basis: "default",
      steps: 3,
      note: "σ from the default for levels (0.051): its own series has 3 steps",
    });
  });

  it("estimateUncertainty gives Qujing's county populations the population default, not GDP's", () => {
    const scenario = resolveScenario("trend", qujingPack.scenarios);
    const projection = projectScenario(qujingPack.dataset, scenario, qujingPack.references);
    const u = estimateUncertainty(qujingPack.dataset, projection, scenario);
    const pop = u.series.find((s) => s.scope === "huize" && s.indicator === "population_census");
    expect(pop).toMatchObject({ sigma: PREFECTURE_POPULATION_SHOCKS.sigma, basis: "default" });
    expect(pop?.note).toMatch(/^σ from the default for population \(0\.0096\)/);
    // A county's short GDP series pools the gdp series with 5+ steps: Malong's 2018–2021 has 2
    // steps (none across the 2019 break), Zhanyi's 2016–2021 has 4; the series with 5+ steps are
    // the city's (2000–2023: 22 steps) and the seven places' from 2000 (2000–2021: 20 steps).
    const malong = u.series.find((s) => s.scope === "malong" && s.indicator === "gdp");
    const zhanyi = u.series.find((s) => s.scope === "zhanyi" && s.indicator === "gdp");
    const luoping = u.series.find((s) => s.scope === "luoping" && s.indicator === "gdp");
    const city = u.series.find((s) => s.scope === "city" && s.indicator === "gdp");
    expect(malong).toMatchObject({ basis: "pooled", steps: 2 });
    expect(malong?.source).toBe("pooled from 8 series of gdp with at least 5 steps");
    expect(zhanyi).toMatchObject({ basis: "pooled", steps: 4 });
    expect(zhanyi?.sigma).toBe(malong?.sigma);
    expect(luoping).toMatchObject({ basis: "series", steps: 20 });
    expect(city).toMatchObject({ basis: "series", steps: 22 });
  });
});
