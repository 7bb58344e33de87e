import type { DatasetMeta } from "../schemas/dataset.js";
import type { Result } from "../schemas/issue.js";
import { locateIssue } from "../schemas/locateIssue.js";
import type { Observation, Quality } from "../schemas/observation.js";
import { observationFieldOf, REQUIRED_OBSERVATION_FIELDS } from "../schemas/observationFields.js";
import { cellText } from "./internal/cellText.js";
import { checkMeta, checkText } from "./internal/checkReaderArgs.js";
import { checkTableOptions } from "./internal/checkTableOptions.js";
import { csvGrid } from "./internal/csvGrid.js";
import { foreignSeparator } from "./internal/csvSeparator.js";
import type { Grid } from "./internal/grid.js";
import { oversizeTextIssue } from "./internal/inputLimits.js";
import { readTables } from "./internal/readTables.js";
import { tableNames } from "./internal/tableNames.js";
import { readObservationsCsv } from "./readObservationsCsv.js";

/**
 * Options of the table readers ({@link readObservationsTable}, `readWorkbook`, `loadFile`). Each
 * one, when given, replaces what the file says.
 */
export interface ReadTableOptions {
  /** File name put on every issue (the readers never open it); also the default source. */
  readonly file?: string;
  /**
   * The indicator of every table (id, name, alias or yearbook name: `"gdp"`, `"地区生产总值"`),
   * instead of the one its sheet name, title row or indicator column gives.
   */
  readonly indicator?: string;
  /** The unit of every value (`"万元"`, `"100M yuan"`), instead of the title's or the unit column's. */
  readonly unit?: string;
  /** The source of every row, instead of a `资料来源：` line, a source column or the file name. */
  readonly source?: string;
  /** The quality grade of every row, instead of a quality column or the default A. */
  readonly quality?: Quality;
}

/** Whether a grid's first row is the header of the CSV format `readObservationsCsv` reads. */
function isStandardCsv(grid: Grid): boolean {
  const header = grid.rows[0]?.cells ?? [];
  const fields = new Set(
    header.map((c) => {
      const text = cellText(c);
      return text === undefined ? undefined : observationFieldOf(text);
    }),
  );
  return REQUIRED_OBSERVATION_FIELDS.every((f) => fields.has(f));
}

/**
 * Reads observations from CSV text in the shapes analysts' files come in, and reports every
 * problem, each at its line and column.
 *
 * - **Long**: a row per place, indicator and year, with a header naming at least the place, year
 *   and value columns in English or Chinese (`地区, 指标, 年份, 数值, 单位, 来源, 质量, 备注`;
 *   also `县（市、区）`, `年度`, `计量单位`, `地区 place`). The indicator, unit, source and
 *   quality columns may be left out when the file says them once (see below) or the options
 *   give them.
 * - **Wide** (yearbook-style): places down the first column — full Chinese names (麒麟区), short
 *   ones (麒麟), English names, ids or GB/T 2260 codes, and 全市 / 合计 for the whole city —
 *   and years across the header row (`2018` or `2018年`), one indicator per table.
 *
 * The header is the first of the top 30 rows that is one or the other; the rows above it are
 * titles. The indicator comes from the `indicator` option, else the file's name when it is an
 * indicator's name (`地区生产总值.csv`), else a title row that contains one
 * (「各县（市、区）地区生产总值（万元）」; the longest name wins), and is recognised by id,
 * by the pack's names and aliases and by the yearbook names of `YEARBOOK_INDICATOR_NAMES`.
 * The unit comes from the `unit` option, else a unit column, else the title's parentheses or a
 * `单位：万元` line; values are converted to the indicator's unit (万元 → 亿元 divides by 10⁴),
 * keeping the value as written in `original`. A unit of another quantity (万人 for GDP) is an
 * error at the cell that states it, once. The source is the option, else a `资料来源：` line,
 * else the file's name; the quality is the option, else A.
 *
 * Blank cells and `—`, `-`, `…`, `...` are missing: nothing is read from them and they are not
 * errors. Title rows, note lines (`注：`, `资料来源：`) and rows without a value are skipped.
 * Text in a value cell is an error at its cell, as are unknown place and indicator names, with
 * the nearest names suggested.
 *
 * A CSV file whose first row holds all the columns of the canonical format
 * (`place,indicator,year,value,unit,source,quality`) is read by {@link readObservationsCsv}
 * with `convertUnits`, which also checks the number of fields of every row; the `indicator`
 * and `unit` options send it through the table reader instead.
 *
 * Never throws for bad data and never changes its inputs.
 *
 * @param text - the file's content (decoded: `readTextFile` reads GBK files too).
 * @param meta - the places, groups and indicators names are resolved against.
 * @param options - see {@link ReadTableOptions}.
 * @returns the observations, or every issue with the valid observations in `partial`.
 * @throws {ArgumentTypeError} `readObservationsTable: text must be a string (got 42)`; an
 *   options object with an unknown key or a value of the wrong type.
 * @throws {ArgumentRangeError} `readObservationsTable: options.indicator must be an indicator of
 *   meta; did you mean gdp? (got the string "gpd")`; `readObservationsTable: options.unit must
 *   be a known unit; did you mean "10k yuan"? (got the string "10k yaun")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const csv = "各县（市、区）地区生产总值（万元）\n地区,2017年,2018年\n麒麟,6330900,6518600\n注：当年价。\n";
 * const read = readObservationsTable(csv, meta, { file: "gdp.csv" });
 * read.value?.map((o) => [o.place, o.year, o.value, o.unit]); // [["qilin", 2017, 633.09, "100M yuan"], ["qilin", 2018, 651.86, "100M yuan"]]
 * read.value?.[1]?.original; // { value: 6518600, unit: "万元" }
 */
export function readObservationsTable(
  text: string,
  meta: DatasetMeta,
  options: ReadTableOptions = {},
): Result<Observation[]> {
  const fn = "readObservationsTable";
  checkText(fn, text);
  checkMeta(fn, meta);
  const names = tableNames(meta);
  const { file, table } = checkTableOptions(fn, options, meta, names);
  const oversize = oversizeTextIssue(text, file);
  if (oversize !== undefined) return { ok: false, issues: [oversize] };
  const { grid, issues } = csvGrid(text, file);
  if (grid === undefined) return { ok: false, issues };
  if (isStandardCsv(grid) && table.indicator === undefined && table.unit === undefined) {
    return readObservationsCsv(text, meta, {
      ...(file === undefined ? {} : { file }),
      convertUnits: true,
    });
  }
  const first = grid.rows.find((r) => r.cells.some((c) => c !== undefined));
  const only = first?.cells.length === 1 ? cellText(first.cells[0]) : undefined;
  const separator = only === undefined ? undefined : foreignSeparator(only);
  if (separator !== undefined && first !== undefined) {
    const issue = locateIssue(
      {
        severity: "error",
        code: "wrong-separator",
        message: `columns are separated by ${separator} instead of commas: save the file as comma-separated (CSV UTF-8)`,
      },
      { line: first.line },
      file,
    );
    return { ok: false, issues: [issue] };
  }
  return readTables([grid], {
    meta,
    names,
    options: table,
    file,
    fallbackSource: "table",
    before: issues,
  });
}
