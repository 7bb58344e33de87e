import type { Issue, Result } from "../schemas/issue.js";
import { locateIssue } from "../schemas/locateIssue.js";
import { type RegionPack, RegionPackSchema } from "../schemas/regionPack.js";
import { validatePack } from "../schemas/validatePack.js";
import { checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { parseJsonObject, sortByPosition, withJsonPositions } from "./internal/jsonText.js";
import { unknownKeyIssues } from "./internal/unknownKeys.js";
import type { ReadJsonOptions } from "./readScenarioJson.js";

/**
 * Reads a region pack from JSON text (a {@link RegionPackInput} as a file) and reports every
 * problem in it, with its line and column.
 *
 * The text is parsed (a syntax error is reported with its line and column; a key given twice in
 * one object is a `duplicate-key` error) and checked by `validatePack`: the schema, including
 * `schemaVersion` (a newer major version is refused), every id the pack names (target scopes and
 * indicators, denominators, rank references, group members, breaks, scenario selectors, with
 * did-you-mean) and the observations. Each issue's `field` is a JSON path such as
 * `targets[3].scope`, with the line and column of that value (or of the enclosing object for a
 * missing key). Keys the schema does not know are warnings (`unknown-key`). See docs/packs.md.
 *
 * Never throws for bad data and never changes its inputs.
 *
 * @param text - the file's content (UTF-8, a byte-order mark is allowed).
 * @param options - `file`: the name to put on issues.
 * @returns the pack with its defaults filled in, or every error.
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readPackJson: text must be a
 *   string (got 42)`; `readPackJson: options.file must be a string (got 3)`; `readPackJson:
 *   options.fiel is not an option; did you mean file? (the options are file)`.
 * @example
 * readPackJson('{"id": "demo",\n "schemaVersion": "2.0"}', { file: "pack.json" }).issues.map(formatIssue); // ['pack.json:2:19: schemaVersion: schemaVersion "2.0" is newer than this version of regionsim reads (1.x); upgrade regionsim']
 * readPackJson("[]").issues.map(formatIssue); // ["not a region pack (expected an object with id, plan, dataset, targets and scenarios, got an array)"]
 */
export function readPackJson(text: string, options: ReadJsonOptions = {}): Result<RegionPack> {
  checkText("readPackJson", text);
  checkReaderOptions("readPackJson", options);
  const file = options.file;
  const parsed = parseJsonObject(text, file, {
    message: "not a region pack",
    expected: "an object with id, plan, dataset, targets and scenarios",
  });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const input = parsed.value;
  const validated = validatePack(input);
  const issues: Issue[] = [
    ...parsed.issues,
    ...validated.issues.map((i) => locateIssue(i, {}, file)),
    ...unknownKeyIssues(RegionPackSchema, input, file),
  ];
  const located = sortByPosition(withJsonPositions(text, issues));
  if (!validated.ok || located.some((i) => i.severity === "error"))
    return { ok: false, issues: located };
  return { ok: true, value: validated.pack, issues: located };
}
