// Name matching for did-you-mean messages: canonical forms of names and the nearest candidates
// by edit distance. Domain-free: callers pass ids with the normalised keys each id answers to.

/**
 * Canonical form of a name for matching: Unicode NFKC (full-width letters and spaces become
 * ordinary ones), trimmed, inner whitespace collapsed, lower-cased.
 */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Joins ids as `a`, `a or b`, `a, b or c`. */
export function orList(ids: readonly string[]): string {
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

/**
 * The ids of the `count` candidates nearest to `name` (already normalised with
 * {@link normalizeName}): ranked by the best edit distance to a prefix of one of their keys, then
 * to a whole key, then by id; each id once.
 */
export function nearestIds(
  name: string,
  candidates: readonly { readonly id: string; readonly keys: readonly string[] }[],
  count: number,
): string[] {
  const ranked = candidates
    .map((c) => ({ id: c.id, ...nearness(name, c.keys) }))
    .sort(
      (x, y) => x.prefix - y.prefix || x.full - y.full || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
  return [...new Set(ranked.map((r) => r.id))].slice(0, count);
}

/**
 * The candidate nearest to `name` by edit distance (after {@link normalizeName}), when it is a
 * likely typo: at most one edit for every three characters of `name` (at least one edit), so
 * `reel` suggests `real` and `levels` suggests `level`, but `≥` suggests nothing among `>=`,
 * `<=` and `about`. Undefined when none is that near.
 */
export function nearTypo(name: string, candidates: readonly string[]): string | undefined {
  const given = normalizeName(name);
  const limit = Math.max(1, Math.floor(given.length / 3));
  let best: { id: string; distance: number } | undefined;
  for (const id of candidates) {
    const distance = editDistances(given, normalizeName(id)).full;
    if (distance <= limit && (best === undefined || distance < best.distance))
      best = { id, distance };
  }
  return best?.id;
}
