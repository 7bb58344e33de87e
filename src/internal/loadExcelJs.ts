// exceljs, loaded when a workbook is first read or written (io/ reads and writes workbooks,
// report/ writes the Excel report), so that the core of regionsim does not load it (it is large,
// and most uses never touch a workbook).

/** The exceljs module. */
export type ExcelJs = typeof import("exceljs");

let loaded: Promise<ExcelJs> | undefined;

/**
 * The exceljs module, imported on first use. Under ESM it arrives as the default export of the
 * CommonJS module, under CommonJS as the module itself.
 */
export function loadExcelJs(): Promise<ExcelJs> {
  loaded ??= import("exceljs").then((m) => (m as { default?: ExcelJs }).default ?? m);
  return loaded;
}
