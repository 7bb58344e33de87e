import { describe, expect, it } from "vitest";
import { estimateUncertainty } from "../../src/scenarios/estimateUncertainty.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import type { ScenarioInput } from "../../src/schemas/scenario.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import { baseScenario, syntheticPack } from "../helpers/syntheticPack.js";

// With rho = 1, phi = 0 and the same sigma for east and west, both places receive the same
// shock, so the city's GDP is (east + west baseline) · exp(D), D ~ N(0, sigma² · years shocked).
const correlated: ScenarioInput = {
  ...baseScenario,
  id: "correlated",
  uncertainty: [
    { scope: "*", indicator: "*", sigma: 0.1, phi: 0, rho: 1, reason: "test: one common shock" },
  ],
};

describe("simulatePack", () => {
  it("simulatePack gives a group target the probability of the closed form when places move together", async () => {
    const N = 50_000;
    const { assessment, plan } = await simulatePack(syntheticPack(), correlated, {
      paths: N,
      seed: 3,
      workers: 0,
    });
    // Data end in 2023: shocks in 2024 and 2025. Baseline 2025 city GDP 224.865078125.
    // scipy: norm.sf(log(250 / 224.865078125) / (0.1 * sqrt(2))) = 0.22685242283623763
    const p = 0.22685242283623763;
    const row = assessment.rows.find((r) => r.targetId === "gdp-level");
    expect(plan.baseYear).toBe(2023);
    expect(Math.abs((row?.probability as number) - p)).toBeLessThan(
      4 * Math.sqrt((p * (1 - p)) / N),
    );
    expect(row?.status).toBe("needs-acceleration"); // 0.2 ≤ P < 0.5
    // the share of east in the city does not move when both places get the same shock:
    // 71.62% every path, outside the 70 ± 1.4 band
    expect(assessment.rows.find((r) => r.targetId === "east-share")?.probability).toBe(0);
    expect(assessment.simulation).toEqual({ paths: N, seed: 3, baseYear: 2023 });
    expect(() => AssessmentSchema.parse(assessment)).not.toThrow();
  });

  it("simulatePack gives identical results with 0 and 2 workers for the same seed", async () => {
    const a = await simulatePack(syntheticPack(), "steady", { paths: 5000, seed: 9, workers: 0 });
    const b = await simulatePack(syntheticPack(), "steady", { paths: 5000, seed: 9, workers: 2 });
    expect(JSON.stringify(b.assessment)).toBe(JSON.stringify(a.assessment));
    expect(JSON.stringify(b.simulation?.state)).toBe(JSON.stringify(a.simulation?.state));
  });

  it("simulatePack leaves targets without data out of the simulation and says why", async () => {
    const { skipped, assessment } = await simulatePack(syntheticPack(), "steady", {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(skipped).toContainEqual({ targetId: "labs", reason: "not evaluable deterministically" });
    expect(assessment.rows.find((r) => r.targetId === "labs")?.probability).toBeNull();
  });

  it("simulatePack gives a rank target the uncertainty of its reference series too", async () => {
    // The reference (the k-th city's GDP) is 200 in 2023 and grows 5% a year: 220.5 in 2025.
    // Places are deterministic (sigma 0); the reference gets sigma 0.1, phi 0, so
    // P(224.865078125 ≥ 220.5·exp(D)), D ~ N(0, 0.1²·2):
    // scipy: norm.cdf(log(224.865078125 / 220.5) / (0.1 * sqrt(2))) = 0.5551221162234506
    const base = syntheticPack();
    const pack = {
      ...base,
      references: [
        {
          id: "kth",
          nameZh: "第k位",
          nameEn: "k-th city",
          unit: "100M yuan",
          years: [2018, 2019, 2020, 2021, 2022, 2023],
          values: [156.7, 164.5, 172.8, 181.4, 190.5, 200],
          breaks: [],
          source: "TEST",
        },
      ],
      targets: [
        {
          id: "rank",
          nameZh: "排名",
          nameEn: "Rank",
          kind: "rank" as const,
          scope: "all",
          indicator: "gdp",
          comparator: "<=" as const,
          value: 70,
          unit: "rank",
          year: 2025,
          baseYear: 2020,
          reference: "kth",
          provenance: { kind: "plan" as const, quote: "测试" },
        },
      ],
    };
    const scenario: ScenarioInput = {
      ...baseScenario,
      id: "ranked",
      references: [{ reference: "kth", spec: { kind: "cagr", rate: 0.05 }, reason: "5% a year" }],
      uncertainty: [
        { scope: "*", indicator: "gdp", sigma: 0, reason: "places known" },
        { scope: "kth", indicator: "kth", sigma: 0.1, phi: 0, reason: "test" },
      ],
    };
    const N = 50_000;
    const { assessment, plan, uncertainty } = await simulatePack(pack, scenario, {
      paths: N,
      seed: 5,
      workers: 0,
    });
    const p = 0.5551221162234506;
    expect(plan.places).toContain("ref-kth");
    expect(uncertainty.series.find((u) => u.scope === "kth")?.sigma).toBe(0.1);
    const probability = assessment.rows[0]?.probability as number;
    expect(Math.abs(probability - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });

  it("simulatePack with nothing to simulate returns the assessment and no ensemble, but checks its options", async () => {
    const empty = syntheticPack([]);
    const result = await simulatePack(empty, "steady", { paths: 100, seed: 1, workers: 0 });
    expect(result.simulation).toBeNull();
    expect(result.assessment.rows.every((r) => r.status === "insufficient-data")).toBe(true);
    await expect(simulatePack(empty, "steady", { paths: 0, seed: 1 })).rejects.toThrow(
      "simulatePack: options.paths must be a positive integer ≤ 100000000 (got 0)",
    );
  });
});

describe("estimateUncertainty", () => {
  it("estimateUncertainty takes a scenario's sigma, phi and rho before estimates and fallbacks", () => {
    const pack = syntheticPack();
    const scenario = resolveScenario(correlated, []);
    const u = estimateUncertainty(pack.dataset, projectScenario(pack.dataset, scenario), scenario);
    expect(u.series.find((s) => s.scope === "east" && s.indicator === "gdp")).toMatchObject({
      sigma: 0.1,
      source: "scenario (test: one common shock)",
    });
    expect(u.indicators.find((i) => i.indicator === "gdp")).toMatchObject({ phi: 0, rho: 1 });
  });

  it("estimateUncertainty falls back to the prefecture GDP volatility for a short level series", () => {
    const pack = syntheticPack();
    const scenario = resolveScenario(baseScenario, []);
    const u = estimateUncertainty(pack.dataset, projectScenario(pack.dataset, scenario), scenario);
    // 4 observations = 3 steps < 5: the fallback for log-scale levels
    expect(u.series.find((s) => s.scope === "east" && s.indicator === "gdp")?.sigma).toBe(0.05091);
  });
});
