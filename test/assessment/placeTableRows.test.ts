// The place table (各县（市、区）): every place's and group's GDP, latest and projected, with its
// share of the whole and its latest GDP per capita, on a county-shaped synthetic pack.
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { PlaceTableRow, ScenarioInput } from "../../src/index.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { countyObservations, countyPack, countyScenario } from "../helpers/countyPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const rowsOf = (rows: readonly PlaceTableRow[] | undefined, scope: string) => {
  const found = rows?.find((r) => r.scope === scope);
  if (found === undefined) throw new Error(`no place-table row for ${scope}`);
  return found;
};

// Hand arithmetic: a's GDP is 100·1.08^k from 2016, so 2021 = 100·1.08⁵ = 146.93281, and under the
// scenario's 8% 2025 = 100·1.08⁹ = 199.90046; b 2021 = 50·1.05⁵ = 63.81408; c 2021 = 20·1.1³ =
// 26.62; the city observed 2021 = 237.36689, 2022 = 200, then 6% a year: 2025 = 200·1.06³ =
// 238.2032.
const A2021 = 100 * 1.08 ** 5;
const A2025 = 100 * 1.08 ** 9;
const CITY2021 = A2021 + 50 * 1.05 ** 5 + 20 * 1.1 ** 3;
const CITY2025 = 200 * 1.06 ** 3;

