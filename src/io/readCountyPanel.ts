import type { Result } from "../schemas/issue.js";
import { checkReaderOptions } from "./internal/checkReaderArgs.js";
import { checkPanelText, type PanelColumn, readTidyPanel } from "./internal/tidyPanel.js";

/**
 * One row of a county panel in the shape of cn-panels' `county_panel.csv`: one value of one
 * indicator for one county-level unit (县, 县级市, 区) in one year, as the source gives it.
 */
export interface CountyPanelRow {
  /** Line of the file the row was read from (absent for rows made in code). */
  readonly line?: number;
  readonly year: number;
  /**
   * The source's id of the unit that stays the same when the unit is re-coded (CSMAR's
   * `AreaID`: 沾益县 530328 and 沾益区 530303 are both 20407478); `""` when the panel has none.
   */
  readonly areaId: string;
  /** The GB/T 2260 code the source used that year, e.g. `"530303"`; `""` when the panel has none. */
  readonly code: string;
  /** The unit's name that year, e.g. `"沾益区"` (may be `""`). */
  readonly county: string;
  /** The prefecture-level city, as the source writes it, e.g. `"曲靖市"` (may be `""`). */
  readonly city: string;
  /** The province, as the source writes it (may be `""`). */
  readonly province: string;
  /** Indicator id, e.g. `"gdp"`, `"population_hukou"`. */
  readonly indicator: string;
  readonly value: number;
  /** Unit of `value`, e.g. `"100M yuan"`, `"10k persons"`. */
  readonly unit: string;
  /** Source id, e.g. `"CSMAR_CNT_GDP"`. */
  readonly source: string;
}

/** Options of {@link readCountyPanel} and `readCityPanel`. */
export interface ReadPanelOptions {
  /** File name put on every issue (the reader never opens it). */
  readonly file?: string;
}

type CountyKey = Exclude<keyof CountyPanelRow, "line">;

const COLUMNS: readonly PanelColumn<CountyKey>[] = [
  { key: "year", header: "year", required: true, rule: "year" },
  { key: "areaId", header: "area_id", required: false, rule: "digits-or-empty" },
  { key: "code", header: "code", required: true, rule: "code-or-empty" },
  { key: "county", header: "county", required: true, rule: "text" },
  { key: "city", header: "city", required: true, rule: "text" },
  { key: "province", header: "province", required: false, rule: "text" },
  { key: "indicator", header: "indicator", required: true, rule: "required-text" },
  { key: "value", header: "value", required: true, rule: "number" },
  { key: "unit", header: "unit", required: true, rule: "required-text" },
  { key: "source", header: "source", required: true, rule: "required-text" },
];

/**
 * Reads a county panel in the shape of cn-panels' `county_panel.csv`: a header row naming the
 * columns `year, area_id, code, county, city, province, indicator, value, unit, source` (any
 * order; `area_id` and `province` may be left out), then one row per unit, year and indicator.
 * Unquoted lines are split on commas without building the whole table first (the 30 MB panel
 * of about 297,000 rows is read in well under a second), quoted fields are read as RFC 4180
 * CSV, and the text may be given whole or as its chunks in order (e.g. a file read piece by
 * piece), so a large panel never needs to be one string.
 *
 * Every problem is an {@link Issue} with file, line, column and field: a missing required or
 * duplicate column (a column the reader does not know is a warning); a row with the wrong number
 * of fields; a year that is not an integer from 1900 to 2200; an `area_id` that is not digits; a
 * code that is not six digits (an empty `area_id` or code is allowed: some rows have none); an
 * empty indicator, unit or source; a value that is not a number. Rows with an error are left
 * out: with no error the result is `{ ok: true, value }`, otherwise `{ ok: false, issues,
 * partial }` with the good rows. The first 200 errors are listed and the rest counted in one
 * last issue. Values are kept as written, in the unit of their row; nothing is converted.
 *
 * @param text - the file's content, or its chunks in order.
 * @param options - `file`: the name to put on issues.
 * @returns the rows in file order, each with its `line`.
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readCountyPanel: text must
 *   be a string or an iterable of strings (got 42)`; `readCountyPanel: text[2] must be a string
 *   (got 1)` for a chunk that is not one; `readCountyPanel: options.file must be a string (got
 *   3)`; `readCountyPanel: options.fiel is not an option; did you mean file? (the options are
 *   file)`.
 * @example
 * const csv = "year,area_id,code,county,city,province,indicator,value,unit,source\n" +
 *   "2020,20407472,530304,马龙区,曲靖市,云南省,gdp,91.58,100M yuan,CSMAR_CNT_GDP\n";
 * readCountyPanel(csv).ok; // true
 * readCountyPanel([csv.slice(0, 90), csv.slice(90)]).value[0].county; // "马龙区"
 * formatIssue(readCountyPanel(csv.replace("91.58", "n/a"), { file: "panel.csv" }).issues[0]);
 * // 'panel.csv:2:8: value: not a number (expected a number, got "n/a")'
 */
export function readCountyPanel(
  text: string | Iterable<string>,
  options: ReadPanelOptions = {},
): Result<CountyPanelRow[]> {
  const input = checkPanelText("readCountyPanel", text);
  const o = checkReaderOptions("readCountyPanel", options);
  return readTidyPanel(
    input,
    COLUMNS,
    (c, line): CountyPanelRow => ({
      line,
      year: c[0] as number,
      areaId: c[1] as string,
      code: c[2] as string,
      county: c[3] as string,
      city: c[4] as string,
      province: c[5] as string,
      indicator: c[6] as string,
      value: c[7] as number,
      unit: c[8] as string,
      source: c[9] as string,
    }),
    o.file as string | undefined,
  );
}
