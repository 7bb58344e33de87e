import type { PrefectureCityRank } from "../../analysis/prefectureCityRanks.js";
import { prefectureRanks } from "./prefectureRanks.generated.js";

/**
 * Qujing's (530300) GDP rank among China's prefecture-level cities in each year 1992–2021, with
 * the number of cities ranked (`of`), its GDP and the 70th city's GDP (100M yuan, current prices).
 * Computed from the CSMAR city GDP table by `prefectureCityRanks` (ties share the better rank;
 * universe: `isPrefectureLevelCity`). Read the 2017–2018 ranks with care: the panel misses Inner
 * Mongolia and Jiangxi in those years (Nanchang, Ordos, Baotou and Hohhot were above Qujing in
 * 2016), so Qujing's rank there is better than it was; in 2021 it misses Xinjiang and Tibet
 * (Urumqi was above Qujing in 2020), so the 2021 rank (84) may be one too good.
 *
 * @example
 * qujingGdpRankHistory.find((r) => r.year === 2020);
 * // { year: 2020, rank: 89, of: 286, gdp: 2959.35, gdpAtRank: 3337.32 }
 */
export const qujingGdpRankHistory: readonly PrefectureCityRank[] = prefectureRanks.ranks;
