import { checkArrayOf, checkOptions, checkString } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { formatIssue } from "./issue.js";
import type { RegionPack } from "./regionPack.js";
import { validatePack } from "./validatePack.js";

/** Packs already checked, and what they became: a pack is validated once per process. */
const checkedPacks = new WeakMap<object, RegionPack>();

/**
 * The check every entry that takes a region pack makes (`assessPack`, `simulatePack`, …): the
 * pack, validated by {@link validatePack} with its defaults filled in (a pack written without
 * `dataset.breaks` or `references` works). The result is remembered for the same object, so a
 * pack is validated once however often it is passed (do not change a pack after passing it).
 *
 * @param fn - the calling function's name, which starts the message.
 * @param pack - the argument to check.
 * @param path - the parameter's name in the message (default `"pack"`).
 * @param rule - `allow`: issue codes the caller reports itself instead (the assessment reports a
 *   target year not after its base year on the target's row), so they do not refuse the pack.
 * @returns the validated pack.
 * @throws {ArgumentTypeError} `assessPack: pack must be a region pack (got nothing)` (code
 *   `missing-argument`), `… (got null)` (code `invalid-type`) for a value that is not an object;
 *   `assessPack: pack is not a valid region pack (targets[0].scope: unknown place; did you mean
 *   city, central-city or fuyuan? (got "ctiy")); 1 more problem in error.issues` for a pack with errors, with `path` at
 *   the first problem (`pack.targets[0].scope`) and every error in `error.issues`.
 * @throws {ArgumentTypeError} `checkPack: fn must be a function name such as "assessPack" (got
 *   nothing)`, `checkPack: path must be a parameter path such as "pack" (got 1)`, `checkPack:
 *   rule must be an object such as { allow } (got 1)`, `checkPack: rule.allow[0] must be a string
 *   (got 1)` for the caller's own arguments.
 * @throws {ArgumentRangeError} `checkPack: fn must be a function name such as "assessPack" (got
 *   the string "")`, `checkPack: path must be a parameter path such as "pack" (got the string
 *   "a b")`.
 * @example
 * checkPack("assessPack", qujingPack).id; // "qujing"
 * try {
 *   checkPack("assessPack", null);
 * } catch (e) {
 *   e.message; // "assessPack: pack must be a region pack (got null)"
 * }
 */
export function checkPack(
  fn: string,
  pack: unknown,
  path = "pack",
  rule: { readonly allow?: readonly string[] } = {},
): RegionPack {
  checkCallerArgs(fn, path, rule);
  if (typeof pack !== "object" || pack === null || Array.isArray(pack)) {
    throw new ArgumentTypeError(
      `${fn}: ${path} must be a region pack (got ${describeValue(pack)})`,
      {
        code: pack === undefined ? "missing-argument" : "invalid-type",
        path,
      },
    );
  }
  const known = checkedPacks.get(pack);
  if (known !== undefined) return known;
  const validated = validatePack(pack);
  if (validated.ok) {
    checkedPacks.set(pack, validated.pack);
    return validated.pack;
  }
  const allowed = new Set(rule.allow ?? []);
  const errors = validated.issues.filter((i) => i.severity === "error" && !allowed.has(i.code));
  if (errors.length === 0) return pack as RegionPack;
  const issues = errors.map((i) => ({ ...i, field: prefixed(path, i.field) }));
  const [first] = errors;
  const more = errors.length - 1;
  const rest = more <= 0 ? "" : `; ${more} more problem${more === 1 ? "" : "s"} in error.issues`;
  const shown = first === undefined ? "" : ` (${formatIssue(first)})${rest}`;
  throw new ArgumentTypeError(`${fn}: ${path} is not a valid region pack${shown}`, {
    code: "invalid-type",
    path: issues[0]?.field ?? path,
    issues,
  });
}

function prefixed(path: string, field: string | undefined): string {
  if (field === undefined || field === "") return path;
  return field.startsWith("[") ? `${path}${field}` : `${path}.${field}`;
}

/** Checks the caller's own arguments: they make the message, which must name a function. */
function checkCallerArgs(fn: unknown, path: unknown, rule: unknown): void {
  const name = 'a function name such as "assessPack"';
  if (!/^[A-Za-z]+$/.test(checkString("checkPack", "fn", fn, { expected: name })))
    throw new ArgumentRangeError(`checkPack: fn must be ${name} (got ${describeValue(fn)})`, {
      code: "out-of-range",
      path: "fn",
    });
  const where = 'a parameter path such as "pack"';
  if (!/^[\p{L}_$][^\s]*$/u.test(checkString("checkPack", "path", path, { expected: where })))
    throw new ArgumentRangeError(`checkPack: path must be ${where} (got ${describeValue(path)})`, {
      code: "out-of-range",
      path: "path",
    });
  const o = checkOptions("checkPack", "rule", rule, ["allow"]);
  if (o.allow !== undefined)
    checkArrayOf("checkPack", "rule.allow", o.allow, (at, v) => checkString("checkPack", at, v));
}
