// The shape of a table, told from its header row: long (a row per place, indicator and year, with
// columns such as 地区, 指标, 年份, 数值) or wide as yearbooks print it (places down a column,
// years across the header row), and the rows above the header (titles, a 单位：万元 line).

import { normalizeName } from "../../internal/nameMatch.js";
import { type ObservationField, observationFieldOf } from "../../schemas/observationFields.js";
import { cellText, isNoteLine, yearOf } from "./cellText.js";
import { type Grid, type GridRow, isUnusable } from "./grid.js";

/** A text cell: its row in the grid and its column (0-based). */
export interface TextCell {
  readonly text: string;
  readonly row: GridRow;
  readonly column: number;
}

/** What both shapes share: the header row's index in the grid and the text above it. */
interface LayoutBase {
  readonly header: number;
  /** Text cells of the rows above the header (titles, a unit line), in reading order. */
  readonly preamble: readonly TextCell[];
}

/** A yearbook-style table: places down `placeColumn`, one column per year. */
export interface WideLayout extends LayoutBase {
  readonly shape: "wide";
  readonly placeColumn: number;
  readonly years: readonly { readonly column: number; readonly year: number }[];
  /** Header cells that are neither the place column, a label column nor a year (ignored). */
  readonly ignored: readonly TextCell[];
}

/** A long table: one observation per row, the column of each field. */
export interface LongLayout extends LayoutBase {
  readonly shape: "long";
  readonly columns: ReadonlyMap<ObservationField, number>;
  /** Header cells of a field that another column already gave (the first is used). */
  readonly duplicates: readonly (TextCell & {
    readonly field: ObservationField;
    readonly first: number;
  })[];
  /** Header cells that name no field (ignored). */
  readonly ignored: readonly TextCell[];
}

export type TableLayout = WideLayout | LongLayout;

/** How many non-blank rows from the top the header is looked for in. */
const HEADER_SEARCH_ROWS = 30;

/** Column headers of long tables besides the fields' English and Chinese names. */
const LONG_HEADERS: Readonly<Record<string, ObservationField>> = {
  "县(市、区)": "place",
  县市区: "place",
  区县: "place",
  地区名称: "place",
  行政区划: "place",
  行政区划代码: "place",
  年度: "year",
  时间: "year",
  值: "value",
  数据: "value",
  计量单位: "unit",
  数据来源: "source",
  资料来源: "source",
  指标名称: "indicator",
};
const LONG_BY_NAME = new Map(Object.entries(LONG_HEADERS).map(([k, f]) => [normalizeName(k), f]));

/**
 * The field a long table's column header names: an observation field in English or Chinese, a
 * common synonym (年度, 县（市、区）, 计量单位, …) or both languages at once (`地区 place`,
 * `年份/year`).
 */
export function headerField(text: string): ObservationField | undefined {
  const whole = observationFieldOf(text) ?? LONG_BY_NAME.get(normalizeName(text));
  if (whole !== undefined) return whole;
  const parts = normalizeName(text)
    .split(/[\s/|]+/)
    .filter((p) => p !== "");
  if (parts.length < 2) return undefined;
  const fields = new Set(parts.map((p) => observationFieldOf(p) ?? LONG_BY_NAME.get(p)));
  const [only] = fields;
  return fields.size === 1 ? only : undefined;
}

/** Headers of the column of a wide table that names the places (besides {@link headerField}'s). */
const PLACE_HEADERS = new Set(["项目", "代码", "code", "单位名称", "县(市、区)名称"]);
/** Headers of columns beside the place column that only label it (`名称 name`, 序号). */
const LABEL_HEADERS = new Set([
  "名称",
  "name",
  "名称 name",
  "中文名称",
  "序号",
  "编号",
  "no.",
  "no",
]);

/** Whether a header names the place column of a wide table. */
function isPlaceHeader(text: string): boolean {
  return headerField(text) === "place" || PLACE_HEADERS.has(normalizeName(text));
}

/** Text cells of a row with their columns. */
function textCells(row: GridRow): TextCell[] {
  const out: TextCell[] = [];
  row.cells.forEach((cell, column) => {
    const text = cellText(cell);
    if (text !== undefined) out.push({ text, row, column });
  });
  return out;
}

/** The layout if `row` is a long table's header: place, year and value columns at least. */
function longHeader(row: GridRow): Omit<LongLayout, "header" | "preamble"> | undefined {
  const columns = new Map<ObservationField, number>();
  const duplicates: LongLayout["duplicates"][number][] = [];
  const ignored: TextCell[] = [];
  for (const cell of textCells(row)) {
    const field = headerField(cell.text);
    if (field === undefined) ignored.push(cell);
    else {
      const first = columns.get(field);
      if (first === undefined) columns.set(field, cell.column);
      else duplicates.push({ ...cell, field, first });
    }
  }
  if (!(columns.has("place") && columns.has("year") && columns.has("value"))) return undefined;
  return { shape: "long", columns, duplicates, ignored };
}

/** The layout if `row` is a wide table's header: years across, after at least one label column. */
function wideHeader(row: GridRow): Omit<WideLayout, "header" | "preamble"> | undefined {
  const years: { column: number; year: number }[] = [];
  const others: TextCell[] = [];
  for (let column = 0; column < row.cells.length; column++) {
    const cell = row.cells[column];
    if (cell === undefined) continue;
    const year = yearOf(cell);
    if (year !== undefined && column > 0) years.push({ column, year });
    else if (typeof cell === "number" || isUnusable(cell)) return undefined;
    else {
      const text = cellText(cell);
      if (text !== undefined) others.push({ text, row, column });
    }
  }
  const first = years[0]?.column;
  if (first === undefined) return undefined;
  const labels = others.filter((c) => c.column < first);
  const placeColumn =
    labels.find((c) => isPlaceHeader(c.text))?.column ??
    labels.find((c) => !LABEL_HEADERS.has(normalizeName(c.text)))?.column ??
    0;
  const ignored = others.filter((c) => c.column > first);
  return { shape: "wide", placeColumn, years, ignored };
}

/**
 * The layout of a table: its header is the first row, among the first
 * {@link HEADER_SEARCH_ROWS} that are not blank, that is a long table's header (columns for
 * place, year and value) or a wide table's (years across, text before them). Rows above it are
 * the preamble (titles, unit lines). `undefined` when no row is a header.
 */
export function tableLayout(grid: Grid): TableLayout | undefined {
  const preamble: TextCell[] = [];
  let seen = 0;
  for (let header = 0; header < grid.rows.length && seen < HEADER_SEARCH_ROWS; header++) {
    const row = grid.rows[header] as GridRow;
    const texts = textCells(row);
    if (texts.length === 0 && row.cells.every((c) => c === undefined)) continue;
    seen++;
    const shape = longHeader(row) ?? wideHeader(row);
    if (shape !== undefined) return { ...shape, header, preamble } as TableLayout;
    preamble.push(...texts);
  }
  return undefined;
}

/** Whether a row is a note (its first text is 注：, 资料来源：, …), which the readers skip. */
export function isNoteRow(row: GridRow): boolean {
  const first = row.cells.find((c) => c !== undefined);
  const text = first === undefined ? undefined : cellText(first);
  return text !== undefined && isNoteLine(text);
}
