// One sheet of the Excel report: a table of typed fields under Chinese and English headers.

import type { Status } from "../../schemas/assessment.js";
import type { ReportField, ReportValue, ReportValueKind } from "../reportDocument.js";
import { displayWidth } from "./displayWidth.js";

type Worksheet = import("exceljs").Worksheet;
type Cell = import("exceljs").Cell;

/** A sheet's table: its fields (columns) and the raw values of each row by field key. */
export interface SheetTable {
  readonly fields: readonly ReportField[];
  readonly rows: readonly Readonly<Record<string, ReportValue>>[];
}

/**
 * The number format of each numeric kind (Excel format codes, ECMA-376 Part 1, §18.8.31): years
 * without a thousands separator, counts as integers, numbers with two to four decimals, rates
 * (fractions) as percentages with two decimals.
 */
export const NUMBER_FORMATS: Readonly<Partial<Record<ReportValueKind, string>>> = {
  year: "0",
  integer: "#,##0",
  number: "#,##0.00##",
  percent: "0.00%",
};

/**
 * The fill of each status (ARGB), one colour per status: the green, yellow and red of Excel's
 * "Good", "Neutral" and "Bad" cell styles for achieved, needs-acceleration and off-track, a
 * lighter green for on-track, grey for insufficient-data.
 */
export const STATUS_FILLS: Readonly<Record<Status, string>> = {
  achieved: "FFC6EFCE",
  "on-track": "FFE2F0D9",
  "needs-acceleration": "FFFFEB9C",
  "off-track": "FFFFC7CE",
  "insufficient-data": "FFD9D9D9",
};

/** Fill of the two header rows. */
const HEADER_FILL = "FFDDEBF7";

/** Control characters other than tab, CR and LF, which XML 1.0 cannot hold (and ESC, DEL, C1). */
const CONTROL = /[^\P{Cc}\t\r\n]/gu;

/** Widest a column grows to (characters). */
const MAX_WIDTH = 48;

/**
 * Text as a cell holds it: control characters that XML cannot carry become U+FFFD. It stays a
 * string value, so text starting with `=`, `+`, `-` or `@` is text, never a formula.
 */
export function cellText(text: string): string {
  return text.replace(CONTROL, "\uFFFD");
}

/** A raw value as a cell value: numbers and booleans as they are, lists one item a line. */
function cellValue(value: ReportValue | undefined): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return cellText(typeof value === "string" ? value : value.join("\n"));
}

/** Whether a status string is one of the vocabulary. */
function isStatus(value: unknown): value is Status {
  return typeof value === "string" && Object.hasOwn(STATUS_FILLS, value);
}

/** Gives a cell a solid fill. */
export function fillCell(cell: Cell, argb: string): void {
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/**
 * Writes a table into a new sheet: row 1 the Chinese headers, row 2 the English ones (both bold
 * and filled), then one row per table row. Numbers are numbers with the format of their kind,
 * statuses are filled with their colour, lists and multi-line text wrap. The header is frozen,
 * the columns filter (an autofilter on row 2), and each column is as wide as its content (CJK
 * characters counted twice), up to {@link MAX_WIDTH}.
 */
export function writeTableSheet(
  workbook: import("exceljs").Workbook,
  name: string,
  table: SheetTable,
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  const { fields } = table;
  sheet.addRow(fields.map((f) => cellText(f.zh)));
  sheet.addRow(fields.map((f) => cellText(f.en)));
  for (const r of [1, 2]) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    for (let c = 1; c <= fields.length; c++) fillCell(row.getCell(c), HEADER_FILL);
  }
  for (const values of table.rows) {
    const row = sheet.addRow(fields.map((f) => cellValue(values[f.key])));
    fields.forEach((field, i) => {
      const cell = row.getCell(i + 1);
      const format = NUMBER_FORMATS[field.kind];
      if (format !== undefined && typeof cell.value === "number") cell.numFmt = format;
      if (field.kind === "status" && isStatus(values[field.key]))
        fillCell(cell, STATUS_FILLS[values[field.key] as Status]);
      if (typeof cell.value === "string" && cell.value.includes("\n"))
        cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  if (fields.length > 0)
    sheet.autoFilter = {
      from: { row: 2, column: 1 },
      to: { row: 2 + table.rows.length, column: fields.length },
    };
  fields.forEach((field, i) => {
    const widths = [field.zh, field.en, ...table.rows.map((v) => shownText(v[field.key]))].map(
      (t) => Math.max(...t.split("\n").map(displayWidth)),
    );
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(8, ...widths) + 2);
  });
  return sheet;
}

/** About the text a cell shows, for its column's width. */
function shownText(value: ReportValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return typeof value === "string"
    ? value
    : typeof value === "boolean"
      ? "FALSE"
      : value.join("\n");
}
