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
      0.4148, 0.5224, 0.29, 0.3708, 0.0316, 0.776, 0.762,
    ]);
    const series = (scope: string, indicator: string) =>
      r.series.find((s) => s.scope === scope && s.indicator === indicator)!.quantiles;
    expect(series("city", "pop")[3]).toEqual([
      480.1978165126418, 496.8123718633456, 514.7150561399453,
    ]);
    expect(series("city", "urbanization")[2]).toEqual([
      35.12977718997667, 37.36161747580766, 39.910737050150466,
    ]);
    expect(series("core", "coverage")[1]).toEqual([
      0.6042429451016432, 0.6892397484626713, 0.7656882873315746,
    ]);
    expect(series("city", "balance")[3]).toEqual([
      -1.1389885154099955, 2.178560060225486, 5.668756571939959,
    ]);
    expect(r.targets[2]!.conditions[0]!.gap).toEqual([
      -19.02640197787943, -5.689388364129854, 8.919736395381676,
    ]);
    expect(r.targets[4]!.firstYearMet).toEqual({
      years: [2021, 2022, 2023, 2024],
      probabilities: [0, 0, 0.0176, 0.014],
      never: 0.9684,
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
    expect(digest(r)).toBe("ac932320cac95f197de9d28f587cfc6a4d1cf5a82249f67b60c49b5b892fec3d");
  });

  it("simulate gives the same pinned result on worker threads", async () => {
    const r = await simulate(pinnedPlan, { ...options, workers: 2 });
    expect(digest(r)).toBe("ac932320cac95f197de9d28f587cfc6a4d1cf5a82249f67b60c49b5b892fec3d");
  });
});
