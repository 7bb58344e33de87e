import { checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { qujingPack } from "./qujing/qujingPack.js";

/**
 * Every region pack shipped with the library, by id.
 *
 * @example
 * Object.keys(packs); // ["qujing"]
 */
export const packs: Readonly<Record<string, RegionPack>> = { qujing: qujingPack };

/**
 * Returns a shipped region pack by id.
 *
 * @param id - the pack's id, e.g. `"qujing"`.
 * @throws {ArgumentTypeError} `getPack: id must be a string (got nothing)` for an id that is not a
 *   string.
 * @throws {ArgumentRangeError} `getPack: unknown pack "x" (known: qujing); did you mean "qujing"?` for an id no
 *   pack has (the nearest known id offered).
 * @example
 * getPack("qujing").nameZh; // "曲靖市"
 */
export function getPack(id: string): RegionPack {
  checkString("getPack", "id", id);
  const pack = Object.hasOwn(packs, id) ? packs[id] : undefined;
  if (pack === undefined) {
    const known = Object.keys(packs);
    const candidates = known.map((k) => ({ id: k, keys: [normalizeName(k)] }));
    const [nearest] = nearestIds(normalizeName(id), candidates, 1);
    throw new ArgumentRangeError(
      `getPack: unknown pack ${JSON.stringify(id)} (known: ${known.join(", ")})${nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`}`,
      { code: "unknown-id", path: "id" },
    );
  }
  return pack;
}
