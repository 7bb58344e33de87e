// Reads one table (a worksheet, or a CSV file) of either shape into the file's validator.

import type { Grid } from "./grid.js";
import { readLongTable } from "./readLongTable.js";
import { readWideTable } from "./readWideTable.js";
import { tableLayout } from "./tableLayout.js";
import type { TableRun } from "./tableRun.js";

/**
 * Reads one table into `run.validator`: works out its layout (long or wide), then its rows.
 * Returns `"empty"` for a table without any cell, `"no-table"` when no row is a header (the
 * caller reports it: a warning for one sheet among others, an error for the only one), else
 * `"read"`.
 */
export function readGrid(grid: Grid, run: TableRun): "read" | "empty" | "no-table" {
  if (grid.rows.every((row) => row.cells.every((c) => c === undefined))) return "empty";
  const layout = tableLayout(grid);
  if (layout === undefined) return "no-table";
  if (layout.shape === "wide") readWideTable(grid, layout, run);
  else readLongTable(grid, layout, run);
  return "read";
}
