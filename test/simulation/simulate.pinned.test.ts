import { createHash } from "node:crypto";
import { type SimulationResult, simulate } from "regionsim";
import { describe, expect, it } from "vitest";
import { pinnedPlan } from "./simulatePinnedPlan.js";

const options = { paths: 2500, seed: 20240607, samplePaths: 3, quantiles: [0.1, 0.5, 0.9] };

const digest = (result: SimulationResult): string =>
  createHash("sha256").update(JSON.stringify(result)).digest("hex");

describe("simulate: pinned results of a fixed plan", () => {
  it("simulate gives the pinned probabilities, quantiles and gaps, bit for bit", async () => {
    const r = await simulate(pinnedPlan, { ...options, workers: 0 });
    expect(r.fingerprint).toBe("03dce2aa0146ec12ca926845d8f8");
    expect(r.targets.map((t) => t.probability)).toEqual([
      0.406, 0.5408, 0.2828, 0.3688, 0.0336, 0.7788, 0.7528,
    ]);
    const series = (scope: string, indicator: string) =>
      r.series.find((s) => s.scope === scope && s.indicator === indicator)!.quantiles;
    expect(series("city", "pop")[3]).toEqual([
      480.216998376962, 497.3244471254428, 515.051510300932,
    ]);
    expect(series("city", "urbanization")[2]).toEqual([
      34.97822475105456, 37.30719885883955, 39.87065779746618,
    ]);
    expect(series("core", "coverage")[1]).toEqual([
      0.6049287028678006, 0.6877781004616619, 0.7651644755066073,
    ]);
    expect(series("city", "balance")[3]).toEqual([
      -1.0588708457262832, 2.158248538333842, 5.5889210067269595,
    ]);
    expect(r.targets[2]!.conditions[0]!.gap).toEqual([
      -19.718408375018612, -5.750475286157325, 7.921608088813429,
    ]);
    expect(r.targets[4]!.firstYearMet).toEqual({
      years: [2021, 2022, 2023, 2024],
      probabilities: [0, 0, 0.0192, 0.0144],
      never: 0.9664,
    });
    expect(r.series.map((s) => `${s.scope}×${s.indicator}`)).toEqual([
      "a\u00d7pop",
      "a\u00d7urban",
      "a\u00d7urbanization",
      "a\u00d7wage",
      "a\u00d7coverage",
      "a\u00d7balance",
      "a\u00d7rank",
      "b\u00d7pop",
      "b\u00d7urban",
      "b\u00d7urbanization",
      "b\u00d7wage",
      "b\u00d7coverage",
      "b\u00d7balance",
      "c\u00d7pop",
      "c\u00d7urban",
      "c\u00d7urbanization",
      "c\u00d7wage",
      "c\u00d7coverage",
      "c\u00d7balance",
      "c\u00d7rank",
      "city\u00d7pop",
      "city\u00d7urban",
      "city\u00d7urbanization",
      "city\u00d7wage",
      "city\u00d7coverage",
      "city\u00d7balance",
      "core\u00d7pop",
      "core\u00d7urban",
      "core\u00d7urbanization",
      "core\u00d7wage",
      "core\u00d7coverage",
      "core\u00d7balance",
    ]);
    expect(digest(r)).toBe("014801bf6c05fb64b2948620d2c7288948d8b81307ae62e27a08c204ca60809d");
  });

  it("simulate gives the same pinned result on worker threads", async () => {
    const r = await simulate(pinnedPlan, { ...options, workers: 2 });
    expect(digest(r)).toBe("014801bf6c05fb64b2948620d2c7288948d8b81307ae62e27a08c204ca60809d");
  });
});
