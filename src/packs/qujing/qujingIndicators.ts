import type { Indicator } from "../../schemas/indicator.js";

/** Units, exactly as `data/qujing/observations.csv` writes them. */
const YUAN_100M = "100M yuan";
const PERSONS_10K = "10k persons";
const PCT = "%";
const COUNT = "count";

/** Bounds of a growth rate in % a year: a value cannot fall by more than 100%. */
const GROWTH_BOUNDS: [number, number] = [-100, 100];

type Extra = Pick<Indicator, "aliases" | "note" | "placeTable" | "prices">;

/** A level (GDP, population, area) that adds up over places; modelled on the log scale. */
function level(
  id: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  extra: Extra = {},
): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit,
    kind: "level",
    aggregation: { rule: "sum" },
    scale: "log",
    ...extra,
  };
}

/** A level that does not add up over places (a ratio, a definition that is not additive). */
function levelNotSummed(
  id: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  extra: Extra,
): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit,
    kind: "level",
    aggregation: { rule: "none" },
    scale: "log",
    ...extra,
  };
}

/** A percentage in (0, 100) recomputed for a group as 100 × Σ numerator / Σ denominator; logit scale. */
function ratioRate(
  id: string,
  nameZh: string,
  nameEn: string,
  numerator: string,
  denominator: string,
  extra: Extra = {},
): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit: PCT,
    kind: "rate",
    aggregation: { rule: "ratio", numerator, denominator, scale: 100 },
    scale: "logit",
    ...extra,
  };
}

/** A percentage in (0, 100) that is not aggregated over places; logit scale. */
function plainRate(id: string, nameZh: string, nameEn: string, extra: Extra): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit: PCT,
    kind: "rate",
    aggregation: { rule: "none" },
    scale: "logit",
    ...extra,
  };
}

/** A growth rate in % on the previous year: not aggregated, linear scale, may be negative. */
function growthRate(id: string, nameZh: string, nameEn: string, extra: Extra): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit: PCT,
    kind: "rate",
    aggregation: { rule: "none" },
    scale: "linear",
    bounds: GROWTH_BOUNDS,
    ...extra,
  };
}

/** A yearly count (things newly built or certified in the year); adds up; linear scale. */
function yearlyCount(id: string, nameZh: string, nameEn: string, note: string): Indicator {
  return {
    id,
    nameZh,
    nameEn,
    unit: COUNT,
    kind: "count",
    aggregation: { rule: "sum" },
    scale: "linear",
    note,
  };
}

const GDP_BREAK =
  "Levels from 2019 on are on the basis revised after the 4th national economic census (2018); " +
  "2018 and earlier were not back-revised in the city or county tables (series break at 2019).";

/**
 * Every indicator of the Qujing pack: each one used in `data/qujing/observations.csv` (with the
 * unit the file uses), and each one a plan target needs even where no observation exists yet.
 *
 * Kinds and scales follow the library's conventions: levels (GDP, population, areas, money
 * amounts) are modelled on the log scale and add up over places; rates in (0, 100) on the logit
 * scale, recomputed for a group from summed numerator and denominator where that is defined
 * (urbanization, industry shares) and not aggregated otherwise; growth rates (% on the previous
 * year) on the linear scale, never aggregated; yearly counts on the linear scale, summed.
 * Indicators kept only because the data have them (`urbanization_pct_basis_unstated`,
 * `population_total_unclear`, `gdp_real_growth_pct_h1`, …) say in their note why no target uses
 * them.
 *
 * @example
 * qujingIndicators.find((i) => i.id === "urbanization_resident_pct")?.aggregation;
 * // { rule: "ratio", numerator: "population_urban_resident", denominator: "population_resident", scale: 100 }
 */
