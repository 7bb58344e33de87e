import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { formulaPack, GDP_PER_CAPITA, levelTarget, uncertain } from "../helpers/formulaPack.js";
import { syntheticObservations } from "../helpers/syntheticPack.js";

const targets = [
  levelTarget("east-pc", "east", 38000),
  levelTarget("city-pc", "all", 22000),
  levelTarget("city-pc-growth", "all", 8, { kind: "growth", unit: "%/yr" } as never),
  levelTarget("east-pc-relative", "east", 170, {
    kind: "share",
    denominator: { scope: "all" },
    unit: "%",
  } as never),
];

describe("targets on a derived indicator", () => {
  const assessment = assessPack(formulaPack([GDP_PER_CAPITA], targets), uncertain);
  const row = (id: string) => assessment.rows.find((r) => r.targetId === id);

  it("assessPack judges a place's GDP per capita, with the interval of its formula in closed form", () => {
    const r = row("east-pc");
    // 10000 · 161.051 / 40 = 40262.75 ≥ 38000
    expect(r?.projected).toBeCloseTo(40262.75, 8);
    expect(r?.met).toBe(true);
    // log of the value is log gdp − log population + const, normal with
    // sd = √(2 · (0.1² + 0.05²)) = 0.158114 over the two shocked years 2024–25; scipy:
    // 40262.75 · exp(∓ norm.ppf(0.9) · sd) = 32877.73331114291, 49306.5936821466
    expect(r?.interval?.lower).toBeCloseTo(32877.73331114291, 6);
    expect(r?.interval?.upper).toBeCloseTo(49306.5936821466, 6);
    expect(r?.interval?.level).toBe(0.8);
  });

  it("assessPack judges the city's GDP per capita as a ratio of sums, without a closed-form interval", () => {
    const r = row("city-pc");
    // 10000 · (161.051 + 63.814078125) / (40 + 60) = 22486.5078125 ≥ 22000
    expect(r?.projected).toBeCloseTo(22486.5078125, 8);
    expect(r?.met).toBe(true);
    expect(r?.interval).toBeNull(); // a sum of log-normal values: the simulation gives it
    // latest observed 2023: 10000 · (133.1 + 57.88125) / 100 = 19098.125
    expect(r?.latest?.value).toBeCloseTo(19098.125, 8);
  });

  it("assessPack judges growth of a derived indicator from its base-year value", () => {
    // 2020: 15000; 2025: 22486.5078125; (22486.5078125 / 15000)^(1/5) − 1 = 8.434167868781707%
    expect(row("city-pc-growth")?.projected).toBeCloseTo(8.434167868781707, 9);
    expect(row("city-pc-growth")?.met).toBe(true);
  });

  it("assessPack judges a share between two derived values (a place's level against the city's)", () => {
    // 100 · 40262.75 / 22486.5078125 = 179.05292513948467% of the city's level
    expect(row("east-pc-relative")?.projected).toBeCloseTo(179.05292513948467, 9);
  });

  it("assessPack names the indicators a derived target lacks", () => {
    const data = syntheticObservations().filter(
      (o) => !(o.place === "east" && o.indicator === "population"),
    );
    const r = assessPack(formulaPack([GDP_PER_CAPITA], targets, data), uncertain).rows.find(
      (x) => x.targetId === "east-pc",
    );
    expect(r?.status).toBe("insufficient-data");
    // east's population is what to observe, not its GDP per capita (which is never observed)
    expect(r?.missing.map((m) => [m.scope, m.indicator, m.why])).toEqual([
      [
        "east",
        "population",
        "no usable observations of population for east (for gdp_per_capita, computed from it by its formula)",
      ],
    ]);
  });

  it("assessPack names what a group's derived target lacks: the group's, or every member's", () => {
    const data = syntheticObservations().filter(
      (o) => !(o.place === "west" && o.indicator === "population"),
    );
    const r = assessPack(formulaPack([GDP_PER_CAPITA], targets, data), uncertain).rows.find(
      (x) => x.targetId === "city-pc",
    );
    expect(r?.missing.map((m) => [m.scope, m.indicator, m.why])).toEqual([
      [
        "all",
        "population",
        "no usable observations of population for all (or the same for every member: east, west) (for gdp_per_capita, computed from it by its formula)",
      ],
    ]);
  });
});
