// The argument checks of the assessment's entry points (STYLE.md §4): the region pack, the
// scenario (an id of the pack's or a scenario object) and the `data` rows, which go through the
// observation validator the readers use.

import * as z from "zod";
import {
  checkArrayOf,
  checkBoolean,
  checkObject,
  checkOptions,
  memberPath,
} from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import { checkPack } from "../schemas/checkPack.js";
import { formatIssue, type Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import {
  type ObservationField,
  observationFieldOf,
  REQUIRED_OBSERVATION_FIELDS,
} from "../schemas/observationFields.js";
import { observationValidator, type RawField } from "../schemas/observationValidator.js";
import { type RegionPack, RegionPackSchema } from "../schemas/regionPack.js";
import { type ScenarioInput, ScenarioSchema } from "../schemas/scenario.js";
import { type Target, TargetSchema } from "../schemas/target.js";

/** A zod issue as much as is read here (zod's own type differs between its versions). */
interface SchemaProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** zod's issue code (`invalid_type`, `too_big`, `custom`, …), when the problem is zod's. */
  readonly code?: string;
}

/** Codes of problems with an argument's type or shape; anything else is a value out of range. */
const TYPE_CODES: ReadonlySet<string | undefined> = new Set([
  undefined,
  "invalid_type",
  "unrecognized_keys",
  "invalid_union",
]);

/** A zod path under `root`: `pack` + `["targets", 0, "year"]` → `pack.targets[0].year`. */
export function pathOf(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (at, key) => (typeof key === "number" ? `${at}[${key}]` : memberPath(at, String(key))),
    root,
  );
}

/**
 * Throws the error of an argument that fails its schema — an `invalid-type`
 * {@link ArgumentTypeError} for a wrong type or shape, an `out-of-range` {@link ArgumentRangeError}
 * for a value that breaks a bound or a rule —:
 * `fn: <root> must be <expected> (<path>: <message>; N more problems in error.issues)`.
 */
export function schemaError(
  fn: string,
  root: string,
  expected: string,
  problems: readonly SchemaProblem[],
): never {
  const issues = problems.map((p) => ({
    code: "invalid-value",
    message: p.message,
    field: pathOf(root, p.path),
  }));
  const [first] = issues;
  const more = issues.length - 1;
  const rest = more <= 0 ? "" : `; ${more} more problem${more === 1 ? "" : "s"} in error.issues`;
  const shown = first === undefined ? "" : ` (${first.field}: ${first.message}${rest})`;
  const message = `${fn}: ${root} must be ${expected}${shown}`;
  const path = first?.field ?? root;
  // A value of the right type that breaks a bound or a rule (a rate of 5.5, an unknown model
  // kind) is a RangeError, as the argument checks make it; a wrong type or shape a TypeError.
  if (!TYPE_CODES.has(problems[0]?.code))
    throw new ArgumentRangeError(message, { code: "out-of-range", path, issues });
  throw new ArgumentTypeError(message, { code: "invalid-type", path, issues });
}

/**
 * The region pack of an entry point, checked against `RegionPackSchema`: anything else is an
 * {@link ArgumentTypeError} `fn: pack must be a region pack (got null)`, or naming the first
 * problem inside it. Returns the parsed pack (omitted lists such as `breaks` filled with their
 * defaults).
 */
export function checkEntryPack(fn: string, pack: unknown): RegionPack {
  const o = checkObject(fn, "pack", pack, "a region pack");
  const known = parsedPacks.get(o);
  if (known !== undefined) return known;
  const parsed = PackShapeSchema.safeParse(pack);
  const problems: SchemaProblem[] = parsed.success ? [] : [...parsed.error.issues];
  const targets = Array.isArray(o.targets) ? o.targets : [];
  const checkedTargets = targets.map((target: unknown, i) => {
    const t = TargetSchema.safeParse(target);
    if (t.success) return t.data;
    // A target that is well formed but fails a refinement (a year not after its base year) is
    // the assessment's to report on its row, not a broken contract.
    const shape = t.error.issues.filter((issue) => issue.code !== "custom");
    for (const issue of shape) problems.push({ ...issue, path: ["targets", i, ...issue.path] });
    return target as Target;
  });
  if (!parsed.success || problems.length > 0) schemaError(fn, "pack", "a region pack", problems);
  // The ids the pack names (target scopes and indicators, group members, breaks, references,
  // scenario selectors) are checked by the pack validator, once per pack object.
  checkPack(fn, pack, "pack", { allow: ["year-not-after-base"] });
  const checked: RegionPack = { ...parsed.data, targets: checkedTargets };
  parsedPacks.set(o, checked);
  parsedPacks.set(checked, checked);
  markChecked(checked.dataset);
  return checked;
}

