// A table as the table readers see it, whether it came from a worksheet or a CSV file: rows of
// cells, each row with the line (CSV) or row number (worksheet) it came from, so that an issue can
// name the cell (`地区生产总值!C5`) or the line and column (`data.csv:5:3`).

import type { Location } from "../../schemas/locateIssue.js";

/** A cell that holds something no reader can use, described for a message. */
export interface UnusableCell {
  /** What it holds: `"an Excel error value (#DIV/0!)"`, `"a date"`, … */
  readonly unusable: string;
  /** The content as a message shows it. */
  readonly shown: string;
}

/**
 * One cell: `undefined` when blank or covered by a merged cell (only the merge's first cell holds
 * its value), a number (worksheets), text (worksheets and CSV), or something unusable.
 */
export type Cell = number | string | UnusableCell | undefined;

/** One row of a table with the line (CSV) or row number (worksheet) it came from. */
export interface GridRow {
  readonly cells: readonly Cell[];
  readonly line: number;
}

/** A table: the rows of one worksheet, or of one CSV file (`sheet` undefined). */
export interface Grid {
  readonly sheet?: string | undefined;
  readonly rows: readonly GridRow[];
}

/** Whether a cell holds something unusable (an Excel error, a date, a formula without a result). */
export function isUnusable(cell: Cell): cell is UnusableCell {
  return typeof cell === "object";
}

/** Excel's letters for a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Where a cell is: sheet and A1 reference in a worksheet, line and column in a CSV file. */
export function cellLocation(grid: Grid, row: GridRow, column: number): Location {
  return grid.sheet === undefined
    ? { line: row.line, column: column + 1 }
    : { sheet: grid.sheet, cell: `${columnLetters(column + 1)}${row.line}` };
}

/** How a message refers to a cell: `地区生产总值!C5` or `line 5, column 3`. */
export function cellLabel(grid: Grid, row: GridRow, column: number): string {
  return grid.sheet === undefined
    ? `line ${row.line}, column ${column + 1}`
    : `${grid.sheet}!${columnLetters(column + 1)}${row.line}`;
}

/** The location of a whole table: its sheet, or nothing more than the file for a CSV file. */
export function tableLocation(grid: Grid): Location {
  return grid.sheet === undefined ? {} : { sheet: grid.sheet };
}
