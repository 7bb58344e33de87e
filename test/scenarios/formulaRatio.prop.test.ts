import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDisparity } from "../../src/assessment/assessDisparity.js";
import type { Indicator, Observation } from "../../src/index.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { Dataset } from "../../src/schemas/dataset.js";

// Bounded arbitraries: two to four places, each with 2–6 years of two levels (1–10,000) with
// gaps and quality grades, and a positive scale (a unit conversion, 1e-3 … 1e6).
const yearsArb = fc.subarray([2015, 2016, 2017, 2018, 2019, 2020], { minLength: 2 });
const seriesArb = yearsArb.chain((years) =>
  fc.tuple(
    ...years.map((year) =>
      fc.record({
        year: fc.constant(year),
        value: fc.double({ min: 1, max: 1e4, noNaN: true }),
        quality: fc.constantFrom("A" as const, "B" as const),
      }),
    ),
  ),
);
const placeArb = fc.record({ a: seriesArb, b: seriesArb });
const scaleArb = fc.double({ min: 1e-3, max: 1e6, noNaN: true });

const level = (id: string, aggregation: Indicator["aggregation"], extra = {}): Indicator => ({
  id,
  nameZh: id,
  nameEn: id,
  unit: "u",
  kind: "level",
  aggregation,
  scale: "log",
  ...extra,
});

function datasetFor(places: readonly { a: Point[]; b: Point[] }[], scale: number): Dataset {
  const ids = places.map((_, k) => `p${k}`);
  const observations: Observation[] = places.flatMap((p, k) =>
    (["a", "b"] as const).flatMap((indicator) =>
      p[indicator].map((o) => ({
        place: ids[k] as string,
        indicator,
        year: o.year,
        value: o.value,
        unit: "u",
        source: "T",
        quality: o.quality,
      })),
    ),
  );
  return {
    places: ids.map((id) => ({ id, nameZh: id, nameEn: id, kind: "county" as const })),
    groups: [{ id: "all", nameZh: "全", nameEn: "All", members: ids }],
    indicators: [
      level("a", { rule: "sum" }),
      level("b", { rule: "sum" }),
      level("by_rule", { rule: "ratio", numerator: "a", denominator: "b", scale }),
      // String(scale) reads back as the same double: the formula's constant is the rule's scale.
      level("by_formula", { rule: "formula" }, { formula: `${scale} * a / b` }),
    ],
    observations,
    breaks: [],
  };
}

type Point = { year: number; value: number; quality: "A" | "B" };

const scenario = resolveScenario(
  {
    id: "trend",
    nameEn: "Trend",
    description: "The default models",
    models: [{ scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.03 }, reason: "t" }],
    toYear: 2025,
  },
  [],
);

describe("a formula equal to a ratio rule", () => {
  it("gives a group the same projection as the ratio rule: the same years, values and grades", () => {
    fc.assert(
      fc.property(fc.array(placeArb, { minLength: 2, maxLength: 4 }), scaleArb, (places, scale) => {
        const { series } = projectScenario(datasetFor(places, scale), scenario);
        const of = (indicator: string) =>
          series.find(
            (s) => s.scope === "all" && s.indicator === indicator && s.basis === "places",
          );
        const rule = of("by_rule");
        const formula = of("by_formula");
        expect(formula === undefined).toBe(rule === undefined);
        if (rule === undefined || formula === undefined) return;
        // k · Σa / Σb both ways: the formula's (k · A) / B is the rule's (scale · Σa) / Σb.
        expect(formula.observed.map(({ year, value, quality }) => [year, value, quality])).toEqual(
          rule.observed.map(({ year, value, quality }) => [year, value, quality]),
        );
        expect(formula.years).toEqual(rule.years);
        expect(formula.values).toEqual(rule.values);
        expect(formula.informative).toBe(rule.informative);
      }),
      { numRuns: 150 },
    );
  });

  it("weights places by the denominator in the disparity measures, as the ratio rule does", () => {
    fc.assert(
      fc.property(fc.array(placeArb, { minLength: 2, maxLength: 4 }), scaleArb, (places, scale) => {
        const dataset = datasetFor(places, scale);
        const rows = assessDisparity(dataset, projectScenario(dataset, scenario), [2020, 2025]);
        // Rows name their indicator (as `indicator`, `compared` and in a data need's `why`): the
        // rest must be the same.
        const strip = (indicator: string) =>
          rows
            .filter((r) => r.indicator === indicator)
            .map(({ indicator: _, compared: __, missing, ...rest }) => ({
              ...rest,
              missing: missing.map((m) => ({ ...m, why: m.why.replace(indicator, "X") })),
            }));
        expect(strip("by_formula")).toEqual(strip("by_rule"));
        expect(strip("by_rule")).toHaveLength(2);
      }),
      { numRuns: 100 },
    );
  });
});
