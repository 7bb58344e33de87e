import { describe, expect, it } from "vitest";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { ScopeSeries } from "../../src/scenarios/scopeSeries.js";
import type { Indicator } from "../../src/schemas/indicator.js";
import { formulaPack, GDP_PER_CAPITA } from "../helpers/formulaPack.js";
import { baseScenario, obs, syntheticObservations } from "../helpers/syntheticPack.js";

const steady = { ...resolveScenario(baseScenario, []), toYear: 2025 };

function project(indicators: readonly Indicator[], observations = syntheticObservations()) {
  return projectScenario(formulaPack(indicators, [], observations).dataset, steady);
}

function find(
  series: readonly ScopeSeries[],
  scope: string,
  indicator: string,
  basis = "observed",
) {
  const s = series.find((x) => x.scope === scope && x.indicator === indicator && x.basis === basis);
  if (s === undefined) throw new Error(`no ${basis} series ${scope} × ${indicator}`);
  return s;
}

describe("derived indicators in the projection", () => {
  it("projectScenario computes a place's GDP per capita from its own GDP and population, observed then projected", () => {
    const { series, issues } = project([GDP_PER_CAPITA]);
    expect(issues).toEqual([]);
    const east = find(series, "east", "gdp_per_capita");
    expect(east.formula).toBe("10000 * gdp / population");
    expect(east.model).toBeUndefined();
    // 2020–2023 observed: 10000 · 100 · 1.1^k / 40; 2024–25 from GDP growing 10%: 133.1 · 1.1^h
    expect(east.observed.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(east.observed[0]?.value).toBe(25000); // 10000 · 100 / 40
    expect(east.observed[0]?.quality).toBe("A");
    expect(east.years).toEqual([2024, 2025]);
    expect(east.values[1]).toBeCloseTo(40262.75, 8); // 10000 · 161.051 / 40
    expect(find(series, "west", "gdp_per_capita").values[1]).toBeCloseTo(10635.6796875, 8); // 10000 · 63.814078125 / 60
  });

  it("projectScenario gives a group the formula of its aggregates — a ratio of sums, not a sum of ratios", () => {
    const { series } = project([GDP_PER_CAPITA]);
    const all = find(series, "all", "gdp_per_capita", "places");
    // 2020: 10000 · (100 + 50) / (40 + 60) = 15000. The sum of the places' ratios would be
    // 25000 + 8333.33 = 33333.33 and their mean 16666.67: neither is the city's GDP per capita.
    expect(all.observed[0]).toMatchObject({ year: 2020, value: 15000, quality: "A" });
    // 2025: 10000 · (161.051 + 63.814078125) / 100 = 22486.5078125
    expect(all.values[all.years.indexOf(2025)]).toBeCloseTo(22486.5078125, 8);
    expect(all.formula).toBe("10000 * gdp / population");
    expect(all.notes).toEqual([
      "computed by its formula 10000 * gdp / population from all's gdp, population aggregated from east, west",
    ]);
  });

  it("projectScenario computes a derived indicator of a derived indicator, for places and groups", () => {
    const thousands = {
      ...GDP_PER_CAPITA,
      id: "gdp_per_capita_k",
      formula: "gdp_per_capita / 1000",
    };
    // listed before the indicator it names: the projection orders them itself
    const { series, issues } = project([thousands, GDP_PER_CAPITA]);
    expect(issues).toEqual([]);
    expect(find(series, "east", "gdp_per_capita_k").observed[0]?.value).toBe(25); // 25000 / 1000
    expect(find(series, "all", "gdp_per_capita_k", "places").observed[0]?.value).toBe(15); // 15000 / 1000
  });

  it("projectScenario leaves out the years in which a formula is not a finite number, and says so", () => {
    const data = syntheticObservations().map((o) =>
      o.place === "west" && o.indicator === "population" && o.year === 2021
        ? { ...o, value: 0 }
        : o,
    );
    const west = find(project([GDP_PER_CAPITA], data).series, "west", "gdp_per_capita");
    expect(west.observed.map((p) => p.year)).toEqual([2020, 2022, 2023]);
    expect(west.notes).toContain("no value in 2021: the formula is not a finite number there");
  });

  it("projectScenario computes a group's own derived series beside the one from its places, and lists their discrepancies", () => {
    const data = [
      ...syntheticObservations(),
      obs("all", "gdp", 2020, 160, "100M yuan"),
      obs("all", "gdp", 2021, 165, "100M yuan"),
      obs("all", "population", 2020, 100, "10k persons"),
      obs("all", "population", 2021, 100, "10k persons"),
    ];
    const { series, discrepancies } = project([GDP_PER_CAPITA], data);
    // the city's own figures: 10000 · 160 / 100 = 16000 in 2020
    expect(find(series, "all", "gdp_per_capita").observed[0]?.value).toBe(16000);
    const d = discrepancies.find((x) => x.indicator === "gdp_per_capita" && x.year === 2020);
    // aggregated 15000 against the city's own 16000: (15000 − 16000) / 16000 = −0.0625
    expect(d).toMatchObject({ observed: 16000, aggregated: 15000, relative: -0.0625 });
  });

  it("projectScenario warns that observations of a derived indicator are not used", () => {
    const data = [...syntheticObservations(), obs("east", "gdp_per_capita", 2020, 24000, "yuan")];
    const { series, issues } = project([GDP_PER_CAPITA], data);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([["warning", "derived-observations"]]);
    expect(find(series, "east", "gdp_per_capita").observed[0]?.value).toBe(25000);
  });

  it("projectScenario reports a formula it cannot compute and projects everything else", () => {
    const { series, issues } = project([{ ...GDP_PER_CAPITA, formula: "gdp / popn" }]);
    expect(issues).toEqual([
      {
        severity: "error",
        code: "unknown-indicator",
        message:
          "formula of gdp_per_capita names an unknown indicator popn; did you mean population, gdp or labs_new?",
        received: '"gdp / popn"',
        field: "indicators[5].formula",
      },
    ]);
    expect(series.some((s) => s.indicator === "gdp_per_capita")).toBe(false);
    expect(series.some((s) => s.indicator === "gdp")).toBe(true);
  });

  it("projectScenario warns that a model, an override or a shock of a derived indicator does nothing", () => {
    const scenario = {
      ...steady,
      models: [
        ...steady.models,
        {
          scope: "east",
          indicator: "gdp_per_capita",
          spec: { kind: "cagr", rate: 0.2 },
          reason: "test",
        },
      ],
      overrides: [
        { scope: "east", indicator: "gdp_per_capita", year: 2025, value: 1, reason: "test" },
      ],
    } as typeof steady;
    const { issues } = projectScenario(formulaPack([GDP_PER_CAPITA], []).dataset, scenario);
    const why =
      "gdp_per_capita is computed by its formula 10000 * gdp / population; make assumptions about the indicators it names (gdp, population)";
    expect(issues.map((i) => i.message)).toEqual([
      `override of east gdp_per_capita in 2025 ignored: ${why}`,
      `model 4 (east gdp_per_capita) ignored: ${why}`,
    ]);
  });

  it("projectScenario refuses a formula that is not text, is empty or too long, naming the field", () => {
    const dataset = formulaPack([GDP_PER_CAPITA], []).dataset;
    const withFormula = (formula: unknown) => ({
      ...dataset,
      indicators: dataset.indicators.map((i) =>
        i.id === "gdp_per_capita" ? { ...i, formula } : i,
      ),
    });
    expect(() => projectScenario(withFormula(42) as never, steady)).toThrow(
      "projectScenario: dataset.indicators[5].formula must be a string (got 42)",
    );
    expect(() => projectScenario(withFormula("") as never, steady)).toThrow(
      'projectScenario: dataset.indicators[5].formula must be a non-empty string (got the string "")',
    );
    expect(() => projectScenario(withFormula("x".repeat(501)) as never, steady)).toThrow(
      "projectScenario: dataset.indicators[5].formula must be a string of at most 500 characters",
    );
  });
});
