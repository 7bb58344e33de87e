// The options check of the report builders (STYLE.md §4).

import { checkBoolean, checkOptions, checkString } from "../../internal/checkArgs.js";

/**
 * A report builder's options: `undefined` or an object whose keys are among those of `spec`, each
 * a string or `true`/`false` as `spec` says; anything else throws the `ArgumentTypeError` of
 * `checkOptions`, `checkString` or `checkBoolean` (`fn: options.title must be a string (got 3)`).
 */
export function checkReportOptions(
  fn: string,
  options: unknown,
  spec: Readonly<Record<string, "string" | "boolean">>,
): Readonly<Record<string, unknown>> {
  const o = checkOptions(fn, "options", options, Object.keys(spec));
  for (const [key, kind] of Object.entries(spec)) {
    const value = o[key];
    if (value === undefined) continue;
    if (kind === "string") checkString(fn, `options.${key}`, value);
    else checkBoolean(fn, `options.${key}`, value);
  }
  return o;
}