describe("assessment.placeTable", () => {
  const table = assessPack(countyPack(), "steady").placeTable;

  it("has one row per place, then per group, for the indicator declared placeTable", () => {
    expect(table?.map((r) => `${r.kind}:${r.scope}:${r.indicator}`)).toEqual([
      "place:a:gdp",
      "place:b:gdp",
      "place:c:gdp",
      "group:city:gdp",
      "group:core:gdp",
    ]);
  });

  it("gives a place's latest GDP, its 2025 projection, the growth between and its share of the city", () => {
    const a = rowsOf(table, "a");
    expect(a.latest).toMatchObject({ year: 2021, source: "TEST" });
    expect(a.latest?.value).toBeCloseTo(A2021, 10);
    expect(a.year).toBe(2025);
    expect(a.projected).toBeCloseTo(A2025, 10);
    expect(a.impliedGrowth).toBeCloseTo(0.08, 12);
    expect(a.interval).toBeNull(); // a fixed growth rate gives no interval
    expect(a.model).toMatchObject({ requested: "cagr", fitted: "cagr", fallback: null });
    expect(a.seriesBasis).toBe("observed");
    expect(a.share?.whole).toBe("city");
    expect(a.share?.latestYear).toBe(2021);
    expect(a.share?.latest).toBeCloseTo((100 * A2021) / CITY2021, 10); // 61.90%
    expect(a.share?.projected).toBeCloseTo((100 * A2025) / CITY2025, 10); // 83.92%
  });

  it("gives a group summed from its places without a model or interval, and the city its own series", () => {
    const core = rowsOf(table, "core");
    expect(core.seriesBasis).toBe("places");
    expect(core.model).toBeNull();
    expect(core.interval).toBeNull();
    expect(core.projected).toBeCloseTo(A2025 + 20 * 1.1 ** 7, 10);
    const city = rowsOf(table, "city");
    expect(city.seriesBasis).toBe("observed");
    expect(city.latest?.year).toBe(2022);
    expect(city.projected).toBeCloseTo(CITY2025, 10);
    expect(city.impliedGrowth).toBeCloseTo(0.06, 12);
    expect(city.share).toMatchObject({ latest: 100, projected: 100 });
  });

  it("gives the latest GDP per capita per resident, else per hukou person before the break", () => {
    // a 2021: 1e4 · 146.93281 / 45 = 32651.74 yuan per resident
    expect(rowsOf(table, "a").perCapita).toEqual({
      indicator: "gdp_per_capita",
      compared: "gdp_per_capita",
      denominator: "population_resident",
      unit: "yuan",
      year: 2021,
      value: expect.closeTo((1e4 * A2021) / 45, 8),
    });
    // without b's resident population, its latest is 2019 per hukou person: 1e4·50·1.05³/60
    const data = countyObservations().filter(
      (o) => !(o.place === "b" && o.indicator === "population_resident"),
    );
    const b = rowsOf(assessPack(countyPack({ observations: data }), "steady").placeTable, "b");
    expect(b.perCapita).toMatchObject({
      compared: "gdp_per_capita_hukou",
      denominator: "population_hukou",
      year: 2019,
    });
    expect(b.perCapita?.value).toBeCloseTo((1e4 * 50 * 1.05 ** 3) / 60, 8);
  });

  it("carries the model's 80% interval where the model gives one, as the projections do", () => {
    const drift: ScenarioInput = {
      ...countyScenario,
      id: "drift",
      models: [
        ...(countyScenario.models ?? []),
        { scope: "b", indicator: "gdp", spec: { kind: "drift" }, reason: "random walk" },
      ],
    };
    const assessment = assessPack(countyPack(), drift);
    const b = rowsOf(assessment.placeTable, "b");
    const projected = assessment.projections?.find((p) => p.scope === "b" && p.indicator === "gdp");
    const k = projected?.years.indexOf(2025) ?? -1;
    expect(b.model?.fitted).toBe("drift");
    expect(b.interval).toEqual({
      lower: projected?.lower?.[k],
      upper: projected?.upper?.[k],
      level: 0.8,
    });
    expect(b.interval?.lower).toBeLessThan(b.projected as number);
    expect(b.interval?.upper).toBeGreaterThan(b.projected as number);
  });

  it("shows no projection where the model fell back to carrying the last value forward, and says why", () => {
    // c's GDP observed in 2021 only; theta needs 3 points and falls back to a naive forecast
    const data = countyObservations().filter(
      (o) => !(o.place === "c" && o.indicator === "gdp" && o.year < 2021),
    );
    const theta: ScenarioInput = {
      ...countyScenario,
      id: "theta",
      models: [
        ...(countyScenario.models ?? []).filter((m) => m.scope !== "c"),
        { scope: "c", indicator: "gdp", spec: { kind: "theta" }, reason: "the default for levels" },
      ],
    };
    const c = rowsOf(assessPack(countyPack({ observations: data }), theta).placeTable, "c");
    expect(c.latest?.year).toBe(2021);
    expect(c.projected).toBeNull();
    expect(c.interval).toBeNull();
    expect(c.impliedGrowth).toBeNull();
    expect(c.share?.projected).toBeNull();
    expect(c.share?.latest).not.toBeNull();
    expect(c.informative).toBe(false);
    expect(c.model).toMatchObject({ requested: "theta", fitted: "naive" });
    expect(c.model?.fallback).toBe('"theta" needs at least 3 points, the series has 1');
  });

  it("is absent without an indicator declared placeTable, and for the synthetic pack", () => {
    expect(assessPack(countyPack({ placeTable: false }), "steady").placeTable).toBeUndefined();
    expect(assessPack(syntheticPack(), "steady").placeTable).toBeUndefined();
  });
});

describe("assessment.projections and the place table", () => {
  it("includes every place's and group's series of a placeTable indicator that nothing else reads", () => {
    // without the per-capita indicators and the target, only the place table reads GDP
    const base = countyPack();
    const pack = (placeTable: boolean) =>
      RegionPackSchema.parse({
        ...base,
        targets: [],
        dataset: {
          ...base.dataset,
          indicators: base.dataset.indicators
            .filter((i) => !i.id.startsWith("gdp_per_capita"))
            .map((i) => (i.id === "gdp" ? { ...i, placeTable } : i)),
        },
      });
    const scopes = (p: ReturnType<typeof pack>) =>
      (assessPack(p, "steady").projections ?? [])
        .filter((s) => s.indicator === "gdp")
        .map((s) => `${s.scope}:${s.basis}`);
    expect(scopes(pack(true))).toEqual([
      "a:observed",
      "b:observed",
      "c:observed",
      "city:observed",
      "core:places",
    ]);
    expect(scopes(pack(false))).toEqual([]);
  });
});
