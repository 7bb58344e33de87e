// The assessment carries the projected series that its targets and the disparity read.
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { jsonSchemaOf } from "../../src/io/jsonSchemaOf.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { AssessmentSchema, type ProjectedSeries } from "../../src/schemas/assessment.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const entry = (list: readonly ProjectedSeries[] | undefined, scope: string, indicator: string) => {
  const found = list?.find((p) => p.scope === scope && p.indicator === indicator);
  if (found === undefined) throw new Error(`no projection of ${scope} × ${indicator}`);
  return found;
};

describe("assessment.projections on Qujing's trend assessment", () => {
  const assessment = assessPack(qujingPack, "trend");
  const projections = assessment.projections ?? [];

  it("includes the city's GDP projected by the theta model, with 80% bounds around it", () => {
    const gdp = entry(projections, "city", "gdp");
    expect(gdp.basis).toBe("observed");
    expect(gdp.model).toMatchObject({ requested: "theta", fitted: "theta", fallback: null });
    expect(gdp.informative).toBe(true);
    expect(gdp.level).toBe(0.8);
    expect(gdp.years.at(-1)).toBe(2035);
    gdp.values.forEach((v, i) => {
      expect(gdp.lower?.[i]).toBeLessThan(v);
      expect(gdp.upper?.[i]).toBeGreaterThan(v);
    });
  });

  it("gives only projected years: consecutive, after the latest observation fitted (quality A/B)", () => {
    expect(projections.length).toBeGreaterThan(0);
    for (const p of projections) {
      const fitted = qujingPack.dataset.observations.filter(
        (o) => o.place === p.scope && o.indicator === p.indicator && o.quality !== "C",
      );
      const latest = Math.max(...fitted.map((o) => o.year));
      expect(p.years[0], `${p.scope} × ${p.indicator}`).toBeGreaterThan(latest);
      p.years.forEach((y, i) => {
        if (i > 0) expect(y).toBe((p.years[i - 1] as number) + 1);
      });
      expect(p.values).toHaveLength(p.years.length);
      if (p.lower !== null) expect(p.lower).toHaveLength(p.years.length);
      if (p.upper !== null) expect(p.upper).toHaveLength(p.years.length);
    }
  });

  it("names a fallback and marks the series uninformative when the model could not be fitted", () => {
    // Qilin's household-registered population has one observation (2020, FPZ_P204); the
    // disparity of the household-registration urbanization rate reads it.
    const qilin = entry(projections, "qilin", "population_hukou");
    expect(qilin.model).toMatchObject({ requested: "theta", fitted: "naive" });
    expect(qilin.model?.fallback).toBe('"theta" needs at least 3 points, the series has 1');
    expect(qilin.informative).toBe(false);
  });

  it("lists each series once, by scope then indicator", () => {
    const keys = projections.map((p) => `${p.scope}\u0000${p.indicator}\u0000${p.basis}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
  });

  it("round-trips through JSON and AssessmentSchema", () => {
    const json = JSON.parse(JSON.stringify(assessment));
    expect(AssessmentSchema.parse(json)).toStrictEqual(json);
    expect(json.projections).toStrictEqual(projections);
  });
});

describe("assessment.projections on the synthetic pack", () => {
  const projections = assessPack(syntheticPack(), "steady").projections;

  it("gives a group's target series summed over its places, without a model of its own", () => {
    // east 100·1.1^5 = 161.051, west 50·1.05^5 = 63.814078125: 224.865078125 in 2025.
    const all = entry(projections, "all", "gdp");
    expect(all.basis).toBe("places");
    expect(all.model).toBeNull();
    expect(all.years.slice(0, 2)).toEqual([2024, 2025]);
    expect(all.values[1]).toBeCloseTo(224.865078125, 9);
  });

  it("gives the places' series that the disparity of urbanization reads (its parts and weight)", () => {
    // urbanization = urban_population / population · 100: parts and weight per place.
    for (const place of ["east", "west"])
      for (const indicator of ["urban_population", "population"])
        expect(entry(projections, place, indicator).basis).toBe("observed");
    // The target on all × urbanization reads the ratio of the sums: (30 + 20) / (40 + 60) = 50%.
    for (const v of entry(projections, "all", "urbanization").values) expect(v).toBeCloseTo(50, 9);
  });
});

describe("the assessment's JSON Schema", () => {
  it("describes projections", () => {
    const properties = jsonSchemaOf("assessment").properties as Record<string, unknown>;
    expect(Object.keys(properties)).toContain("projections");
  });

  it("still reads an assessment written before projections existed", () => {
    const { projections: _, ...older } = assessPack(syntheticPack(), "steady");
    expect(AssessmentSchema.safeParse(older).success).toBe(true);
  });
});
