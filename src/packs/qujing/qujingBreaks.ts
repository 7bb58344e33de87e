import type { SeriesBreak } from "../../schemas/observation.js";

const REASON =
  "4th national economic census (2018): GDP from 2019 on is on the revised basis, while the CSMAR " +
  "table (CSMAR_GH) did not back-revise 2018 and earlier. Qujing's GDP jumps from 2013.36 (2018) " +
  "to 2637.59 (2019), +31% nominal, while reported real growth is 9.6%: the jump is the revision, " +
  "not growth. Compare levels across 2018→2019 only through the growth rate.";

/**
 * Series breaks of the Qujing data: GDP, its three industries and per-capita GDP start a new
 * statistical basis in 2019 (every place; see `data/qujing/SOURCES.md`, CSMAR_GH). Models fit
 * growth within segments and never read the 2018→2019 jump as growth.
 *
 * @example
 * qujingBreaks.map((b) => `${b.indicator}@${b.year}`);
 * // ["gdp@2019", "primary_va@2019", "secondary_va@2019", "tertiary_va@2019", "gdp_per_capita@2019"]
 */
export const qujingBreaks: SeriesBreak[] = [
  "gdp",
  "primary_va",
  "secondary_va",
  "tertiary_va",
  "gdp_per_capita",
].map((indicator) => ({ indicator, year: 2019, reason: REASON }));
