import { shownValue } from "../internal/shownValue.js";
import type { DatasetMeta } from "./dataset.js";
import { type Indicator, indicatorBounds } from "./indicator.js";
import type { Issue, Result } from "./issue.js";
import { type Location, locateIssue } from "./locateIssue.js";
import { nameIndex } from "./nameIndex.js";
import type { Observation, OriginalValue, Quality } from "./observation.js";
import type { ObservationField } from "./observationFields.js";
import { scaleByFactor, unconvertibleUnit, unitFactor } from "./units.js";

/** One field of a record as read from a file, before validation, with its location. */
export interface RawField extends Location {
  /** A string from CSV; any JSON value from JSON; `undefined` when the key is absent. */
  readonly value: unknown;
}

/**
 * A record as read from a file. A field left out entirely (not even `{ value: undefined }`) is
 * one the reader has already reported once for the whole file (a missing CSV column): it is not
 * reported again for every row, but the record cannot be accepted.
 */
export type RawObservation = { readonly [K in ObservationField]?: RawField } & {
  /** The value as first written (`{ value, unit }`), kept on the observation; optional. */
  readonly original?: RawField;
};

/** Options of {@link observationValidator}. */
export interface ObservationValidatorOptions {
  /**
   * Convert a value in another unit of the indicator's quantity (万元 for an indicator in
   * `100M yuan`) to the indicator's unit, keeping what was written in `original`; a unit of
   * another quantity, or one the unit table does not know, stays an error. Without it, any unit
   * but the indicator's own is an error.
   */
  readonly convertUnits?: boolean;
}

/** A record's own location, and how a later record refers to it ("line 3", "observations[2]"). */
export interface RecordLocation extends Location {
  readonly label: string;
}

/** Accumulates validated observations and every issue found, one record at a time. */
export interface ObservationValidator {
  /**
   * Validates one record and keeps it if it has no error. `known` are issues the reader already
   * found in this record (e.g. a wrong number of CSV fields); an error among them drops it too.
   */
  add(raw: RawObservation, where: RecordLocation, known?: readonly Issue[]): void;
  /** Reports an issue that belongs to no single record (e.g. an unknown CSV column). */
  report(issue: Issue): void;
  /** The observations accepted so far and every issue; `ok` is false if any issue is an error. */
  result(): Result<Observation[]>;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;
const YEAR_EXPECTED = `an integer year from ${YEAR_MIN} to ${YEAR_MAX}`;
const QUALITIES: readonly string[] = ["A", "B", "C"];
/** A plain decimal number as written in data files: no thousands separators, no hex. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
/** A number with commas between groups of three digits (`1,234.5`, `12,345,678`). */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$/;
/** A number with a decimal comma (`801,2`), as Excel writes it where that is the decimal mark. */
const DECIMAL_COMMA = /^[+-]?\d*,\d+([eE][+-]?\d+)?$/;
/**
 * Full-width forms (U+FF01–U+FF5E: digits, signs, point, comma, letters) and the ideographic
 * space, which a Chinese input method or a Chinese Excel may type in a number.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

const EXPECTED: Readonly<Record<ObservationField, string>> = {
  place: "a place or group id, name or alias",
  indicator: "an indicator id, name or alias",
  year: YEAR_EXPECTED,
  value: "a finite number",
  unit: "the indicator's unit",
  source: "a source key",
  quality: "A, B or C",
  note: "text",
};

/**
 * Numeric text with its full-width characters replaced by their ASCII forms, as Unicode NFKC
 * normalisation maps them (`２０２２` → `2022`, `－１．５` → `-1.5`). Only the full-width
 * forms: NFKC would also turn a superscript or circled digit into a digit (`10²` into `102`),
 * which is no way to write a number in a data file.
 */
function asciiNumber(text: string): string {
  return text.replace(FULL_WIDTH, (c) => c.normalize("NFKC"));
}

/** What a number was expected to look like, given text that is not one. */
function expectedNumber(text: string): string {
  if (THOUSANDS.test(text)) return "a number without thousands separators";
  if (DECIMAL_COMMA.test(text)) return "a number with a decimal point, not a decimal comma";
  return EXPECTED.value;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === "string" && value.trim() === "")
  );
}

