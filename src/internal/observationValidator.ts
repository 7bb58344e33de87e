import type { DatasetMeta } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue, Result } from "../schemas/issue.js";
import type { Observation, Quality } from "../schemas/observation.js";
import { type Location, locateIssue } from "./locateIssue.js";
import { nameIndex } from "./nameIndex.js";
import type { ObservationField } from "./observationFields.js";
import { shownValue } from "./shownValue.js";

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
export type RawObservation = { readonly [K in ObservationField]?: RawField };

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

/**
 * The one validation of observation records that every reader (CSV, JSON) shares: names
 * resolved to canonical ids, year, value, unit, source and quality checked, exact duplicates
 * (same place, indicator, year and source) rejected and conflicting sources flagged.
 */
export function observationValidator(
  meta: DatasetMeta,
  file: string | undefined,
): ObservationValidator {
  const names = nameIndex(meta);
  const issues: Issue[] = [];
  const accepted: Observation[] = [];
  /**
   * Accepted records by place, indicator and year: the label of each source's record (for
   * duplicates) and the first record of each distinct value (for conflicts), so each check
   * costs the number of distinct values, not of records.
   */
  const seen = new Map<
    string,
    { bySource: Map<string, string>; byValue: { obs: Observation; label: string }[] }
  >();

  const add = (raw: RawObservation, where: RecordLocation, known: readonly Issue[] = []): void => {
    const found: Issue[] = [...known];
    const fail = (f: RawField, code: string, message: string, expected: string, got = true) => {
      const issue: Issue = { severity: "error", code, message, expected };
      if (got) issue.received = shownValue(f.value);
      found.push(locateIssue(issue, f, file));
    };
    const missing = (f: RawField, key: ObservationField, expected = EXPECTED[key]) =>
      fail(f, "missing-value", "missing", expected, false);

    /** A text field: trimmed string, or undefined after reporting why not. */
    const text = (key: ObservationField): string | undefined => {
      const f = raw[key];
      if (f === undefined) return undefined;
      if (isBlank(f.value)) {
        missing(f, key);
        return undefined;
      }
      if (typeof f.value !== "string") {
        fail(f, "wrong-type", "wrong type", "text");
        return undefined;
      }
      return f.value.trim();
    };
    /** A number field: from a JSON number or a decimal string. */
    const number = (key: "year" | "value"): number | undefined => {
      const f = raw[key];
      if (f === undefined) return undefined;
      if (isBlank(f.value)) {
        missing(f, key);
        return undefined;
      }
      let n: number;
      if (typeof f.value === "number") n = f.value;
      else if (typeof f.value === "string") {
        const s = f.value.trim();
        if (NON_FINITE.test(s)) n = Number.NaN;
        else if (!DECIMAL.test(s)) {
          const what = key === "year" ? "not an integer" : "not a number";
          fail(f, key === "year" ? "invalid-year" : "invalid-number", what, EXPECTED[key]);
          return undefined;
        } else n = Number(s);
      } else {
        fail(f, "wrong-type", "wrong type", "a number");
        return undefined;
      }
      if (!Number.isFinite(n)) {
        const code = key === "year" ? "invalid-year" : "non-finite-number";
        fail(f, code, key === "year" ? "not an integer" : "not a finite number", EXPECTED[key]);
        return undefined;
      }
      return n;
    };

    const placeText = text("place");
    const place = placeText === undefined ? undefined : names.place(placeText);
    if (place !== undefined && !place.found && raw.place !== undefined) {
      found.push(locateIssue(place.issue, raw.place, file));
    }
    const indicatorText = text("indicator");
    const indicatorHit = indicatorText === undefined ? undefined : names.indicator(indicatorText);
    if (indicatorHit !== undefined && !indicatorHit.found && raw.indicator !== undefined) {
      found.push(locateIssue(indicatorHit.issue, raw.indicator, file));
    }
    const indicator: Indicator | undefined = indicatorHit?.found ? indicatorHit.entry : undefined;

    let year = number("year");
    if (year !== undefined && raw.year !== undefined) {
      if (!Number.isInteger(year)) {
        fail(raw.year, "invalid-year", "not an integer", YEAR_EXPECTED);
        year = undefined;
      } else if (year < YEAR_MIN || year > YEAR_MAX) {
        fail(raw.year, "year-out-of-range", "out of range", YEAR_EXPECTED);
        year = undefined;
      }
    }

    let value = number("value");
    if (value !== undefined && indicator !== undefined && raw.value !== undefined) {
      const [lo, hi] = indicatorBounds(indicator);
      if (value < lo || value > hi) {
        if (lo === 0 && value < 0 && indicator.kind !== "rate") {
          fail(
            raw.value,
            "negative-value",
            `negative value for the ${indicator.kind} indicator ${indicator.id}`,
            describeBounds(lo, hi),
          );
        } else {
          fail(
            raw.value,
            "out-of-bounds",
            `outside the bounds of the ${indicator.kind} indicator ${indicator.id}`,
            describeBounds(lo, hi),
          );
        }
        value = undefined;
      }
    }

    let unit: string | undefined;
    if (raw.unit !== undefined) {
      const u = raw.unit;
      if (isBlank(u.value)) {
        missing(
          u,
          "unit",
          indicator === undefined ? EXPECTED.unit : JSON.stringify(indicator.unit),
        );
      } else {
        unit = text("unit");
        if (unit !== undefined && indicator !== undefined && unit !== indicator.unit) {
          fail(
            u,
            "unit-mismatch",
            `differs from the unit of ${indicator.id}`,
            JSON.stringify(indicator.unit),
          );
          unit = undefined;
        }
      }
    }

    const source = text("source");
    let quality: Quality | undefined;
    const qualityText = text("quality");
    if (qualityText !== undefined && raw.quality !== undefined) {
      if (QUALITIES.includes(qualityText)) quality = qualityText as Quality;
      else fail(raw.quality, "invalid-quality", "not a quality grade", EXPECTED.quality);
    }
    let note: string | undefined;
    if (raw.note !== undefined && !isBlank(raw.note.value)) note = text("note");

    issues.push(...found);
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

    const key = `${obs.place}\u0000${obs.indicator}\u0000${obs.year}`;
    const earlier = seen.get(key) ?? { bySource: new Map<string, string>(), byValue: [] };
    const sameSource = earlier.bySource.get(obs.source);
    const recordIssue = (issue: Issue) => {
      issues.push(locateIssue(issue, where, file));
    };
    if (sameSource !== undefined) {
      recordIssue({
        severity: "error",
        code: "duplicate-observation",
        message: `duplicate observation: same place, indicator, year and source as ${sameSource}`,
      });
      return;
    }
    const conflict = earlier.byValue.find((e) => e.obs.value !== obs.value);
    if (conflict !== undefined) {
      const c = conflict.obs;
      recordIssue({
        severity: "warning",
        code: "conflicting-sources",
        message:
          `conflicting sources: ${obs.place} ${obs.indicator} ${obs.year} is ${c.value} from ` +
          `${JSON.stringify(c.source)} at ${conflict.label} and ${obs.value} from ` +
          `${JSON.stringify(obs.source)} here`,
      });
    }
    earlier.bySource.set(obs.source, where.label);
    if (!earlier.byValue.some((e) => e.obs.value === obs.value)) {
      earlier.byValue.push({ obs, label: where.label });
    }
    seen.set(key, earlier);
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
