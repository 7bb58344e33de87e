import * as z from "zod";
import { shownValue } from "../internal/shownValue.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { jsonPath } from "../schemas/jsonPath.js";
import { locateIssue } from "../schemas/locateIssue.js";
import { nameIndex } from "../schemas/nameIndex.js";
import { newerSchemaVersionIssue, SchemaVersionSchema } from "../schemas/schemaVersion.js";
import { type Target, TargetSchema } from "../schemas/target.js";
import { targetIssues } from "../schemas/targetIssues.js";
import { zodIssues } from "../schemas/zodIssues.js";
import { checkMeta, checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { type IdReference, idReferenceIssues, objectItems } from "./internal/idReferences.js";
import { MAX_RECORDS, tooManyRecordsIssue } from "./internal/inputLimits.js";
import { parseJsonText, sortByPosition, withJsonPositions } from "./internal/jsonText.js";
import { unknownKeyIssues } from "./internal/unknownKeys.js";
import type { ReadJsonOptions } from "./readScenarioJson.js";

const TargetListSchema = z.array(TargetSchema);

/**
 * Reads plan targets from JSON text and reports every problem in it.
 *
 * The text is an array of targets, or an object `{ "targets": [...] }` with an optional
 * `schemaVersion` (see `SCHEMA_VERSION`: a newer major version is refused, alone). It is parsed (a syntax
 * error is reported with its line and column) and each item checked against `TargetSchema`;
 * each problem becomes an {@link Issue} whose `field` is a JSON path such as `[2].comparator`,
 * with the line and column of that value (or of the enclosing object for a missing key). Keys
 * the schema does not know are warnings (`unknown-key`), keys given twice in one object errors
 * (`duplicate-key`: `JSON.parse` keeps only the last). Every `scope`, `indicator`,
 * `denominator.scope`, `denominator.indicator` and `classes[].scope` must be an id defined in
 * `meta` (unknown ones are errors suggesting the nearest ids), and target ids must be unique.
 *
 * Years run from 1949 to 2100 (`MIN_TARGET_YEAR`, `MAX_TARGET_YEAR`) and a target's `year`
 * comes after its `baseYear` (`year-not-after-base`). Against `meta`'s indicators, each target
 * that the schema accepts is checked for plausibility (see the units table, `unitsCompatible`):
 * a `level` or `count` target is in its indicator's unit, however written (`亿元` for
 * `"100M yuan"`; `unit-mismatch`, or `unit-scale` for `万元`, since values are compared
 * unconverted), a `growth` target in % a year (`"%/yr"`) and above −100, a `share` target in %
 * with its two indicators in one unit; a level lies within its indicator's bounds, a count,
 * share or class count is at least 0 (`negative-value`) and a rank at least 1.
 *
 * The value is the list of targets as the schema outputs them. Never throws for bad data and
 * never changes its inputs.
 *
 * @param text - the file's content (UTF-8, a byte-order mark is allowed).
 * @param meta - the places, groups and indicators targets are checked against.
 * @param options - `file`: the name to put on issues.
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readTargetsJson: text must be a
 *   string (got 42)`; `readTargetsJson: meta must be a dataset's metadata with places, groups and
 *   indicators (got the string "qujing")` (or naming its first bad entry, every problem in
 *   `error.issues`); `readTargetsJson: options.file must be a string (got 3)`; `readTargetsJson:
 *   options.fiel is not an option; did you mean file? (the options are file)`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const text = '[{"id": "gdp-2025", "nameZh": "地区生产总值", "nameEn": "GDP", "scope": "city",\n' +
 *   ' "indicator": "gdp", "kind": "level", "comparator": "≥", "value": 4500, "unit": "100M yuan",\n' +
 *   ' "year": 2025, "baseYear": 2020, "provenance": {"kind": "plan", "quote": "…"}}]';
 * readTargetsJson(text, meta, { file: "targets.json" }).issues.map(formatIssue); // ['targets.json:2:53: [0].comparator: not an allowed value (expected ">=", "<=" or "about", got "≥")']
 */
export function readTargetsJson(
  text: string,
  meta: DatasetMeta,
  options: ReadJsonOptions = {},
): Result<Target[]> {
  checkText("readTargetsJson", text);
  checkMeta("readTargetsJson", meta);
  checkReaderOptions("readTargetsJson", options);
  const file = options.file;
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const root = parsed.value;
  let list: unknown;
  let prefix: readonly PropertyKey[];
  if (Array.isArray(root)) {
    list = root;
    prefix = [];
  } else if (
    typeof root === "object" &&
    root !== null &&
    Array.isArray((root as { targets?: unknown }).targets)
  ) {
    list = (root as { targets: unknown[] }).targets;
    prefix = ["targets"];
    const newer = newerSchemaVersionIssue(root);
    if (newer !== undefined) {
      const located = withJsonPositions(text, [locateIssue(newer, {}, file)]);
      return { ok: false, issues: [...located, ...parsed.issues] };
    }
    const given = (root as { schemaVersion?: unknown }).schemaVersion;
    const version = SchemaVersionSchema.optional().safeParse(given);
    if (!version.success)
      parsed.issues.push(...zodIssues(version.error.issues, given, file, ["schemaVersion"]));
  } else {
    const issue: Issue = {
      severity: "error",
      code: "wrong-shape",
      message: "not a list of targets",
      expected: 'an array of targets, or an object { "targets": [...] }',
      received: typeof root === "object" && root !== null ? "an object" : shownValue(root),
    };
    return { ok: false, issues: [locateIssue(issue, {}, file), ...parsed.issues] };
  }
  const items = list as readonly unknown[];
  if (items.length > MAX_RECORDS) return { ok: false, issues: [tooManyRecordsIssue(file)] };

  const checked = TargetListSchema.safeParse(items);
  const issues: Issue[] = [
    ...parsed.issues,
    ...(checked.success ? [] : zodIssues(checked.error.issues, items, file, prefix)),
    ...unknownKeyIssues(TargetListSchema, items, file, prefix),
  ];
  const wrapped = { items };
  const references: IdReference[] = objectItems(wrapped, "items").flatMap(({ index, item }) => {
    const at = (...rest: PropertyKey[]) => [...prefix, index, ...rest];
    const denominator = item.denominator;
    const refs: IdReference[] = [
      { kind: "place", path: at("scope"), value: item.scope },
      { kind: "indicator", path: at("indicator"), value: item.indicator },
    ];
    if (typeof denominator === "object" && denominator !== null) {
      const d = denominator as Record<string, unknown>;
      refs.push({ kind: "place", path: at("denominator", "scope"), value: d.scope });
      refs.push({ kind: "indicator", path: at("denominator", "indicator"), value: d.indicator });
    }
    for (const c of objectItems(item, "classes")) {
      refs.push({ kind: "place", path: at("classes", c.index, "scope"), value: c.item.scope });
    }
    return refs;
  });
  const index = nameIndex(meta);
  issues.push(...idReferenceIssues(index, references, file));

  // Targets the schema accepts, checked against the indicators they name.
  const indicatorOf = (id: string) => {
    const hit = index.indicatorId(id);
    return hit.found ? hit.entry : undefined;
  };
  const valid: (readonly [number, Target])[] = checked.success
    ? checked.data.map((t, i) => [i, t] as const)
    : items.flatMap((item, i) => {
        const one = TargetSchema.safeParse(item);
        return one.success ? [[i, one.data] as const] : [];
      });
  for (const [i, target] of valid) {
    for (const { path, issue } of targetIssues(target, indicatorOf)) {
      issues.push(locateIssue(issue, { field: jsonPath([...prefix, i, ...path]) }, file));
    }
  }

  const firstWithId = new Map<string, number>();
  for (const { index, item } of objectItems(wrapped, "items")) {
    if (typeof item.id !== "string") continue;
    const first = firstWithId.get(item.id);
    if (first === undefined) {
      firstWithId.set(item.id, index);
      continue;
    }
    issues.push(
      locateIssue(
        {
          severity: "error",
          code: "duplicate-id",
          message: `duplicate target id, first used at ${jsonPath([...prefix, first])}`,
          received: JSON.stringify(item.id),
        },
        { field: jsonPath([...prefix, index, "id"]) },
        file,
      ),
    );
  }

  const located = sortByPosition(withJsonPositions(text, issues));
  if (!checked.success || located.some((i) => i.severity === "error")) {
    return { ok: false, issues: located };
  }
  return { ok: true, value: checked.data, issues: located };
}
