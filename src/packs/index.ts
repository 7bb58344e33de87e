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
 * @throws {RangeError} `getPack: unknown pack "x" (known: qujing)` for an id no pack has.
 * @example
 * getPack("qujing").nameZh; // "曲靖市"
 */
export function getPack(id: string): RegionPack {
  const pack = Object.hasOwn(packs, id) ? packs[id] : undefined;
  if (pack === undefined) {
    throw new RangeError(
      `getPack: unknown pack ${JSON.stringify(id)} (known: ${Object.keys(packs).join(", ")})`,
    );
  }
  return pack;
}
