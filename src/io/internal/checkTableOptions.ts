// The contract checks of the table readers' options: an indicator the pack has, a unit regionsim
// knows, a source, a quality grade.

import { checkOneOf, checkString } from "../../internal/checkArgs.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import { normalizeName } from "../../internal/nameMatch.js";
import type { DatasetMeta } from "../../schemas/dataset.js";
import type { Quality } from "../../schemas/observation.js";
import { nearestUnit, unitEntry } from "../../schemas/units.js";
import { checkReaderOptions } from "./checkReaderArgs.js";
import type { TableOptions } from "./tableContext.js";
import type { TableNames } from "./tableNames.js";

/** The option keys of the table readers. */
export const TABLE_OPTION_KEYS = ["file", "indicator", "unit", "source", "quality"] as const;

const QUALITIES: readonly Quality[] = ["A", "B", "C"];

/** A non-empty string option. */
function nonEmpty(fn: string, path: string, value: unknown): string {
  const text = checkString(fn, path, value).trim();
  if (text === "")
    throw new ArgumentRangeError(`${fn}: ${path} must not be empty (got ${describeValue(value)})`, {
      code: "out-of-range",
      path,
    });
  return text;
}

/**
 * The table readers' options checked: `file` a string; `indicator` an indicator of `meta` by id,
 * name, alias or yearbook name; `unit` a unit regionsim knows or the unit of one of `meta`'s
 * indicators; `source` non-empty text; `quality` A, B or C. `more` are the keys a reader takes
 * besides {@link TABLE_OPTION_KEYS}.
 *
 * @throws {ArgumentTypeError} for an option of the wrong type or an unknown option.
 * @throws {ArgumentRangeError} `fn: options.indicator must be an indicator of meta; did you mean
 *   gdp? (got the string "gpd")`; `fn: options.unit must be a known unit; did you mean
 *   "10k yuan"? (got the string "10k yaun")`; `fn: options.quality must be "A", "B" or "C" …`.
 */
export function checkTableOptions(
  fn: string,
  options: unknown,
  meta: DatasetMeta,
  names: TableNames,
  more: readonly string[] = [],
): {
  readonly file: string | undefined;
  readonly table: TableOptions;
  readonly rest: Readonly<Record<string, unknown>>;
} {
  const o = checkReaderOptions(fn, options, [...TABLE_OPTION_KEYS, ...more]);
  const table: {
    indicator?: TableOptions["indicator"];
    unit?: string;
    source?: string;
    quality?: Quality;
  } = {};
  if (o.indicator !== undefined) {
    const text = nonEmpty(fn, "options.indicator", o.indicator);
    const hit = names.indicator(text);
    if (!hit.found) {
      const hint = /did you mean (.*)\?$/.exec(hit.issue.message)?.[1];
      throw new ArgumentRangeError(
        `${fn}: options.indicator must be an indicator of meta${hint === undefined ? "" : `; did you mean ${hint}?`} (got ${describeValue(o.indicator)})`,
        { code: "unknown-id", path: "options.indicator" },
      );
    }
    table.indicator = hit.entry;
  }
  if (o.unit !== undefined) {
    const unit = nonEmpty(fn, "options.unit", o.unit);
    const own = meta.indicators.some((i) => normalizeName(i.unit) === normalizeName(unit));
    if (unitEntry(unit) === undefined && !own) {
      const nearest = nearestUnit(unit);
      throw new ArgumentRangeError(
        `${fn}: options.unit must be a known unit${nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`} (got ${describeValue(o.unit)})`,
        { code: "unknown-id", path: "options.unit" },
      );
    }
    table.unit = unit;
  }
  if (o.source !== undefined) table.source = nonEmpty(fn, "options.source", o.source);
  if (o.quality !== undefined)
    table.quality = checkOneOf(fn, "options.quality", o.quality, QUALITIES);
  return { file: o.file as string | undefined, table, rest: o };
}
