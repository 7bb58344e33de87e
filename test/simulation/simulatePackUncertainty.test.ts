import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";

const width = (i: { lower: number; upper: number } | null | undefined) =>
  i == null ? Number.NaN : i.upper - i.lower;

async function bothIntervals(scenario: string, id: string) {
  const det = assessPack(qujingPack, scenario).rows.find((r) => r.targetId === id);
  const sim = await simulatePack(qujingPack, scenario, { paths: 8192, seed: 7, workers: 0 });
  const row = sim.assessment.rows.find((r) => r.targetId === id);
  const result = sim.simulation?.targets.find((t) => t.id === id);
  return { det, row, result, quantiles: sim.simulation?.quantiles ?? [] };
}

describe("simulatePack: one uncertainty story", () => {
  it("simulatePack summarises the 2.5 … 97.5% quantiles by default", async () => {
    const { quantiles } = await bothIntervals("trend", "gdp-2035-double");
    expect(quantiles).toEqual([0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975]);
  });

  it("gdp-2035-double under trend: the row's interval is the simulated 10–90% band, within 1.5× of the deterministic one", async () => {
    const { det, row, result, quantiles } = await bothIntervals("trend", "gdp-2035-double");
    const value = result?.conditions[0]?.value ?? [];
    // The simulated row's interval IS the band of the target's measure in 2035.
    expect(row?.interval).toEqual({
      lower: value[quantiles.indexOf(0.1)],
      upper: value[quantiles.indexOf(0.9)],
      level: 0.8,
    });
    // Deterministic: the closed form of the same shocks, on GDP at constant 2020 prices (the
    // target's basis). sigma 0.02259 (real GDP's own 24 steps), phi 0.4635, 12 years from 2023:
    // Σ (1 − φ^k)² = 10.546, sd = 0.02259 / 0.5365 · √10.546 = 0.1367 on the log scale; theta's
    // calibration factor beyond h = 5 is 1.839 (INTERVAL_CALIBRATION.log.theta[4]), so sd =
    // 0.1367 · 1.839 = 0.2514 and the band is 7,131 · exp(±1.2816 · 0.2514) = 7,131 ·
    // [0.7246, 1.3801] ≈ [5,167, 9,842] (uncalibrated it was [5,985, 8,496]).
    expect(det?.interval?.lower).toBeCloseTo(5167, -2);
    expect(det?.interval?.upper).toBeCloseTo(9842, -2);
    const ratio = width(det?.interval) / width(row?.interval);
    expect(ratio).toBeLessThan(1.5);
    expect(ratio).toBeGreaterThan(1 / 1.5);
  });

  it("a rate target's two intervals agree within 1.5×: resident urbanization under plan", async () => {
    const { det, row } = await bothIntervals("plan", "urbanization-resident");
    const ratio = width(det?.interval) / width(row?.interval);
    expect(ratio).toBeLessThan(1.5);
    expect(ratio).toBeGreaterThan(1 / 1.5);
    // Its sigma is not its own (one observation): the row says so, in both runs.
    const note = det?.notes.find((n) => n.startsWith("σ from the default for rates"));
    expect(note).toMatch(/its own series has 0 steps$/);
    expect(row?.notes).toContain(note);
  });
});
