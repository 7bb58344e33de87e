import type { Indicator } from "../../schemas/indicator.js";
import type { Observation } from "../../schemas/observation.js";
import type { Source } from "../../schemas/regionPack.js";

// Qujing's GDP index (地区生产总值指数, previous year = 100), the comparable-price growth the
// plan's growth figures are measured in. Kept in this one module (indicator, source and rows)
// so that it can be replaced by, or merged with, the pack's panel data as a whole.

/** Source key of the index rows. */
const SOURCE = "GP_GDP_INDEX";

/**
 * The GDP index as an indicator: previous year = 100, for the city only, not aggregated (an
 * index of a group is not a sum of its places' indices). The price index of `gdp` (see its
 * `prices`), from which the library derives GDP at constant prices (`gdp_real`).
 *
 * @example
 * qujingGdpIndexIndicator.unit; // "previous year = 100"
 */
export const qujingGdpIndexIndicator: Indicator = {
  id: "gdp_index",
  nameZh: "地区生产总值指数",
  nameEn: "GDP index (previous year = 100)",
  unit: "previous year = 100",
  kind: "level",
  aggregation: { rule: "none" },
  scale: "log",
  aliases: ["GDP指数", "地区生产总值指数(上年=100)"],
  note: "Real (comparable-price, 可比价) growth of GDP: 100 + the growth in % on the previous year. On one basis each year, so unaffected by the 2019 level revision of gdp; the price index of gdp, from which gdp_real is chained. 2010–2021 equal gdp_real_growth_pct + 100 (CSMAR_GH).",
};

/**
 * Where the index rows come from.
 *
 * @example
 * qujingGdpIndexSource.quality; // "B"
 */
export const qujingGdpIndexSource: Source = {
  key: SOURCE,
  title:
    "曲靖市地区生产总值指数 (上年 = 100), 2000–2023, from the Yunnan and Qujing statistical yearbooks (云南统计年鉴, 曲靖统计年鉴) and Qujing's statistical bulletins (曲靖市国民经济和社会发展统计公报), as compiled in the prefecture file 296个地级市GDP相关数据（以2000年为基期）.xlsx (column GDP指数); 2010–2021 equal CSMAR's GDPYoY + 100 (CSMAR_GH)",
  quality: "B",
  where:
    "../shared/data/cn-panels/prefecture_panel.csv, code 530300, indicator gdp_index_prev_year_100 (source GP_GDP_INDEX), from GitHub biechouwo-coder/G-P, 原始数据/296个地级市GDP相关数据（以2000年为基期）.xlsx, commit e7bf98ff771ed0d31198d0925777bb41a26fea97",
};

/**
 * Qujing's GDP index by year, 2000–2023, as `prefecture_panel.csv` gives it (code 530300,
 * `gdp_index_prev_year_100`).
 */
const INDEX_BY_YEAR: readonly (readonly [year: number, index: number])[] = [
  [2000, 108.2],
  [2001, 108.0],
  [2002, 109.0],
  [2003, 109.6],
  [2004, 112.3],
  [2005, 112.9],
  [2006, 115.5],
  [2007, 113.0],
  [2008, 112.4],
  [2009, 112.8],
  [2010, 113.1],
  [2011, 113.1],
  [2012, 113.0],
  [2013, 113.1],
  [2014, 104.0],
  [2015, 107.4],
  [2016, 109.2],
  [2017, 110.0],
  [2018, 108.5],
  [2019, 109.6],
  [2020, 106.6],
  [2021, 112.0],
  [2022, 108.1],
  [2023, 107.5],
];

/**
 * The city's GDP index observations (group `city`), one a year 2000–2023, each citing
 * {@link qujingGdpIndexSource}.
 *
 * @example
 * qujingGdpIndexObservations.find((o) => o.year === 2021)?.value; // 112
 */
export const qujingGdpIndexObservations: Observation[] = INDEX_BY_YEAR.map(([year, value]) => ({
  place: "city",
  indicator: "gdp_index",
  year,
  value,
  unit: "previous year = 100",
  source: SOURCE,
  quality: "B",
  note: "GDP指数 (上年 = 100)",
}));
