import * as z from "zod";
import { checkObject, checkString } from "../internal/checkArgs.js";

/**
 * One problem found in user input: where it is (file, line, column, field) and what is wrong.
 *
 * Readers and validators collect every issue in a file instead of stopping at the first, so a
 * user can fix a file in one pass. `severity: "error"` means the record was not accepted;
 * `"warning"` means it was accepted but deserves a look (for example a conflicting source).
 */
export const IssueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  /** Machine-readable code, e.g. `"unknown-place"`, `"duplicate-observation"`. */
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  /** 1-based line in the file (the header is line 1 of a CSV). */
  line: z.number().int().positive().optional(),
  /** 1-based column: the field position in a CSV row; the character in the line of a JSON file. */
  column: z.number().int().positive().optional(),
  /** The worksheet of a workbook (`"地区生产总值"`); workbook issues have a sheet instead of a line. */
  sheet: z.string().optional(),
  /** The cell in `sheet`, in A1 notation (`"C5"`). */
  cell: z.string().optional(),
  /** Name of the field, e.g. `"year"`, or a JSON path such as `"targets[3].value"`. */
  field: z.string().optional(),
  expected: z.string().optional(),
  received: z.string().optional(),
});

export type Issue = z.infer<typeof IssueSchema>;

/**
 * The outcome of reading or validating user input: either a value (possibly with warnings) or
 * the list of every error found. Never throws for bad data.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | {
      readonly ok: false;
      readonly issues: readonly Issue[];
      /**
       * What could still be read despite the errors (e.g. the valid rows of a file whose other
       * rows were dropped), for tools that want to show it. Absent when nothing could be read.
       */
      readonly partial?: T;
    };

/**
 * Formats an issue as one line: `file:line:column: field: message (expected …, got …)`, or for a
 * workbook `file:sheet!cell: field: message …` as Excel writes a reference (a sheet name with
 * spaces or punctuation in single quotes: `'GDP 2020'!C5`). Only the shape is checked (an object
 * with a string `message`), not each field.
 *
 * @throws {ArgumentTypeError} (a `TypeError`) `formatIssue: issue must be an issue { severity,
 *   code, message } (got nothing)`; `formatIssue: issue.message must be a string (got 1)`.
 * @example
 * formatIssue({ severity: "error", code: "bad-year", message: "not a year", file: "a.csv", line: 3, field: "year", received: "\"20x0\"" }); // "a.csv:3: year: not a year (got \"20x0\")"
 * formatIssue({ severity: "error", code: "invalid-number", message: "not a number", file: "gdp.xlsx", sheet: "地区生产总值", cell: "C5" }); // "gdp.xlsx:地区生产总值!C5: not a number"
 */
export function formatIssue(issue: Issue): string {
  checkString(FN, "issue.message", checkObject(FN, "issue", issue, EXPECTED).message);
  const where = [issue.file, ...placeInFile(issue)].filter((p) => p !== undefined).join(":");
  const field = issue.field === undefined ? "" : `${issue.field}: `;
  const detail = [
    issue.expected === undefined ? undefined : `expected ${issue.expected}`,
    issue.received === undefined ? undefined : `got ${issue.received}`,
  ]
    .filter((p) => p !== undefined)
    .join(", ");
  const head = where === "" ? "" : `${where}: `;
  const tag = issue.severity === "warning" ? "warning: " : "";
  return `${head}${tag}${field}${issue.message}${detail === "" ? "" : ` (${detail})`}`;
}

/** Where in its file an issue is: `[line, column]`, or `["sheet!cell"]` in a workbook. */
function placeInFile(issue: Issue): (string | number | undefined)[] {
  if (issue.sheet === undefined) return [issue.line, issue.column];
  const sheet = sheetReference(issue.sheet);
  return [issue.cell === undefined ? sheet : `${sheet}!${issue.cell}`];
}

/**
 * A sheet name as Excel writes it in a reference: as it is when it is letters (any script),
 * digits and `_`, else in single quotes with a quote inside doubled (`'GDP 2020'`, `'It''s'`).
 */
function sheetReference(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

const FN = "formatIssue";
const EXPECTED = "an issue { severity, code, message }";
