// The synthetic region of syntheticPack.ts with derived indicators: GDP per capita as a formula,
// its twin as a ratio rule, and targets on it. East's GDP is 100·1.1^k and west's 50·1.05^k in
// 2020 + k (k = 0 … 3), populations 40 and 60 (10k persons) throughout; under "steady" GDP grows
// 10% and 5% a year and population stays flat.
import type { Indicator, Observation, RegionPack, ScenarioInput, Target } from "../../src/index.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { baseScenario, syntheticObservations, syntheticPack } from "./syntheticPack.js";

/** "steady" with GDP shocks of sd 0.1 a year and population shocks of sd 0.05, independent. */
export const uncertain: ScenarioInput = {
  ...baseScenario,
  id: "uncertain",
  uncertainty: [
    { scope: "*", indicator: "gdp", sigma: 0.1, phi: 0, rho: 0, reason: "test" },
    { scope: "*", indicator: "population", sigma: 0.05, phi: 0, rho: 0, reason: "test" },
  ],
};

/** Yuan per person: GDP is in 100M yuan (1e8) and population in 10k persons (1e4). */
export const GDP_PER_CAPITA: Indicator = {
  id: "gdp_per_capita",
  nameZh: "人均地区生产总值",
  nameEn: "GDP per capita",
  unit: "yuan",
  kind: "level",
  aggregation: { rule: "formula" },
  scale: "log",
  formula: "10000 * gdp / population",
};

const { formula: _formula, ...perCapitaFields } = GDP_PER_CAPITA;

/** The same quantity as a ratio rule (a group recomputes it from summed parts). */
export const GDP_PER_CAPITA_RATIO: Indicator = {
  ...perCapitaFields,
  id: "gdp_per_capita_ratio",
  aggregation: { rule: "ratio", numerator: "gdp", denominator: "population", scale: 10000 },
};

/** A level target on an indicator (GDP per capita by default) in 2025, base year 2020. */
export function levelTarget(
  id: string,
  scope: string,
  value: number,
  extra: Partial<Target> = {},
): Target {
  return {
    id,
    nameZh: id,
    nameEn: id,
    kind: "level",
    scope,
    indicator: "gdp_per_capita",
    comparator: ">=",
    value,
    unit: "yuan",
    year: 2025,
    baseYear: 2020,
    provenance: { kind: "interpretation", reasoning: "test" },
    ...extra,
  } as Target;
}

/** The synthetic pack with `indicators` added, its targets replaced by `targets`. */
export function formulaPack(
  indicators: readonly Indicator[],
  targets: readonly Target[],
  observations: Observation[] = syntheticObservations(),
): RegionPack {
  const pack = syntheticPack(observations);
  return RegionPackSchema.parse({
    ...pack,
    dataset: { ...pack.dataset, indicators: [...pack.dataset.indicators, ...indicators] },
    targets,
  });
}
