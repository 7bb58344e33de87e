import type { Issue } from "./issue.js";

/**
 * Where something is in an input file. `field` is a CSV column name or a JSON path; a workbook
 * names the `sheet` and the `cell` (A1 notation) instead of a line and column.
 */
export interface Location {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly field?: string | undefined;
  readonly sheet?: string | undefined;
  readonly cell?: string | undefined;
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
  if (where.sheet !== undefined) located.sheet = where.sheet;
  if (where.cell !== undefined) located.cell = where.cell;
  return located;
}
