import type { DatasetMeta } from "./dataset.js";
import type { Indicator } from "./indicator.js";
import type { Issue } from "./issue.js";
import type { Group, Place } from "./place.js";

/** What a name can refer to: a place or group (one namespace), or an indicator. */
export type NameKind = "place" | "indicator";

/** A name that was found: its canonical id and the entry it names. */
export interface NameMatch<T> {
  readonly found: true;
  readonly id: string;
  readonly entry: T;
}

/** A name that was not found (or names several things), with the issue to report (no location). */
export interface NameMiss {
  readonly found: false;
  readonly issue: Issue;
}

/** Looks names up in a {@link DatasetMeta}; build it once per file, not once per row. */
export interface NameIndex {
  /** A place or group by id, name or alias. */
  place(name: string): NameMatch<Place | Group> | NameMiss;
  /** An indicator by id, name or alias. */
  indicator(name: string): NameMatch<Indicator> | NameMiss;
  /** A place or group by its exact id only (as scenarios and targets must name them). */
  placeId(id: string): NameMatch<Place | Group> | NameMiss;
  /** An indicator by its exact id only. */
  indicatorId(id: string): NameMatch<Indicator> | NameMiss;
}

type Lookup<T> = (name: string) => NameMatch<T> | NameMiss;

/** How many nearest ids an "unknown name" issue suggests. */
const SUGGESTIONS = 3;

/**
 * Canonical form of a name for matching: Unicode NFKC (full-width letters and spaces become
 * ordinary ones), trimmed, inner whitespace collapsed, lower-cased.
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

interface Entry<T> {
  readonly id: string;
  readonly entry: T;
  /** Normalised id, Chinese and English names and aliases. */
  readonly keys: readonly string[];
}

/** Joins ids as `a`, `a or b`, `a, b or c`. */
function orList(ids: readonly string[]): string {
  if (ids.length <= 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} or ${ids[ids.length - 1]}`;
}

/**
 * Levenshtein distance over UTF-16 code units (Chinese names are in the BMP) from `a` to `b`
 * (`full`) and to the closest prefix of `b` (`prefix`), so that a short or abbreviated name
 * (`centre` for `central city`) ranks its entry first.
 */
function editDistances(a: string, b: string): { full: number; prefix: number } {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1),
      );
    }
    previous = current;
  }
  return { full: previous[b.length] as number, prefix: Math.min(...previous) };
}

/** How near a name is to an entry: by the best prefix distance, then the best full distance. */
function nearness(name: string, keys: readonly string[]): { prefix: number; full: number } {
  let prefix = Number.POSITIVE_INFINITY;
  let full = Number.POSITIVE_INFINITY;
  for (const k of keys) {
    const d = editDistances(name, k);
    prefix = Math.min(prefix, d.prefix);
    full = Math.min(full, d.full);
  }
  return { prefix, full };
}

function makeLookup<T>(
  entries: readonly Entry<T>[],
  noun: string,
  code: string,
): { byName: Lookup<T>; byId: Lookup<T> } {
  // Ids take precedence over names and aliases, so an alias can never hide an id.
  const idKeys = new Map<string, Entry<T>[]>();
  const nameKeys = new Map<string, Entry<T>[]>();
  for (const e of entries) {
    const idKey = normalizeName(e.id);
    idKeys.set(idKey, [...(idKeys.get(idKey) ?? []), e]);
    for (const key of e.keys) {
      const list = nameKeys.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      nameKeys.set(key, list);
    }
  }
  const cache = new Map<string, NameMatch<T> | NameMiss>();
  const miss = (message: string, name: string, issueCode = code): NameMiss => ({
    found: false,
    issue: { severity: "error", code: issueCode, message, received: JSON.stringify(name) },
  });
  const lookUp = (name: string): NameMatch<T> | NameMiss => {
    const key = normalizeName(name);
    const candidates = idKeys.get(key) ?? nameKeys.get(key);
    if (candidates !== undefined) {
      const [first] = candidates;
      if (candidates.length === 1 && first !== undefined) {
        return { found: true, id: first.id, entry: first.entry };
      }
      const ids = orList(candidates.map((c) => c.id));
      return miss(`ambiguous ${noun} name: it names ${ids}`, name, "ambiguous-name");
    }
    if (entries.length === 0) return miss(`unknown ${noun}; no ${noun}s are defined`, name);
    const ranked = entries
      .map((e) => ({ id: e.id, ...nearness(key, e.keys) }))
      .sort(
        (x, y) =>
          x.prefix - y.prefix || x.full - y.full || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
      );
    const nearest = [...new Set(ranked.map((r) => r.id))].slice(0, SUGGESTIONS);
    return miss(`unknown ${noun}; did you mean ${orList(nearest)}?`, name);
  };
  const byName: Lookup<T> = (name) => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const result = lookUp(name);
    cache.set(name, result);
    return result;
  };
  const exact = new Map(entries.map((e) => [e.id, e]));
  const byId: Lookup<T> = (id) => {
    const e = exact.get(id);
    if (e !== undefined) return { found: true, id: e.id, entry: e.entry };
    const hit = byName(id);
    if (!hit.found) return hit;
    return miss(`unknown ${noun} id; did you mean ${hit.id}?`, id);
  };
  return { byName, byId };
}

function keysOf(e: {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly aliases?: readonly string[] | undefined;
}): string[] {
  return [...new Set([e.id, e.nameZh, e.nameEn, ...(e.aliases ?? [])].map(normalizeName))];
}

/**
 * Builds a lookup of place/group and indicator names: ids (case-insensitive), Chinese and
 * English names and aliases, all compared after {@link normalizeName}. An unknown name yields an
 * issue suggesting the nearest ids (edit distance to the closest prefix of an id, name or alias,
 * then to the whole of it); a name shared by two entries is ambiguous.
 */
export function nameIndex(meta: DatasetMeta): NameIndex {
  const places: Entry<Place | Group>[] = [
    ...meta.places.map((p) => ({ id: p.id, entry: p, keys: keysOf(p) })),
    ...meta.groups.map((g) => ({ id: g.id, entry: g, keys: keysOf(g) })),
  ];
  const indicators = meta.indicators.map((i) => ({ id: i.id, entry: i, keys: keysOf(i) }));
  const place = makeLookup<Place | Group>(places, "place", "unknown-place");
  const indicator = makeLookup<Indicator>(indicators, "indicator", "unknown-indicator");
  return {
    place: place.byName,
    indicator: indicator.byName,
    placeId: place.byId,
    indicatorId: indicator.byId,
  };
}
