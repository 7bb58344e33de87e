import type { Result } from "../schemas/issue.js";
import { checkReaderOptions } from "./internal/checkReaderArgs.js";
import { checkPanelText, type PanelColumn, readTidyPanel } from "./internal/tidyPanel.js";
import type { ReadPanelOptions } from "./readCountyPanel.js";

/**
 * One row of a prefecture panel in the shape of cn-panels' `prefecture_panel.csv`: one value of
 * one indicator for one prefecture-level unit in one year, as the source gives it.
 */
export interface CityPanelRow {
  /** Line of the file the row was read from (absent for rows made in code). */
  readonly line?: number;
  readonly year: number;
  /** The GB/T 2260 code of the unit, e.g. `"530300"`; `""` when the source has none (a country row). */
  readonly code: string;
  /** The unit's name as the source writes it: `"曲靖市"`, or `"Qujing(city)"` in CSMAR rows. */
  readonly city: string;
  /** The province as the source writes it (may be `""`). */
  readonly province: string;
  /** The source's class of the unit: 地级市, 副省级市 or 直辖市 where the code is known, else `""`. */
  readonly category: string;
  /** Indicator id, e.g. `"gdp"`, `"gdp_index_prev_year_100"`, `"population_resident"`. */
  readonly indicator: string;
  readonly value: number;
  /** Unit of `value`, e.g. `"100M yuan"`, `"previous year = 100"`. */
  readonly unit: string;
  /** Source id, e.g. `"GP_INDUSTRY"`. */
  readonly source: string;
}

type CityKey = Exclude<keyof CityPanelRow, "line">;

const COLUMNS: readonly PanelColumn<CityKey>[] = [
  { key: "year", header: "year", required: true, rule: "year" },
  { key: "code", header: "code", required: true, rule: "code-or-empty" },
  { key: "city", header: "city", required: true, rule: "text" },
  { key: "province", header: "province", required: false, rule: "text" },
  { key: "category", header: "category", required: false, rule: "text" },
  { key: "indicator", header: "indicator", required: true, rule: "required-text" },
  { key: "value", header: "value", required: true, rule: "number" },
  { key: "unit", header: "unit", required: true, rule: "required-text" },
  { key: "source", header: "source", required: true, rule: "required-text" },
];

/**
 * Reads a prefecture panel in the shape of cn-panels' `prefecture_panel.csv`: a header row
 * naming the columns `year, code, city, province, category, indicator, value, unit, source` (any
 * order; `province` and `category` may be left out), then one row per unit, year and indicator.
 * Read as {@link readCountyPanel} reads a county panel: whole text or chunks, every problem an
 * issue with file, line, column and field (a code that is not six digits, a value that is not a
 * number, …), rows with an error left out. Join rows on `code`: `city` is written as each source
 * writes it (Chinese or English). For the CSMAR city GDP table (`CRE_Gdpct.csv`) use
 * `readPrefecturePanel`.
 *
 * @param text - the file's content, or its chunks in order.
 * @param options - `file`: the name to put on issues.
 * @returns the rows in file order, each with its `line`.
 * @throws {ArgumentTypeError} `readCityPanel: text must be a string or an iterable of strings
 *   (got 42)`; `readCityPanel: options.file must be a string (got 3)`; an unknown option.
 * @example
 * const csv = "year,code,city,province,category,indicator,value,unit,source\n" +
 *   "2023,530300,曲靖市,云南省,地级市,gdp,4048.91,100M yuan,GP_INDUSTRY\n";
 * readCityPanel(csv).value[0].value; // 4048.91
 * formatIssue(readCityPanel(csv.replace("530300", "5303"), { file: "city.csv" }).issues[0]);
 * // 'city.csv:2:2: code: not an administrative code (expected a six-digit code or an empty cell, got "5303")'
 */
export function readCityPanel(
  text: string | Iterable<string>,
  options: ReadPanelOptions = {},
): Result<CityPanelRow[]> {
  const input = checkPanelText("readCityPanel", text);
  const o = checkReaderOptions("readCityPanel", options);
  return readTidyPanel(
    input,
    COLUMNS,
    (c, line): CityPanelRow => ({
      line,
      year: c[0] as number,
      code: c[1] as string,
      city: c[2] as string,
      province: c[3] as string,
      category: c[4] as string,
      indicator: c[5] as string,
      value: c[6] as number,
      unit: c[7] as string,
      source: c[8] as string,
    }),
    o.file as string | undefined,
  );
}
