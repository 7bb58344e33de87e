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
      0.4124, 0.5312, 0.3044, 0.3664, 0.0336, 0.7864, 0.7608,
    ]);
    const series = (scope: string, indicator: string) =>
      r.series.find((s) => s.scope === scope && s.indicator === indicator)!.quantiles;
    expect(series("city", "pop")[3]).toEqual([
      480.25920121779774, 496.9909486668563, 514.5284161948005,
    ]);
    expect(series("city", "urbanization")[2]).toEqual([
      35.0268578737991, 37.41955822295851, 39.93558368321619,
    ]);
    expect(series("core", "coverage")[1]).toEqual([
      0.604044436270218, 0.6923510998736995, 0.7664517261658329,
    ]);
    expect(series("city", "balance")[3]).toEqual([
      -1.1772606886039767, 2.2225683576573854, 5.589767320139114,
    ]);
    expect(r.targets[2]!.conditions[0]!.gap).toEqual([
      -19.108062159557875, -5.742840622098981, 8.673589287974096,
    ]);
    expect(r.targets[4]!.firstYearMet).toEqual({
      years: [2021, 2022, 2023, 2024],
      probabilities: [0, 0, 0.022, 0.0116],
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
    expect(digest(r)).toBe("a21f080d89151b53b108e25637f701a485f0b8ea8eea7a715d598ade34250ff1");
  });

  it("simulate gives the same pinned result on worker threads", async () => {
    const r = await simulate(pinnedPlan, { ...options, workers: 2 });
    expect(digest(r)).toBe("a21f080d89151b53b108e25637f701a485f0b8ea8eea7a715d598ade34250ff1");
  });
});
