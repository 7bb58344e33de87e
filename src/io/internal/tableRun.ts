// What reading the tables of one file shares, and the checks every table shape makes once.

import type { Indicator } from "../../schemas/indicator.js";
import type { Issue } from "../../schemas/issue.js";
import { type Location, locateIssue } from "../../schemas/locateIssue.js";
import type { ObservationValidator, RawField } from "../../schemas/observationValidator.js";
import { unconvertibleUnit, unitFactor } from "../../schemas/units.js";
import type { UnusableCell } from "./grid.js";
import type { Stated, TableOptions } from "./tableContext.js";
import type { TableNames } from "./tableNames.js";

/** What reading the tables of one file shares. */
export interface TableRun {
  readonly names: TableNames;
  readonly validator: ObservationValidator;
  readonly options: TableOptions;
  readonly file: string | undefined;
  /** The source of rows whose table names none: the file's name. */
  readonly fallbackSource: string;
}

/** The quality of rows whose table and options give none: official statistics. */
export const DEFAULT_QUALITY = "A";

/** An issue at a place in the file. */
export function issueAt(run: TableRun, where: Location, issue: Issue): void {
  run.validator.report(locateIssue(issue, where, run.file));
}

/** The error for a cell holding something that is not a value (an Excel error, a date, …). */
export function unusableIssue(cell: UnusableCell, field: string): Issue {
  return {
    severity: "error",
    code: "not-a-value",
    message: `${cell.unusable}, not a number`,
    field,
    received: cell.shown,
  };
}

/** A raw field stated once for the whole table. */
export function statedField<T>(stated: Stated<T>, value: unknown = stated.value): RawField {
  return { value, ...stated.where, field: stated.field };
}

/**
 * Checks once for a table that its unit can be converted to the indicator's, and reports at the
 * unit's cell when not (so that the error is not repeated for every value).
 */
export function checkTableUnit(run: TableRun, unit: Stated<string>, indicator: Indicator): boolean {
  if (unit.value === indicator.unit || unitFactor(unit.value, indicator.unit) !== undefined)
    return true;
  const { message, expected } = unconvertibleUnit(unit.value, indicator.id, indicator.unit);
  issueAt(run, unit.where, {
    severity: "error",
    code: "unit-mismatch",
    message: `${message}; no value of this table was read`,
    field: unit.field,
    expected,
    received: JSON.stringify(unit.value),
  });
  return false;
}

/** The error for a table without a unit. */
export function missingUnitIssue(indicator: Indicator): Issue {
  return {
    severity: "error",
    code: "missing-unit",
    message:
      `no unit for ${indicator.id}: put it in the title (地区生产总值（万元）), a 单位：万元 line, ` +
      "a unit column, or give the unit option; no value of this table was read",
    expected: `${JSON.stringify(indicator.unit)} or another unit of its quantity`,
  };
}
