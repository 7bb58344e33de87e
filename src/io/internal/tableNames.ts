// Names as yearbook tables write them, resolved against a pack: places by id, name, alias, short
// name (麒麟 for 麒麟区), old designation (沾益县 for 沾益区), GB/T 2260 code or a total row
// (全市, 合计); indicators by id, name, alias or yearbook name, and inside a title.

import { normalizeName } from "../../internal/nameMatch.js";
import type { DatasetMeta } from "../../schemas/dataset.js";
import type { Indicator } from "../../schemas/indicator.js";
import { type NameMatch, type NameMiss, nameIndex } from "../../schemas/nameIndex.js";
import type { Group, Place } from "../../schemas/place.js";
import { YEARBOOK_INDICATOR_NAMES } from "../yearbookIndicatorNames.js";

/** Looks up the names of one table's places and indicators; built once per file. */
export interface TableNames {
  /** A place or group as a row of a table names it. */
  place(text: string): NameMatch<Place | Group> | NameMiss;
  /** An indicator named exactly (by id, name, alias or yearbook name). */
  indicator(text: string): NameMatch<Indicator> | NameMiss;
  /** The distinct indicators a title names (longest names first, overlaps dropped). */
  indicatorsIn(text: string): Indicator[];
}

/** Designations a Chinese county-level name ends with, longest first. */
const ZH_SUFFIXES = ["自治县", "自治旗", "特区", "林区", "区", "县", "市", "旗"];
/** Designations an English county-level name ends with. */
const EN_SUFFIX = / (?:autonomous county|district|county|city|banner)$/;
/** Words a yearbook writes on the row of the whole city. */
const TOTAL_WORDS = new Set([
  "全市",
  "合计",
  "总计",
  "全市合计",
  "全市总计",
  "总计全市",
  "total",
  "all",
]);
/** Marks before a place name: `#麒麟区` (of which), `其中：麒麟区`. */
const LEADING_MARKS = /^(?:#+|其中[:：]?|内[:：])\s*/;
/** Footnote marks after a place name: `麒麟区*`, `麒麟区①`, `麒麟区¹`. */
const TRAILING_MARKS = /\s*(?:[*＊※#]+|[①-⑩]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/;

/** A Chinese or English name without its designation (麒麟区 → 麒麟), if what is left is a name. */
function shortForm(key: string): string | undefined {
  const en = key.replace(EN_SUFFIX, "");
  if (en !== key && en.length >= 2) return en;
  for (const suffix of ZH_SUFFIXES) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 2)
      return key.slice(0, key.length - suffix.length);
  }
  return undefined;
}

/** Adds `id` under `key`, remembering a key that names two ids (which then names none). */
function addKey(map: Map<string, string | null>, key: string | undefined, id: string): void {
  if (key === undefined || key === "") return;
  const had = map.get(key);
  if (had === undefined) map.set(key, id);
  else if (had !== id) map.set(key, null);
}

/** Places and groups by short name, and by the 6-digit codes their ids or aliases carry. */
function placeKeys(meta: DatasetMeta): {
  short: Map<string, string | null>;
  codes: Map<string, string | null>;
} {
  const short = new Map<string, string | null>();
  const codes = new Map<string, string | null>();
  for (const p of [...meta.places, ...meta.groups]) {
    for (const name of [p.nameZh, p.nameEn, ...(p.aliases ?? [])])
      addKey(short, shortForm(normalizeName(name)), p.id);
    for (const text of [p.id, ...(p.aliases ?? [])])
      for (const m of text.matchAll(/(?<!\d)(\d{6})(?!\d)/g)) addKey(codes, m[1], p.id);
  }
  return { short, codes };
}

/** The one group whose members are every place (the whole city), if there is exactly one. */
function wholeGroup(meta: DatasetMeta): Group | undefined {
  const all = new Set(meta.places.map((p) => p.id));
  const covering = meta.groups.filter(
    (g) =>
      all.size > 0 &&
      g.members.length >= all.size &&
      [...all].every((id) => g.members.includes(id)),
  );
  return covering.length === 1 ? covering[0] : undefined;
}

/** Whether a normalised name's ends need word boundaries (it starts or ends with a Latin letter or digit). */
function boundary(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9_]/.test(ch);
}

