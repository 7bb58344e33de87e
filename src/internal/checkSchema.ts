// An argument checked against a zod schema (STYLE.md §3–4): a failure becomes the library's own
// argument error, its path the zod path under the parameter, every problem in `issues`.

import type * as z from "zod";
import { memberPath } from "./checkArgs.js";
import { describeValue } from "./describeValue.js";
import { type ArgumentIssue, ArgumentRangeError, ArgumentTypeError } from "./errors.js";
import { nearestIds, normalizeName } from "./nameMatch.js";

type ZodIssue = z.core.$ZodIssue;

/** The words of zod's type names in a message. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  null: "null",
};

/** The path of a zod path under `root`: `spec` + `["candidates", 0]` → `spec.candidates[0]`. */
function pathUnder(root: string, path: readonly PropertyKey[]): string {
  let at = root;
  for (const key of path)
    at = typeof key === "number" ? `${at}[${key}]` : memberPath(at, String(key));
  return at;
}

/** The value at a zod path inside `input` (`undefined` when the path does not exist). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(values: readonly unknown[]): string[] {
  return values.map((v) => JSON.stringify(v) ?? String(v));
}

function orWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** What the issue says was expected, in the words of {@link describeValue}'s messages. */
function expectedOf(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return TYPE_WORDS[issue.expected] ?? issue.expected;
    case "too_small":
      if (issue.origin === "array") return `an array of at least ${issue.minimum} items`;
      if (issue.origin === "string") return "a non-empty string";
      return `a number ${issue.inclusive === false ? ">" : "≥"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `an array of at most ${issue.maximum} items`;
      if (issue.origin === "string") return `a string of at most ${issue.maximum} characters`;
      return `a number ${issue.inclusive === false ? "<" : "≤"} ${issue.maximum}`;
    case "invalid_value": {
      const words = orWords(shown(issue.values));
      if (typeof value !== "string") return words;
      const ids = issue.values.filter((v): v is string => typeof v === "string");
      const candidates = ids.map((id) => ({ id, keys: [normalizeName(id)] }));
      const [nearest] = nearestIds(normalizeName(value), candidates, 1);
      return nearest === undefined ? words : `${words}; did you mean ${JSON.stringify(nearest)}?`;
    }
    case "unrecognized_keys":
      return `an object without the keys ${issue.keys.join(", ")}`;
    case "invalid_union": {
      // A discriminated union names its options in the message: "… Expected 'a' | 'b'".
      const options = /Expected (.+)$/.exec(issue.message)?.[1];
      if (options !== undefined)
        return `one of ${options.replaceAll("'", '"').split(" | ").join(", ")}`;
      return `valid (${issue.message})`;
    }
    default:
      return `valid (${issue.message})`;
  }
}

/**
 * `value` parsed by `schema`; on failure an {@link ArgumentTypeError} (a value of the wrong type
 * or missing) or {@link ArgumentRangeError} (any other problem) about the first issue:
 * `fn: path.to.field must be <expected> (got …)`, with `error.path` the field and every problem
 * in `error.issues`. Returns zod's parsed value (defaults filled in), or with `shapeOnly` the
 * value itself when the only problems are refinements (`custom` issues: checks of meaning, such
 * as a target year after its base year, that the caller reports as data instead).
 */
export function checkSchema<T>(
  fn: string,
  path: string,
  value: unknown,
  schema: z.ZodType<T>,
  rule: { readonly shapeOnly?: boolean } = {},
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const zodIssues = parsed.error.issues.filter(
    (i) => rule.shapeOnly !== true || i.code !== "custom",
  );
  if (zodIssues.length === 0) return value as T;
  const issues: ArgumentIssue[] = zodIssues.map((z) => {
    const at = valueAt(value, z.path);
    return {
      code: z.code,
      message: z.message,
      field: pathUnder(path, z.path),
      expected: expectedOf(z, at),
      received: describeValue(at),
    };
  });
  const first = zodIssues[0] as ZodIssue;
  const [issue] = issues as [ArgumentIssue];
  const more = issues.length - 1;
  const rest = more === 0 ? "" : `; ${more} more problem${more === 1 ? "" : "s"} in error.issues`;
  const message = `${fn}: ${issue.field} must be ${issue.expected} (got ${issue.received}${rest})`;
  const field = issue.field as string;
  const missing = valueAt(value, first.path) === undefined;
  if (missing || first.code === "invalid_type" || first.code === "unrecognized_keys") {
    throw new ArgumentTypeError(message, {
      code: missing
        ? "missing-argument"
        : first.code === "invalid_type"
          ? "invalid-type"
          : "unknown-option",
      path: field,
      issues,
    });
  }
  throw new ArgumentRangeError(message, {
    code: first.code === "invalid_value" ? "unknown-id" : "out-of-range",
    path: field,
    issues,
  });
}
