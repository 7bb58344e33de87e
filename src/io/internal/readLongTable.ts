import type { Indicator } from "../../schemas/indicator.js";
import type { Issue } from "../../schemas/issue.js";
import { locateIssue } from "../../schemas/locateIssue.js";
import type { ObservationField } from "../../schemas/observationFields.js";
import type { RawField } from "../../schemas/observationValidator.js";
import { cellText, isMissingCell, yearOf } from "./cellText.js";
import { cellLocation, type Grid, type GridRow, isUnusable } from "./grid.js";
import { type Stated, tableIndicator, tableSource, tableUnit, unitIn } from "./tableContext.js";
import { isNoteRow, type LongLayout } from "./tableLayout.js";
import {
  checkTableUnit,
  DEFAULT_QUALITY,
  issueAt,
  missingUnitIssue,
  statedField,
  type TableRun,
  unusableIssue,
} from "./tableRun.js";

/** An indicator cell's name without a trailing unit in parentheses (`地区生产总值（万元）`). */
function withoutUnit(text: string): string {
  return text.replace(/(?:\s*[(（][^()（）]*[)）])+\s*$/, "").trim();
}

/** How a later issue refers to a row: `line 5` in a CSV file, `Sheet1 row 5` in a workbook. */
function rowLabel(grid: Grid, row: GridRow): string {
  return grid.sheet === undefined ? `line ${row.line}` : `${grid.sheet} row ${row.line}`;
}

/** A warning that an option replaces a column the table has. */
function overriddenIssue(field: "indicator" | "unit"): Issue {
  return {
    severity: "warning",
    code: "option-overrides-column",
    message: `the ${field} option replaces the table's ${field} column`,
  };
}

/**
 * Reads a long table (one observation a row). Columns place, year and value are required;
 * indicator, unit, source and quality may come from the options or from what the table says
 * once (sheet name, title row, 单位 and 资料来源 lines); quality defaults to A. A row whose value
 * is blank or a missing-value mark (—, …) is missing and gives nothing.
 */
export function readLongTable(grid: Grid, layout: LongLayout, run: TableRun): void {
  const { validator, names, options, file } = run;
  const header = grid.rows[layout.header] as GridRow;
  const at = (row: GridRow, column: number) => cellLocation(grid, row, column);
  for (const d of layout.duplicates)
    issueAt(run, at(header, d.column), {
      severity: "error",
      code: "duplicate-column",
      message: `column for ${d.field} appears twice (first as column ${d.first + 1}); the first is used`,
    });
  for (const cell of layout.ignored)
    issueAt(run, at(header, cell.column), {
      severity: "warning",
      code: "unknown-column",
      message: `unknown column ${JSON.stringify(cell.text)} is ignored`,
    });
  const col = layout.columns;

  let indicator: Stated<Indicator> | undefined;
  if (options.indicator !== undefined || !col.has("indicator")) {
    const found = tableIndicator(grid, layout, names, options, file);
    for (const issue of found.issues) validator.report(issue);
    indicator = found.indicator;
    if (indicator === undefined) return;
    if (col.has("indicator"))
      issueAt(run, at(header, col.get("indicator") as number), overriddenIssue("indicator"));
  }
  const unit =
    options.unit !== undefined || !col.has("unit")
      ? tableUnit(grid, layout, indicator?.value.unit, options, file)
      : undefined;
  if (options.unit !== undefined && col.has("unit"))
    issueAt(run, at(header, col.get("unit") as number), overriddenIssue("unit"));
  if (indicator !== undefined && unit !== undefined && !checkTableUnit(run, unit, indicator.value))
    return;
  if (indicator !== undefined && unit === undefined && !col.has("unit")) {
    issueAt(run, { sheet: grid.sheet }, missingUnitIssue(indicator.value));
    return;
  }
  const source =
    options.source !== undefined || !col.has("source")
      ? tableSource(grid, layout, options, run.fallbackSource)
      : undefined;
  const quality: Stated<string> | undefined =
    options.quality !== undefined || !col.has("quality")
      ? { value: options.quality ?? DEFAULT_QUALITY, where: {}, field: "quality" }
      : undefined;

  // An indicator cell (地区生产总值（万元）) resolved once per distinct text: its id and unit.
  const indicatorCells = new Map<string, { id?: string; unit?: string }>();
  const indicatorCell = (text: string) => {
    let named = indicatorCells.get(text);
    if (named === undefined) {
      const hit = names.indicator(withoutUnit(text));
      const unit = hit.found ? unitIn(text, hit.entry.unit) : undefined;
      named = { ...(hit.found ? { id: hit.id } : {}), ...(unit === undefined ? {} : { unit }) };
      indicatorCells.set(text, named);
    }
    return named;
  };
  const valueColumn = col.get("value") as number;
  for (let r = layout.header + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] as GridRow;
    if (isNoteRow(row) || isMissingCell(row.cells[valueColumn])) continue;
    const known: Issue[] = [];
    /** A column's field; left out after reporting a cell that holds no value (an Excel error). */
    const field = (f: ObservationField, value?: unknown): RawField | undefined => {
      const c = col.get(f);
      if (c === undefined) return undefined;
      const cell = row.cells[c];
      const name = cellText(header.cells[c]) ?? f;
      if (isUnusable(cell)) {
        known.push(locateIssue(unusableIssue(cell, name), at(row, c), file));
        return undefined;
      }
      return { value: value ?? cell, ...at(row, c), field: name };
    };
    const placeText = cellText(row.cells[col.get("place") as number]);
    const place = placeText === undefined ? undefined : names.place(placeText);
    const raw: { [K in ObservationField]?: RawField } = {};
    const put = (k: ObservationField, f: RawField | undefined) => {
      if (f !== undefined) raw[k] = f;
    };
    put("place", field("place", place?.found ? place.id : undefined));
    put("year", field("year", yearOf(row.cells[col.get("year") as number])));
    put("value", field("value"));
    put("source", source === undefined ? field("source") : statedField(source));
    put("quality", quality === undefined ? field("quality") : statedField(quality));
    put("note", field("note"));
    let cellUnit: RawField | undefined;
    if (indicator !== undefined) raw.indicator = statedField(indicator, indicator.value.id);
    else {
      const text = cellText(row.cells[col.get("indicator") as number]);
      const named = text === undefined ? undefined : indicatorCell(text);
      put("indicator", field("indicator", named?.id));
      const stated = named?.unit;
      const c = col.get("indicator") as number;
      if (stated !== undefined) cellUnit = { value: stated, ...at(row, c), field: "unit" };
    }
    // A blank unit cell leaves the unit to the indicator cell, if it states one.
    const unitCell = field("unit");
    raw.unit = (unit === undefined ? undefined : statedField(unit)) ??
      (unitCell?.value === undefined ? undefined : unitCell) ??
      cellUnit ??
      unitCell ?? { value: undefined, ...at(row, valueColumn), field: "unit" };
    validator.add(raw, { label: rowLabel(grid, row), ...at(row, 0) }, known);
  }
}
