import { checkOneOf, checkString } from "../internal/checkArgs.js";
import type { PriceCompanion } from "./indicator.js";

/**
 * The id of a series the library derives from an indicator with a price index (see
 * `derivePriceSeries`): `<id>_real` for its constant-price series, `<id>_deflator` for its
 * implicit deflator. A pack may not use these ids for indicators of its own.
 *
 * @throws {ArgumentTypeError} `priceCompanionId: indicator must be a non-empty string (got 3)`.
 * @throws {ArgumentRangeError} `priceCompanionId: role must be "real" or "deflator"; did you mean
 *   "real"? (got the string "reel")`.
 * @example
 * priceCompanionId("gdp", "real"); // "gdp_real"
 * priceCompanionId("gdp", "deflator"); // "gdp_deflator"
 */
export function priceCompanionId(indicator: string, role: PriceCompanion["role"]): string {
  checkString("priceCompanionId", "indicator", indicator, { nonEmpty: true });
  checkOneOf("priceCompanionId", "role", role, ["real", "deflator"]);
  return `${indicator}_${role}`;
}