export const qujingIndicators: Indicator[] = [
  // --- Output -------------------------------------------------------------------------------
  level("gdp", "地区生产总值", "GDP", YUAN_100M, {
    aliases: ["GDP", "生产总值", "经济总量"],
    // The report's county table 各县（市、区）: every place's GDP, latest and projected.
    placeTable: true,
    // Its volume index, previous year = 100: GDP at constant prices (gdp_real) is chained from it.
    prices: { index: "gdp_index" },
    note: `Current prices. The city 2000–2023 (GP_INDUSTRY; CSMAR_GH for 2010–2021), seven places 2000–2021, Zhanyi from 2016 and Malong from 2018 (CSMAR_CNT_GDP): all nine 2018–2021, when they add up to the city within rounding except in 2019. ${GDP_BREAK} 2014 (1548.46) is below 2013 (1583.94) while the growth field says +4.0%: that is what the table says; it may reflect the 3rd economic census revision of 2013 figures, which the sources do not confirm.`,
  }),
  level("primary_va", "第一产业增加值", "Primary industry value added", YUAN_100M, {
    note: `Current prices; the CSMAR tables give 万元, converted to 100M yuan. ${GDP_BREAK}`,
  }),
  level("secondary_va", "第二产业增加值", "Secondary industry value added", YUAN_100M, {
    note: `Industry plus construction, so not industrial or manufacturing value added. Current prices. ${GDP_BREAK}`,
  }),
  level("tertiary_va", "第三产业增加值", "Tertiary industry value added", YUAN_100M, {
    note: `Current prices. ${GDP_BREAK}`,
  }),
  level("manufacturing_va", "制造业增加值", "Manufacturing value added", YUAN_100M, {
    note: "Needed by the target manufacturing-share (制造业增加值占GDP的比重). Not found in any source consulted; secondary_va includes mining, utilities and construction and is not a substitute.",
  }),
  {
    id: "gdp_per_capita",
    nameZh: "人均地区生产总值",
    nameEn: "GDP per capita",
    unit: "yuan",
    kind: "level",
    // gdp is in 100M yuan (1e8) and population in 10k persons (1e4): yuan per person = 1e4 × gdp / pop.
    aggregation: {
      rule: "ratio",
      numerator: "gdp",
      denominator: "population_resident",
      scale: 10000,
    },
    scale: "log",
    note: `Yuan per resident. Official figures divide by the average resident population of the year; the group aggregate divides by year-end resident population, an approximation. No place has an observed value; a place's follows from its gdp and population_resident, whose place series changes basis in 2020 (7th census). ${GDP_BREAK}`,
  },
  ratioRate(
    "primary_share_pct",
    "第一产业占GDP比重",
    "Primary industry share of GDP",
    "primary_va",
    "gdp",
  ),
  ratioRate(
    "secondary_share_pct",
    "第二产业占GDP比重",
    "Secondary industry share of GDP",
    "secondary_va",
    "gdp",
  ),
  ratioRate(
    "tertiary_share_pct",
    "第三产业占GDP比重",
    "Tertiary industry share of GDP",
    "tertiary_va",
    "gdp",
  ),
  growthRate("gdp_real_growth_pct", "地区生产总值增长率", "GDP growth (real)", {
    note: '% on the previous year at comparable prices (the yearbook convention; the CSMAR dictionary only says "Year-on-Year Regional GDP"). Not aggregated over places: a group\'s growth is not a sum of growths.',
  }),
  {
    id: "gdp_index",
    nameZh: "地区生产总值指数(上年=100)",
    nameEn: "GDP index, previous year = 100 (real)",
    unit: "previous year = 100",
    kind: "rate",
    aggregation: { rule: "none" },
    scale: "linear",
    // A value of x means real growth of x − 100 %: the growth bounds shifted by 100.
    bounds: [0, 200],
    aliases: ["地区生产总值指数", "GDP指数"],
    note: "Real GDP of the year over the previous year's, at comparable prices, × 100 (the yearbooks' 地区生产总值指数, 上年=100): chaining it gives real GDP. The city's 2000–2023 (GP_GDP_INDEX); for 2010–2021 it equals 100 + gdp_real_growth_pct (CSMAR_GH). Not aggregated over places (an index of a group is not a sum of indexes); not affected by the 2019 level revision, which changes levels, not comparable-price growth.",
  },
  growthRate(
    "gdp_real_growth_pct_h1",
    "上半年地区生产总值增长率",
    "GDP growth (real), first half-year",
    {
      note: "Growth of the first half-year on the same half of the year before (OUTPUTNEWS_2023H1). Not annual, so no target or default model uses it; kept as evidence about 2023.",
    },
  ),
  growthRate(
    "primary_va_growth_pct",
    "第一产业增加值增长率",
    "Primary industry value added growth (real)",
    {
      note: "% on the previous year at comparable prices (county bulletins). Not used for targets.",
    },
  ),
  growthRate(
    "secondary_va_growth_pct",
    "第二产业增加值增长率",
    "Secondary industry value added growth (real)",
    {
      note: "% on the previous year at comparable prices (county bulletins). Not used for targets.",
    },
  ),
  growthRate(
    "tertiary_va_growth_pct",
    "第三产业增加值增长率",
    "Tertiary industry value added growth (real)",
    {
      note: "% on the previous year at comparable prices (county bulletins). Not used for targets.",
    },
  ),
  plainRate(
    "gdp_share_of_yunnan_prefectures_pct",
    "占全省各州市GDP合计比重",
    "Share of the GDP of Yunnan's 16 prefectures",
    {
      note: "A city-level figure relative to the province; not defined for counties, so not aggregated. Not used for targets.",
    },
  ),

  // --- Population and urbanization ----------------------------------------------------------
  level("population_census", "普查常住人口", "Resident population (census)", PERSONS_10K, {
    note: "Census count on 1 November (6th census 2010, 7th census 2020). Kept apart from year-end resident population (population_resident), which it approximates.",
  }),
  level("population_resident", "年末常住人口", "Resident population (year-end)", PERSONS_10K, {
    aliases: ["常住人口"],
    note: "Denominator of the resident urbanization rate and of per-capita GDP. The city 2000 and 2005–2024 (GP_POPULATION; 2013–2019 census-revised, break at 2013); the nine places 2000–2021 (CSMAR_CNT_POP): the county tables label the column 年末户籍人口, but for Qujing it is the resident population (it adds up to the city's resident population, not to its 户籍 population, and the official per-capita GDP divides by it), on the 6th-census basis to 2019 and census-based from 2020 (break at 2020 for each place). The census counts of 1 November are in population_census.",
  }),
  level("population_hukou", "户籍人口", "Household-registered population", PERSONS_10K, {
    note: "Year-end household-registered (户籍) population; about 93万 more than the resident population in 2020 (net out-migration).",
  }),
  level("population_urban_resident", "城镇常住人口", "Urban resident population", PERSONS_10K, {
    note: "Numerator of urbanization_resident_pct. Not observed: the 7th-census county table with the urban/rural split was not in the copy of the bulletin consulted.",
  }),
  level(
    "population_urban_hukou",
    "城镇户籍人口",
    "Urban household-registered population",
    PERSONS_10K,
    {
      note: "Numerator of urbanization_hukou_pct (registered urban residents). Not observed.",
    },
  ),
  ratioRate(
    "urbanization_resident_pct",
    "常住人口城镇化率",
    "Urbanization rate (resident population)",
    "population_urban_resident",
    "population_resident",
    {
      aliases: ["城镇化率"],
      note: "100 × urban resident population / resident population. The 2020 value (49.03) is from the 7th census; 2022 (50.56) is from a quality-C page whose year is inferred.",
    },
  ),
  ratioRate(
    "urbanization_hukou_pct",
    "户籍人口城镇化率",
    "Urbanization rate (household registration)",
    "population_urban_hukou",
    "population_hukou",
    {
      note: "100 × urban household-registered population / household-registered population. No value found in any source consulted.",
    },
  ),
  plainRate(
    "urbanization_pct_basis_unstated",
    "城镇化率(口径未说明)",
    "Urbanization rate, basis not stated",
    {
      note: "Qilin's 68.05% (FPZ_P204) does not say whether it is resident or household-registered, nor its year (context 2020). Kept, but no target uses it: it cannot be aggregated with either series.",
    },
  ),
  levelNotSummed(
    "population_total_unclear",
    "总人口(口径不明)",
    "Total population, basis unclear",
    PERSONS_10K,
    {
      note: 'Malong\'s 2021 "总人口" 21.505万 (MMTAR_MALONG), probably household-registered but not stated. Kept, not summed and not used for targets.',
    },
  ),
  level(
    "population_urban_area",
    "城区常住人口",
    "Urban-area resident population (城区常住人口)",
    PERSONS_10K,
    {
      note: "Resident population of the urban area (城区) as used by the State Council's 2014 city-size classes (国发〔2014〕51号); the measure of the targets central-city-urban-population and urban-hierarchy. Not observed.",
    },
  ),
  level(
    "population_urban_core",
    "城区人口",
    "Urban-area population (construction statistics)",
    PERSONS_10K,
    {
      note: "城区人口 as the urban-construction statistics report it (城区户籍人口 + 城区暂住人口), close to but not the same as 城区常住人口 (population_urban_area), so no target uses it. The only value (2016, 67.94万, quality C) is filed under the city but describes the central urban area.",
    },
  ),
  levelNotSummed(
    "population_builtup_area",
    "建成区人口",
    "Population of the built-up urban area",
    PERSONS_10K,
    {
      note: "Population of the contiguous urban settlement area as citypopulation.de and Wikipedia define it (2010: 64.6 or 66.0万, two definitions; 2020: 97.6万). Not an administrative unit and not additive over places; not used for targets.",
    },
  ),
  plainRate(
    "pop_share_of_yunnan_pct",
    "占全省常住人口比重",
    "Share of Yunnan's resident population",
    {
      note: "A city-level figure relative to the province; not aggregated, not used for targets.",
    },
  ),
  plainRate(
    "census_top3_counties_pop_share_pct",
    "人口前三位县(市、区)占比",
    "Census population share of the three largest places",
    {
      note: "宣威市 + 麒麟区 + 会泽县 as % of the city (7th census bulletin). A check on the county census figures, not used for targets.",
    },
  ),
  levelNotSummed(
    "census_household_size",
    "平均家庭户规模",
    "Average family-household size",
    "persons per family household",
    {
      note: "Persons per family household (7th census). An average, not additive; not used for targets.",
    },
  ),

  // --- Urban form and services --------------------------------------------------------------
  level("built_up_area", "建成区面积", "Built-up area", "km2", {
    note: 'Urban built-up area (城市建成区). The only value (2016, 88.97 km2, quality C, "曲靖城市建成区面积") is filed under the city but describes the central urban area; the target central-city-built-up-area reads the central city.',
  }),
  plainRate("life_circle_coverage_pct", "15分钟生活圈覆盖率", "15-minute life-circle coverage", {
    note: "Share of the central city covered by 15-minute life circles (生活圈覆盖率). The plan does not define the base (area or population), so it is not aggregated. Not observed.",
  }),

  // --- Opening up and investment ------------------------------------------------------------
  level("foreign_trade", "外贸进出口总额", "Foreign trade (imports + exports)", YUAN_100M, {
    note: "Total of imports and exports. The target is a growth rate, so the currency does not matter as long as one is used throughout; the city reports in yuan. Not found in any source consulted.",
  }),
  level(
    "new_project_investment",
    "新引进立项备案项目计划投资额",
    "Planned investment of newly introduced, registered projects",
    YUAN_100M,
    {
      note: "Planned investment of projects newly introduced (招商引资) and registered (立项备案) in the year. Not found in any source consulted.",
    },
  ),
  level(
    "fixed_asset_investment",
    "固定资产投资完成额",
    "Fixed-asset investment completed",
    YUAN_100M,
    {
      note: "Completed fixed-asset investment. The nine places 2000–2017 (CSMAR_CNT_FAI; the county yearbook stopped publishing levels after 2017); the definition changed in 2011 (break). Since 2018 bulletins usually publish only its growth (fixed_asset_investment_growth_pct), not the level; the growth target can be judged from chained growth rates.",
    },
  ),
  growthRate(
    "fixed_asset_investment_growth_pct",
    "固定资产投资增长率",
    "Fixed-asset investment growth",
    {
      note: "% on the previous year, as bulletins publish it (固定资产投资比上年增长). Five yearly values 2021–2025 chained give the CAGR the target fixed-asset-investment-growth asks about. Not observed.",
    },
  ),
  level(
    "outside_investor_tax",
    "外来投资企业纳税总额",
    "Taxes paid by enterprises invested from outside",
    YUAN_100M,
    {
      note: "Total taxes paid by enterprises whose investors come from outside the city. Not found in any source consulted.",
    },
  ),

  // --- Innovation ---------------------------------------------------------------------------
  level("rd_expenditure", "全社会研究与试验发展经费", "R&D expenditure (all sectors)", YUAN_100M, {
    aliases: ["R&D经费", "研发经费"],
    note: "Gross domestic expenditure on R&D (全社会R&D经费投入). Not found in any source consulted.",
  }),
  level("rd_expenditure_enterprise", "企业研发经费", "R&D expenditure of enterprises", YUAN_100M, {
    note: "The enterprise part of rd_expenditure; numerator of rd-enterprise-share. Not found in any source consulted.",
  }),
  level(
    "tech_contract_turnover",
    "技术市场合同成交额",
    "Technology-market contract turnover",
    YUAN_100M,
    {
      note: "Turnover of registered technology contracts (技术合同交易额) in the year. Not found in any source consulted.",
    },
  ),
  yearlyCount(
    "hightech_enterprises_new",
    "新认定高新技术企业",
    "High-tech enterprises newly certified",
    "Enterprises certified as high-tech (高新技术企业) for the first time in the year; re-certifications are not new. Target hightech-enterprises-new sums 2021–2025.",
  ),
  yearlyCount(
    "tech_smes_new",
    "新入库科技型中小企业",
    "S&T SMEs newly certified (provincial and national)",
    "Provincial and national science-and-technology SMEs (科技型中小企业) registered for the first time in the year. The national register is renewed every year, so a stock figure must not be entered as new.",
  ),
  yearlyCount(
    "academician_workstations_new",
    "新建省级院士专家工作站",
    "Provincial academician expert workstations newly set up",
    "Provincial academician expert workstations (院士专家工作站) set up in the year.",
  ),
  yearlyCount(
    "maker_spaces_new",
    "新认定众创空间",
    "Maker spaces newly recognised",
    "Maker spaces (众创空间) recognised in the year.",
  ),
  yearlyCount(
    "star_innovation_new",
    "新认定星创天地",
    "Star-innovation spaces (星创天地) newly recognised",
    "Rural innovation and entrepreneurship platforms (星创天地) recognised in the year.",
  ),
  yearlyCount(
    "key_labs_new",
    "新认定重点实验室",
    "Key laboratories newly recognised",
    "Key laboratories (重点实验室) recognised in the year.",
  ),
  yearlyCount(
    "innovation_centres_new",
    "新认定省级产业创新中心",
    "Provincial industrial innovation centres newly recognised",
    "Provincial industrial innovation centres (省级产业创新中心) recognised in the year.",
  ),
  yearlyCount(
    "incubators_new",
    "新认定科技企业孵化器",
    "S&T business incubators newly recognised",
    "Science-and-technology business incubators (科技企业孵化器) recognised in the year.",
  ),

  // --- Transport ----------------------------------------------------------------------------
  yearlyCount(
    "expressway_projects",
    "高速公路建设项目",
    "Expressway projects started",
    "Expressway projects among the plan's 13 (陆良至寻甸等13条高速公路建设) whose construction started in the year. The plan says 实施…建设 (carry out construction), read here as started; if completion (建成通车) is meant, enter completions and say so in the note.",
  ),
  yearlyCount(
    "railway_preparation",
    "铁路前期工作",
    "Railway lines with preparatory work started",
    "Railway lines among the plan's 7 (曲靖至宣威至六盘水等7条铁路前期工作) whose preparatory work (前期工作: studies, approvals) started in the year.",
  ),
  yearlyCount(
    "class1_bus_stations",
    "一级客运站",
    "First-class passenger bus stations completed",
    "First-class passenger bus stations (一级客运站) completed in the year; the plan names two (曲靖汽车客运东站, 曲靖马龙汽车客运东站).",
  ),
  yearlyCount(
    "county_bus_stations",
    "县级汽车客运站",
    "County-level passenger bus stations completed",
    "County-level passenger bus stations (县级汽车客运站) completed in the year; the plan names 13.",
  ),
  yearlyCount(
    "township_transport_stations",
    "乡(镇)综合运输服务站",
    "Township transport service stations completed",
    "Township comprehensive transport service stations (乡(镇)综合运输服务站) completed in the year; the plan names 71.",
  ),

  // --- Position among China's prefecture-level cities ---------------------------------------
  {
    id: "gdp_rank_prefecture_cities",
    nameZh: "全国地级城市GDP位次",
    nameEn: "GDP rank among China's prefecture-level cities",
    unit: "rank",
    kind: "level",
    aggregation: { rule: "none" },
    scale: "linear",
    bounds: [1, 400],
    note: "1 = largest GDP. Computed from the CSMAR city GDP table by prefectureCityRanks (universe: isPrefectureLevelCity; ties share the better rank); a rank among the units with data that year. The observed rank of the target gdp-rank-top70.",
  },
];
