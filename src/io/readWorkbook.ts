import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { locateIssue } from "../schemas/locateIssue.js";
import type { Observation } from "../schemas/observation.js";
import { checkMeta } from "./internal/checkReaderArgs.js";
import { checkTableOptions } from "./internal/checkTableOptions.js";
import { oversizeIssue } from "./internal/inputLimits.js";
import { readTables } from "./internal/readTables.js";
import { tableNames } from "./internal/tableNames.js";
import { workbookGrids, workbookKind } from "./internal/workbookGrids.js";
import type { ReadTableOptions } from "./readObservationsTable.js";

function fail(code: string, message: string, file: string | undefined): Result<Observation[]> {
  const issue: Issue = { severity: "error", code, message };
  return { ok: false, issues: [locateIssue(issue, {}, file)] };
}

/**
 * Reads observations from an Excel workbook (.xlsx) and reports every problem, each naming its
 * sheet and cell (`gdp.xlsx:地区生产总值!C5: …`). Each visible sheet is a table, read as
 * `readObservationsTable` reads a CSV table: long (a row per place, indicator and year) or
 * yearbook-style wide (places down the first column, years across), the indicator from the
 * options, the sheet's name, or a title row (merged across the table or not), the unit from the
 * options, a unit column, the title's parentheses or a `单位：` line, converted to the
 * indicator's unit with the value as written kept in `original`. Blank cells, `—` and `…` are
 * missing; title rows, notes (`注：`, `资料来源：`) and rows without values are skipped.
 *
 * Cells are read as Excel shows them: a formula by the result Excel saved with it (a formula
 * never calculated is an error at its cell), a number formatted as a percentage as the
 * percentage (0.4903 shown as 49.03% is 49.03), and an Excel error value (`#DIV/0!`), a date
 * or TRUE/FALSE in a value cell is an error at its cell. A sheet named README (or 说明,
 * 填表说明) is ignored; so is a hidden sheet, with a warning. A sheet without a table is a
 * warning (an error when no sheet has one).
 *
 * The fill-in template that `regionsim template` writes reads back unchanged: one sheet per
 * indicator named by its id, a title row `地区生产总值 GDP（亿元 100M yuan）`, a header
 * `地区 place | 名称 name | 2021 | 2022 | …` and a row per place (see docs/data-formats.md).
 *
 * exceljs is loaded when the first workbook is read (`import("exceljs")`), so the rest of the
 * package does not pay for it. Never throws for bad data and never changes its inputs.
 *
 * @param bytes - the file's content.
 * @param meta - the places, groups and indicators names are resolved against (a pack's dataset).
 * @param options - see `ReadTableOptions`: `file` (the name on issues, and the default source),
 *   `indicator`, `unit`, `source` and `quality` (each replaces what the sheets say).
 * @returns the observations of every sheet, or every issue with the valid observations in
 *   `partial`. A file that is not an .xlsx workbook gives one issue: an .xls (Excel 97–2003) or
 *   password-protected workbook `unsupported-workbook` (save it as .xlsx), anything else
 *   `not-a-workbook`.
 * @throws {ArgumentTypeError} `readWorkbook: bytes must be the bytes of an .xlsx file (a
 *   Uint8Array or an ArrayBuffer) (got the string "gdp.xlsx")`; a `meta` that is not a
 *   dataset's metadata; an unknown option.
 * @throws {ArgumentRangeError} `readWorkbook: options.indicator must be an indicator of meta;
 *   did you mean gdp? (got the string "gpd")`; the same for an unknown `options.unit`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const result = await readWorkbook(new TextEncoder().encode("not a workbook"), meta, { file: "gdp.xlsx" });
 * result.issues.map(formatIssue); // ["gdp.xlsx: not an Excel workbook (.xlsx), which is a ZIP container: save the file as .xlsx"]
 */
export async function readWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  meta: DatasetMeta,
  options: ReadTableOptions = {},
): Promise<Result<Observation[]>> {
  const fn = "readWorkbook";
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer))
    throw new ArgumentTypeError(
      `${fn}: bytes must be the bytes of an .xlsx file (a Uint8Array or an ArrayBuffer) (got ${describeValue(bytes)})`,
      { code: bytes === undefined ? "missing-argument" : "invalid-type", path: "bytes" },
    );
  checkMeta(fn, meta);
  const names = tableNames(meta);
  const { file, table } = checkTableOptions(fn, options, meta, names);
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const tooLarge = oversizeIssue(data.length, file);
  if (tooLarge !== undefined) return { ok: false, issues: [tooLarge] };
  const kind = workbookKind(data);
  if (kind === "xls")
    return fail(
      "unsupported-workbook",
      "an Excel 97–2003 workbook (.xls) or a password-protected one: save it as an Excel workbook (.xlsx) without a password",
      file,
    );
  if (kind === "other")
    return fail(
      "not-a-workbook",
      "not an Excel workbook (.xlsx), which is a ZIP container: save the file as .xlsx",
      file,
    );
  const book = await workbookGrids(data);
  if (!book.ok) return fail("not-a-workbook", `cannot read the workbook (${book.message})`, file);
  return readTables(book.grids, {
    meta,
    names,
    options: table,
    file,
    fallbackSource: "workbook",
    skipped: book.skipped,
  });
}
