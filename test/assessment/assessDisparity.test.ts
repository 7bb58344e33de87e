import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import {
  baseScenario,
  obs,
  syntheticObservations,
  syntheticPack,
} from "../helpers/syntheticPack.js";

describe("assessDisparity (through assessPack)", () => {
  it("assessPack reports the disparity of a recomputed rate across places, weighted by its denominator", () => {
    const rows = assessPack(syntheticPack(), "steady").disparity ?? [];
    const base = rows.find((r) => r.indicator === "urbanization" && r.year === 2020);
    // east 100·30/40 = 75%, west 100·20/60 = 33.33%, weights 40 and 60:
    // weighted mean 0.4·75 + 0.6·33.33 = 50; Gini = 2·0.4·0.6·41.67 / (2·50) = 0.2
    expect(base?.basis).toBe("observed");
    expect(base?.measures?.mean).toBeCloseTo(50, 12);
    expect(base?.measures?.gini).toBeCloseTo(0.2, 12);
    expect(base?.lowest).toBe("west");
    expect(base?.highest).toBe("east");
    const end = rows.find((r) => r.indicator === "urbanization" && r.year === 2025);
    expect(end?.basis).toBe("projected");
  });

  it("assessPack lists the observations a disparity row lacks instead of computing it on part of the places", () => {
    const data = syntheticObservations().filter(
      (o) => !(o.place === "west" && o.indicator === "urban_population"),
    );
    data.push(obs("west", "urban_population", 2023, 20, "10k persons"));
    const rows = assessPack(syntheticPack(data), "steady").disparity ?? [];
    const base = rows.find((r) => r.indicator === "urbanization" && r.year === 2020);
    // west's urban population is observed only in 2023; under cagr it is projected forward, not back
    expect(base?.measures).toBeNull();
    expect(base?.basis).toBe("projected"); // not "observed": a place has no value
    expect(base?.missing.map((m) => `${m.scope}|${m.indicator}|${m.years.join()}`)).toEqual([
      "west|urban_population|2020",
    ]);
  });
});

describe("assessDisparity and uninformative projections", () => {
  it("assessPack does not compare places on projections that only carry the last value forward", () => {
    // Urban and total population observed in 2020 only; with no model named, the library's
    // default (drift) falls back to a no-change forecast, which says nothing about 2025.
    const data = syntheticObservations().filter((o) => o.indicator !== "gdp" && o.year === 2020);
    const rows = assessPack(syntheticPack(data), { ...baseScenario, models: [] }).disparity ?? [];
    expect(
      rows.find((r) => r.indicator === "urbanization" && r.year === 2020)?.measures,
    ).not.toBeNull();
    expect(
      rows.find((r) => r.indicator === "urbanization" && r.year === 2025)?.measures,
    ).toBeNull();
  });
});
