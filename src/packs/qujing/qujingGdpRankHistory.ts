import type { PrefectureCityRank } from "../../analysis/prefectureCityRanks.js";
import { prefectureRanks } from "./prefectureRanks.generated.js";

/**
 * Qujing's (530300) GDP rank among China's prefecture-level cities in each year 2000–2023, with
 * the number of cities ranked (`of`), its GDP and the 70th city's GDP (100M yuan, current prices).
 * Computed from the G-P prefecture GDP compilation (the shared `prefecture_panel.csv`) by
 * `prefectureCityRanks` (ties share the better rank; universe: `isPrefectureCityByCategory`,
 * category 地级市 or 副省级市 without names ending in 州, 地区 or 盟): 85th in 2021, 75th in 2022,
 * 72nd in 2023. A rank is a rank among the units with data that year; the cities missing in a
 * year are, from 2001 on, cities that did not exist yet or no longer existed, or far below Qujing
 * (in 2000 Huai'an is missing, which was above Qujing in 2001, so the 2000 rank may be one too
 * good). Levels from 2019 on are on the basis revised after the 4th economic census.
 *
 * @example
 * qujingGdpRankHistory.find((r) => r.year === 2023);
 * // { year: 2023, rank: 72, of: 288, gdp: 4048.91, gdpAtRank: 4190.87 }
 */
export const qujingGdpRankHistory: readonly PrefectureCityRank[] = prefectureRanks.ranks;
