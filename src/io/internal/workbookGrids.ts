// The worksheets of an .xlsx workbook as grids, read with exceljs, which is loaded only when a
// workbook is read (the rest of the package does not need it).

import { type ExcelJs as ExcelModule, loadExcelJs } from "../../internal/loadExcelJs.js";
import type { Cell, Grid, GridRow } from "./grid.js";

type Worksheet = import("exceljs").Worksheet;
type ExcelCell = import("exceljs").Cell;

/** A worksheet left out, and why (hidden, or the README of a fill-in template). */
export interface SkippedSheet {
  readonly sheet: string;
  readonly reason: "hidden" | "readme";
}

/** The grids of a workbook's sheets, or why the bytes are not a workbook exceljs can read. */
export type WorkbookGrids =
  | { readonly ok: true; readonly grids: Grid[]; readonly skipped: SkippedSheet[] }
  | { readonly ok: false; readonly message: string };

/** What the first bytes of a file say it is: a ZIP container (.xlsx), an OLE2 one (.xls), or other. */
export function workbookKind(bytes: Uint8Array): "xlsx" | "xls" | "other" {
  const [a, b, c, d] = bytes;
  if (a === 0x50 && b === 0x4b && c === 0x03 && d === 0x04) return "xlsx";
  if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) return "xls";
  return "other";
}

/** Names of a sheet of instructions, which the readers ignore (the fill-in template's `README`). */
const README_SHEET = /^(?:readme|read me|说明|填表说明|使用说明)$/i;

/** A number rounded to 15 significant digits, so that 0.4903 × 100 is 49.03 and not 49.029999…. */
function tidy(n: number): number {
  return Number(n.toPrecision(15));
}

/** One cell's content for the readers (see {@link Cell}); `excel` is the loaded module. */
function cellOf(cell: ExcelCell, excel: ExcelModule): Cell {
  const T = excel.ValueType;
  const value: unknown = cell.value;
  switch (cell.type) {
    case T.Null:
    case T.Merge:
      return undefined;
    case T.Number:
      // A cell formatted as a percentage holds 0.4903 and shows 49.03%: the percentage is meant.
      return /%/.test(cell.numFmt ?? "") ? tidy((value as number) * 100) : (value as number);
    case T.String:
    case T.SharedString:
      return value as string;
    case T.RichText:
      return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
    case T.Hyperlink:
      return String((value as { text?: unknown }).text ?? "");
    case T.Formula:
      return formulaResult(
        value as { formula?: string; sharedFormula?: string; result?: unknown },
        cell,
      );
    case T.Error:
      return errorCell((value as { error: string }).error);
    case T.Date:
      return { unusable: "a date", shown: String(cell.text ?? value) };
    case T.Boolean:
      return { unusable: "a true/false value", shown: String(value).toUpperCase() };
    default:
      return { unusable: "a cell of an unknown kind", shown: String(cell.text ?? "") };
  }
}

function errorCell(error: string): Cell {
  return { unusable: `an Excel error value (${error})`, shown: error };
}

/** The value a formula cell shows: the result Excel saved with it, as for any other cell. */
function formulaResult(
  value: { formula?: string; sharedFormula?: string; result?: unknown },
  cell: ExcelCell,
): Cell {
  const formula = `=${value.formula ?? value.sharedFormula ?? ""}`;
  const r = value.result;
  if (r === undefined || r === null)
    return {
      unusable: "a formula without a saved result (open the file in Excel and save it)",
      shown: formula,
    };
  if (typeof r === "number") return /%/.test(cell.numFmt ?? "") ? tidy(r * 100) : r;
  if (typeof r === "string") return r;
  if (typeof r === "object" && "error" in r)
    return errorCell(String((r as { error: unknown }).error));
  if (r instanceof Date) return { unusable: "a date", shown: formula };
  return { unusable: "a true/false value", shown: String(r).toUpperCase() };
}

/** A worksheet's non-empty rows as grid rows (row numbers kept), cells from column A. */
function gridOf(sheet: Worksheet, excel: ExcelModule): Grid {
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellOf(cell, excel);
    });
    // Holes left by eachCell are blank cells.
    rows.push({ cells: Array.from(cells, (c) => c), line });
  });
  return { sheet: sheet.name, rows };
}

/**
 * Reads an .xlsx workbook (Office Open XML) from its bytes and returns a grid per visible sheet,
 * in the workbook's order. Hidden sheets and a sheet named README (or 说明, 填表说明) are left
 * out and listed. Merged cells hold their value in their first cell only; a formula cell holds
 * the result Excel saved with it; a number formatted as a percentage holds the percentage shown.
 */
export async function workbookGrids(bytes: Uint8Array): Promise<WorkbookGrids> {
  const excel = await loadExcelJs();
  const book = new excel.Workbook();
  try {
    // exceljs reads a Uint8Array as well as a Node Buffer (JSZip underneath takes either).
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: detail };
  }
  const grids: Grid[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.state !== "visible" && sheet.state !== undefined)
      skipped.push({ sheet: sheet.name, reason: "hidden" });
    else if (README_SHEET.test(sheet.name.trim()))
      skipped.push({ sheet: sheet.name, reason: "readme" });
    else grids.push(gridOf(sheet, excel));
  }
  return { ok: true, grids, skipped };
}