/** A pack's schema with its targets left to {@link checkEntryPack}, which checks each in turn. */
const PackShapeSchema = RegionPackSchema.extend({ targets: z.array(z.unknown()) });

/**
 * Each pack object checked, with the pack it checked to (and each checked pack with itself, as
 * the entry points hand them down to one another): a pack is checked once per object, as the
 * pack validator's own check is. The library never changes a pack it is given; a caller who
 * changes one after passing it passes a new object (a copy) to have it checked again.
 */
const parsedPacks = new WeakMap<object, RegionPack>();

/** Datasets built or parsed by the library (see {@link markChecked}). */
const checkedDatasets = new WeakSet<object>();

/** Marks a dataset the library built from checked parts, so that it is not checked again. */
export function markChecked<T extends object>(dataset: T): T {
  checkedDatasets.add(dataset);
  return dataset;
}

/** Whether a dataset was built or parsed by the library. */
export function isChecked(dataset: object): boolean {
  return checkedDatasets.has(dataset);
}

/**
 * The scenario of an entry point: one of the pack's scenario ids (an unknown one is an
 * `unknown-id` {@link ArgumentRangeError} offering the closest), or a scenario object that
 * matches `ScenarioSchema` and `extends` one of the pack's scenarios if any.
 */
export function checkScenario(
  fn: string,
  scenario: unknown,
  pack: RegionPack,
  path = "scenario",
): string | ScenarioInput {
  const ids = pack.scenarios.map((s) => s.id);
  const quoted = ids.map((id) => JSON.stringify(id));
  const idList = quoted.length === 0 ? "none" : quoted.join(", ");
  if (typeof scenario === "string") {
    if (ids.includes(scenario)) return scenario;
    throw unknownScenario(fn, path, scenario, ids, idList);
  }
  if (typeof scenario !== "object" || scenario === null || Array.isArray(scenario)) {
    throw new ArgumentTypeError(
      `${fn}: ${path} must be a scenario id of the pack (${idList}) or a scenario object (got ${describeValue(scenario)})`,
      { code: scenario === undefined ? "missing-argument" : "invalid-type", path },
    );
  }
  const parsed = ScenarioSchema.safeParse(scenario);
  if (!parsed.success) schemaError(fn, path, "a scenario", parsed.error.issues);
  const parent = parsed.data.extends;
  if (parent !== undefined && !ids.includes(parent))
    throw unknownScenario(fn, `${path}.extends`, parent, ids, idList);
  return scenario as ScenarioInput;
}

function unknownScenario(
  fn: string,
  path: string,
  id: string,
  ids: readonly string[],
  idList: string,
): ArgumentRangeError {
  const candidates = ids.map((known) => ({ id: known, keys: [normalizeName(known)] }));
  const [nearest] = nearestIds(normalizeName(id), candidates, 1);
  const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
  return new ArgumentRangeError(
    `${fn}: ${path} must be a scenario id of the pack (${idList})${hint} (got ${describeValue(id)})`,
    { code: "unknown-id", path },
  );
}

/** The `data` rows of an entry point after validation, and the issues found in them. */
export interface CheckedData {
  /** The valid rows, with names resolved to ids. */
  readonly observations: readonly Observation[];
  /** Every problem, each with its row's index in `field` (`data[3].value`). */
  readonly issues: readonly Issue[];
}

/** Whether `value` is an object and not `null` or an array. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What a field of a `data` row must be when its value is of the wrong type, else undefined:
 * `year` and `value` are numbers (not numeric text, which only files may hold), the other fields
 * text (a number, `true` or an object is refused; blanks are left to the validator).
 */
function wrongTypeOf(field: ObservationField, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (field === "year" || field === "value")
    return typeof value === "number" ? undefined : "a number";
  return typeof value === "string" ? undefined : "text";
}

/**
 * Validates `data` rows with the readers' observation validator (names resolved, year, value,
 * unit, source and quality checked, duplicates refused): a bad row is left out and its problems
 * returned as issues whose `field` starts with `data[i]`. With `strict`, any error is thrown
 * instead: an {@link ArgumentTypeError} when a value has the wrong type, else an
 * {@link ArgumentRangeError}, `fn: options.data must be valid observations (data[3].value: …)`,
 * every issue in `error.issues`.
 */
