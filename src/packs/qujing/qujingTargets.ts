import type { Target } from "../../schemas/target.js";

/** The plan's base year and the last year of its period. */
const BASE = 2020;
const END = 2025;
/** 左右 / 约 ("about"): ±2% of the value, as PLAN.md reads the plan. */
const ABOUT = 0.02;
/** Qujing's GDP in the base year 2020, 100M yuan at current prices (CSMAR_GH, post-2018-census basis). */
const GDP_2020 = 2959.35;

/** Sections of the plan (chapter 一–四, article (一)–(二十一)), as written in the plan's text. */
const S = {
  goals: "一(二)",
  guiding: "一(一)",
  centralCity: "二(四)",
  transport: "二(六)",
  urbanization: "二(七)",
  innovation: "二(八)",
} as const;

const plan = (quote: string, section: string) => ({ kind: "plan" as const, quote, section });

/** A count target: the sum of a yearly count over 2021–2025. */
function count(
  id: string,
  nameZh: string,
  nameEn: string,
  indicator: string,
  value: number,
  quote: string,
  section: string,
): Target {
  return {
    id,
    nameZh,
    nameEn,
    kind: "count",
    scope: "city",
    indicator,
    comparator: ">=",
    value,
    unit: "count",
    year: END,
    baseYear: BASE,
    provenance: plan(quote, section),
  };
}

/** A growth target: CAGR (% a year) from 2020 to 2025. */
function growth(
  id: string,
  nameZh: string,
  nameEn: string,
  indicator: string,
  value: number,
  quote: string,
): Target {
  return {
    id,
    nameZh,
    nameEn,
    kind: "growth",
    scope: "city",
    indicator,
    comparator: ">=",
    value,
    unit: "%/yr",
    year: END,
    baseYear: BASE,
    provenance: plan(quote, S.goals),
  };
}

const INVESTMENT_QUOTE =
  "新引进立项备案项目计划投资额、实际完成固定资产投资、外来投资企业纳税总额年均分别增长10%以上";
const URBANIZATION_QUOTE = "全市常住人口城镇化率和户籍人口城镇化率分别达到60%以上和45%以上";

/**
 * The quantified targets of 《曲靖市促进区域协调发展实施方案》 (2021): the 29 of `PLAN.md`, with
 * its ids, each quoting the plan's own words and section, plus one interpretation,
 * `gdp-2035-double`, which the plan does not state in numbers.
 *
 * Conventions: 以上 / 达 / 达到 → `>=`; 左右 / 约 → `about` with a ±2% band; base year 2020,
 * target year 2025 (the rank target has none); growth targets in % a year (CAGR 2020→2025);
 * count targets sum a yearly count over 2021–2025; shares are 100 × numerator / denominator.
 *
 * @example
 * qujingTargets.length; // 30
 * qujingTargets.find((t) => t.id === "urbanization-resident")?.value; // 60
 */
