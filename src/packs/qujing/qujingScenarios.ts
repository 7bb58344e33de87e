import type { ModelAssumption, Scenario } from "../../schemas/scenario.js";
import { qujingIndicators } from "./qujingIndicators.js";

/** Compound growth that doubles a value in 15 years (2020→2035): 2^(1/15) − 1 ≈ 0.04729. */
const DOUBLING_2020_2035 = 2 ** (1 / 15) - 1;

const REFERENCE = "gdp-70th-prefecture-city";

/** Every indicator of a kind and scale, by id (the scenarios name them one by one). */
const ids = (kind: "level" | "rate" | "count", scale?: "log" | "logit" | "linear") =>
  qujingIndicators
    .filter((i) => i.kind === kind && (scale === undefined || i.scale === scale))
    .map((i) => i.id);

const TREND_REFERENCE_REASON =
  "The 70th city's GDP follows the Theta method fitted on its 2000–2023 series (prefecture " +
  "panel, GP_PANEL_RANKS), with 2019 as a break (the 4th economic census revision) — the same " +
  "model on the same years as Qujing's own GDP " +
  "in this scenario, so the comparison does not favour either side. The plan says nothing about " +
  "other cities, so their recent pace is the neutral assumption. The panel ends in 2023.";

/** trend: the data's own recent pace, by indicator kind. */
const trendModels: ModelAssumption[] = [
  {
    scope: "*",
    indicator: "*",
    spec: { kind: "theta" },
    reason:
      "Levels (GDP, value added, population, money amounts) follow the Theta method (SES with " +
      "drift at half the fitted trend slope; Hyndman & Billah 2003), fitted on quality A/B data " +
      "only; series breaks (GDP at 2019, the places' resident population at 2020, investment at " +
      "2011) are level shifts, not growth. It is the library's default " +
      "for levels because it was the most accurate and least biased model when GDP of all " +
      "Chinese prefecture-level units was forecast 1–5 years ahead from 2008–2017 " +
      "(docs/backtest.md, `npm run backtest`): trend and drift models carried the boom's growth " +
      "into the 2010s slowdown and over-forecast by up to 50%. The places' GDP, industries and " +
      "resident population are yearly to 2021 (seven places from 2000, Zhanyi from 2016, Malong " +
      "from 2018); series with one observation fall back and are reported as needing data.",
  },
  ...ids("rate", "logit").map(
    (indicator): ModelAssumption => ({
      scope: "*",
      indicator,
      spec: { kind: "drift" },
      reason:
        "Percentages in (0, 100) follow a random walk with drift on the logit scale — a logistic " +
        "curve through the last observation, which slows near the bounds. In the backtest of the " +
        "tertiary-industry share of all prefecture-level units it had the best interval coverage " +
        "and near-best accuracy, while fitted logistic lines missed the last observation " +
        "(docs/backtest.md). Thin data: the resident urbanization rate has one A/B value (2020 census, " +
        "49.03%); the 2022 value (50.56%) is quality C and not fitted on; no other rate has " +
        "more than one city-level value after 2020. The drift borrows strength from the pack's " +
        "summary of the national county panel (dataset.panels, empirical Bayes; docs/qujing-pack.md): " +
        "with one point it is the comparable counties' mean yearly change of the logit, their " +
        "urban–rural growth difference, with their spread in the interval.",
    }),
  ),
  ...ids("rate", "linear").map(
    (indicator): ModelAssumption => ({
      scope: "*",
      indicator,
      spec: { kind: "naive" },
      reason:
        "Growth rates (% on the previous year) do not trend: the last observed rate is carried " +
        "forward. No target reads these projections.",
    }),
  ),
  ...ids("count").map(
    (indicator): ModelAssumption => ({
      scope: "*",
      indicator,
      spec: { kind: "naive" },
      reason:
        "A yearly count (things newly built or certified) repeats its last observed year; a " +
        "trend cannot be told from the one to four yearly values a plan period offers. No count " +
        "is observed yet.",
    }),
  ),
  {
    scope: "*",
    indicator: "gdp_rank_prefecture_cities",
    spec: { kind: "naive" },
    reason:
      "The rank is not projected (other cities are not projected one by one): the rank target " +
      "compares Qujing's GDP with the 70th city's GDP. The last observed rank is carried forward " +
      "for display only.",
  },
];