export function checkData(
  fn: string,
  data: unknown,
  pack: RegionPack,
  strict: boolean,
): CheckedData {
  if (data === undefined) return { observations: [], issues: [] };
  const rows = checkArrayOf(fn, "options.data", data, (_, row) => row, "an array of observations");
  const validator = observationValidator(pack.dataset, undefined);
  const unknownKeys = new Set<string>();
  rows.forEach((row, index) => {
    const path = `data[${index}]`;
    const wrongType = (field: string, value: unknown, expected: string): Issue => ({
      severity: "error",
      code: "wrong-type",
      message: "wrong type",
      field,
      expected,
      received: describeValue(value),
    });
    if (!isRecord(row)) {
      validator.report({
        ...wrongType(path, row, "an observation object"),
        message: "not an observation",
      });
      return;
    }
    const raw: { [K in ObservationField | "original"]?: RawField } = {};
    const reported = new Set<ObservationField>();
    for (const [key, value] of Object.entries(row)) {
      const field = memberPath(path, key);
      if (key === "original") {
        raw.original = { value, field };
        continue;
      }
      const f = observationFieldOf(key);
      if (f === undefined) {
        if (unknownKeys.has(key)) continue;
        unknownKeys.add(key);
        validator.report({
          severity: "warning",
          code: "unknown-key",
          message: `unknown key ${JSON.stringify(key)} is ignored (reported once)`,
          field,
          expected: "place, indicator, year, value, unit, source, quality, note",
        });
        continue;
      }
      const expected = wrongTypeOf(f, value);
      if (expected === undefined) raw[f] = { value, field };
      else {
        // Left out of the record, which the validator then refuses without reporting it again.
        validator.report(wrongType(field, value, expected));
        reported.add(f);
      }
    }
    for (const f of REQUIRED_OBSERVATION_FIELDS)
      if (!reported.has(f)) raw[f] ??= { value: undefined, field: `${path}.${f}` };
    validator.add(raw, { label: path, field: path });
  });
  const result = validator.result();
  const issues = result.issues;
  const errors = issues.filter((i) => i.severity === "error");
  if (strict && errors.length > 0) throw dataError(fn, errors, issues);
  return { observations: result.ok ? result.value : (result.partial ?? []), issues };
}

function dataError(fn: string, errors: readonly Issue[], issues: readonly Issue[]): Error {
  const [first] = errors as [Issue, ...Issue[]];
  const more = errors.length - 1;
  const rest = more === 0 ? "" : `; ${more} more problem${more === 1 ? "" : "s"} in error.issues`;
  const path = `options.${first.field ?? "data"}`;
  const shown = formatIssue({ ...first, field: path });
  const message = `${fn}: options.data must be valid observations (${shown}${rest})`;
  const details = { path, issues: [...issues] };
  return errors.some((i) => i.code === "wrong-type")
    ? new ArgumentTypeError(message, { ...details, code: "invalid-type" })
    : new ArgumentRangeError(message, { ...details, code: "out-of-range" });
}

/** The checked arguments of {@link assessPack} and the simulation's entry points. */
export interface CheckedAssessArgs {
  readonly pack: RegionPack;
  readonly scenario: string | ScenarioInput;
  readonly data: CheckedData;
  /** The options object (`{}` when omitted), for the caller's further checks. */
  readonly options: Readonly<Record<string, unknown>>;
}

/**
 * Checks the pack, the scenario and the options (`data`, `strict` and the caller's `known`
 * keys, whose values the caller checks) of an assessment entry point.
 */
export function checkAssessArgs(
  fn: string,
  pack: unknown,
  scenario: unknown,
  options: unknown,
  known: readonly string[] = [],
): CheckedAssessArgs {
  const checkedPack = checkEntryPack(fn, pack);
  const checkedScenario = checkScenario(fn, scenario, checkedPack);
  const o = checkOptions(fn, "options", options, ["data", "strict", ...known]);
  const strict = o.strict === undefined ? false : checkBoolean(fn, "options.strict", o.strict);
  const data = checkData(fn, o.data, checkedPack, strict);
  return { pack: checkedPack, scenario: checkedScenario, data, options: o };
}