function describeBounds(lo: number, hi: number): string {
  if (hi === Number.POSITIVE_INFINITY) return `at least ${lo}`;
  if (lo === Number.NEGATIVE_INFINITY) return `at most ${hi}`;
  return `from ${lo} to ${hi}`;
}

/** Where a record's issues are collected while it is checked. */
interface Check {
  readonly found: Issue[];
  readonly file: string | undefined;
}

function fail(
  check: Check,
  f: RawField,
  code: string,
  message: string,
  expected: string,
  got = true,
): void {
  const issue: Issue = { severity: "error", code, message, expected };
  if (got) issue.received = shownValue(f.value);
  check.found.push(locateIssue(issue, f, check.file));
}

function missing(check: Check, f: RawField, expected: string): void {
  fail(check, f, "missing-value", "missing", expected, false);
}

/** A text field: the trimmed string, or undefined after reporting why not (or if absent). */
function textField(check: Check, f: RawField | undefined, expected: string): string | undefined {
  if (f === undefined) return undefined;
  if (isBlank(f.value)) {
    missing(check, f, expected);
    return undefined;
  }
  if (typeof f.value !== "string") {
    fail(check, f, "wrong-type", "wrong type", "text");
    return undefined;
  }
  return f.value.trim();
}

/**
 * A number field, from a JSON number or a decimal string (full-width characters read as ASCII);
 * undefined after reporting why not.
 */
function numberField(
  check: Check,
  f: RawField | undefined,
  key: "year" | "value",
): number | undefined {
  if (f === undefined) return undefined;
  if (isBlank(f.value)) {
    missing(check, f, EXPECTED[key]);
    return undefined;
  }
  let n: number;
  if (typeof f.value === "number") n = f.value;
  else if (typeof f.value === "string") {
    const s = asciiNumber(f.value).trim();
    if (NON_FINITE.test(s)) n = Number.NaN;
    else if (!DECIMAL.test(s)) {
      if (key === "year") fail(check, f, "invalid-year", "not an integer", EXPECTED.year);
      else fail(check, f, "invalid-number", "not a number", expectedNumber(s));
      return undefined;
    } else n = Number(s);
  } else {
    fail(check, f, "wrong-type", "wrong type", "a number");
    return undefined;
  }
  if (!Number.isFinite(n)) {
    if (key === "year") fail(check, f, "invalid-year", "not an integer", EXPECTED.year);
    else fail(check, f, "non-finite-number", "not a finite number", EXPECTED.value);
    return undefined;
  }
  return n;
}

/** A unit field's trimmed text when it is a non-blank string (checked and reported later). */
function unitText(f: RawField | undefined): string | undefined {
  if (f === undefined || typeof f.value !== "string" || f.value.trim() === "") return undefined;
  return f.value.trim();
}

const ORIGINAL_EXPECTED = "an object { value, unit } with a finite number and a unit";

/** The `original` of a record (`{ value, unit }` as first written), or undefined (absent or reported). */
function originalField(check: Check, f: RawField | undefined): OriginalValue | undefined {
  if (f === undefined || f.value === undefined || f.value === null) return undefined;
  const o = f.value as { value?: unknown; unit?: unknown };
  if (
    typeof f.value !== "object" ||
    Array.isArray(f.value) ||
    typeof o.value !== "number" ||
    !Number.isFinite(o.value) ||
    typeof o.unit !== "string" ||
    o.unit.trim() === "" ||
    Object.keys(f.value).some((k) => k !== "value" && k !== "unit")
  ) {
    fail(check, f, "wrong-type", "wrong type", ORIGINAL_EXPECTED);
    return undefined;
  }
  return { value: o.value, unit: o.unit };
}

