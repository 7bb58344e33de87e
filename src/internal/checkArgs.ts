// Checks of the arguments of public functions (STYLE.md §4). Each takes the function's name and
// the parameter's path, returns the value with its type narrowed, and throws an
// ArgumentTypeError (wrong type, missing) or ArgumentRangeError (right type, out of range)
// whose message reads `fn: path must be … (got …)`.

import { describeValue } from "./describeValue.js";
import { ArgumentRangeError, type ArgumentRangeErrorCode, ArgumentTypeError } from "./errors.js";
import { nearestIds, normalizeName, orList } from "./nameMatch.js";

/** The path of a key of the object at `path`: `options` + `file` → `options.file`. */
export function memberPath(path: string, key: string): string {
  return /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

/** Throws the type error for `value` (`missing-argument` when it is `undefined`). */
function typeError(fn: string, path: string, value: unknown, expected: string): never {
  throw new ArgumentTypeError(`${fn}: ${path} must be ${expected} (got ${describeValue(value)})`, {
    code: value === undefined ? "missing-argument" : "invalid-type",
    path,
  });
}

/** Throws the range error for `value`. */
function rangeError(
  fn: string,
  path: string,
  value: unknown,
  expected: string,
  code: ArgumentRangeErrorCode = "out-of-range",
): never {
  throw new ArgumentRangeError(`${fn}: ${path} must be ${expected} (got ${describeValue(value)})`, {
    code,
    path,
  });
}

/**
 * Throws a `missing-argument` {@link ArgumentTypeError} when `value` is `undefined`:
 * `fn: path must be <expected> (got nothing)`.
 */
export function checkPresent<T>(
  fn: string,
  path: string,
  value: T | undefined,
  expected: string,
): T {
  if (value === undefined) typeError(fn, path, value, expected);
  return value;
}

/** What {@link checkNumber} accepts. */
export interface NumberRule {
  /** Only integers (default: any number). */
  readonly integer?: boolean;
  /** Allow ±Infinity (default: finite numbers only). NaN is never accepted. */
  readonly infinite?: boolean;
  /** Only numbers > 0. */
  readonly positive?: boolean;
  /** Smallest accepted value. */
  readonly min?: number;
  /** Largest accepted value. */
  readonly max?: number;
  /** What the message says is expected, instead of the wording built from the rule. */
  readonly expected?: string;
}

/** The wording of a number rule: `a positive integer`, `a finite number from 0 to 1`. */
function numberWording(rule: NumberRule): string {
  const noun =
    rule.integer === true ? "integer" : rule.infinite === true ? "number" : "finite number";
  if (rule.positive === true) return `a positive ${noun}`;
  const article = noun === "integer" ? "an" : "a";
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return `${article} ${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${article} ${noun} ≥ ${min}`;
  if (max !== undefined) return `${article} ${noun} ≤ ${max}`;
  return `${article} ${noun}`;
}

/**
 * A number that meets `rule` (finite unless `rule.infinite`): a value that is not a number is an
 * {@link ArgumentTypeError}, a number that breaks the rule (NaN included) an
 * {@link ArgumentRangeError}, both `fn: path must be <rule> (got …)`.
 */
export function checkNumber(
  fn: string,
  path: string,
  value: unknown,
  rule: NumberRule = {},
): number {
  const expected = rule.expected ?? numberWording(rule);
  if (typeof value !== "number") typeError(fn, path, value, expected);
  const ok =
    !Number.isNaN(value) &&
    (rule.infinite === true || Number.isFinite(value)) &&
    (rule.integer !== true || Number.isInteger(value)) &&
    (rule.positive !== true || value > 0) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) rangeError(fn, path, value, expected);
  return value;
}

/** A seed of a random stream: any safe integer, negative allowed (`fn: path must be a safe integer`). */
export function checkSeedValue(fn: string, path: string, value: unknown): number {
  return checkNumber(fn, path, value, {
    integer: true,
    min: Number.MIN_SAFE_INTEGER,
    max: Number.MAX_SAFE_INTEGER,
    expected: "a safe integer",
  });
}

