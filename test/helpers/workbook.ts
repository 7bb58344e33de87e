// Builds small real .xlsx workbooks with exceljs for the reader tests.
import ExcelJS from "exceljs";

/** A cell's value as exceljs takes it: a number, text, a formula, an error value, a date. */
export type CellInput = ExcelJS.CellValue;

/** One sheet: its rows from row 1 (`undefined` leaves a cell blank), merges, formats, state. */
export interface SheetInput {
  readonly name: string;
  readonly rows: readonly (readonly CellInput[])[];
  /** Ranges to merge, e.g. `"A1:D1"`. */
  readonly merges?: readonly string[];
  /** Number formats by cell, e.g. `{ B3: "0.00%" }`. */
  readonly formats?: Readonly<Record<string, string>>;
  readonly state?: "visible" | "hidden" | "veryHidden";
}

/** The bytes of a workbook with the given sheets, in order. */
export async function workbookBytes(sheets: readonly SheetInput[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { state: s.state ?? "visible" });
    s.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== undefined) ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
    for (const [address, format] of Object.entries(s.formats ?? {}))
      ws.getCell(address).numFmt = format;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
