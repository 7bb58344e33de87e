// Reads the tables of one file (the sheets of a workbook, or one CSV table) with one validator, so
// that a duplicate across two sheets is found, and says when a file holds no table at all.

import type { DatasetMeta } from "../../schemas/dataset.js";
import type { Issue, Result } from "../../schemas/issue.js";
import { locateIssue } from "../../schemas/locateIssue.js";
import type { Observation } from "../../schemas/observation.js";
import { observationValidator } from "../../schemas/observationValidator.js";
import { type Grid, tableLocation } from "./grid.js";
import { readGrid } from "./readGrid.js";
import type { TableOptions } from "./tableContext.js";
import type { TableNames } from "./tableNames.js";
import type { TableRun } from "./tableRun.js";
import type { SkippedSheet } from "./workbookGrids.js";

const NO_TABLE =
  "no table: no row names the columns of a long table (地区, 指标, 年份, 数值 or place, " +
  "indicator, year, value) or has years across as a wide table's header (2018, 2018年)";

/** The file's name without its folder, the source of rows whose table names none. */
function baseName(file: string | undefined, fallback: string): string {
  const base = file?.split(/[\\/]/).pop()?.trim();
  return base === undefined || base === "" ? fallback : base;
}

/** What {@link readTables} needs besides the grids. */
export interface ReadTablesInput {
  readonly meta: DatasetMeta;
  readonly names: TableNames;
  readonly options: TableOptions;
  readonly file: string | undefined;
  /** The source when neither the options nor the table name one and there is no file name. */
  readonly fallbackSource: string;
  /** Issues found before the tables were read (how the file was decoded, CSV syntax). */
  readonly before?: readonly Issue[];
  /** Sheets left out of the workbook. */
  readonly skipped?: readonly SkippedSheet[];
}

/**
 * Reads every grid into one validator (units converted to each indicator's). A grid in which
 * no row is a header is a `no-table` warning when other grids hold tables, else an error; a
 * hidden sheet left out is a warning.
 */
export function readTables(grids: readonly Grid[], input: ReadTablesInput): Result<Observation[]> {
  const { file } = input;
  const validator = observationValidator(input.meta, file, { convertUnits: true });
  for (const issue of input.before ?? []) validator.report(issue);
  const run: TableRun = {
    names: input.names,
    validator,
    options: input.options,
    file,
    fallbackSource: baseName(file, input.fallbackSource),
  };
  for (const s of input.skipped ?? [])
    if (s.reason === "hidden")
      validator.report(
        locateIssue(
          { severity: "warning", code: "sheet-skipped", message: "hidden sheet: not read" },
          { sheet: s.sheet },
          file,
        ),
      );
  const empty: Grid[] = [];
  let read = 0;
  for (const grid of grids) {
    const status = readGrid(grid, run);
    if (status === "read") read++;
    else if (status === "no-table") empty.push(grid);
  }
  for (const grid of empty)
    validator.report(
      locateIssue(
        { severity: read > 0 ? "warning" : "error", code: "no-table", message: NO_TABLE },
        tableLocation(grid),
        file,
      ),
    );
  if (read === 0 && empty.length === 0)
    validator.report(
      locateIssue(
        { severity: "error", code: "empty-file", message: "no data: the file has no cells" },
        {},
        file,
      ),
    );
  return validator.result();
}