/** The first accepted record of a (place, indicator, year), and of each other value it took. */
interface Seen {
  readonly obs: Observation;
  readonly label: string;
  others?: { readonly obs: Observation; readonly label: string }[];
}

/**
 * The one validation of observation records that every reader (CSV, JSON, workbooks) shares:
 * names resolved to canonical ids, year, value, unit, source and quality checked (with
 * `convertUnits`, a value in another unit of the indicator's quantity converted, see
 * {@link ObservationValidatorOptions}), exact duplicates (same place, indicator, year and source)
 * rejected and conflicting sources flagged. Costs
 * O(1) per record apart from the number of distinct values one (place, indicator, year) takes.
 */
export function observationValidator(
  meta: DatasetMeta,
  file: string | undefined,
  options: ObservationValidatorOptions = {},
): ObservationValidator {
  const convertUnits = options.convertUnits === true;
  const names = nameIndex(meta);
  const issues: Issue[] = [];
  const accepted: Observation[] = [];
  const bounds = new Map(meta.indicators.map((i) => [i.id, indicatorBounds(i)]));
  /** Label of the accepted record by place, indicator, year and source (for duplicates). */
  const bySource = new Map<string, string>();
  /** Accepted records by place, indicator and year, one per distinct value (for conflicts). */
  const byKey = new Map<string, Seen>();
  /** Conversion factors by unit written and indicator unit (files repeat their units). */
  const factors = new Map<string, number | undefined>();
  const factorOf = (from: string, to: string): number | undefined => {
    const key = `${from}\u0000${to}`;
    if (!factors.has(key)) factors.set(key, unitFactor(from, to));
    return factors.get(key);
  };

  const add = (raw: RawObservation, where: RecordLocation, known: readonly Issue[] = []): void => {
    const check: Check = { found: [...known], file };

    const placeText = textField(check, raw.place, EXPECTED.place);
    const place = placeText === undefined ? undefined : names.place(placeText);
    if (place !== undefined && !place.found && raw.place !== undefined) {
      check.found.push(locateIssue(place.issue, raw.place, file));
    }
    const indicatorText = textField(check, raw.indicator, EXPECTED.indicator);
    const indicatorHit = indicatorText === undefined ? undefined : names.indicator(indicatorText);
    if (indicatorHit !== undefined && !indicatorHit.found && raw.indicator !== undefined) {
      check.found.push(locateIssue(indicatorHit.issue, raw.indicator, file));
    }
    const indicator: Indicator | undefined = indicatorHit?.found ? indicatorHit.entry : undefined;

    let year = numberField(check, raw.year, "year");
    if (year !== undefined && raw.year !== undefined) {
      if (!Number.isInteger(year)) {
        fail(check, raw.year, "invalid-year", "not an integer", YEAR_EXPECTED);
        year = undefined;
      } else if (year < YEAR_MIN || year > YEAR_MAX) {
        fail(check, raw.year, "year-out-of-range", "out of range", YEAR_EXPECTED);
        year = undefined;
      }
    }

    // The unit is looked at before the value, so that bounds apply to the converted value.
    const written = unitText(raw.unit);
    const factor =
      indicator === undefined || written === undefined
        ? 1
        : written === indicator.unit
          ? 1
          : convertUnits
            ? factorOf(written, indicator.unit)
            : undefined;
    const read = numberField(check, raw.value, "value");
    let value = read;
    let original: OriginalValue | undefined;
    if (read !== undefined && factor !== undefined && factor !== 1 && written !== undefined) {
      value = scaleByFactor(read, factor);
      original = { value: read, unit: written };
    }
    if (value !== undefined && indicator !== undefined && raw.value !== undefined) {
      const [lo, hi] = bounds.get(indicator.id) ?? indicatorBounds(indicator);
      if (value < lo || value > hi) {
        const negative = lo === 0 && value < 0 && indicator.kind !== "rate";
        fail(
          check,
          raw.value,
          negative ? "negative-value" : "out-of-bounds",
          negative
            ? `negative value for the ${indicator.kind} indicator ${indicator.id}`
            : `outside the bounds of the ${indicator.kind} indicator ${indicator.id}`,
          describeBounds(lo, hi),
        );
        value = undefined;
      }
    }

    const unitExpected = indicator === undefined ? EXPECTED.unit : JSON.stringify(indicator.unit);
    let unit = textField(check, raw.unit, unitExpected);
    if (unit !== undefined && indicator !== undefined && unit !== indicator.unit) {
      if (factor !== undefined) unit = indicator.unit;
      else {
        const { message, expected } = convertUnits
          ? unconvertibleUnit(unit, indicator.id, indicator.unit)
          : { message: `differs from the unit of ${indicator.id}`, expected: unitExpected };
        fail(check, raw.unit as RawField, "unit-mismatch", message, expected);
        unit = undefined;
      }
    }

    const source = textField(check, raw.source, EXPECTED.source);
    let quality: Quality | undefined;
    const qualityText = textField(check, raw.quality, EXPECTED.quality);
    if (qualityText !== undefined && raw.quality !== undefined) {
      if (QUALITIES.includes(qualityText)) quality = qualityText as Quality;
      else fail(check, raw.quality, "invalid-quality", "not a quality grade", EXPECTED.quality);
    }
    const note =
      raw.note === undefined || isBlank(raw.note.value)
        ? undefined
        : textField(check, raw.note, EXPECTED.note);
    const given = originalField(check, raw.original);

    const { found } = check;
    for (const issue of found) issues.push(issue);
    if (found.some((i) => i.severity === "error")) return;
    if (
      !place?.found ||
      indicator === undefined ||
      year === undefined ||
      value === undefined ||
      unit === undefined ||
      source === undefined ||
      quality === undefined
    ) {
      return; // a field whose column is missing, already reported once for the file
    }
    const obs: Observation = {
      place: place.id,
      indicator: indicator.id,
      year,
      value,
      unit,
      source,
      quality,
    };
    if (note !== undefined) obs.note = note;
    // What was first written wins over this reader's conversion of it.
    const kept = given ?? original;
    if (kept !== undefined) obs.original = kept;

    const key = `${obs.place}\u0000${obs.indicator}\u0000${obs.year}`;
    const sourceKey = `${key}\u0000${obs.source}`;
    const sameSource = bySource.get(sourceKey);
    if (sameSource !== undefined) {
      issues.push(
        locateIssue(
          {
            severity: "error",
            code: "duplicate-observation",
            message: `duplicate observation: same place, indicator, year and source as ${sameSource}`,
          },
          where,
          file,
        ),
      );
      return;
    }
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, { obs, label: where.label });
    else {
      const values = [first, ...(first.others ?? [])];
      const conflict = values.find((e) => e.obs.value !== obs.value);
      if (conflict !== undefined) {
        const c = conflict.obs;
        issues.push(
          locateIssue(
            {
              severity: "warning",
              code: "conflicting-sources",
              message:
                `conflicting sources: ${obs.place} ${obs.indicator} ${obs.year} is ${c.value} ` +
                `from ${JSON.stringify(c.source)} at ${conflict.label} and ${obs.value} from ` +
                `${JSON.stringify(obs.source)} here`,
            },
            where,
            file,
          ),
        );
      }
      if (!values.some((e) => e.obs.value === obs.value)) {
        first.others = [...(first.others ?? []), { obs, label: where.label }];
      }
    }
    bySource.set(sourceKey, where.label);
    accepted.push(obs);
  };

  return {
    add,
    report: (issue) => {
      issues.push(issue);
    },
    result: () =>
      issues.some((i) => i.severity === "error")
        ? { ok: false, issues, partial: accepted }
        : { ok: true, value: accepted, issues },
  };
}
