// What a whole table says once for all its rows: its indicator and unit (from the options, the
// sheet's name, a title row or a 单位 line) and its source (a 资料来源 line).

import { normalizeName, orList } from "../../internal/nameMatch.js";
import type { Indicator } from "../../schemas/indicator.js";
import type { Issue } from "../../schemas/issue.js";
import { type Location, locateIssue } from "../../schemas/locateIssue.js";
import type { Quality } from "../../schemas/observation.js";
import { unitEntry } from "../../schemas/units.js";
import { sourceOfLine, unitOfLine } from "./cellText.js";
import { cellLocation, type Grid, tableLocation } from "./grid.js";
import { isNoteRow, type TableLayout, type TextCell } from "./tableLayout.js";
import type { TableNames } from "./tableNames.js";

/** The options of the table readers, checked: they override what a table says. */
export interface TableOptions {
  readonly indicator?: Indicator | undefined;
  readonly unit?: string | undefined;
  readonly source?: string | undefined;
  readonly quality?: Quality | undefined;
}

/** A value a table states once, with where it says it (for issues) and how a message names that. */
export interface Stated<T> {
  readonly value: T;
  readonly where: Location;
  /** `"options.unit"`, `"sheet name"`, `"title"`, … */
  readonly field: string;
}

/** A table's own name: its sheet's, or the CSV file's base name without extension. */
export function tableName(grid: Grid, file: string | undefined): string | undefined {
  if (grid.sheet !== undefined) return grid.sheet;
  const base = file?.split(/[\\/]/).pop();
  return base?.replace(/\.[^.]*$/, "");
}

/** A name without a leading table number (`表3-1 `) and trailing parenthesised parts (`（万元）`). */
function bareName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/^(?:表\s*)?\d+(?:[-.]\d+)*\s*/, "")
    .replace(/(?:\s*\([^()]*\))+\s*$/, "")
    .trim();
}

/** Whether a sheet name says nothing (`Sheet1`, `工作表1`, `表1`). */
function genericName(name: string): boolean {
  return /^(?:sheet|工作表|表|table)\s*\d*$/i.test(name.normalize("NFKC").trim());
}

/** The indicator a table is about, where it says so, and the issues of telling it. */
export function tableIndicator(
  grid: Grid,
  layout: TableLayout,
  names: TableNames,
  options: TableOptions,
  file: string | undefined,
): { indicator: Stated<Indicator> | undefined; issues: Issue[] } {
  const issues: Issue[] = [];
  const atTable = tableLocation(grid);
  if (options.indicator !== undefined)
    return {
      indicator: { value: options.indicator, where: atTable, field: "options.indicator" },
      issues,
    };
  const name = tableName(grid, file);
  const nameField = grid.sheet === undefined ? "file name" : "sheet name";
  const exact = name === undefined ? undefined : names.indicator(bareName(name));
  const byName = exact?.found ? exact.entry : undefined;
  // The first title row that names an indicator.
  let title: { found: Indicator[]; where: Location; text: string } | undefined;
  for (const cell of layout.preamble) {
    const found = names.indicatorsIn(cell.text);
    if (found.length === 0) continue;
    title = { found, where: cellLocation(grid, cell.row, cell.column), text: cell.text };
    break;
  }
  if (byName !== undefined) {
    // A title that also names the sheet's indicator agrees with it (the fill-in template's
    // titles give the Chinese and the English name).
    if (title === undefined || title.found.some((i) => i.id === byName.id))
      return { indicator: { value: byName, where: atTable, field: nameField }, issues };
    const named = orList(title.found.map((i) => i.id));
    issues.push(
      locateIssue(
        {
          severity: "error",
          code: "conflicting-indicator",
          message: `the title names ${named} but the ${nameField} names ${byName.id}; rename one, or give the indicator option`,
          received: JSON.stringify(title.text),
        },
        { ...title.where, field: "title" },
        file,
      ),
    );
    return { indicator: undefined, issues };
  }
  if (title !== undefined) {
    const [only] = title.found;
    if (title.found.length === 1 && only !== undefined)
      return { indicator: { value: only, where: title.where, field: "title" }, issues };
    issues.push(
      locateIssue(
        {
          severity: "error",
          code: "ambiguous-indicator",
          message: `the title names several indicators (${orList(title.found.map((i) => i.id))}); give the indicator option to choose`,
          received: JSON.stringify(title.text),
        },
        { ...title.where, field: "title" },
        file,
      ),
    );
    return { indicator: undefined, issues };
  }
  const inName = name === undefined ? [] : names.indicatorsIn(name);
  if (inName.length === 1)
    return {
      indicator: { value: inName[0] as Indicator, where: atTable, field: nameField },
      issues,
    };
  const hint =
    exact !== undefined && !exact.found && name !== undefined && !genericName(name)
      ? ` (the ${nameField}: ${exact.issue.message})`
      : "";
  issues.push(
    locateIssue(
      {
        severity: "error",
        code: "missing-indicator",
        message:
          `no indicator: name the ${grid.sheet === undefined ? "file" : "sheet"} after one (gdp, 地区生产总值), ` +
          `put it in a title row, or give the indicator option${hint}`,
      },
      atTable,
      file,
    ),
  );
  return { indicator: undefined, issues };
}

