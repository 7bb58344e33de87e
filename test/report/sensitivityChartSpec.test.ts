// The charts of a sensitivity analysis: one per method, each compiling with vega-lite.
import { compile } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { OneAtATimeResult } from "../../src/analysis/oneAtATime.js";
import { type PackSensitivityResult, packSensitivity } from "../../src/analysis/packSensitivity.js";
import type { SobolResult } from "../../src/analysis/sobolIndices.js";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { sensitivityChartSpec } from "../../src/report/sensitivityChartSpec.js";

const TARGET = "central-city-gdp-share";
const results: Partial<Record<"oat" | "morris" | "sobol", PackSensitivityResult>> = {};

beforeAll(async () => {
  results.oat = await packSensitivity(qujingPack, "trend", TARGET, { method: "oat" });
  results.morris = await packSensitivity(qujingPack, "trend", TARGET, {
    method: "morris",
    samples: 4,
    seed: 1,
  });
  results.sobol = await packSensitivity(qujingPack, "trend", TARGET, {
    method: "sobol",
    samples: 16,
    seed: 1,
  });
}, 120_000);

describe("sensitivityChartSpec", () => {
  it("draws a tornado: a bar per assumption from the gap at one end to the other, widest first", () => {
    const r = results.oat as PackSensitivityResult;
    const spec = sensitivityChartSpec(r);
    const bars = spec.data.values;
    const effects = (r.result as OneAtATimeResult).effects;
    expect(bars).toHaveLength(effects.length);
    const swings = bars.map((b) => (b.high as number) - (b.low as number));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const e of effects) {
      const bar = bars.find((b) => b.name === e.name);
      expect([bar?.low, bar?.high]).toEqual([e.low, e.high]);
    }
    const rule = (spec.layer as { encoding: { x: { datum?: number } } }[])[1];
    expect(rule?.encoding.x.datum).toBe((r.result as { baseOutput: number }).baseOutput);
  });

  it("gives one chart per method, each compiling with vega-lite", () => {
    for (const method of ["oat", "morris", "sobol"] as const) {
      const spec = sensitivityChartSpec(results[method] as PackSensitivityResult);
      expect(spec.data.values.length, method).toBeGreaterThan(0);
      // biome-ignore lint/suspicious/noExplicitAny: vega-lite's TopLevelSpec is not ours to type
      expect(compile(spec as any).spec.marks?.length ?? 0, method).toBeGreaterThan(0);
    }
    // Sobol': S1 and ST of every assumption, as the result gives them.
    const sobol = results.sobol as PackSensitivityResult;
    const spec = sensitivityChartSpec(sobol);
    for (const i of (sobol.result as SobolResult).indices) {
      const rows = spec.data.values.filter((v) => v.name === i.name);
      expect(rows.map((v) => v.value)).toEqual([i.s1, i.st]);
    }
  });

  it("refuses what is not a packSensitivity result", () => {
    expect(() => sensitivityChartSpec(3 as never)).toThrow(ArgumentTypeError);
    expect(() => sensitivityChartSpec({ method: "anova" } as never)).toThrow(
      /^sensitivityChartSpec: result must be a packSensitivity result \(got /,
    );
  });
});