/** Builds the lookups of {@link TableNames} for `meta`. */
export function tableNames(meta: DatasetMeta): TableNames {
  const index = nameIndex(meta);
  const { short, codes } = placeKeys(meta);
  const whole = wholeGroup(meta);
  const entries = new Map<string, Place | Group>(
    [...meta.places, ...meta.groups].map((p) => [p.id, p]),
  );
  const byId = new Map(meta.indicators.map((i) => [i.id, i]));

  // Yearbook names of the pack's indicators, where the pack does not use the name itself.
  const own = new Set(
    meta.indicators.flatMap((i) =>
      [i.id, i.nameZh, i.nameEn, ...(i.aliases ?? [])].map(normalizeName),
    ),
  );
  const vocabulary = new Map<string, string>();
  for (const [id, names] of Object.entries(YEARBOOK_INDICATOR_NAMES)) {
    if (!byId.has(id)) continue;
    for (const name of names) {
      const key = normalizeName(name);
      if (!own.has(key) && !vocabulary.has(key)) vocabulary.set(key, id);
    }
  }
  // Every name a title may contain, longest first.
  const titleNames = [
    ...meta.indicators.flatMap((i) =>
      [i.nameZh, i.nameEn, ...(i.aliases ?? [])].map((n) => ({ key: normalizeName(n), id: i.id })),
    ),
    ...[...vocabulary].map(([key, id]) => ({ key, id })),
  ]
    .filter((n) => n.key.length >= 2)
    .sort((a, b) => b.key.length - a.key.length);

  const found = (entry: Place | Group): NameMatch<Place | Group> => ({
    found: true,
    id: entry.id,
    entry,
  });

  // Every name, alias and id as the index compares them: a hit is looked up in the index, and
  // the index's did-you-mean (which measures the name against every entry) only made for a miss.
  const known = new Set(
    [...meta.places, ...meta.groups].flatMap((p) =>
      [p.id, p.nameZh, p.nameEn, ...(p.aliases ?? [])].map(normalizeName),
    ),
  );
  const resolvePlace = (text: string): NameMatch<Place | Group> | NameMiss => {
    const normal = normalizeName(text);
    if (known.has(normal)) return index.place(text);
    // Marks come off the text as written: normalizing first would turn ① and ¹ into a digit.
    const key = normalizeName(text.trim().replace(LEADING_MARKS, "").replace(TRAILING_MARKS, ""));
    if (key !== normal && known.has(key)) return index.place(key);
    const direct = (): NameMiss | NameMatch<Place | Group> => index.place(text);
    for (const k of [key, shortForm(key)]) {
      const id = k === undefined ? undefined : short.get(k);
      const entry = id == null ? undefined : entries.get(id);
      if (entry !== undefined) return found(entry);
    }
    if (/^\d{6}$/.test(key)) {
      const id = codes.get(key);
      const coded = id == null ? undefined : entries.get(id);
      if (coded !== undefined) return found(coded);
      const miss = direct();
      if (miss.found) return miss;
      const message =
        codes.size === 0
          ? "unknown place code: the pack's places carry no GB/T 2260 codes (write their names or ids)"
          : id === null
            ? "ambiguous place code: several places carry it"
            : "unknown place code: no place or group of the pack carries it";
      return { found: false, issue: { ...miss.issue, code: "unknown-place", message } };
    }
    if (TOTAL_WORDS.has(key) && whole !== undefined) return found(whole);
    return direct();
  };
  // Tables repeat their names on every row: each distinct text is resolved once.
  const placeCache = new Map<string, NameMatch<Place | Group> | NameMiss>();
  const place = (text: string): NameMatch<Place | Group> | NameMiss => {
    let hit = placeCache.get(text);
    if (hit === undefined) {
      hit = resolvePlace(text);
      placeCache.set(text, hit);
    }
    return hit;
  };

  const indicator = (text: string): NameMatch<Indicator> | NameMiss => {
    const id = vocabulary.get(normalizeName(text));
    const entry = id === undefined ? undefined : byId.get(id);
    // A yearbook name is not one of the pack's own (those were left out of the vocabulary).
    return entry === undefined ? index.indicator(text) : { found: true, id: entry.id, entry };
  };

  const indicatorsIn = (text: string): Indicator[] => {
    const t = normalizeName(text);
    const taken: [number, number][] = [];
    const ids: string[] = [];
    for (const { key, id } of titleNames) {
      for (let at = t.indexOf(key); at >= 0; at = t.indexOf(key, at + 1)) {
        const end = at + key.length;
        if (boundary(key[0]) && boundary(t[at - 1])) continue;
        if (boundary(key[key.length - 1]) && boundary(t[end])) continue;
        if (taken.some(([s, e]) => at < e && end > s)) continue;
        taken.push([at, end]);
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids.map((id) => byId.get(id) as Indicator);
  };

  return { place, indicator, indicatorsIn };
}
