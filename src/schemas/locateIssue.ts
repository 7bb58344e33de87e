import type { Issue } from "./issue.js";

/** Where something is in an input file. `field` is a CSV column name or a JSON path. */
export interface Location {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly field?: string | undefined;
}

/**
 * A copy of `issue` with the defined parts of a location and the file name set (optional
 * properties that are undefined stay absent, as `exactOptionalPropertyTypes` wants).
 */
export function locateIssue(issue: Issue, where: Location, file: string | undefined): Issue {
  const located: Issue = { ...issue };
  if (file !== undefined) located.file = file;
  if (where.line !== undefined) located.line = where.line;
  if (where.column !== undefined) located.column = where.column;
  if (where.field !== undefined && where.field !== "") located.field = where.field;
  return located;
}
