import type { PriceCompanion } from "./indicator.js";

/**
 * The id of a series the library derives from an indicator with a price index (see
 * `derivePriceSeries`): `<id>_real` for its constant-price series, `<id>_deflator` for its
 * implicit deflator. A pack may not use these ids for indicators of its own.
 *
 * @example
 * priceCompanionId("gdp", "real"); // "gdp_real"
 * priceCompanionId("gdp", "deflator"); // "gdp_deflator"
 */
export function priceCompanionId(indicator: string, role: PriceCompanion["role"]): string {
  return `${indicator}_${role}`;
}
