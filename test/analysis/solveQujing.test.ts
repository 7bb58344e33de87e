import { describe, expect, it } from "vitest";
import { SOLVE_RULES, type TargetSolution } from "../../src/analysis/solveResult.js";
import { solveTarget } from "../../src/analysis/solveTarget.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";

// Qujing's 2035 interpretation target, gdp-2035-double: city GDP at constant 2020 prices in 2035
// at least 2 × 2959.35 = 5918.7 (100M yuan). The city is read from its own series (observed to
// 2023; its places to 2021), so the solution moves the city's growth, and spreads the city's
// level at current prices in 2035 over the nine places (which have no price index) by the rule.

/** The target's row when the Qujing pack is assessed under a solution's scenario. */
function row(solution: TargetSolution) {
  const found = assessPack(qujingPack, solution.scenario).rows.find(
    (r) => r.targetId === solution.targetId,
  );
  if (found === undefined || found.projected === null) throw new Error("no row");
  return found;
}

describe("solveTarget on Qujing's gdp-2035-double, deterministically", () => {
  it.each(SOLVE_RULES)(
    "%s: the solved scenario, assessed, lands within 2% above the threshold, and the places add up to the city",
    async (rule) => {
      const s = await solveTarget(qujingPack, "trend", "gdp-2035-double", { rule });
      expect(s.lever).toBe("scope");
      expect(s.rule).toBe(rule);
      const r = row(s);
      expect(r.met).toBe(true);
      expect((r.projected as number) / 5918.7).toBeGreaterThanOrEqual(1);
      expect((r.projected as number) / 5918.7).toBeLessThanOrEqual(1.02);
      // The places' GDP at current prices in 2035 adds up to the city's (its constant-price
      // level × deflator, the row's judgement at current prices).
      expect(s.places.map((p) => p.scope)).toEqual(qujingPack.dataset.groups[0]?.members);
      const sum = s.places.reduce((t, p) => t + p.level, 0);
      // (Rates are written rounded up to 6 decimals: over 14 years at most +1.4e-5.)
      expect(sum / (r.nominal?.projected as number)).toBeCloseTo(1, 4);
      const latest = s.places.reduce((t, p) => t + p.latest.value, 0);
      const trendLevel = (p: (typeof s.places)[number]) =>
        p.latest.value * (1 + (p.trend as number)) ** (2035 - p.latest.year);
      if (rule === "same-growth") expect(new Set(s.places.map((p) => p.rate)).size).toBe(1);
      if (rule === "same-uplift")
        for (const p of s.places) expect(p.uplift).toBeCloseTo(s.places[0]?.uplift as number, 5);
      if (rule === "gap-share") {
        // Every place's addition over its trend level, over its share of the 2021 total, is
        // one number: the city's gap over the places' trend total.
        const gap = sum - s.places.reduce((t, q) => t + trendLevel(q), 0);
        for (const p of s.places)
          expect((p.level - trendLevel(p)) / (p.latest.value / latest)).toBeCloseTo(gap, 0);
      }
    },
    60_000,
  );

  it("central-city-gdp-share: the central city's edge over the rest, met when assessed", async () => {
    const s = await solveTarget(qujingPack, "trend", "central-city-gdp-share");
    expect(s.lever).toBe("edge");
    expect(s.places.map((p) => p.scope)).toEqual(["qilin", "zhanyi", "malong"]);
    const r = row(s);
    expect(r.met).toBe(true);
    expect(r.projected).toBeGreaterThanOrEqual(65);
    expect(r.projected).toBeLessThanOrEqual(65 * 1.02);
    // 19% a year for the central city is beyond what China's counties did in 2013–2018.
    expect(s.places.every((p) => p.plausibility === "implausible")).toBe(true);
  }, 60_000);
});

describe("solveTarget on Qujing's gdp-2035-double, in probability", () => {
  it("a probability of 0.8, simulated on fresh seeds, gives 0.8 ± 0.03", async () => {
    const s = await solveTarget(qujingPack, "trend", "gdp-2035-double", {
      probability: 0.8,
      paths: 4096,
      seed: 1,
    });
    expect(s.check.probability?.value).toBeGreaterThanOrEqual(0.8);
    expect(s.check.probability?.value).toBeLessThanOrEqual(0.8 + 0.002);
    expect(s.check.met).toBe(true);
    for (const seed of [2, 3]) {
      const { assessment } = await simulatePack(qujingPack, s.scenario, {
        paths: 4096,
        seed,
        workers: 0,
      });
      const p = assessment.rows.find((r) => r.targetId === "gdp-2035-double")?.probability;
      expect(Math.abs((p as number) - 0.8), `seed ${seed}: ${p}`).toBeLessThanOrEqual(0.03);
    }
  }, 120_000);
});
