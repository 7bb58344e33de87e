import type { ReferenceSeries } from "../../schemas/regionPack.js";
import { prefectureRanks } from "./prefectureRanks.generated.js";

/**
 * Reference series of the Qujing pack: `gdp-70th-prefecture-city`, the GDP of the city ranked
 * 70th by GDP among China's prefecture-level cities in each year 2010–2021 (100M yuan, current
 * prices), which the target `gdp-rank-top70` is measured against. It starts in 2010, the first
 * year of Qujing's own GDP series in the pack, so that a scenario fitting the same model to both
 * compares like with like (the 1990s boom would otherwise lift only the reference's trend). Computed from the CSMAR city
 * GDP table by `prefectureCityRanks` (universe: `isPrefectureLevelCity`), embedded by
 * `scripts/embed-data.ts`. Scenarios project it with their `references` assumption.
 *
 * @example
 * const s = qujingReferences[0];
 * s.values[s.years.indexOf(2020)]; // 3337.32
 */
/** First year of the reference series: the first year of Qujing's GDP observations. */
const FIRST_YEAR = 2010;

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
    source: "CSMAR_PANEL",
    note:
      "The GDP in position 70 of each year's ranking of prefecture-level cities (the four " +
      "municipalities, prefectures, autonomous prefectures and leagues excluded). A rank is a " +
      "rank among the units with data that year: the panel misses every city of Inner Mongolia " +
      "and Jiangxi in 2017–2018 (Nanchang and Ordos were above the 70th city in 2016), so the " +
      "70th city's GDP is understated in those years; in 2021 it misses Xinjiang and Tibet " +
      "(Urumqi was the 70th city in 2020), so the 2021 value may be one position off. From 2019 " +
      "on, levels are on the basis revised after the 4th economic census (break at 2019). " +
      "Kept from 2010, the first year of Qujing's own GDP series; the whole ranking history " +
      "from 1992 is in qujingGdpRankHistory.",
  },
];
