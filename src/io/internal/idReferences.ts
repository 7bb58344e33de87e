import type { Issue } from "../../schemas/issue.js";
import { jsonPath } from "../../schemas/jsonPath.js";
import { locateIssue } from "../../schemas/locateIssue.js";
import type { NameIndex } from "../../schemas/nameIndex.js";
import { IdSchema } from "../../schemas/place.js";

/** A place/group or indicator id named at a path of a JSON value. */
export interface IdReference {
  readonly kind: "place" | "indicator";
  readonly path: readonly PropertyKey[];
  readonly value: unknown;
}

/**
 * Issues for references to places, groups or indicators that `meta` does not define. `"*"`
 * (every place or indicator), values that are not well-formed ids (the schema reports those)
 * and absent values are skipped.
 */
export function idReferenceIssues(
  index: NameIndex,
  references: readonly IdReference[],
  file: string | undefined,
): Issue[] {
  const issues: Issue[] = [];
  for (const r of references) {
    if (typeof r.value !== "string" || r.value === "*" || !IdSchema.safeParse(r.value).success)
      continue;
    const hit = r.kind === "place" ? index.placeId(r.value) : index.indicatorId(r.value);
    if (!hit.found) issues.push(locateIssue(hit.issue, { field: jsonPath(r.path) }, file));
  }
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The items of `value[key]` that are objects, with their index (for walking raw JSON). */
export function objectItems(
  value: unknown,
  key: string,
): { readonly index: number; readonly item: Record<string, unknown> }[] {
  if (!isRecord(value)) return [];
  const list = value[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isRecord(item) ? [{ index, item }] : []));
}
