// The argument checks of buildPackFromPanel: the rows (hundreds of thousands for a full panel, so
// a well-formed row is checked in one pass) and the options.

import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
} from "../../internal/checkArgs.js";

/**
 * Checks the arguments of `buildPackFromPanel` (`fn`): rows of a county panel, the options and
 * their prefecture rows, each row's fields by type; returns the options object. A well-formed row
 * is checked in one pass without building any message.
 */
export function checkBuildArgs(
  fn: string,
  rows: unknown,
  options: unknown,
): Readonly<Record<string, unknown>> {
  if (!Array.isArray(rows))
    checkArrayOf(fn, "rows", rows, () => 0, "an array of county panel rows");
  const list = rows as unknown[];
  for (let k = 0; k < list.length; k++) checkRow(fn, "rows", k, list[k], COUNTY_EXTRA);
  const o = checkObject(fn, "options", options, "an object such as { city }");
  checkOptions(fn, "options", o, [
    "city",
    "prefectureRows",
    "targets",
    "plan",
    "file",
    "prefectureFile",
  ]);
  checkString(fn, "options.city", o.city, { nonEmpty: true, expected: "a code or name" });
  if (o.prefectureRows !== undefined) {
    const list = o.prefectureRows;
    if (!Array.isArray(list))
      checkArrayOf(
        fn,
        "options.prefectureRows",
        list,
        () => 0,
        "an array of prefecture panel rows",
      );
    const own = list as unknown[];
    for (let k = 0; k < own.length; k++)
      checkRow(fn, "options.prefectureRows", k, own[k], CITY_EXTRA);
  }
  if (o.targets !== undefined)
    checkArrayOf(fn, "options.targets", o.targets, (at, v) => checkObject(fn, at, v, "a target"));
  if (o.plan !== undefined)
    checkObject(fn, "options.plan", o.plan, "a plan { titleZh, titleEn, baseYear, issued }");
  for (const key of ["file", "prefectureFile"] as const)
    if (o[key] !== undefined) checkString(fn, `options.${key}`, o[key]);
  return o;
}

/** Checks one panel row's fields (the common ones and `extra` strings). */
function checkRow(
  fn: string,
  list: string,
  index: number,
  row: unknown,
  extra: readonly string[],
): void {
  // The usual case, a well-formed row, in one pass without building messages.
  const r = row as Record<string, unknown>;
  const fast =
    typeof row === "object" &&
    row !== null &&
    Number.isInteger(r.year) &&
    (r.year as number) >= 1900 &&
    (r.year as number) <= 2200 &&
    typeof r.value === "number" &&
    Number.isFinite(r.value) &&
    (r.line === undefined || (Number.isInteger(r.line) && (r.line as number) >= 1)) &&
    ROW_STRINGS.every((key) => typeof r[key] === "string") &&
    extra.every((key) => typeof r[key] === "string");
  if (fast) return;
  const path = `${list}[${index}]`;
  checkObject(fn, path, row, "a panel row");
  checkNumber(fn, `${path}.year`, r.year, { integer: true, min: 1900, max: 2200 });
  checkNumber(fn, `${path}.value`, r.value);
  if (r.line !== undefined) checkNumber(fn, `${path}.line`, r.line, { integer: true, min: 1 });
  for (const key of [...ROW_STRINGS, ...extra]) checkString(fn, `${path}.${key}`, r[key]);
}

const COUNTY_EXTRA = ["areaId", "county"] as const;
const CITY_EXTRA = ["category"] as const;
const ROW_STRINGS = ["code", "city", "province", "indicator", "unit", "source"] as const;