export const qujingTargets: Target[] = [
  // --- 一(二) overall goals for 2025 ----------------------------------------------------------
  {
    id: "urbanization-resident",
    nameZh: "常住人口城镇化率",
    nameEn: "Urbanization rate (resident population)",
    kind: "level",
    scope: "city",
    indicator: "urbanization_resident_pct",
    comparator: ">=",
    value: 60,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan(URBANIZATION_QUOTE, S.goals),
  },
  {
    id: "urbanization-hukou",
    nameZh: "户籍人口城镇化率",
    nameEn: "Urbanization rate (household registration)",
    kind: "level",
    scope: "city",
    indicator: "urbanization_hukou_pct",
    comparator: ">=",
    value: 45,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan(URBANIZATION_QUOTE, S.goals),
  },
  {
    id: "manufacturing-share",
    nameZh: "制造业增加值占GDP比重",
    nameEn: "Manufacturing value added as a share of GDP",
    kind: "share",
    scope: "city",
    indicator: "manufacturing_va",
    denominator: { scope: "city", indicator: "gdp" },
    comparator: ">=",
    value: 25,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan("制造业增加值占GDP的比重达到25%以上", S.goals),
  },
  growth(
    "trade-growth",
    "外贸进出口总额年均增长",
    "Foreign trade (imports + exports), growth a year",
    "foreign_trade",
    15,
    "外贸进出口总额年均增长15%以上",
  ),
  growth(
    "new-project-investment-growth",
    "新引进立项备案项目计划投资额年均增长",
    "Planned investment of newly introduced registered projects, growth a year",
    "new_project_investment",
    10,
    INVESTMENT_QUOTE,
  ),
  growth(
    "fixed-asset-investment-growth",
    "实际完成固定资产投资年均增长",
    "Completed fixed-asset investment, growth a year",
    "fixed_asset_investment",
    10,
    INVESTMENT_QUOTE,
  ),
  growth(
    "outside-investor-tax-growth",
    "外来投资企业纳税总额年均增长",
    "Taxes paid by enterprises invested from outside, growth a year",
    "outside_investor_tax",
    10,
    INVESTMENT_QUOTE,
  ),

  // --- 二(四) the central city ----------------------------------------------------------------
  {
    id: "central-city-built-up-area",
    nameZh: "中心城市建成区面积",
    nameEn: "Central city built-up area",
    kind: "level",
    scope: "central-city",
    indicator: "built_up_area",
    comparator: ">=",
    value: 105,
    unit: "km2",
    year: END,
    baseYear: BASE,
    provenance: plan("到2025年,曲靖中心城市建成区达105平方公里", S.centralCity),
  },
  {
    id: "central-city-urban-population",
    nameZh: "中心城市城区常住人口",
    nameEn: "Central city urban-area resident population",
    kind: "level",
    scope: "central-city",
    indicator: "population_urban_area",
    comparator: "about",
    tolerance: ABOUT,
    value: 105,
    unit: "10k persons",
    year: END,
    baseYear: BASE,
    provenance: plan("城区常住人口达105万人左右", S.centralCity),
  },
  {
    id: "central-city-life-circle",
    nameZh: "中心城市生活圈覆盖率",
    nameEn: "Central city 15-minute life-circle coverage",
    kind: "level",
    scope: "central-city",
    indicator: "life_circle_coverage_pct",
    comparator: ">=",
    value: 95,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan("生活圈覆盖率达95%", S.centralCity),
  },
  {
    id: "central-city-gdp-share",
    nameZh: "中心城市地区生产总值占全市比重",
    nameEn: "Central city share of the city's GDP",
    kind: "share",
    scope: "central-city",
    indicator: "gdp",
    denominator: { scope: "city", indicator: "gdp" },
    comparator: "about",
    tolerance: ABOUT,
    value: 65,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan("聚集全市约65%的地区生产总值", S.centralCity),
  },

  // --- 二(八) innovation ---------------------------------------------------------------------
  {
    id: "rd-expenditure",
    nameZh: "全社会研究与试验发展经费投入",
    nameEn: "R&D expenditure (all sectors)",
    kind: "level",
    scope: "city",
    indicator: "rd_expenditure",
    comparator: ">=",
    value: 63,
    unit: "100M yuan",
    year: END,
    baseYear: BASE,
    provenance: plan("全社会研究与试验发展经费投入达63亿元", S.innovation),
  },
  {
    id: "rd-enterprise-share",
    nameZh: "企业研发投入占全社会研发投入比重",
    nameEn: "Enterprise share of R&D expenditure",
    kind: "share",
    scope: "city",
    indicator: "rd_expenditure_enterprise",
    denominator: { scope: "city", indicator: "rd_expenditure" },
    comparator: ">=",
    value: 90,
    unit: "%",
    year: END,
    baseYear: BASE,
    provenance: plan("企业研发投入占全社会研发投入的90%以上", S.innovation),
  },
  {
    id: "tech-contract-turnover",
    nameZh: "技术市场合同交易总额",
    nameEn: "Technology-market contract turnover",
    kind: "level",
    scope: "city",
    indicator: "tech_contract_turnover",
    comparator: ">=",
    value: 5,
    unit: "100M yuan",
    year: END,
    baseYear: BASE,
    provenance: plan("技术市场合同交易总额达到5亿元以上", S.innovation),
  },
  count(
    "hightech-enterprises-new",
    "认定高新技术企业",
    "High-tech enterprises newly certified, 2021–2025",
    "hightech_enterprises_new",
    100,
    "认定高新技术企业100户",
    S.innovation,
  ),
  count(
    "tech-smes-new",
    "认定省级和国家级科技型中小企业",
    "Provincial and national S&T SMEs certified, 2021–2025",
    "tech_smes_new",
    200,
    "省级和国家级科技型中小企业200户",
    S.innovation,
  ),
  count(
    "academician-workstations-new",
    "新建省级院士专家工作站",
    "New provincial academician expert workstations, 2021–2025",
    "academician_workstations_new",
    10,
    "新建省级院士专家工作站10个",
    S.innovation,
  ),
  count(
    "maker-spaces-new",
    "新认定众创空间",
    "New maker spaces, 2021–2025",
    "maker_spaces_new",
    5,
    "众创空间5个",
    S.innovation,
  ),
  count(
    "star-innovation-new",
    "新认定星创天地",
    "New star-innovation spaces (星创天地), 2021–2025",
    "star_innovation_new",
    10,
    "“星创天地”10个",
    S.innovation,
  ),
  count(
    "key-labs-new",
    "新认定重点实验室",
    "New key laboratories, 2021–2025",
    "key_labs_new",
    1,
    "新认定重点实验室1个",
    S.innovation,
  ),
  count(
    "innovation-centres-new",
    "新认定省级产业创新中心",
    "New provincial industrial innovation centres, 2021–2025",
    "innovation_centres_new",
    1,
    "省级产业创新中心1个",
    S.innovation,
  ),
  count(
    "incubators-new",
    "新认定科技企业孵化器",
    "New S&T business incubators, 2021–2025",
    "incubators_new",
    1,
    "科技企业孵化器1个",
    S.innovation,
  ),

  // --- 二(六) transport ----------------------------------------------------------------------
  count(
    "expressways",
    "高速公路建设",
    "Expressway projects carried out, 2021–2025",
    "expressway_projects",
    13,
    "重点实施富源(滇黔界)至麒麟段改扩容工程、陆良至寻甸等13条高速公路建设",
    S.transport,
  ),
  count(
    "railway-preparation",
    "铁路前期工作",
    "Railway lines with preparatory work, 2021–2025",
    "railway_preparation",
    7,
    "曲靖至宣威至六盘水等7条铁路前期工作",
    S.transport,
  ),
  count(
    "class1-bus-stations",
    "一级客运站",
    "First-class passenger bus stations, 2021–2025",
    "class1_bus_stations",
    2,
    "曲靖汽车客运东站、曲靖马龙汽车客运东站等2个一级客运站",
    S.transport,
  ),
  count(
    "county-bus-stations",
    "县级汽车客运站",
    "County-level passenger bus stations, 2021–2025",
    "county_bus_stations",
    13,
    "13个县级汽车客运站",
    S.transport,
  ),
  count(
    "township-transport-stations",
    "乡(镇)综合运输服务站",
    "Township transport service stations, 2021–2025",
    "township_transport_stations",
    71,
    "71个乡(镇)综合运输服务站",
    S.transport,
  ),

  // --- 二(七) the urban hierarchy -------------------------------------------------------------
  {
    id: "urban-hierarchy",
    nameZh: "城镇体系:1个大城市、1个中等城市、5个小城市",
    nameEn: "Urban hierarchy: one large, one medium and five small cities",
    kind: "class",
    scope: "city",
    indicator: "population_urban_area",
    // Size classes of 国发〔2014〕51号 by 城区常住人口: small < 50万, medium 50万–100万,
    // large 100万–500万. `value` is the number of listed places that must reach their class.
    classes: [
      { scope: "central-city", atLeast: "large" },
      { scope: "xuanwei", atLeast: "medium" },
      { scope: "huize", atLeast: "small" },
      { scope: "luoping", atLeast: "small" },
      { scope: "shizong", atLeast: "small" },
      { scope: "luliang", atLeast: "small" },
      { scope: "fuyuan", atLeast: "small" },
    ],
    comparator: ">=",
    value: 7,
    unit: "places",
    year: END,
    baseYear: BASE,
    provenance: plan(
      "建成1个大城市(曲靖中心城市)、1个中等城市(宣威)、5个小城市(会泽、罗平、师宗、陆良、富源)",
      S.urbanization,
    ),
  },

  // --- 一(一) national standing --------------------------------------------------------------
  {
    id: "gdp-rank-top70",
    nameZh: "经济总量进入全国地级城市70强",
    nameEn: "GDP among the top 70 prefecture-level cities of China",
    kind: "rank",
    scope: "city",
    indicator: "gdp",
    reference: "gdp-70th-prefecture-city",
    rankIndicator: "gdp_rank_prefecture_cities",
    comparator: "<=",
    value: 70,
    unit: "rank",
    year: null,
    baseYear: BASE,
    provenance: plan("力争经济总量进入全国地级城市70强", S.guiding),
  },

  // --- Interpretation: 2035 ----------------------------------------------------------------
  {
    id: "gdp-2035-double",
    nameZh: "2035年地区生产总值比2020年翻一番(解读)",
    nameEn: "GDP in 2035 at least double 2020 (interpretation)",
    kind: "level",
    scope: "city",
    indicator: "gdp",
    comparator: ">=",
    value: 2 * GDP_2020,
    unit: "100M yuan",
    year: 2035,
    baseYear: BASE,
    basis: "real",
    provenance: {
      kind: "interpretation",
      quote: "到2035年,全市经济总量和城乡居民人均收入再迈上新的台阶",
      reasoning:
        "The plan sets no number for 2035: GDP and per-capita income are to 'reach a new level' " +
        "(再迈上新的台阶, 一(二)). The national 2035 vision is commonly read as doubling GDP (or " +
        "per-capita income) from 2020, a compound growth of 2^(1/15) − 1 ≈ 4.73% a year; this " +
        "target applies that reading to Qujing: GDP in 2035 ≥ 2 × 2959.35 = 5918.7 (100M yuan; " +
        "2020 from CSMAR_GH, on the post-2018-census basis). The national reading is about real " +
        "(constant-price, 可比价) growth, so the target is judged at constant 2020 prices " +
        "(basis real): GDP at 2020 prices is the 2020 level chained with the city's GDP index " +
        "(上年 = 100, gdp_index), and 5918.7 is the threshold at 2020 prices. The judgement at " +
        "current prices is shown beside it: there inflation counts towards the doubling, which " +
        "makes it easier (about 2.7% real growth a year would suffice if prices rose 2% a year). " +
        "It is an analyst's interpretation, not the plan's words.",
    },
  },
];