/** plan: the growth the plan's targets imply. */
const planModels: ModelAssumption[] = [
  {
    scope: "city",
    indicator: "urbanization_resident_pct",
    spec: { kind: "path", values: { "2025": 60 } },
    reason:
      "The plan: 全市常住人口城镇化率…达到60%以上 (一(二), 二(七)). A path from the last " +
      "observation (2020 census, 49.03%) to exactly 60% in 2025, flat afterwards (the plan " +
      "sets no later value); +2.2 points a year against about +0.8 a year nationally in 2020–2024.",
  },
  {
    scope: "city",
    indicator: "urbanization_hukou_pct",
    spec: { kind: "path", values: { "2025": 45 } },
    reason:
      "The plan: 户籍人口城镇化率…45%以上 (一(二)). Reaches exactly 45% in 2025; no base value " +
      "is known, so this cannot be projected until one is.",
  },
  {
    scope: "city",
    indicator: "gdp",
    spec: { kind: "cagr", rate: DOUBLING_2020_2035 },
    reason:
      "Interpretation (target gdp-2035-double): the plan's 2035 goal 全市经济总量…再迈上新的台阶 " +
      "(一(二)) read as the national vision's doubling of 2020 GDP, 2^(1/15) − 1 ≈ 4.73% a year, " +
      "applied to GDP from its last observation (2023), at constant prices (the basis of the " +
      "doubling) and at current prices (the series the rank target reads) alike. Because 2020–2023 " +
      "already grew 30% in real terms (37% at current prices: 4048.91 against 2959.35), this path " +
      "passes the doubling before 2035; it is the plan's pace, not its level.",
  },
  ...(
    [
      ["foreign_trade", 0.15, "外贸进出口总额年均增长15%以上"],
      ["new_project_investment", 0.1, "新引进立项备案项目计划投资额…年均…增长10%以上"],
      ["fixed_asset_investment", 0.1, "实际完成固定资产投资…年均…增长10%以上"],
      ["outside_investor_tax", 0.1, "外来投资企业纳税总额年均…增长10%以上"],
    ] as const
  ).map(
    ([indicator, rate, quote]): ModelAssumption => ({
      scope: "city",
      indicator,
      spec: { kind: "cagr", rate },
      reason: `The plan: ${quote} (一(二)): growth at exactly the target rate, ${rate * 100}% a year. No level is observed yet.`,
    }),
  ),
  ...(
    [
      ["city", "rd_expenditure", 63, "全社会研究与试验发展经费投入达63亿元 (二(八))"],
      [
        "city",
        "rd_expenditure_enterprise",
        56.7,
        "企业研发投入占全社会研发投入的90%以上 (二(八)): 90% of 63亿元 = 56.7亿元",
      ],
      ["city", "tech_contract_turnover", 5, "技术市场合同交易总额达到5亿元以上 (二(八))"],
      ["central-city", "built_up_area", 105, "曲靖中心城市建成区达105平方公里 (二(四))"],
      ["central-city", "population_urban_area", 105, "城区常住人口达105万人左右 (二(四))"],
      ["central-city", "life_circle_coverage_pct", 95, "生活圈覆盖率达95% (二(四))"],
    ] as const
  ).map(
    ([scope, indicator, value, quote]): ModelAssumption => ({
      scope,
      indicator,
      spec: { kind: "path", values: { "2025": value } },
      reason: `The plan: ${quote}. A path to exactly that value in 2025, flat afterwards. No value is observed yet.`,
    }),
  ),
  ...(
    [
      ["hightech_enterprises_new", 100],
      ["tech_smes_new", 200],
      ["academician_workstations_new", 10],
      ["maker_spaces_new", 5],
      ["star_innovation_new", 10],
      ["key_labs_new", 1],
      ["innovation_centres_new", 1],
      ["incubators_new", 1],
      ["expressway_projects", 13],
      ["railway_preparation", 7],
      ["class1_bus_stations", 2],
      ["county_bus_stations", 13],
      ["township_transport_stations", 71],
    ] as const
  ).map(
    ([indicator, total]): ModelAssumption => ({
      scope: "city",
      indicator,
      spec: {
        kind: "path",
        values: Object.fromEntries(
          [2021, 2022, 2023, 2024, 2025].map((y) => [String(y), total / 5]),
        ),
      },
      reason: `The plan's count for 2021–2025 (${total}, 二(六)/二(八)) spread evenly: ${total / 5} a year, so the five years sum to the target.`,
    }),
  ),
];