/**
 * A string (non-empty with `rule.nonEmpty`, for names and ids): anything else is an
 * {@link ArgumentTypeError}, an empty string where one is not allowed an
 * {@link ArgumentRangeError}.
 */
export function checkString(
  fn: string,
  path: string,
  value: unknown,
  rule: { readonly nonEmpty?: boolean; readonly expected?: string } = {},
): string {
  const expected = rule.expected ?? (rule.nonEmpty === true ? "a non-empty string" : "a string");
  if (typeof value !== "string") typeError(fn, path, value, expected);
  if (rule.nonEmpty === true && value === "") rangeError(fn, path, value, expected);
  return value;
}

/** `true` or `false`; anything else is an {@link ArgumentTypeError}. */
export function checkBoolean(fn: string, path: string, value: unknown): boolean {
  if (typeof value !== "boolean") typeError(fn, path, value, "true or false");
  return value;
}

/**
 * One of the strings of a literal union (`"atLeast" | "atMost"`). A value that is not a string
 * is an {@link ArgumentTypeError}; another string an `unknown-id` {@link ArgumentRangeError}
 * naming the allowed values and the nearest one:
 * `fn: path must be "atLeast" or "atMost"; did you mean "atLeast"? (got the string "atleast")`.
 */
export function checkOneOf<T extends string>(
  fn: string,
  path: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const expected = orList(allowed.map((a) => JSON.stringify(a)));
  if (typeof value !== "string") typeError(fn, path, value, expected);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const candidates = allowed.map((id) => ({ id: id as string, keys: [normalizeName(id)] }));
  const [nearest] = nearestIds(normalizeName(value), candidates, 1);
  const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
  rangeError(fn, path, value, `${expected}${hint}`, "unknown-id");
}

/** Joins names as `a`, `a and b`, `a, b and c`. */
function andList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Whether `value` is an object and not `null` or an array (a class instance counts). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An object (not `null`, not an array); anything else is an {@link ArgumentTypeError}
 * `fn: path must be <expected> (got …)`, `expected` defaulting to "an object".
 */
export function checkObject(
  fn: string,
  path: string,
  value: unknown,
  expected = "an object",
): Record<string, unknown> {
  if (!isObject(value)) typeError(fn, path, value, expected);
  return value;
}

/**
 * An array whose every item passes `item` (called with the item's path, `path[3]`, and value);
 * a value that is not an array is an {@link ArgumentTypeError} `fn: path must be <expected>`.
 */
export function checkArrayOf<T>(
  fn: string,
  path: string,
  value: unknown,
  item: (itemPath: string, itemValue: unknown) => T,
  expected = "an array",
): T[] {
  if (!Array.isArray(value)) typeError(fn, path, value, expected);
  return value.map((v: unknown, i) => item(`${path}[${i}]`, v));
}

/**
 * A trailing options object: `undefined` gives `{}`; anything but an object is an
 * {@link ArgumentTypeError}, and so is a key not in `known` (`unknown-option`, a misspelt option
 * would otherwise be ignored): `fn: options.fiel is not an option; did you mean file? (the
 * options are file and scenarios)`. The values are checked by the caller.
 */
export function checkOptions(
  fn: string,
  path: string,
  value: unknown,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (!isObject(value)) typeError(fn, path, value, `an object such as { ${known.join(", ")} }`);
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const at = memberPath(path, key);
    const candidates = known.map((id) => ({ id, keys: [normalizeName(id)] }));
    const [nearest] = nearestIds(normalizeName(key), candidates, 1);
    const hint = nearest === undefined ? "" : `; did you mean ${nearest}?`;
    const list = known.length === 0 ? "it takes none" : `the options are ${andList(known)}`;
    throw new ArgumentTypeError(`${fn}: ${at} is not an option${hint} (${list})`, {
      code: "unknown-option",
      path: at,
    });
  }
  return value;
}
