import type { Dataset } from "../../schemas/dataset.js";

/**
 * Whether a shock's scope selector applies to a series' scope: `"*"`, the scope itself, or a
 * group the scope belongs to.
 */
export function scopeMatches(
  dataset: Pick<Dataset, "groups">,
  selector: string,
  scope: string,
): boolean {
  return (
    selector === "*" ||
    selector === scope ||
    dataset.groups.some((g) => g.id === selector && g.members.includes(scope))
  );
}
