// A small, made-up region used by scenario and target tests: two places (east, west), one group
// (all), and indicators covering each aggregation rule. Numbers are chosen so that expected
// results can be worked out by hand in the tests' comments.
import type { Observation, RegionPack, ScenarioInput, Target } from "../../src/index.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";

export function obs(
  place: string,
  indicator: string,
  year: number,
  value: number,
  unit: string,
  quality: "A" | "B" | "C" = "A",
  source = "TEST",
): Observation {
  return { place, indicator, year, value, unit, source, quality };
}

/** East and west grow at 10% and 5% a year in GDP from 100 and 50 in 2020. */
export function syntheticObservations(): Observation[] {
  const out: Observation[] = [];
  for (let k = 0; k <= 3; k++) {
    const year = 2020 + k;
    out.push(obs("east", "gdp", year, 100 * 1.1 ** k, "100M yuan"));
    out.push(obs("west", "gdp", year, 50 * 1.05 ** k, "100M yuan"));
    out.push(obs("east", "population", year, 40, "10k persons"));
    out.push(obs("west", "population", year, 60, "10k persons"));
    out.push(obs("east", "urban_population", year, 30, "10k persons"));
    out.push(obs("west", "urban_population", year, 20, "10k persons"));
  }
  return out;
}

export const baseScenario: ScenarioInput = {
  id: "steady",
  nameEn: "Steady growth",
  description: "Every level grows at the rate given per place.",
  models: [
    { scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0 }, reason: "flat unless said" },
    {
      scope: "east",
      indicator: "gdp",
      spec: { kind: "cagr", rate: 0.1 },
      reason: "east grows 10%",
    },
    {
      scope: "west",
      indicator: "gdp",
      spec: { kind: "cagr", rate: 0.05 },
      reason: "west grows 5%",
    },
  ],
};

export function syntheticTargets(): Target[] {
  const plan = { kind: "plan" as const, quote: "测试" };
  return [
    {
      id: "gdp-level",
      nameZh: "地区生产总值",
      nameEn: "GDP",
      kind: "level",
      scope: "all",
      indicator: "gdp",
      comparator: ">=",
      value: 250,
      unit: "100M yuan",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
    {
      id: "east-growth",
      nameZh: "东部增速",
      nameEn: "East GDP growth",
      kind: "growth",
      scope: "east",
      indicator: "gdp",
      comparator: ">=",
      value: 8,
      unit: "%/yr",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
    {
      id: "east-share",
      nameZh: "东部占比",
      nameEn: "East share of GDP",
      kind: "share",
      scope: "east",
      indicator: "gdp",
      denominator: { scope: "all" },
      comparator: "about",
      tolerance: 0.02,
      value: 70,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
    {
      id: "urbanization",
      nameZh: "城镇化率",
      nameEn: "Urbanization",
      kind: "level",
      scope: "all",
      indicator: "urbanization",
      comparator: ">=",
      value: 60,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
    {
      id: "labs",
      nameZh: "实验室",
      nameEn: "New labs",
      kind: "count",
      scope: "all",
      indicator: "labs_new",
      comparator: ">=",
      value: 5,
      unit: "count",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
  ];
}

export function syntheticPack(observations: Observation[] = syntheticObservations()): RegionPack {
  return RegionPackSchema.parse({
    id: "synthetic",
    nameZh: "测试市",
    nameEn: "Synthetic City",
    plan: {
      titleZh: "测试方案",
      titleEn: "Test plan",
      baseYear: 2020,
      issued: 2021,
      endYear: 2025,
    },
    dataset: {
      places: [
        { id: "east", nameZh: "东区", nameEn: "East", kind: "district" },
        { id: "west", nameZh: "西县", nameEn: "West", kind: "county" },
      ],
      groups: [{ id: "all", nameZh: "全市", nameEn: "Whole city", members: ["east", "west"] }],
      indicators: [
        {
          id: "gdp",
          nameZh: "地区生产总值",
          nameEn: "GDP",
          unit: "100M yuan",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
        },
        {
          id: "population",
          nameZh: "常住人口",
          nameEn: "Population",
          unit: "10k persons",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
        },
        {
          id: "urban_population",
          nameZh: "城镇人口",
          nameEn: "Urban population",
          unit: "10k persons",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
        },
        {
          id: "urbanization",
          nameZh: "城镇化率",
          nameEn: "Urbanization",
          unit: "%",
          kind: "rate",
          aggregation: {
            rule: "ratio",
            numerator: "urban_population",
            denominator: "population",
            scale: 100,
          },
          scale: "logit",
        },
        {
          id: "labs_new",
          nameZh: "新增实验室",
          nameEn: "New labs",
          unit: "count",
          kind: "count",
          aggregation: { rule: "sum" },
          scale: "linear",
        },
      ],
      observations,
      breaks: [],
    },
    targets: syntheticTargets(),
    references: [],
    scenarios: [baseScenario],
    sources: [],
  });
}
