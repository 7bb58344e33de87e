import type { Group } from "../schemas/place.js";

/**
 * How specifically a scenario entry's `(scope, indicator)` selector matches a series, or
 * undefined when it does not match: an exact indicator (10) beats `"*"` (0); then an exact scope
 * (+2) beats a group the series' place belongs to (+1), which beats `"*"` (+0). With
 * `toMembers: false` a group selector matches the group's own series only.
 */
export function selectorScore(
  selector: { readonly scope: string; readonly indicator: string },
  scope: string,
  indicator: string,
  groups: readonly Pick<Group, "id" | "members">[],
  options: { readonly toMembers?: boolean } = {},
): number | undefined {
  let score: number;
  if (selector.indicator === indicator) score = 10;
  else if (selector.indicator === "*") score = 0;
  else return undefined;
  if (selector.scope === scope) return score + 2;
  if (selector.scope === "*") return score;
  if (
    options.toMembers !== false &&
    groups.some((g) => g.id === selector.scope && g.members.includes(scope))
  )
    return score + 1;
  return undefined;
}

/** The most specific matching entry (the later one among equals), or undefined. */
export function mostSpecific<E extends { readonly scope: string; readonly indicator: string }>(
  entries: readonly E[],
  scope: string,
  indicator: string,
  groups: readonly Pick<Group, "id" | "members">[],
  options: { readonly toMembers?: (entry: E) => boolean } = {},
): E | undefined {
  let best: { score: number; entry: E } | undefined;
  for (const entry of entries) {
    const toMembers = options.toMembers?.(entry) ?? true;
    const score = selectorScore(entry, scope, indicator, groups, { toMembers });
    if (score === undefined) continue;
    if (best === undefined || score >= best.score) best = { score, entry };
  }
  return best?.entry;
}
