import type { Issue } from "../../schemas/issue.js";
import { locateIssue } from "../../schemas/locateIssue.js";
import type { Grid } from "./grid.js";
import { MAX_RECORDS, tooManyRecordsIssue } from "./inputLimits.js";
import { parseCsv } from "./parseCsv.js";

/**
 * CSV text as a grid (every cell text; an empty field blank), with its syntax problems as issues;
 * one `too-many-records` issue and no grid for more than {@link MAX_RECORDS} rows.
 */
export function csvGrid(
  text: string,
  file: string | undefined,
): { grid: Grid | undefined; issues: Issue[] } {
  const { records, problems, truncated } = parseCsv(text, { maxRecords: MAX_RECORDS + 1 });
  if (truncated) return { grid: undefined, issues: [tooManyRecordsIssue(file)] };
  const issues = problems.map((p) =>
    locateIssue(
      { severity: "error", code: "csv-syntax", message: p.message },
      { line: p.line, column: p.column },
      file,
    ),
  );
  const rows = records.map((r) => ({
    line: r.line,
    cells: r.fields.map((f) => (f.trim() === "" ? undefined : f)),
  }));
  return { grid: { rows }, issues };
}