/**
 * The unit a text states: a `单位：万元` part, else the last parenthesised part that is a known
 * unit or the indicator's (`（万元）`, `（亿元 100M yuan）`: either word of two will do).
 */
export function unitIn(text: string, indicatorUnit: string | undefined): string | undefined {
  const t = text.normalize("NFKC");
  const pick = (content: string): string | undefined => {
    const c = content.trim();
    const space = c.indexOf(" ");
    const candidates = space < 0 ? [c] : [c, c.slice(0, space), c.slice(space + 1).trim()];
    return candidates.find(
      (u) =>
        unitEntry(u) !== undefined ||
        (indicatorUnit !== undefined && normalizeName(u) === normalizeName(indicatorUnit)),
    );
  };
  const line = unitOfLine(t);
  if (line !== undefined) return pick(line) ?? line;
  const groups = [...t.matchAll(/\(([^()]*)\)/g)].map((m) => m[1] as string).reverse();
  for (const g of groups) {
    const unit = pick(g.replace(/^\s*(?:计量单位|单位|units?)\s*:\s*/i, ""));
    if (unit !== undefined) return unit;
  }
  return undefined;
}

/**
 * The unit a table states once: the option, else a unit line or a title's parentheses above the
 * header, else a header cell before the first data column (`单位：万元` in the corner), else the
 * sheet's (or file's) name.
 */
export function tableUnit(
  grid: Grid,
  layout: TableLayout,
  indicatorUnit: string | undefined,
  options: TableOptions,
  file: string | undefined,
): Stated<string> | undefined {
  if (options.unit !== undefined)
    return { value: options.unit, where: tableLocation(grid), field: "options.unit" };
  const header = grid.rows[layout.header];
  const corner: TextCell[] = [];
  if (header !== undefined && layout.shape === "wide") {
    const firstYear = layout.years[0]?.column ?? 0;
    header.cells.slice(0, firstYear).forEach((_, column) => {
      const text = header.cells[column];
      if (typeof text === "string") corner.push({ text, row: header, column });
    });
  }
  for (const cell of [...layout.preamble, ...corner]) {
    const unit = unitIn(cell.text, indicatorUnit);
    if (unit !== undefined)
      return { value: unit, where: cellLocation(grid, cell.row, cell.column), field: "unit" };
  }
  const name = tableName(grid, file);
  const unit = name === undefined ? undefined : unitIn(name, indicatorUnit);
  return unit === undefined
    ? undefined
    : {
        value: unit,
        where: tableLocation(grid),
        field: grid.sheet === undefined ? "file name" : "sheet name",
      };
}

/**
 * The source of a table's rows: the option, else a `资料来源：…` line above or below the table,
 * else `fallback` (the file's name).
 */
export function tableSource(
  grid: Grid,
  layout: TableLayout,
  options: TableOptions,
  fallback: string,
): Stated<string> {
  const atTable = tableLocation(grid);
  if (options.source !== undefined)
    return { value: options.source, where: atTable, field: "options.source" };
  const lines: TextCell[] = [...layout.preamble];
  for (let r = layout.header + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (row === undefined || !isNoteRow(row)) continue;
    const column = row.cells.findIndex((c) => c !== undefined);
    const text = row.cells[column];
    if (typeof text === "string") lines.push({ text, row, column });
  }
  for (const cell of lines) {
    const source = sourceOfLine(cell.text);
    if (source !== undefined)
      return { value: source, where: cellLocation(grid, cell.row, cell.column), field: "source" };
  }
  return { value: fallback, where: atTable, field: "source" };
}
