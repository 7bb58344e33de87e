import type { SeriesBreak } from "../../schemas/observation.js";
import { qujingPlaces } from "./qujingPlaces.js";

const GDP_REASON =
  "4th national economic census (2018): GDP from 2019 on is on the revised basis, while the " +
  "city (CSMAR_GH, GP_INDUSTRY) and county (CSMAR_CNT_GDP) tables did not back-revise 2018 and " +
  "earlier. Qujing's GDP jumps from 2013.36 (2018) to 2637.59 (2019), +31% nominal, while " +
  "reported real growth is 9.6%; Qilin's from 651.86 to 827.82 (+27%), Xuanwei's from 280.76 to " +
  "360.22: the jump is the revision, not growth. Compare levels across 2018→2019 only through " +
  "the growth rate (gdp_index).";

const PLACE_POPULATION_REASON =
  "7th national population census (2020): the places' year-end resident population " +
  "(CSMAR_CNT_POP) is census-based from 2020, while 2019 and earlier are the estimates carried " +
  "forward from the 6th census and were not back-revised in the county tables. Qilin goes from " +
  "78.60 (2019) to 99.63 (2020), +27%, Xuanwei from 138.16 to 118.98, −14%: the re-basing " +
  "shows where migration had gone uncounted, not one year's change. Earlier county figures " +
  "filed as resident from other sources (Qilin 2013, 75.8, quality C) are on the old basis too.";

const CITY_POPULATION_REASON =
  "Census revision: the city's year-end resident population in GP_POPULATION is, for 2013–2019, " +
  "revised after the 7th census (584.5 in 2013 falling to 578.4 in 2019, into the census's " +
  "576.58 in 2020), while 2012 and earlier are as first published (593.6 in 2012, equal to the " +
  "sum of the places). The originally published 2013 figure is 597.4 (CSMAR CRE_Eplwagct; the " +
  "official per-capita GDP of 2013–2019 divides by those first-published figures). The drop " +
  "2012→2013 is the revision, not a fall in population.";

const INVESTMENT_REASON =
  "Definition change in 2011: the statistical definition and threshold of fixed-asset " +
  "investment changed, and the county table (CSMAR_CNT_FAI) jumps from 2010 to 2011 far beyond " +
  "any growth (Qilin 60.63 → 188.02, Xuanwei 53.61 → 117.56, the nine places 245.04 → 670.54). " +
  "From 2011 the nine places add up to the city's total (670.54 against 670.5356 in CSMAR's " +
  "city table, 2011), while before they cover a part of it (127.05 against 340.2643 in 2007): " +
  "levels before 2011 are not comparable with later ones.";

/**
 * Series breaks of the Qujing data (models fit within segments and never read a break's jump as
 * growth):
 *
 * - `gdp`, its three industries and `gdp_per_capita` at 2019, for every place and the city: the
 *   4th economic census revised levels from 2019 on (`data/qujing/SOURCES.md`, CSMAR_GH;
 *   `data/qujing/PANEL-SOURCES.md`, CSMAR_CNT_GDP).
 * - `population_resident` at 2020 for each of the nine places (the county series is
 *   census-based from 2020) and at 2013 for the city (GP_POPULATION's 2013–2019 are
 *   census-revised, 2012 and earlier not).
 * - `fixed_asset_investment` at 2011, everywhere: the statistical definition changed.
 *
 * @example
 * qujingBreaks.filter((b) => b.indicator === "gdp").map((b) => b.year); // [2019]
 * qujingBreaks.find((b) => b.indicator === "population_resident" && b.place === "qilin")?.year; // 2020
 */
export const qujingBreaks: SeriesBreak[] = [
  ...["gdp", "primary_va", "secondary_va", "tertiary_va", "gdp_per_capita"].map(
    (indicator): SeriesBreak => ({ indicator, year: 2019, reason: GDP_REASON }),
  ),
  ...qujingPlaces.map(
    (p): SeriesBreak => ({
      indicator: "population_resident",
      place: p.id,
      year: 2020,
      reason: PLACE_POPULATION_REASON,
    }),
  ),
  { indicator: "population_resident", place: "city", year: 2013, reason: CITY_POPULATION_REASON },
  { indicator: "fixed_asset_investment", year: 2011, reason: INVESTMENT_REASON },
];
