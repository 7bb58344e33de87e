import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
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
