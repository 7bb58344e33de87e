// The contract checks the readers share: their text, the dataset metadata names are resolved
// against, and the `file` option.

import { checkOptions, checkString } from "../../internal/checkArgs.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentTypeError } from "../../internal/errors.js";
import { type DatasetMeta, DatasetSchema } from "../../schemas/dataset.js";
import { formatIssue } from "../../schemas/issue.js";
import { zodIssues } from "../../schemas/zodIssues.js";

const MetaSchema = DatasetSchema.pick({ places: true, groups: true, indicators: true });
const META_EXPECTED = "a dataset's metadata with places, groups and indicators";

/**
 * `meta` checked against the dataset schema's places, groups and indicators (other keys, such as
 * a whole dataset's observations, are allowed and ignored). Something that is not an object
 * with those three lists is an {@link ArgumentTypeError} `fn: meta must be a dataset's metadata
 * with places, groups and indicators (got …)`; lists with a bad entry give the same error naming
 * the first problem, with every problem in `error.issues` and `error.path` at the first.
 */
export function checkMeta(fn: string, meta: unknown): DatasetMeta {
  const shaped =
    typeof meta === "object" &&
    meta !== null &&
    !Array.isArray(meta) &&
    ["places", "groups", "indicators"].every((k) =>
      Array.isArray((meta as Record<string, unknown>)[k]),
    );
  if (!shaped) {
    throw new ArgumentTypeError(
      `${fn}: meta must be ${META_EXPECTED} (got ${describeValue(meta)})`,
      {
        code: meta === undefined ? "missing-argument" : "invalid-type",
        path: "meta",
      },
    );
  }
  const checked = MetaSchema.safeParse(meta);
  // The original object, not zod's copy: readers never change or copy their inputs.
  if (checked.success) return meta as DatasetMeta;
  const issues = zodIssues(checked.error.issues, meta, undefined, ["meta"]);
  const [first] = issues;
  const more = issues.length - 1;
  const rest = more === 0 ? "" : `; ${more} more problem${more === 1 ? "" : "s"} in error.issues`;
  const shown = first === undefined ? "" : ` (${formatIssue(first)}${rest})`;
  throw new ArgumentTypeError(`${fn}: meta must be ${META_EXPECTED}${shown}`, {
    code: "invalid-type",
    path: first?.field ?? "meta",
    issues,
  });
}

/** The text a reader reads: a string, else `fn: text must be a string (got …)`. */
export function checkText(fn: string, text: unknown): string {
  return checkString(fn, "text", text);
}

/**
 * A reader's options: `undefined` or an object whose keys are among `known` (`file` always),
 * with `options.file` a string when given. Returns the options object for further checks.
 */
export function checkReaderOptions(
  fn: string,
  options: unknown,
  known: readonly string[] = ["file"],
): Readonly<Record<string, unknown>> {
  const o = checkOptions(fn, "options", options, known);
  if (o.file !== undefined) checkString(fn, "options.file", o.file);
  return o;
}
