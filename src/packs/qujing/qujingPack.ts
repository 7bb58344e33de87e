import type { Observation } from "../../schemas/observation.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import { loadQujingObservations } from "./loadQujingObservations.js";
import { qujingBreaks } from "./qujingBreaks.js";
import { qujingGdpRankHistory } from "./qujingGdpRankHistory.js";
import { qujingGroups } from "./qujingGroups.js";
import { qujingIndicators } from "./qujingIndicators.js";
import { qujingPlaces } from "./qujingPlaces.js";
import { qujingReferences } from "./qujingReferences.js";
import { qujingScenarios } from "./qujingScenarios.js";
import { qujingSources } from "./qujingSources.js";
import { qujingTargets } from "./qujingTargets.js";

/** Qujing's observed GDP rank each year, as observations of the city (source GP_PANEL_RANKS). */
const rankObservations: Observation[] = qujingGdpRankHistory.map((r) => ({
  place: "city",
  indicator: "gdp_rank_prefecture_cities",
  year: r.year,
  value: r.rank,
  unit: "rank",
  source: "GP_PANEL_RANKS",
  quality: "B",
  note: `rank ${r.rank} of ${r.of} prefecture-level cities with GDP data that year (computed by prefectureCityRanks)`,
}));

/**
 * The Qujing (曲靖市, Yunnan) region pack: the nine county-level places and the groups `city`,
 * `central-city` and `others`; the indicators, observations and series breaks of
 * `data/qujing/observations.csv` and of `data/qujing/panel-observations.csv` (the places' and the
 * city's series from the shared China panels; both parsed when this module loads) plus Qujing's
 * GDP rank among China's prefecture-level cities; `gdp` at constant prices is derived from the city's GDP index (`gdp_index`, its `prices`); the 29 quantified targets of 《曲靖市促进区域协调发展实施方案》
 * (2021, base year 2020, period to 2025) and one interpretation (`gdp-2035-double`); the GDP of
 * the 70th prefecture-level city as a reference series; and three named scenarios (`trend`,
 * `plan`, `downside`). See `docs/qujing-pack.md`.
 *
 * Every object is written out in full (no schema defaults left to fill), so
 * `RegionPackSchema.parse(qujingPack)` returns an equal object; a test checks that.
 *
 * @throws {TypeError} at module load, `loadQujingObservations: the embedded observations do not
 *   validate (a bug in the package): …` if the embedded data are broken.
 * @example
 * qujingPack.targets.length; // 30
 * assessPack(qujingPack, "trend").rows.length; // 30
 */
export const qujingPack: RegionPack = {
  id: "qujing",
  nameZh: "曲靖市",
  nameEn: "Qujing",
  plan: {
    titleZh: "曲靖市促进区域协调发展实施方案",
    titleEn: "Qujing Implementation Plan for Promoting Regional Coordinated Development",
    baseYear: 2020,
    issued: 2021,
    endYear: 2025,
  },
  dataset: {
    places: qujingPlaces,
    groups: qujingGroups,
    indicators: qujingIndicators,
    observations: [...loadQujingObservations(), ...rankObservations],
    breaks: qujingBreaks,
  },
  targets: qujingTargets,
  references: qujingReferences,
  scenarios: qujingScenarios,
  sources: qujingSources,
};
