import { checkOneOf, checkString } from "../internal/checkArgs.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Result } from "../schemas/issue.js";
import { type NameKind, nameIndex } from "../schemas/nameIndex.js";
import { checkMeta } from "./internal/checkReaderArgs.js";

export type { NameKind } from "../schemas/nameIndex.js";

const NAME_KINDS: readonly NameKind[] = ["place", "indicator"];

/**
 * Resolves a place/group or indicator named in user data to its canonical id.
 *
 * A name matches an entry's id (case-insensitive), its Chinese or English name, or one of its
 * aliases. Names are compared after Unicode NFKC normalisation (full-width letters and spaces
 * become ordinary ones), trimming, collapsing inner whitespace and lower-casing. Ids take
 * precedence over names and aliases. Places and groups share one namespace: a group id such as
 * `city` is a valid place for an observation.
 *
 * Never throws for bad data. An unknown name gives an `unknown-place` / `unknown-indicator`
 * error suggesting the three nearest ids (edit distance to the closest prefix of an id, name
 * or alias, then to the whole of it); a name that matches two entries gives an
 * `ambiguous-name` error. The issue has no location: a reader adds its own. To resolve many
 * names (one per row), the readers build the lookup once instead.
 *
 * @param name - the name as written, e.g. `"麒麟区"`, `" Qilin "`, `"QUJING"`.
 * @param kind - `"place"` (places and groups) or `"indicator"`.
 * @param meta - the places, groups and indicators names are resolved against.
 * @returns the canonical id, or the issue.
 * @throws {ArgumentTypeError} for a broken contract, not bad data:
 *   `resolveName: name must be a string (got 42)`; `resolveName: meta must be a dataset's
 *   metadata with places, groups and indicators (got nothing)`.
 * @throws {ArgumentRangeError} `resolveName: kind must be "place" or "indicator"; did you mean
 *   "place"? (got the string "places")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * resolveName(" 曲靖市 ", "place", meta).value; // "city"
 * resolveName("QILIN", "place", meta).value; // "qilin"
 * resolveName("GDP", "indicator", meta).value; // "gdp"
 * resolveName("qlin", "place", meta).issues.map(formatIssue); // ['unknown place; did you mean qilin or city? (got "qlin")']
 */
export function resolveName(name: string, kind: NameKind, meta: DatasetMeta): Result<string> {
  checkString("resolveName", "name", name);
  checkOneOf("resolveName", "kind", kind, NAME_KINDS);
  checkMeta("resolveName", meta);
  const index = nameIndex(meta);
  const hit = kind === "place" ? index.place(name) : index.indicator(name);
  return hit.found ? { ok: true, value: hit.id, issues: [] } : { ok: false, issues: [hit.issue] };
}
