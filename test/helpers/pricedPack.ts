// A made-up city whose prices are known exactly: one place, `town`, with GDP at current prices
// and its GDP index (previous year = 100). Real growth is 5% a year (index 105 every year) and
// the deflator rises 3% a year, so nominal GDP grows 1.05 × 1.03 = 1.0815 a year, from 100 in
// 2020. Expected results follow from these numbers by hand, in the tests' comments.
import type { Observation, RegionPack, ScenarioInput, Target } from "../../src/index.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";

/** Real growth a year (index 105). */
export const REAL_GROWTH = 0.05;
/** Deflator growth a year. */
export const DEFLATOR_GROWTH = 0.03;
/** Nominal growth a year: 1.05 × 1.03 − 1 = 0.0815. */
export const NOMINAL_GROWTH = (1 + REAL_GROWTH) * (1 + DEFLATOR_GROWTH) - 1;

/** GDP 2016–2022 (100 in 2020, × 1.0815 a year) and the index 105 in each of those years. */
export function pricedObservations(): Observation[] {
  const out: Observation[] = [];
  for (let year = 2016; year <= 2022; year++) {
    const common = { place: "town", year, source: "TEST", quality: "A" as const };
    out.push({
      ...common,
      indicator: "gdp",
      value: 100 * (1 + NOMINAL_GROWTH) ** (year - 2020),
      unit: "100M yuan",
    });
    out.push({ ...common, indicator: "gdp_index", value: 105, unit: "previous year = 100" });
  }
  return out;
}

const plan = { kind: "plan" as const, quote: "测试" };

/**
 * Targets: `growth-real`, GDP growth 2020→2025 ≥ 6% a year at constant prices; `double-real`,
 * GDP in 2030 ≥ 200 at constant 2020 prices (double 2020); `growth-nominal`, the same growth at
 * current prices (no basis).
 */
export function pricedTargets(): Target[] {
  return [
    {
      id: "growth-real",
      nameZh: "增速",
      nameEn: "Growth, real",
      kind: "growth",
      scope: "town",
      indicator: "gdp",
      comparator: ">=",
      value: 6,
      unit: "%/yr",
      year: 2025,
      baseYear: 2020,
      basis: "real",
      provenance: plan,
    },
    {
      id: "double-real",
      nameZh: "翻番",
      nameEn: "Doubling, real",
      kind: "level",
      scope: "town",
      indicator: "gdp",
      comparator: ">=",
      value: 200,
      unit: "100M yuan",
      year: 2030,
      baseYear: 2020,
      basis: "real",
      provenance: plan,
    },
    {
      id: "growth-nominal",
      nameZh: "增速(现价)",
      nameEn: "Growth, nominal",
      kind: "growth",
      scope: "town",
      indicator: "gdp",
      comparator: ">=",
      value: 6,
      unit: "%/yr",
      year: 2025,
      baseYear: 2020,
      provenance: plan,
    },
  ];
}

/** GDP grows 5% a year in the scenario: its model for `gdp`, read at constant prices too. */
export const pricedScenario: ScenarioInput = {
  id: "steady",
  nameEn: "Steady",
  description: "GDP grows 5% a year; the deflator keeps its trend.",
  models: [{ scope: "*", indicator: "gdp", spec: { kind: "cagr", rate: 0.05 }, reason: "5%" }],
};

/** The priced pack; `prices` replaces GDP's price declaration (`null`: none). */
export function pricedPack(
  options: {
    readonly prices?: { index: string; referenceYear?: number } | null;
    readonly observations?: Observation[];
    readonly targets?: Target[];
  } = {},
): RegionPack {
  const prices = options.prices === undefined ? { index: "gdp_index" } : options.prices;
  return RegionPackSchema.parse({
    id: "priced",
    nameZh: "价格市",
    nameEn: "Priced City",
    plan: { titleZh: "方案", titleEn: "Plan", baseYear: 2020, issued: 2021, endYear: 2025 },
    dataset: {
      places: [{ id: "town", nameZh: "城区", nameEn: "Town", kind: "district" }],
      groups: [],
      indicators: [
        {
          id: "gdp",
          nameZh: "地区生产总值",
          nameEn: "GDP",
          unit: "100M yuan",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
          ...(prices === null ? {} : { prices }),
        },
        {
          id: "gdp_index",
          nameZh: "地区生产总值指数",
          nameEn: "GDP index",
          unit: "previous year = 100",
          kind: "level",
          aggregation: { rule: "none" },
          scale: "log",
        },
      ],
      observations: options.observations ?? pricedObservations(),
      breaks: [],
    },
    targets: options.targets ?? pricedTargets(),
    references: [],
    scenarios: [pricedScenario],
    sources: [{ key: "TEST", title: "made up", quality: "A" }],
  });
}
