import type { Indicator } from "../schemas/indicator.js";

/** Units, as cn-panels and the Qujing pack write them. */
const YUAN_100M = "100M yuan";
const PERSONS_10K = "10k persons";
const PCT = "%";

/** A level (GDP, population, investment) that adds up over places; modelled on the log scale. */
function level(id: string, nameZh: string, nameEn: string, unit: string, note: string): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit,
    kind: "level",
    aggregation: { rule: "sum" },
    scale: "log",
    note,
  };
}

/** An industry's share of GDP in %: 100 × Σ value added / Σ GDP for a group; logit scale. */
function share(id: string, nameZh: string, nameEn: string, numerator: string): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit: PCT,
    kind: "rate",
    aggregation: { rule: "ratio", numerator, denominator: "gdp", scale: 100 },
    scale: "logit",
    note: `100 × ${numerator} / gdp, computed from the two series (a group's share is a ratio of sums, never an average of shares).`,
  };
}

const CURRENT = "Current prices, 亿元.";

/**
 * The indicators of Chinese county and city statistics that packs share, with the library's
 * conventions (the same ids, units, kinds and rules as the Qujing pack): levels — GDP and the
 * value added of the three industries (100M yuan at current prices), populations (10k persons),
 * fixed-asset investment (100M yuan) — add up over places and are modelled on the log scale; an
 * industry's share of GDP is a ratio of two summed levels on the logit scale; GDP per capita is
 * the ratio of GDP to the panel's year-end population; the GDP index (previous year = 100,
 * comparable prices) is not aggregated and is modelled on the linear scale. GDP is shown in the
 * reports' county table (`placeTable`). `buildPackFromPanel` takes the definitions of the
 * indicators a panel has from here.
 * Notes describe the definition only; a pack's breaks say where a series changes basis.
 *
 * @example
 * STANDARD_INDICATORS.map((i) => i.id);
 * // ["gdp", "primary_va", "secondary_va", "tertiary_va", "primary_share_pct", "secondary_share_pct", "tertiary_share_pct", "gdp_per_capita", "gdp_index", "population_hukou", "population_resident", "population_urban_resident", "population_rural_resident", "fixed_asset_investment"]
 * STANDARD_INDICATORS.find((i) => i.id === "secondary_share_pct")?.aggregation;
 * // { rule: "ratio", numerator: "secondary_va", denominator: "gdp", scale: 100 }
 */
export const STANDARD_INDICATORS: readonly Indicator[] = [
  {
    ...level("gdp", "地区生产总值", "GDP", YUAN_100M, `${CURRENT} Gross regional product.`),
    aliases: ["GDP", "生产总值"],
    // The reports' county table 各县（市、区）: every place's GDP, latest and projected.
    placeTable: true,
  },
  level(
    "primary_va",
    "第一产业增加值",
    "Primary industry value added",
    YUAN_100M,
    `${CURRENT} Agriculture, forestry, animal husbandry and fishery.`,
  ),
  level(
    "secondary_va",
    "第二产业增加值",
    "Secondary industry value added",
    YUAN_100M,
    `${CURRENT} Industry plus construction, so not industrial or manufacturing value added.`,
  ),
  level("tertiary_va", "第三产业增加值", "Tertiary industry value added", YUAN_100M, CURRENT),
  share("primary_share_pct", "第一产业占GDP比重", "Primary industry share of GDP", "primary_va"),
  share(
    "secondary_share_pct",
    "第二产业占GDP比重",
    "Secondary industry share of GDP",
    "secondary_va",
  ),
  share("tertiary_share_pct", "第三产业占GDP比重", "Tertiary industry share of GDP", "tertiary_va"),
  {
    id: "gdp_per_capita",
    nameZh: "人均地区生产总值",
    nameEn: "GDP per capita",
    unit: "yuan",
    kind: "level",
    // gdp in 100M yuan (1e8) over population in 10k persons (1e4): yuan per person = 1e4 × gdp / pop.
    aggregation: { rule: "ratio", numerator: "gdp", denominator: "population_hukou", scale: 10000 },
    scale: "log",
    note: "Yuan per person of the panel's year-end population (population_hukou; for some units census residents from 2020, where the pack declares a break): 1e4 × gdp / population_hukou, a ratio of sums for a group. Places are compared on it in the regional disparity, weighted by population.",
  },
  {
    id: "gdp_index",
    nameZh: "地区生产总值指数",
    nameEn: "GDP index (previous year = 100)",
    unit: "previous year = 100",
    kind: "rate",
    aggregation: { rule: "none" },
    scale: "linear",
    bounds: [0, 200],
    aliases: ["GDP指数", "地区生产总值指数(上年=100)"],
    note: "Real (comparable-price, 可比价) growth of GDP: 100 + the growth in % on the previous year, on one basis each year, so unaffected by level revisions of gdp. GDP's price index (`prices` on gdp) when observed: GDP at constant prices (gdp_real) is chained from it. Not aggregated over places.",
  },
  level(
    "population_hukou",
    "户籍人口",
    "Household-registered population",
    PERSONS_10K,
    "Year-end household-registered (户籍) population.",
  ),
  {
    ...level(
      "population_resident",
      "年末常住人口",
      "Resident population (year-end)",
      PERSONS_10K,
      "Year-end resident (常住) population.",
    ),
    aliases: ["常住人口"],
  },
  level(
    "population_urban_resident",
    "城镇常住人口",
    "Urban resident population",
    PERSONS_10K,
    "Resident population living in urban areas (城镇).",
  ),
  level(
    "population_rural_resident",
    "乡村常住人口",
    "Rural resident population",
    PERSONS_10K,
    "Resident population living in rural areas (乡村).",
  ),
  level(
    "fixed_asset_investment",
    "固定资产投资完成额",
    "Fixed-asset investment completed",
    YUAN_100M,
    "Completed fixed-asset investment in the year, current prices.",
  ),
];
