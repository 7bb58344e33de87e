// The series breaks of cn-panels (shared/data/cn-panels/README.md, "Known breaks"), declared for
// the indicators of a pack whose observations straddle them, each reason with this pack's own
// figures where they show the break.

import type { Observation, SeriesBreak } from "../../schemas/observation.js";

const CENSUS_GDP =
  "4th national economic census (2018): GDP and value added from 2019 on are on the revised " +
  "basis, and 2018 and earlier were not back-revised in the sources (cn-panels README, caveat " +
  "C1), so the 2018→2019 jump is the revision, not growth.";
const POPULATION =
  "Household-registered population 2019→2020: for some units the panel's 2020 and later values " +
  "are 7th-census resident figures, not household registrations (cn-panels README, caveat C2); " +
  "the panel does not mark which units, so the break is declared for every place.";
const INVESTMENT =
  "Fixed-asset investment 2010→2011: the statistics changed the definition and the size " +
  "threshold of the projects counted (cn-panels README, caveat C4), so the jump is not growth.";

/** The breaks: indicator, first year on the new basis, and the reason before this pack's figures. */
const BREAKS: readonly { indicator: string; year: number; reason: string }[] = [
  { indicator: "gdp", year: 2019, reason: CENSUS_GDP },
  { indicator: "primary_va", year: 2019, reason: CENSUS_GDP },
  { indicator: "secondary_va", year: 2019, reason: CENSUS_GDP },
  { indicator: "tertiary_va", year: 2019, reason: CENSUS_GDP },
  { indicator: "population_hukou", year: 2020, reason: POPULATION },
  { indicator: "fixed_asset_investment", year: 2011, reason: INVESTMENT },
];

/**
 * Largest gap, in %, between the places' 2020 population and the city's resident population for
 * the places' values to count as census residents. County figures are rounded to 0.01万, so a
 * dozen of them sum to within 0.01% of the census count; household registrations exceed residents
 * by 5–20% in places people leave (Qujing's counties: cn-panels README, caveat C2).
 */
const CENSUS_MATCH_PCT = 0.5;

/** Rounds for a message: at most two decimals, no trailing zeros. */
const shown = (x: number): string => String(Math.round(x * 100) / 100);

/**
 * The breaks of cn-panels whose indicator has observations (of any place or of the group
 * `groupId`) both before and from the break year, for every place (no `place`). The GDP reason
 * adds the group's own jump across the break beside its real growth that year, when the pack
 * has both; the population reason adds whether the places' values in 2020 sum to the group's
 * resident population (then they are census residents) when every place and the group have one.
 */
export function panelBreaks(
  observations: readonly Observation[],
  placeIds: readonly string[],
  groupId: string,
): SeriesBreak[] {
  const value = (place: string, indicator: string, year: number) =>
    observations.find((o) => o.place === place && o.indicator === indicator && o.year === year)
      ?.value;
  const out: SeriesBreak[] = [];
  for (const b of BREAKS) {
    const years = observations.filter((o) => o.indicator === b.indicator).map((o) => o.year);
    if (!years.some((y) => y < b.year) || !years.some((y) => y >= b.year)) continue;
    let reason = b.reason;
    if (b.indicator === "gdp") {
      const before = value(groupId, "gdp", b.year - 1);
      const after = value(groupId, "gdp", b.year);
      const index = value(groupId, "gdp_index", b.year);
      const real = index === undefined ? undefined : index - 100;
      if (before !== undefined && after !== undefined && real !== undefined)
        reason += ` Here the city's GDP goes from ${shown(before)} (${b.year - 1}) to ${shown(after)} (${b.year}), ${shown(100 * (after / before - 1))}% at current prices, while its real growth was ${shown(real)}%.`;
    }
    if (b.indicator === "population_hukou") {
      const parts = placeIds.map((p) => value(p, "population_hukou", b.year));
      const resident = value(groupId, "population_resident", b.year);
      if (resident !== undefined && parts.every((v) => v !== undefined)) {
        const sum = (parts as number[]).reduce((a, v) => a + v, 0);
        const gap = 100 * (sum / resident - 1);
        reason +=
          Math.abs(gap) < CENSUS_MATCH_PCT
            ? ` Here the places' ${b.year} values sum to ${shown(sum)} against the city's resident population of ${shown(resident)}: they are census residents.`
            : ` Here the places' ${b.year} values sum to ${shown(sum)} against the city's resident population of ${shown(resident)} (${shown(gap)}%): not the census count, so perhaps household registrations for some places.`;
      }
    }
    out.push({ indicator: b.indicator, year: b.year, reason });
  }
  return out;
}