/**
 * The three named scenarios of the Qujing pack, as full {@link Scenario} objects:
 *
 * - `trend`: what the data show continues, with the backtest's defaults. Levels follow the Theta
 *   method (A/B data; the 2019 break is a level shift), percentages a drift on the logit scale,
 *   growth rates and yearly counts their last value; the 70th city's GDP the Theta method on the
 *   same years as Qujing's (2000–2023).
 * - `plan`: the growth the plan's targets imply from the latest observation (extends `trend`; not
 *   every target met exactly, see its description): urbanization on a path to 60% in 2025, trade and investment at their target rates, R&D and the central city on paths to
 *   their 2025 values, counts spread evenly over 2021–2025, GDP at the 4.73% a year of the 2035
 *   doubling interpretation (at constant prices; its deflator keeps its trend).
 * - `downside`: a plausible bad case (extends `trend`): GDP growth of 4.5% a year with 2024's
 *   contraction (−0.9%, NETEASE_2024, quality C) as a relative growth shock of −5.5% (2024
 *   growth about −1.2%) and flat prices (a deflator of 0% a year, so current and constant prices
 *   grow alike), slower urbanization, and the 70th city growing at the national pace.
 *
 * Every assumption carries its reason. The data are thin: for most targets the pack has no
 * observation at all, and those targets are reported as needing data whatever the scenario.
 *
 * @example
 * qujingScenarios.map((s) => s.id); // ["trend", "plan", "downside"]
 */
