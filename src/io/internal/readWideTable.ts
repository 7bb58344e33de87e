import { cellText, isMissingCell } from "./cellText.js";
import type { GridRow } from "./grid.js";
import { cellLabel, cellLocation, type Grid, isUnusable, tableLocation } from "./grid.js";
import { type Stated, tableIndicator, tableSource, tableUnit } from "./tableContext.js";
import { isNoteRow, type WideLayout } from "./tableLayout.js";
import {
  checkTableUnit,
  DEFAULT_QUALITY,
  issueAt,
  missingUnitIssue,
  statedField,
  type TableRun,
  unusableIssue,
} from "./tableRun.js";

/** Reads a wide (yearbook-style) table: places down one column, a value per year column. */
export function readWideTable(grid: Grid, layout: WideLayout, run: TableRun): void {
  const { validator, names, file } = run;
  const found = tableIndicator(grid, layout, names, run.options, file);
  for (const issue of found.issues) validator.report(issue);
  const header = grid.rows[layout.header] as GridRow;
  const seenYears = new Map<number, number>();
  for (const { column, year } of layout.years) {
    const first = seenYears.get(year);
    if (first === undefined) seenYears.set(year, column);
    else
      issueAt(run, cellLocation(grid, header, column), {
        severity: "error",
        code: "duplicate-column",
        message: `the year ${year} appears twice (first at ${cellLabel(grid, header, first)}); the first is used`,
      });
  }
  for (const cell of layout.ignored)
    issueAt(run, cellLocation(grid, header, cell.column), {
      severity: "warning",
      code: "unknown-column",
      message: `column ${JSON.stringify(cell.text)} is not a year and is ignored`,
    });
  const indicator = found.indicator;
  if (indicator === undefined) return;
  const unit = tableUnit(grid, layout, indicator.value.unit, run.options, file);
  if (unit === undefined) {
    issueAt(run, { sheet: grid.sheet }, missingUnitIssue(indicator.value));
    return;
  }
  if (!checkTableUnit(run, unit, indicator.value)) return;
  const source = tableSource(grid, layout, run.options, run.fallbackSource);
  const quality: Stated<string> = {
    value: run.options.quality ?? DEFAULT_QUALITY,
    where: tableLocation(grid),
    field: "quality",
  };
  const columns = layout.years.filter(({ column, year }) => seenYears.get(year) === column);
  for (let r = layout.header + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] as GridRow;
    if (isNoteRow(row)) continue;
    const present = columns.filter(({ column }) => !isMissingCell(row.cells[column]));
    // A row without values (a heading, 其中：, a place not yet filled in) gives nothing.
    if (present.length === 0) continue;
    const placeCell = row.cells[layout.placeColumn];
    const placeText = cellText(placeCell);
    const placeAt = cellLocation(grid, row, layout.placeColumn);
    if (placeText === undefined) {
      issueAt(run, placeAt, {
        severity: "error",
        code: "missing-value",
        message: "no place for the values of this row",
        field: "place",
        expected: "a place or group id, name, alias or code",
      });
      continue;
    }
    const place = names.place(placeText);
    if (!place.found) {
      issueAt(run, placeAt, { ...place.issue, field: "place" });
      continue;
    }
    for (const { column, year } of present) {
      const cell = row.cells[column];
      const label = `${placeText} ${year}`;
      const at = cellLocation(grid, row, column);
      if (isUnusable(cell)) {
        issueAt(run, at, unusableIssue(cell, label));
        continue;
      }
      validator.add(
        {
          place: { value: place.id, ...placeAt, field: "place" },
          indicator: statedField(indicator, indicator.value.id),
          year: { value: year, ...cellLocation(grid, header, column), field: "year" },
          value: { value: cell, ...at, field: label },
          unit: statedField(unit),
          source: statedField(source),
          quality: statedField(quality),
        },
        { label: cellLabel(grid, row, column), ...at },
      );
    }
  }
}
