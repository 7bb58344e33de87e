import { nearestIds, normalizeName, orList } from "../internal/nameMatch.js";
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

interface Entry<T> {
  readonly id: string;
  readonly entry: T;
  /** Normalised id, Chinese and English names and aliases. */
  readonly keys: readonly string[];
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
    const nearest = nearestIds(key, entries, SUGGESTIONS);
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
