import type { ReferenceSeries } from "../../schemas/regionPack.js";
import { prefectureRanks } from "./prefectureRanks.generated.js";

/** First year of the reference series: the first year of Qujing's GDP observations (GP_INDUSTRY). */
const FIRST_YEAR = 2000;

/**
 * Reference series of the Qujing pack: `gdp-70th-prefecture-city`, the GDP of the city ranked
 * 70th by GDP among China's prefecture-level cities in each year 2000–2023 (100M yuan, current
 * prices), which the target `gdp-rank-top70` is measured against. It starts in 2000, the first
 * year of Qujing's own GDP series in the pack, so that a scenario fitting the same model to both
 * compares like with like. Computed from the G-P prefecture GDP compilation (the shared
 * `prefecture_panel.csv`) by `prefectureCityRanks` (universe: `isPrefectureCityByCategory`),
 * embedded by `scripts/embed-data.ts` (aggregates only). Scenarios project it with their
 * `references` assumption.
 *
 * @example
 * const s = qujingReferences[0];
 * s.values[s.years.indexOf(2023)]; // 4190.87
 */
export const qujingReferences: ReferenceSeries[] = [
  {
    id: "gdp-70th-prefecture-city",
    nameZh: "全国第70位地级城市地区生产总值",
    nameEn: "GDP of China's 70th prefecture-level city",
    unit: "100M yuan",
    years: prefectureRanks.kth.years.filter((y) => y >= FIRST_YEAR),
    values: prefectureRanks.kth.values.filter(
      (_, k) => (prefectureRanks.kth.years[k] as number) >= FIRST_YEAR,
    ),
    breaks: [2019],
    source: "GP_PANEL_RANKS",
    note:
      "The GDP in position 70 of each year's ranking of prefecture-level cities: category 地级市 " +
      "or 副省级市 in the prefecture panel, the four municipalities (直辖市) left out, and " +
      "autonomous prefectures, prefectures and leagues (names ending in 州, 地区 or 盟) left out. " +
      "A rank is a rank among the units with data that year; from 2001 on the cities missing in " +
      "a year are ones that did not exist yet or no longer existed, or far below the 70th city, " +
      "so the 70th city's GDP is not affected by gaps. From 2019 on, levels are on the basis " +
      "revised after the 4th economic census (break at 2019). Qujing was 85th in 2021, 75th in " +
      "2022 and 72nd in 2023 (qujingGdpRankHistory, 2000–2023).",
  },
];
