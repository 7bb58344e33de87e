import { checkBoolean } from "../internal/checkArgs.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { appendJsonPath, jsonPathAncestors } from "../schemas/jsonPath.js";
import { locateIssue } from "../schemas/locateIssue.js";
import type { Observation } from "../schemas/observation.js";
import {
  isOriginalKey,
  type ObservationField,
  observationFieldOf,
  REQUIRED_OBSERVATION_FIELDS,
} from "../schemas/observationFields.js";
import { observationValidator, type RawField } from "../schemas/observationValidator.js";
import { checkMeta, checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { MAX_RECORDS, tooManyRecordsIssue } from "./internal/inputLimits.js";
import { parseJsonText, sortByPosition, withJsonPositions } from "./internal/jsonText.js";
import type { ReadObservationsOptions } from "./readObservationsCsv.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads observations from JSON text and reports every problem in it, with the same checks as
 * {@link readObservationsCsv} (one validation serves both formats).
 *
 * The text is an array of observation objects, or an object `{ "observations": [...] }`. Keys
 * are English (`place, indicator, year, value, unit, source, quality, note`) or Chinese
 * (`地区, 指标, 年份, 数值, 单位, 来源, 质量, 备注`); `year` and `value` may be JSON numbers
 * or numeric strings (full-width digits and signs, `２０２２`, are read as ASCII). A JSON syntax error is reported with its line and column; every other
 * issue has `field` set to a JSON path such as `observations[3].value` and the line and column
 * (in characters) of that value, or of the enclosing object for a missing key. An unknown key is
 * a warning, reported once per key name; a key given twice in one object (which `JSON.parse`
 * would resolve silently by keeping the last) is a `duplicate-key` error.
 *
 * With no error the result is `{ ok: true, value, issues }`; with any error it is
 * `{ ok: false, issues, partial }` where `partial` holds the valid observations (records with
 * errors are dropped). Never throws for bad data and never changes its inputs.
 *
 * @param text - the file's content (UTF-8, a byte-order mark is allowed).
 * @param meta - the places, groups and indicators names are resolved against.
 * @param options - `file`: the name to put on issues; `convertUnits`: convert a value in another
 *   unit of the indicator's quantity (`万元`, `亿元` for an indicator in `100M yuan`) to the
 *   indicator's unit, keeping the value as written in `original` (default false: any other unit
 *   is a `unit-mismatch` error).
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readObservationsJson: text must
 *   be a string (got 42)`; `readObservationsJson: meta must be a dataset's metadata with places,
 *   groups and indicators (got the string "qujing")` (or naming its first bad entry, every problem
 *   in `error.issues`); `readObservationsJson: options.file must be a string (got 3)`;
 *   `readObservationsJson: options.fiel is not an option; did you mean file? (the options are
 *   file and convertUnits)`; `readObservationsJson: options.convertUnits must be true or false (got the string
 *   "yes")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const json = '{"observations": [\n {"地区": "曲靖市", "指标": "gdp", "年份": 2020, "数值": 2959.4,' +
 *   ' "单位": "100M yuan", "来源": "NBS", "质量": "A"}]}';
 * readObservationsJson(json, meta).value; // [{ place: "city", indicator: "gdp", year: 2020, value: 2959.4, unit: "100M yuan", source: "NBS", quality: "A" }]
 * const bad = '[{"place": "qilin", "indicator": "gdp", "year": 2020,\n "value": -1, "unit": "100M yuan", "source": "NBS", "quality": "A"}]';
 * readObservationsJson(bad, meta, { file: "gdp.json" }).issues.map(formatIssue); // ["gdp.json:2:11: [0].value: negative value for the level indicator gdp (expected at least 0, got -1)"]
 * readObservationsJson('[{"place": "qilin",}]', meta).issues.map(formatIssue); // ["1:20: trailing comma before '}'"]
 */