export const qujingScenarios: Scenario[] = [
  {
    id: "trend",
    nameEn: "Trend: recent data continue",
    nameZh: "趋势情景",
    description:
      "Continues what the observed data show, with the library's models per indicator kind " +
      "fitted on quality A/B observations only (quality C rows are kept and shown, not fitted " +
      "on). Honest about thin data: city GDP has 24 yearly values (2000–2023, with a break at " +
      "2019) and the places' GDP, industries and resident population run to 2021 (seven of them " +
      "from 2000), but urbanization has one A/B value and most target indicators " +
      "(manufacturing, trade, investment after 2017, R&D, counts) none; those targets are " +
      "reported as needing data. The 2024 contraction reported by a quality-C source is not in " +
      "this scenario; see `downside`.",
    models: trendModels,
    overrides: [],
    shocks: [],
    references: [
      {
        reference: REFERENCE,
        spec: { kind: "theta" },
        reason: TREND_REFERENCE_REASON,
      },
    ],
    uncertainty: [],
    useQualityC: false,
    toYear: 2035,
  },
  {
    id: "plan",
    nameEn: "Plan: the growth the targets imply",
    nameZh: "规划情景",
    description:
      "Projects each indicator the plan quantifies at the plan's pace from its latest " +
      "observation: paths reach the plan's stated values in their years, indicators with a " +
      "growth target grow at exactly the target rate, counts are spread evenly over 2021–2025. " +
      "It shows what the plan asks for from here, not what is likely. It does not make every " +
      "target met exactly: a growth target measured from its base year is met exactly only if " +
      "the observed years kept the target's pace, and a target the data (yours included) " +
      "already pass or miss stays so. Indicators the plan does not speak of keep the trend " +
      "scenario's models. GDP grows at 4.73% a year, the pace of the 2035 " +
      "doubling interpretation (an analyst's reading, not the plan's words). Targets whose " +
      "indicator has no observation still cannot be judged: a path needs a starting value.",
    extends: "trend",
    models: planModels,
    overrides: [],
    shocks: [],
    references: [
      {
        reference: REFERENCE,
        spec: { kind: "theta" },
        reason: `${TREND_REFERENCE_REASON} The plan scenario changes Qujing's assumptions only, so the reference keeps the trend scenario's.`,
      },
    ],
    uncertainty: [],
    useQualityC: false,
    toYear: 2035,
  },
  {
    id: "downside",
    nameEn: "Downside: 2024's contraction and slower growth",
    nameZh: "下行情景",
    description:
      "A plausible bad case built on the little that is known after 2023: a quality-C report of " +
      "a real GDP contraction of 0.9% in 2024 (the only one in Yunnan) after real growth of 8.1% " +
      "in 2022 and 7.5% in 2023. GDP grows 4.5% a year from 2023 with 2024 hit by a growth shock, " +
      "at flat prices (the same rate at current and at constant prices); urbanization gains 0.6 " +
      "points a year; the 70th city grows at China's nominal pace. " +
      "The 2024 figure is a single low-quality source: treat this as a stress test, not a forecast.",
    extends: "trend",
    models: [
      {
        scope: "city",
        indicator: "gdp",
        spec: { kind: "cagr", rate: 0.045 },
        reason:
          "GDP growth of 4.5% a year from 2023, the last observed year, at current prices and, " +
          "with the flat prices of this scenario's deflator, at constant prices too: about China's " +
          "nominal growth in 2023–2024 (4–5%, NBS), against Qujing's 10% a year 2015–2022 " +
          "(CSMAR_GH, ZHWIKI_YN_GDP). Real growth fell from 12.0% (2021) to 8.1% (2022) and 7.5% " +
          "(2023; GP_GDP_INDEX) and −0.9% (2024, NETEASE_2024, quality C).",
      },
      {
        scope: "city",
        indicator: "urbanization_resident_pct",
        spec: { kind: "path", values: { "2025": 52, "2035": 58 } },
        reason:
          "Urbanization gains 0.6 points a year from the 2020 census value (49.03%): 52% in " +
          "2025, 58% in 2035. Slower than the 0.77 a year the quality-C 2022 value (50.56%) " +
          "suggests and than China's roughly 0.8 a year in 2020–2024, because the resident " +
          "population is shrinking (576.6万 in the 2020 census, 563.4万 at the end of 2024, " +
          "ENWIKI_QJ) and county towns have few jobs to draw migrants.",
      },
    ],
    overrides: [],
    shocks: [
      {
        scope: "city",
        indicator: "gdp",
        type: "growth",
        size: -0.055,
        from: 2024,
        to: 2024,
        reason:
          "2024's contraction: 曲靖市负增长0.9% (NETEASE_2024, quality C, a news commentary; the " +
          "2024 level is not known). The shock is relative: 2024 ends 5.5% below where 4.5% growth " +
          "takes it, i.e. growth of 1.045 × 0.945 − 1, about −1.2%, and the lost level persists. The source's −0.9% is real growth; applying it " +
          "to nominal GDP assumes flat prices in 2024 (falling prices would make the nominal loss " +
          "larger).",
      },
    ],
    references: [
      {
        reference: REFERENCE,
        spec: { kind: "cagr", rate: 0.05 },
        reason:
          "The 70th city grows at about China's nominal GDP growth (4–5% a year in 2023–2024, " +
          "NBS), untouched by Qujing's local shock: the gap Qujing must close widens.",
      },
    ],
    uncertainty: [],
    deflators: [
      {
        scope: "city",
        indicator: "gdp",
        rate: 0,
        reason:
          "Flat prices: the 4.5% a year and the 2024 shock are meant at current and constant " +
          "prices alike (the shock's −0.9% is real growth applied to nominal GDP, which assumes " +
          "flat prices), so GDP at current prices is GDP at constant prices times the 2023 " +
          "deflator.",
      },
    ],
    useQualityC: false,
    toYear: 2035,
  },
];
