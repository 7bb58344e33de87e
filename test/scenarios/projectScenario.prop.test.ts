import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Observation, RegionPack, ScenarioInput } from "../../src/index.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { seriesValue } from "../../src/scenarios/scopeSeries.js";
import { ScenarioSchema } from "../../src/schemas/scenario.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";

// Bounded economic arbitraries: levels 1–10,000, growth −20%…+30% a year, urban share 5–95%.
const levelArb = fc.double({ min: 1, max: 1e4, noNaN: true });
const rateArb = fc.double({ min: -0.2, max: 0.3, noNaN: true });
const placeArb = fc.record({
  gdp: levelArb,
  growth: rateArb,
  population: fc.double({ min: 1, max: 500, noNaN: true }),
  urbanShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
});

function packFor(
  places: { gdp: number; growth: number; population: number; urbanShare: number }[],
): {
  pack: RegionPack;
  scenario: ScenarioInput;
} {
  const ids = places.map((_, k) => `p${k}`);
  const observations: Observation[] = places.flatMap((p, k) => [
    obs(ids[k] as string, "gdp", 2020, p.gdp, "100M yuan"),
    obs(ids[k] as string, "population", 2020, p.population, "10k persons"),
    obs(ids[k] as string, "urban_population", 2020, p.population * p.urbanShare, "10k persons"),
  ]);
  const base = syntheticPack(observations);
  const pack: RegionPack = {
    ...base,
    dataset: {
      ...base.dataset,
      places: ids.map((id) => ({ id, nameZh: id, nameEn: id, kind: "county" as const })),
      groups: [{ id: "all", nameZh: "全市", nameEn: "All", members: ids }],
    },
    // Only what names the group or every place: the synthetic pack's "east" and "west" are not
    // places here, and a pack that names unknown places is refused.
    targets: base.targets.filter((t) => t.scope === "all"),
    scenarios: base.scenarios.map((s) => ({
      ...s,
      models: s.models.filter((m) => m.scope === "*" || m.scope === "all"),
      overrides: s.overrides.filter((o) => o.scope === "all"),
      shocks: s.shocks.filter((o) => o.scope === "*" || o.scope === "all"),
    })),
  };
  const scenario: ScenarioInput = {
    id: "random",
    nameEn: "Random growth",
    description: "Per-place growth rates",
    models: [
      { scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.01 }, reason: "slow" },
      ...places.map((p, k) => ({
        scope: ids[k] as string,
        indicator: "gdp",
        spec: { kind: "cagr" as const, rate: p.growth },
        reason: "drawn",
      })),
    ],
  };
  return { pack, scenario };
}

const groupSeries = (pack: RegionPack, scenario: ScenarioInput, indicator: string) => {
  const projection = projectScenario(pack.dataset, resolveScenario(scenario, []), pack.references);
  const group = projection.series.find((s) => s.scope === "all" && s.indicator === indicator);
  return { projection, group };
};

