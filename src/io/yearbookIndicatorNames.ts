/**
 * The names Chinese statistical yearbooks and bulletins give the common indicators, by the
 * indicator id regionsim's packs use for them. The table readers (`readWorkbook`,
 * `readObservationsTable`, `loadFile`) recognise an indicator by its id, by the pack's own names
 * and aliases (`nameZh`, `nameEn`, `aliases`), and then by these names, for the ids the pack has:
 * a pack without `foreign_trade` does not learn it from here, and a pack's own name always wins
 * over this table.
 *
 * The names follow the yearbooks' tables (《中国县域统计年鉴》, the provincial and city yearbooks
 * and the statistical bulletins 统计公报): 地区生产总值 and its three sectors' value added
 * (增加值) at current prices; 常住人口 (year-end resident population) and 户籍人口 (household
 * registration, 年末户籍人口); 城镇化率, which the yearbooks give on the resident basis
 * (常住人口城镇化率) unless they say 户籍人口城镇化率; 固定资产投资 (completed investment,
 * 全社会固定资产投资 in the older tables); 进出口总额 (foreign trade, imports plus exports).
 * A title names one of them when it contains it (「各县（市、区）地区生产总值（万元）」); the
 * longest name wins, so 人均地区生产总值 is GDP per capita and not GDP.
 *
 * @example
 * YEARBOOK_INDICATOR_NAMES.population_hukou; // ["户籍人口", "年末户籍人口", "户籍总人口"]
 */
export const YEARBOOK_INDICATOR_NAMES: Readonly<Record<string, readonly string[]>> = {
  gdp: ["地区生产总值", "生产总值", "GDP"],
  primary_va: ["第一产业增加值"],
  secondary_va: ["第二产业增加值"],
  tertiary_va: ["第三产业增加值"],
  gdp_per_capita: ["人均地区生产总值", "人均生产总值", "人均GDP"],
  gdp_real_growth_pct: ["地区生产总值增长率", "地区生产总值增速", "GDP增长率"],
  population_resident: ["常住人口", "年末常住人口", "常住人口数"],
  population_hukou: ["户籍人口", "年末户籍人口", "户籍总人口"],
  population_urban_resident: ["城镇常住人口", "城镇人口"],
  urbanization_resident_pct: ["城镇化率", "常住人口城镇化率"],
  urbanization_hukou_pct: ["户籍人口城镇化率"],
  fixed_asset_investment: ["固定资产投资", "固定资产投资完成额", "全社会固定资产投资"],
  fixed_asset_investment_growth_pct: ["固定资产投资增长率", "固定资产投资增速"],
  foreign_trade: ["进出口总额", "外贸进出口总额", "对外贸易进出口总额"],
  rd_expenditure: ["R&D经费", "研究与试验发展经费", "R&D经费内部支出"],
  built_up_area: ["建成区面积"],
};
