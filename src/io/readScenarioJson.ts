import { checkArrayOf, checkString } from "../internal/checkArgs.js";
import { scenarioContentIssues } from "../scenarios/scenarioContentIssues.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { locateIssue } from "../schemas/locateIssue.js";
import { nameIndex } from "../schemas/nameIndex.js";
import { type ScenarioInput, ScenarioSchema } from "../schemas/scenario.js";
import { zodIssues } from "../schemas/zodIssues.js";
import { checkMeta, checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { type IdReference, idReferenceIssues, objectItems } from "./internal/idReferences.js";
import { parseJsonObject, sortByPosition, withJsonPositions } from "./internal/jsonText.js";
import { unknownKeyIssues } from "./internal/unknownKeys.js";

/** Options of the JSON scenario and target readers. */
export interface ReadJsonOptions {
  /** File name put on every issue (the readers never open it). */
  readonly file?: string;
}

/** Options of {@link readScenarioJson}. */
export interface ReadScenarioJsonOptions extends ReadJsonOptions {
  /** Ids of the scenarios `extends` may name (a pack's); when given, any other is an error. */
  readonly scenarios?: readonly string[];
  /** Ids of the reference series `references[].reference` may name (a pack's); when given, any other is an error. */
  readonly references?: readonly string[];
}

/** The lists of a scenario whose items name a scope and an indicator. */
const SCOPED_LISTS = ["models", "overrides", "shocks", "uncertainty", "deflators"] as const;

/**
 * Reads a scenario from JSON text and reports every problem in it.
 *
 * The text is parsed (a syntax error is reported with its line and column) and checked against
 * `ScenarioSchema`; each schema problem becomes an {@link Issue} whose `field` is a JSON path
 * such as `models[0].spec.rate`, with the line and column of that value (or of the enclosing
 * object for a missing key). Keys the schema does not know are warnings (`unknown-key`), as they
 * would otherwise be dropped silently; a key given twice in one object is a `duplicate-key`
 * error (`JSON.parse` keeps only the last). Every `scope` and `indicator` named in `models`,
 * `overrides`, `shocks` and `uncertainty` must be an id defined in `meta` (`"*"` means all);
 * an unknown one is an error suggesting the nearest ids. With `options.scenarios`, `extends`
 * must name one of them (`unknown-scenario`); with `options.references`, each
 * `references[].reference` must name one of them (`unknown-reference`).
 *
 * Content is checked against the pack as well ({@link scenarioContentIssues}): an override
 * outside its indicator's range, a shock in `points` on an indicator not in `%`, and — when
 * `meta` is a whole dataset with `observations` — a `toYear` not after the latest observation
 * are errors. A growth rate or shock size above 1 in absolute value is refused with "rates are
 * fractions: 0.055 is 5.5% (a 3-point shock is -0.03)".
 *
 * The value is the scenario as written (a {@link ScenarioInput}: defaults are not filled in, so
 * a scenario that `extends` another keeps the other's settings it does not give). Never throws
 * for bad data and never changes its inputs.
 *
 * @param text - the file's content (UTF-8, a byte-order mark is allowed).
 * @param meta - the places, groups and indicators scopes and indicators are checked against.
 * @param options - `file`: the name to put on issues; `scenarios`: the ids `extends` may name.
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readScenarioJson: text must be
 *   a string (got 42)`; `readScenarioJson: meta must be a dataset's metadata with places, groups
 *   and indicators (got the string "qujing")` (or naming its first bad entry, every problem in
 *   `error.issues`); `readScenarioJson: options.file must be a string (got 3)`; `readScenarioJson:
 *   options.fiel is not an option; did you mean file? (the options are file, scenarios and references)`;
 *   `readScenarioJson: options.scenarios must be an array of scenario ids (got the string "base")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const text = '{"id": "base", "nameEn": "Base", "description": "Trend growth",\n' +
 *   ' "models": [{"scope": "*", "indicator": "gpd", "spec": {"kind": "cagr", "rate": 0.06}, "reason": "plan"}]}';
 * readScenarioJson(text, meta, { file: "base.json" }).issues.map(formatIssue); // ['base.json:2:41: models[0].indicator: unknown indicator; did you mean gdp? (got "gpd")']
 * readScenarioJson('{"id": "base", "nameEn": "Base", "description": "Trend"}', meta).value; // { id: "base", nameEn: "Base", description: "Trend" }
 */
export function readScenarioJson(
  text: string,
  meta: DatasetMeta,
  options: ReadScenarioJsonOptions = {},
): Result<ScenarioInput> {
  checkText("readScenarioJson", text);
  checkMeta("readScenarioJson", meta);
  const o = checkReaderOptions("readScenarioJson", options, ["file", "scenarios", "references"]);
  for (const key of ["scenarios", "references"] as const) {
    if (o[key] === undefined) continue;
    checkArrayOf(
      "readScenarioJson",
      `options.${key}`,
      o[key],
      (at, id) => checkString("readScenarioJson", at, id),
      key === "scenarios" ? "an array of scenario ids" : "an array of reference series ids",
    );
  }
  const file = options.file;
  const parsed = parseJsonObject(text, file, {
    message: "not a scenario",
    expected: 'an object such as { "id": …, "nameEn": …, "description": …, "models": [...] }',
  });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const input = parsed.value;

  const checked = ScenarioSchema.safeParse(input);
  const issues: Issue[] = [
    ...parsed.issues,
    ...(checked.success ? [] : zodIssues(checked.error.issues, input, file)),
    ...unknownKeyIssues(ScenarioSchema, input, file),
  ];
  const references: IdReference[] = SCOPED_LISTS.flatMap((list) =>
    objectItems(input, list).flatMap(({ index, item }) => [
      { kind: "place" as const, path: [list, index, "scope"], value: item.scope },
      { kind: "indicator" as const, path: [list, index, "indicator"], value: item.indicator },
    ]),
  );
  issues.push(...idReferenceIssues(nameIndex(meta), references, file));
  if (checked.success) {
    const observations = (meta as { observations?: unknown }).observations;
    const stated = (input as { toYear?: unknown }).toYear;
    const content = scenarioContentIssues(
      { ...checked.data, toYear: stated === undefined ? undefined : checked.data.toYear },
      {
        meta,
        selectors: false,
        ...(Array.isArray(observations) ? { observations } : {}),
        ...(options.references === undefined ? {} : { references: options.references }),
      },
    );
    for (const issue of content) issues.push(locateIssue(issue, {}, file));
  }
  const parent = (input as { extends?: unknown }).extends;
  const { scenarios } = options;
  if (scenarios !== undefined && typeof parent === "string" && !scenarios.includes(parent)) {
    issues.push(
      locateIssue(
        {
          severity: "error",
          code: "unknown-scenario",
          message: "unknown scenario",
          expected: `a scenario of the pack: ${orList(scenarios)}`,
          received: JSON.stringify(parent),
        },
        { field: "extends" },
        file,
      ),
    );
  }
  const located = sortByPosition(withJsonPositions(text, issues));
  if (located.some((i) => i.severity === "error")) return { ok: false, issues: located };
  return { ok: true, value: input as ScenarioInput, issues: located };
}

/** `a`, `a or b`, `a, b or c`; `none` for an empty list. */
function orList(ids: readonly string[]): string {
  if (ids.length === 0) return "none";
  if (ids.length === 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} or ${ids[ids.length - 1]}`;
}