describe("scenario projection properties", () => {
  it("a group's level equals the sum of its places in every year", () => {
    fc.assert(
      fc.property(fc.array(placeArb, { minLength: 1, maxLength: 9 }), (places) => {
        const { pack, scenario } = packFor(places);
        const { projection, group } = groupSeries(pack, scenario, "gdp");
        expect(group).toBeDefined();
        for (const year of [2020, 2025, 2035]) {
          const parts = pack.dataset.places.map((p) => {
            const s = projection.series.find((x) => x.scope === p.id && x.indicator === "gdp");
            return seriesValue(s!, year) as number;
          });
          const sum = parts.reduce((a, b) => a + b, 0);
          expect(seriesValue(group!, year)).toBeCloseTo(sum, 6);
          expect(Math.abs((seriesValue(group!, year) as number) - sum) / sum).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it("a recomputed rate lies between its places' rates", () => {
    fc.assert(
      fc.property(fc.array(placeArb, { minLength: 1, maxLength: 9 }), (places) => {
        const { pack, scenario } = packFor(places);
        const { group } = groupSeries(pack, scenario, "urbanization");
        const rate = seriesValue(group!, 2020) as number;
        const rates = places.map((p) => 100 * p.urbanShare);
        // tolerance: a few ulps of the ratio
        expect(rate).toBeGreaterThanOrEqual(Math.min(...rates) * (1 - 1e-12));
        expect(rate).toBeLessThanOrEqual(Math.max(...rates) * (1 + 1e-12));
      }),
    );
  });

  it("permuting places changes no result", () => {
    fc.assert(
      fc.property(
        fc.array(placeArb, { minLength: 2, maxLength: 9 }).chain((places) =>
          fc.tuple(
            fc.constant(places),
            fc.shuffledSubarray(
              places.map((_, k) => k),
              { minLength: places.length, maxLength: places.length },
            ),
          ),
        ),
        ([places, order]) => {
          const a = packFor(places);
          // Same places under the same ids, listed (and observed) in another order.
          const permuted: RegionPack = {
            ...a.pack,
            dataset: {
              ...a.pack.dataset,
              places: order.map((k) => a.pack.dataset.places[k]!),
              groups: [{ ...a.pack.dataset.groups[0]!, members: order.map((k) => `p${k}`) }],
              observations: order.flatMap((k) =>
                a.pack.dataset.observations.filter((o) => o.place === `p${k}`),
              ),
            },
          };
          const rowsA = assessPack(a.pack, a.scenario).rows;
          const rowsB = assessPack(permuted, a.scenario).rows;
          rowsA.forEach((r, k) => {
            const other = rowsB[k]!;
            expect(other.status).toBe(r.status);
            expect(other.met).toBe(r.met);
            if (r.projected === null) expect(other.projected).toBeNull();
            else
              expect(
                Math.abs((other.projected as number) - r.projected) /
                  Math.max(1, Math.abs(r.projected)),
              ).toBeLessThan(1e-12);
          });
        },
      ),
    );
  });

  it("a higher growth assumption never turns a met ≥ target into a miss", () => {
    fc.assert(
      fc.property(
        fc.array(placeArb, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (places, extra) => {
          const low = packFor(places);
          const high = packFor(places.map((p) => ({ ...p, growth: p.growth + extra })));
          const rowsLow = assessPack(low.pack, low.scenario).rows;
          const rowsHigh = assessPack(high.pack, high.scenario).rows;
          rowsLow.forEach((r, k) => {
            if (r.comparator === ">=" && r.indicator === "gdp" && r.met === true)
              expect(rowsHigh[k]?.met).toBe(true);
          });
        },
      ),
    );
  });

  it("a scenario survives a JSON round trip and resolves to the same assumptions", () => {
    // JSON has no negative zero: draw sizes and rates without it.
    const signed = (min: number, max: number) =>
      fc.double({ min, max, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
    const scenarioArb = fc.record({
      id: fc.constantFrom("a", "b-2", "trend_x"),
      nameEn: fc.string({ minLength: 1, maxLength: 20 }),
      description: fc.string({ minLength: 1, maxLength: 40 }),
      models: fc.array(
        fc.record({
          scope: fc.constantFrom("*", "east", "all"),
          indicator: fc.constantFrom("*", "gdp"),
          spec: fc.oneof(
            fc.record({
              kind: fc.constant("cagr" as const),
              rate: signed(-0.5, 0.5),
            }),
            fc.record({ kind: fc.constant("path" as const), values: fc.constant({ "2025": 60 }) }),
          ),
          reason: fc.string({ minLength: 1, maxLength: 10 }),
        }),
        { maxLength: 4 },
      ),
      shocks: fc.array(
        fc.record({
          scope: fc.constantFrom("*", "east"),
          indicator: fc.constant("gdp"),
          type: fc.constantFrom("level" as const, "growth" as const),
          size: signed(-0.5, 0.5),
          from: fc.integer({ min: 2021, max: 2030 }),
          reason: fc.constant("why"),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const parsed = ScenarioSchema.parse(input);
        const again = ScenarioSchema.parse(JSON.parse(JSON.stringify(parsed)));
        expect(again).toEqual(parsed);
        expect(resolveScenario(JSON.parse(JSON.stringify(input)), [])).toEqual(
          resolveScenario(input, []),
        );
      }),
    );
  });
});
