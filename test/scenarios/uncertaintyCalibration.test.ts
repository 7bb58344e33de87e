import { describe, expect, it } from "vitest";
import { estimateUncertainty } from "../../src/scenarios/estimateUncertainty.js";
import { INTERVAL_CALIBRATION } from "../../src/scenarios/intervalCalibration.generated.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { shockInterval } from "../../src/scenarios/shockInterval.js";
import type { Indicator } from "../../src/schemas/indicator.js";
import { baseScenario, syntheticPack } from "../helpers/syntheticPack.js";

const pack = syntheticPack();
const estimateUnder = (scenario: typeof baseScenario) => {
  const s = resolveScenario(scenario, []);
  return estimateUncertainty(pack.dataset, projectScenario(pack.dataset, s), s);
};
const gdpOf = (e: ReturnType<typeof estimateUncertainty>, scope: string) =>
  e.series.find((s) => s.scope === scope && s.indicator === "gdp");

describe("estimateUncertainty: the calibration of each series", () => {
  it("a theta-projected level carries theta's factors; a cagr path carries none", () => {
    const theta = estimateUnder({
      ...baseScenario,
      id: "theta",
      models: [{ scope: "*", indicator: "gdp", spec: { kind: "theta" }, reason: "test" }],
    });
    expect(gdpOf(theta, "east")?.calibration).toEqual(INTERVAL_CALIBRATION.log.theta);
    // The synthetic scenario projects GDP with cagr: an assumption, not calibrated.
    expect(gdpOf(estimateUnder(baseScenario), "east")?.calibration).toBeUndefined();
  });

  it("a sigma the scenario states is taken as stated, without calibration", () => {
    const stated = estimateUnder({
      ...baseScenario,
      id: "stated",
      models: [{ scope: "*", indicator: "gdp", spec: { kind: "drift" }, reason: "test" }],
      uncertainty: [{ scope: "east", indicator: "gdp", sigma: 0.03, reason: "test" }],
    });
    expect(gdpOf(stated, "east")).toMatchObject({ sigma: 0.03, basis: "scenario" });
    expect(gdpOf(stated, "east")?.calibration).toBeUndefined();
    expect(gdpOf(stated, "west")?.calibration).toEqual(INTERVAL_CALIBRATION.log.drift);
  });
});

describe("shockInterval: the calibrated closed form", () => {
  const indicator = pack.dataset.indicators.find((i) => i.id === "gdp") as Indicator;
  const estimate = (calibration?: number[]) => ({
    series: [
      {
        scope: "a",
        indicator: "gdp",
        sigma: 0.05,
        source: "test",
        basis: "series" as const,
        steps: 9,
        ...(calibration === undefined ? {} : { calibration }),
      },
    ],
    indicators: [{ indicator: "gdp", phi: 0, rho: 0, source: "test" }],
  });
  it("multiplies the spread after h years by the h-th factor, the last one beyond", () => {
    // h = 2, factor 3: sd = 0.05 · √2 · 3 = 0.2121320; × z_0.9 = 1.2815516 → 0.2718581;
    // 100 · exp(∓0.2718581) = [76.196, 131.240]
    const i = shockInterval(
      estimate([2, 3]),
      { scope: "a", indicator: "gdp" },
      indicator,
      100,
      2,
      0.8,
    );
    expect(i?.sd).toBeCloseTo(0.212132, 6);
    expect(i?.lower).toBeCloseTo(76.196, 3);
    expect(i?.upper).toBeCloseTo(131.24, 3);
    // h = 7 takes the last factor: sd = 0.05 · √7 · 3 = 0.396863
    expect(
      shockInterval(estimate([2, 3]), { scope: "a", indicator: "gdp" }, indicator, 100, 7, 0.8)?.sd,
    ).toBeCloseTo(0.396863, 6);
    // Without calibration: 0.05 · √2 = 0.070711
    expect(
      shockInterval(estimate(), { scope: "a", indicator: "gdp" }, indicator, 100, 2, 0.8)?.sd,
    ).toBeCloseTo(0.070711, 6);
  });
});
