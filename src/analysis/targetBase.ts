// The value of a target's measure in its base year, for reports that set it beside the latest
// value (the quarterly layout's 基期值).

import type { Assessment, AssessmentRow } from "../schemas/assessment.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { Target } from "../schemas/target.js";
import { type SeriesReader, seriesReader } from "./internal/seriesReader.js";

/** A target's measure in its base year. */
export interface TargetBase {
  readonly year: number;
  /** The value; null when the base year is not observed (or the kind has none). */
  readonly value: number | null;
  /** The value's unit: the indicator's for a level or growth target, `%` for a share. */
  readonly unit: string;
  /** Why there is no value, or how it was read (a target at constant prices); else null. */
  readonly note: string | null;
}

type BaseOf = (target: Target, row: AssessmentRow, reader: SeriesReader) => TargetBase;

const unitOf = (reader: SeriesReader, indicator: string, fallback: string) =>
  reader.indicator(indicator)?.unit ?? fallback;

/** A level or growth target: the scope's indicator in the base year. */
const levelBase: BaseOf = (target, row, reader) => {
  const value = reader.observed(target.scope, target.indicator, target.baseYear) ?? null;
  const unit = unitOf(reader, target.indicator, row.unit);
  const real = row.basis === "real";
  return {
    year: target.baseYear,
    value,
    unit,
    note:
      value === null
        ? `no observation of ${target.indicator} (${target.scope}) in ${target.baseYear}`
        : real
          ? `at ${target.baseYear} prices, which are its current prices`
          : null,
  };
};

/** A share target: 100 × the scope's indicator / the whole's, in the base year. */
const shareBase: BaseOf = (target, row, reader) => {
  if (target.kind !== "share") return none(target, row, "not a share target");
  const part = reader.observed(target.scope, target.indicator, target.baseYear);
  const wholeScope = target.denominator.scope ?? target.scope;
  const wholeIndicator = target.denominator.indicator ?? target.indicator;
  const whole = reader.observed(wholeScope, wholeIndicator, target.baseYear);
  const ok = part !== undefined && whole !== undefined && whole !== 0;
  return {
    year: target.baseYear,
    value: ok ? (100 * part) / whole : null,
    unit: "%",
    note: ok
      ? null
      : `no observation of both ${target.indicator} (${target.scope}) and ${wholeIndicator} (${wholeScope}) in ${target.baseYear}`,
  };
};

function none(target: Target, row: AssessmentRow, note: string): TargetBase {
  return { year: target.baseYear, value: null, unit: row.unit, note };
}

/** One entry per target kind: how its base-year value reads. */
const BASE_OF: Readonly<Record<Target["kind"], BaseOf>> = {
  level: levelBase,
  growth: levelBase,
  share: shareBase,
  count: (target, row) => none(target, row, "a count starts from 0 in the base year"),
  rank: (target, row) => none(target, row, "the rank is not read in the base year"),
  class: (target, row) => none(target, row, "places are classed in the target year"),
};

/**
 * The base-year value of every row of an assessment whose target the pack defines, by target id:
 * the scope's observation in the target's base year (a group's own, or its places' aggregated by
 * the indicator's rule), as a share for a share target; for a target at constant prices of its
 * base year, the observation at current prices, which is the same value. Rows whose target the
 * pack does not define are left out.
 */
export function targetBases(pack: RegionPack, assessment: Assessment): Map<string, TargetBase> {
  const reader = seriesReader(pack, assessment);
  const out = new Map<string, TargetBase>();
  for (const row of assessment.rows) {
    const target = pack.targets.find((t) => t.id === row.targetId);
    if (target !== undefined) out.set(row.targetId, BASE_OF[target.kind](target, row, reader));
  }
  return out;
}
