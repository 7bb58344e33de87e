import type { Cell, DataValidation, Worksheet } from "exceljs";
import { loadExcelJs } from "../internal/loadExcelJs.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { unitEntry } from "../schemas/units.js";
import { type TemplateReadme, templateReadme } from "./internal/templateReadme.js";
import {
  checkTemplateArgs,
  type PlanTemplateOptions,
  planCheckedTemplate,
  TEMPLATE_README_SHEET,
  type TemplatePlan,
  type TemplateSheet,
} from "./planTemplate.js";

/** Fill of the cells the assessment asks for (light yellow, Excel's "input" colour). */
const NEEDED_FILL = "FFFFF2CC";
/** Fill of the cells of years a row does not need (light grey). */
const OPTIONAL_FILL = "FFEDEDED";

/**
 * Writes a fill-in template of the data an assessment lacks as an XLSX workbook (see
 * `planTemplate` for what it holds): a `README` sheet first, in Chinese and English (how to fill
 * the sheets: units, what a blank means, which targets each sheet unlocks, and the command that
 * reads it back, `regionsim assess --pack … --scenario … --data needs.xlsx`), then one sheet per
 * lacking indicator, named by its id (cut to Excel's 31 characters and made unique if longer):
 * row 1 a title merged across the used columns with the Chinese and English name and the unit in
 * parentheses (`地区生产总值 GDP（亿元 100M yuan）`), row 2 the header `地区 place` and the years as
 * numbers, then one row per place or group id in column A (its names in a note), with blank cells
 * to fill. The panes are frozen below the header and right of the ids; the cells have the unit's
 * number format and a validation that admits only decimals within the indicator's bounds (see
 * `indicatorBounds`); the years a row needs are yellow, the others grey. The layout is the one
 * `regionsim assess --data` reads (docs/data-formats.md, "Fill-in template"). Pure: returns the
 * bytes, touches no file; exceljs is loaded on the first call.
 *
 * @param pack - the region pack.
 * @param scenario - a named scenario's id, or a scenario object (as `assessPack` takes).
 * @param options - as {@link planTemplate}: `data`, `strict`, `packArgument`, `fileName`.
 * @returns the workbook's bytes (an `.xlsx` file).
 * @throws {ArgumentTypeError} (the promise rejects with it) as `planTemplate`, naming
 *   `buildTemplateWorkbook`: `buildTemplateWorkbook: pack must be a region pack (got null)`.
 * @throws {ArgumentRangeError} `buildTemplateWorkbook: scenario must be a scenario id of the pack
 *   ("trend", "plan", "downside"); did you mean "trend"? (got the string "trnd")`.
 * @example
 * const bytes = await buildTemplateWorkbook(qujingPack, "trend", { fileName: "needs.xlsx" });
 * String.fromCharCode(bytes[0], bytes[1]); // "PK" (a zip archive, as every .xlsx; in Node, `await writeFile("needs.xlsx", bytes)` saves it)
 */
export async function buildTemplateWorkbook(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: PlanTemplateOptions = {},
): Promise<Uint8Array> {
  return templateWorkbookBytes(
    planCheckedTemplate(checkTemplateArgs("buildTemplateWorkbook", pack, scenario, options)),
  );
}

/**
 * The workbook of a template already planned (`planTemplate`'s result), for a caller that has the
 * plan and should not assess the pack a second time (`regionsim template` prints the plan and
 * writes the workbook). Not exported from the package.
 */
export async function templateWorkbookBytes(plan: TemplatePlan): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "regionsim";
  writeReadme(workbook.addWorksheet(TEMPLATE_README_SHEET), templateReadme(plan));
  for (const sheet of plan.sheets) writeSheet(workbook.addWorksheet(sheet.sheetName), sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Widths of the README table's columns, in characters. */
const README_WIDTHS = [30, 34, 16, 22, 24, 44, 26, 90];

function writeReadme(ws: Worksheet, readme: TemplateReadme): void {
  README_WIDTHS.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.getCell("A1").value = readme.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = readme.subtitle;
  let row = 4;
  // Instructions run over the empty cells to their right, one language a line.
  for (const line of readme.lines) {
    if (line.length === 0) row++;
    for (const text of line) {
      const cell = ws.getCell(row++, 1);
      cell.value = text;
      if (line.length === 1 && !text.startsWith("regionsim ")) cell.font = { bold: true };
      if (text.startsWith("regionsim ")) cell.font = { name: "Consolas" };
    }
  }
  if (readme.table.length === 0) return;
  const header = ws.getRow(row);
  readme.tableHeader.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  ws.views = [{ state: "frozen", ySplit: row, xSplit: 0, topLeftCell: `A${row + 1}` }];
  for (const values of readme.table) {
    const r = ws.getRow(++row);
    values.forEach((text, i) => {
      const cell = r.getCell(i + 1);
      cell.value = text;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
}

function writeSheet(ws: Worksheet, sheet: TemplateSheet): void {
  const lastColumn = sheet.years.length + 1;
  ws.mergeCells(1, 1, 1, lastColumn);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 12 };
  title.alignment = { horizontal: "left", vertical: "middle" };
  ws.getRow(1).height = 22;

  const header = ws.getRow(2);
  header.getCell(1).value = "地区 place";
  sheet.years.forEach((year, j) => {
    header.getCell(j + 2).value = year;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: "center" };

  const numFmt = numberFormat(sheet.unit);
  const validation = decimalValidation(sheet);
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(i + 3);
    const id = r.getCell(1);
    id.value = row.scope;
    id.note = `${row.nameZh} ${row.nameEn}`;
    const needed = new Set(row.years);
    sheet.years.forEach((year, j) => {
      const cell: Cell = r.getCell(j + 2);
      cell.numFmt = numFmt;
      cell.dataValidation = validation;
      cell.fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: needed.has(year) ? NEEDED_FILL : OPTIONAL_FILL },
      };
    });
  });

  const idWidth = Math.max(12, ...sheet.rows.map((r) => r.scope.length + 2));
  ws.getColumn(1).width = idWidth;
  for (let c = 2; c <= lastColumn; c++) ws.getColumn(c).width = 11;
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" }];
}

/**
 * The number format of a unit: whole numbers for counts, ranks and single yuan or persons, two
 * decimals with thousands separators for other amounts (亿元, 万人, km²), two decimals for
 * percentages; Excel's General for a unit the table does not know.
 */
function numberFormat(unit: string): string {
  const entry = unitEntry(unit);
  if (entry === undefined) return "General";
  if (entry.quantity === "count" || entry.quantity === "rank") return "0";
  if (entry.quantity === "percent" || entry.quantity === "growth") return "0.00";
  return entry.factor === 1 && entry.quantity !== "area" ? "#,##0" : "#,##0.00";
}

/** A validation that admits only a decimal number within the indicator's bounds, or a blank. */
function decimalValidation(sheet: TemplateSheet): DataValidation {
  const [lower, upper] = sheet.bounds;
  const finiteUpper = Number.isFinite(upper);
  const range = finiteUpper ? `${lower} – ${upper}` : `≥ ${lower}`;
  return {
    type: "decimal",
    operator: finiteUpper ? "between" : "greaterThanOrEqual",
    // A pack's bounds are finite numbers (JSON has no infinity); only the default upper is not.
    formulae: finiteUpper ? [lower, upper] : [lower],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "数值 Number",
    error:
      `请填数字（${range}，单位 ${sheet.unit}），不知道就留空。` +
      `Enter a number (${range}, in ${sheet.unit}), or leave the cell blank.`,
  };
}