export function readObservationsJson(
  text: string,
  meta: DatasetMeta,
  options: ReadObservationsOptions = {},
): Result<Observation[]> {
  checkText("readObservationsJson", text);
  checkMeta("readObservationsJson", meta);
  const o = checkReaderOptions("readObservationsJson", options, ["file", "convertUnits"]);
  if (o.convertUnits !== undefined)
    checkBoolean("readObservationsJson", "options.convertUnits", o.convertUnits);
  const file = options.file;
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };

  let items: readonly unknown[];
  let base: string;
  if (Array.isArray(parsed.value)) {
    items = parsed.value;
    base = "";
  } else if (isRecord(parsed.value) && Array.isArray(parsed.value.observations)) {
    items = parsed.value.observations;
    base = "observations";
  } else {
    const issue: Issue = {
      severity: "error",
      code: "wrong-shape",
      message: "not a list of observations",
      expected: 'an array of observations, or an object { "observations": [...] }',
      received: describeType(parsed.value),
    };
    const issues = [locateIssue(issue, {}, file), ...parsed.issues];
    return { ok: false, issues: withJsonPositions(text, issues) };
  }
  if (items.length > MAX_RECORDS) return { ok: false, issues: [tooManyRecordsIssue(file)] };

  const validator = observationValidator(meta, file, {
    convertUnits: options.convertUnits === true,
  });
  // A key given twice inside a record drops that record; elsewhere it is the file's problem.
  const duplicatesByItem = new Map<string, Issue[]>();
  for (const issue of parsed.issues) {
    const ancestors = jsonPathAncestors(issue.field ?? "");
    const at = ancestors.indexOf(base);
    const item = at >= 1 ? (ancestors[at - 1] as string) : undefined;
    if (item === undefined) validator.report(issue);
    else duplicatesByItem.set(item, [...(duplicatesByItem.get(item) ?? []), issue]);
  }
  const unknownKeys = new Set<string>();
  items.forEach((item, index) => {
    const path = appendJsonPath(base, index);
    if (!isRecord(item)) {
      validator.report(
        locateIssue(
          {
            severity: "error",
            code: "wrong-type",
            message: "not an observation",
            expected: "an object",
            received: describeType(item),
          },
          { field: path },
          file,
        ),
      );
      return;
    }
    const raw: { [K in ObservationField | "original"]?: RawField } = {};
    const known: Issue[] = [...(duplicatesByItem.get(path) ?? [])];
    duplicatesByItem.delete(path);
    for (const [key, value] of Object.entries(item)) {
      const f = isOriginalKey(key) ? "original" : observationFieldOf(key);
      const field = appendJsonPath(path, key);
      if (f === undefined) {
        if (!unknownKeys.has(key)) {
          unknownKeys.add(key);
          known.push(
            locateIssue(
              {
                severity: "warning",
                code: "unknown-key",
                message: `unknown key ${JSON.stringify(key)} is ignored (reported once)`,
                expected:
                  "place, indicator, year, value, unit, source, quality, note or 地区, 指标, …",
              },
              { field },
              file,
            ),
          );
        }
        continue;
      }
      const first = raw[f];
      if (first !== undefined) {
        known.push(
          locateIssue(
            {
              severity: "error",
              code: "duplicate-key",
              message: `${f} is given twice (also as ${JSON.stringify(first.field)})`,
            },
            { field },
            file,
          ),
        );
        continue;
      }
      raw[f] = { value, field };
    }
    for (const f of REQUIRED_OBSERVATION_FIELDS) {
      raw[f] ??= { value: undefined, field: appendJsonPath(path, f) };
    }
    validator.add(raw, { label: path, field: path }, known);
  });
  // Keys given twice in records that are not read (e.g. in a list a later key replaced).
  for (const issues of duplicatesByItem.values())
    for (const issue of issues) validator.report(issue);
  const result = validator.result();
  return { ...result, issues: sortByPosition(withJsonPositions(text, result.issues)) };
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}
