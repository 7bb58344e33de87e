// A small, made-up prefecture shaped like a county panel: three places (a, b and c, a district
// created in 2018 whose series start then), the whole city and a core group (a + c); GDP by
// place, population per household registration (hukou) to 2019 and per resident from the 2020
// census, the city's own GDP a year further, and GDP per capita spliced from the hukou basis to
// the resident one in 2020. Numbers are round so that tests can work results out by hand.
import type { Observation, RegionPack, ScenarioInput, Target } from "../../src/index.js";
import type { Indicator } from "../../src/schemas/indicator.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { obs } from "./syntheticPack.js";

const YUAN = "100M yuan";
const PERSONS = "10k persons";

/**
 * GDP: a 100 in 2016 growing 8% a year, b 50 growing 5%, c 20 in 2018 growing 10%, to 2021; the
 * city's own GDP 2016–2022 (the sum of the places where all three exist, and 200 in 2022).
 * Hukou population 2016–2019: a 40, b 60, c 10 (c from 2018). Resident population 2020–2021:
 * a 45, b 50, c 12.
 */
export function countyObservations(): Observation[] {
  const out: Observation[] = [];
  for (let year = 2016; year <= 2021; year++) {
    const k = year - 2016;
    const a = 100 * 1.08 ** k;
    const b = 50 * 1.05 ** k;
    out.push(obs("a", "gdp", year, a, YUAN), obs("b", "gdp", year, b, YUAN));
    if (year >= 2018) out.push(obs("c", "gdp", year, 20 * 1.1 ** (year - 2018), YUAN));
    const c = year >= 2018 ? 20 * 1.1 ** (year - 2018) : 0;
    if (year >= 2018) out.push(obs("city", "gdp", year, a + b + c, YUAN));
    if (year <= 2019) {
      out.push(obs("a", "population_hukou", year, 40, PERSONS));
      out.push(obs("b", "population_hukou", year, 60, PERSONS));
      if (year >= 2018) out.push(obs("c", "population_hukou", year, 10, PERSONS));
    } else {
      out.push(obs("a", "population_resident", year, 45, PERSONS));
      out.push(obs("b", "population_resident", year, 50, PERSONS));
      out.push(obs("c", "population_resident", year, 12, PERSONS));
    }
  }
  out.push(obs("city", "gdp", 2022, 200, YUAN));
  return out;
}

function level(id: string, nameZh: string, unit: string, extra: Partial<Indicator> = {}) {
  return {
    id,
    nameZh,
    nameEn: id,
    unit,
    kind: "level",
    aggregation: { rule: "sum" },
    scale: "log",
    ...extra,
  };
}

function perCapita(id: string, nameZh: string, denominator: string, extra = {}) {
  return {
    id,
    nameZh,
    nameEn: id,
    unit: "yuan",
    kind: "level",
    // 100M yuan over 10k persons: yuan per person = 1e4 × gdp / population
    aggregation: { rule: "ratio", numerator: "gdp", denominator, scale: 10000 },
    scale: "log",
    ...extra,
  };
}

/** Every level grows by its own constant rate: a 8%, b 5%, c 10%, the city 6%; populations flat. */
export const countyScenario: ScenarioInput = {
  id: "steady",
  nameEn: "Steady growth",
  description: "Each place's GDP grows at its own rate; populations stay where they are.",
  toYear: 2030,
  models: [
    { scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0 }, reason: "flat unless said" },
    { scope: "a", indicator: "gdp", spec: { kind: "cagr", rate: 0.08 }, reason: "a grows 8%" },
    { scope: "b", indicator: "gdp", spec: { kind: "cagr", rate: 0.05 }, reason: "b grows 5%" },
    { scope: "c", indicator: "gdp", spec: { kind: "cagr", rate: 0.1 }, reason: "c grows 10%" },
    { scope: "city", indicator: "gdp", spec: { kind: "cagr", rate: 0.06 }, reason: "6%" },
  ],
};

/** The core (a + c) to hold 65% of the city's GDP in 2025. */
export function countyTargets(): Target[] {
  return [
    {
      id: "core-share",
      nameZh: "中心城区占比",
      nameEn: "Core share of GDP",
      kind: "share",
      scope: "core",
      indicator: "gdp",
      denominator: { scope: "city" },
      comparator: "about",
      tolerance: 0.02,
      value: 65,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      provenance: { kind: "plan", quote: "测试" },
    },
  ];
}

/**
 * The county-shaped pack; `splice: false` leaves out the earlier-basis declaration, and
 * `placeTable: false` the place-table flag on GDP.
 */
export function countyPack(
  options: { splice?: boolean; placeTable?: boolean; observations?: Observation[] } = {},
): RegionPack {
  const splice = options.splice ?? true;
  return RegionPackSchema.parse({
    id: "county-test",
    nameZh: "测试州",
    nameEn: "County test",
    plan: {
      titleZh: "测试方案",
      titleEn: "Test plan",
      baseYear: 2020,
      issued: 2021,
      endYear: 2025,
    },
    dataset: {
      places: [
        { id: "a", nameZh: "甲区", nameEn: "A District", kind: "district" },
        { id: "b", nameZh: "乙县", nameEn: "B County", kind: "county" },
        { id: "c", nameZh: "丙区", nameEn: "C District", kind: "district" },
      ],
      groups: [
        { id: "city", nameZh: "全市", nameEn: "Whole city", members: ["a", "b", "c"] },
        { id: "core", nameZh: "中心城区", nameEn: "Core", members: ["a", "c"] },
      ],
      indicators: [
        level(
          "gdp",
          "地区生产总值",
          YUAN,
          options.placeTable === false ? {} : { placeTable: true },
        ),
        level("population_hukou", "户籍人口", PERSONS),
        level("population_resident", "常住人口", PERSONS),
        perCapita(
          "gdp_per_capita",
          "人均地区生产总值",
          "population_resident",
          splice
            ? {
                earlierBasis: {
                  indicator: "gdp_per_capita_hukou",
                  before: 2020,
                  reason:
                    "county population is per hukou to 2019 and per resident from the 2020 census",
                },
              }
            : {},
        ),
        perCapita("gdp_per_capita_hukou", "户籍人口人均地区生产总值", "population_hukou"),
      ],
      observations: options.observations ?? countyObservations(),
      breaks: [],
    },
    targets: countyTargets(),
    references: [],
    scenarios: [countyScenario],
    sources: [],
  });
}
