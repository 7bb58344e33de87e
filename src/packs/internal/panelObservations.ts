// Panel rows → observations of a pack: each row's indicator mapped to a standard indicator, its
// value converted to the indicator's unit, its source graded, duplicates resolved, and every row
// left out reported.

import type { CityPanelRow } from "../../io/readCityPanel.js";
import type { CountyPanelRow } from "../../io/readCountyPanel.js";
import { type Indicator, indicatorBounds } from "../../schemas/indicator.js";
import type { Issue } from "../../schemas/issue.js";
import type { Observation, Quality } from "../../schemas/observation.js";
import type { Source } from "../../schemas/regionPack.js";
import { convertUnit, unitFactor } from "../../schemas/units.js";

/** How a panel's indicator becomes a pack's: the pack indicator and how its value is read. */
export interface IndicatorMapping {
  /** The pack's indicator id. */
  readonly indicator: string;
  /** The value in the pack (default: the panel's value, converted to the indicator's unit). */
  readonly value?: (panelValue: number) => number;
  /** The unit the panel writes (default: any unit convertible to the indicator's). */
  readonly unit?: string;
  /** The note of each observation (default: none, or the conversion made). */
  readonly note?: (panelValue: number) => string;
}

/** A panel indicator that is deliberately not used, with the reason. */
export type Unused = Readonly<Record<string, string>>;

/** One panel row on its way into a pack: where it goes and what to say about it. */
export interface PlacedRow {
  readonly row: CountyPanelRow | CityPanelRow;
  /** The place or group id. */
  readonly place: string;
  /** Note of the observation (e.g. the old code it was reported under). */
  readonly note?: string;
  /** Preferred over another row of the same place, indicator, year and source. */
  readonly preferred: boolean;
}

/** What {@link panelObservations} made: observations, issues and the source keys used. */
export interface PanelObservations {
  readonly observations: Observation[];
  readonly issues: Issue[];
}

/**
 * The observations of `placed` rows. A row whose indicator is in `unused` or unknown is left
 * out, reported once per indicator (with the count of rows); a row whose unit cannot be
 * converted is an error at its line; a value outside the indicator's range (a negative
 * population) is left out with a warning at its line. Two rows of one place, indicator, year and source: the same
 * value is kept once (a warning); different values keep the `preferred` row, else the first (a
 * warning naming both lines).
 */
export function panelObservations(
  placed: readonly PlacedRow[],
  mappings: Readonly<Record<string, IndicatorMapping>>,
  unused: Unused,
  indicators: ReadonlyMap<string, Indicator>,
  sources: ReadonlyMap<string, Source>,
  file: string | undefined,
): PanelObservations {
  const issues: Issue[] = [];
  const at = (issue: Issue): Issue => (file === undefined ? issue : { ...issue, file });
  const leftOut = new Map<string, { count: number; first: PlacedRow }>();
  const kept = new Map<string, { obs: Observation; placed: PlacedRow }>();
  for (const p of placed) {
    const { row } = p;
    const mapping = Object.hasOwn(mappings, row.indicator) ? mappings[row.indicator] : undefined;
    const indicator = mapping === undefined ? undefined : indicators.get(mapping.indicator);
    if (mapping === undefined || indicator === undefined) {
      const seen = leftOut.get(row.indicator);
      if (seen === undefined) leftOut.set(row.indicator, { count: 1, first: p });
      else seen.count++;
      continue;
    }
    const converted = convert(row, mapping, indicator);
    if (converted === undefined) {
      issues.push(
        at({
          severity: "error",
          code: "unit-mismatch",
          message: `unit of ${row.indicator} cannot be converted to ${indicator.unit}`,
          ...lineOf(row),
          field: "unit",
          expected: mapping.unit ?? `a unit of the same quantity as ${indicator.unit}`,
          received: JSON.stringify(row.unit),
        }),
      );
      continue;
    }
    const [lo, hi] = indicatorBounds(indicator);
    if (!(converted.value >= lo && converted.value <= hi)) {
      issues.push(
        at({
          severity: "warning",
          code: "value-out-of-range",
          message: `${row.indicator} of ${p.place} in ${row.year} is outside the range of ${indicator.id}: left out`,
          ...lineOf(row),
          field: "value",
          expected: `${lo} to ${hi}`,
          received: String(row.value),
        }),
      );
      continue;
    }
    const note = [p.note, converted.note].filter((n) => n !== undefined && n !== "").join("; ");
    const obs: Observation = {
      place: p.place,
      indicator: indicator.id,
      year: row.year,
      value: converted.value,
      unit: indicator.unit,
      source: row.source,
      quality: qualityOf(sources, row.source),
      ...(note === "" ? {} : { note }),
    };
    const key = `${obs.place}|${obs.indicator}|${obs.year}|${obs.source}`;
    const before = kept.get(key);
    if (before === undefined) {
      kept.set(key, { obs, placed: p });
      continue;
    }
    const lines = [before.placed.row.line, row.line].filter((l) => l !== undefined).join(" and ");
    const where = lines === "" ? "" : ` (lines ${lines})`;
    if (before.obs.value === obs.value) {
      issues.push(
        at({
          severity: "warning",
          code: "duplicate-row",
          message: `${obs.indicator} of ${obs.place} in ${obs.year} from ${obs.source} appears twice with the same value${where}; kept once`,
          ...lineOf(row),
        }),
      );
      continue;
    }
    const replace = p.preferred && !before.placed.preferred;
    const keptRow = replace ? p : before.placed;
    issues.push(
      at({
        severity: "warning",
        code: "conflicting-rows",
        message: `${obs.indicator} of ${obs.place} in ${obs.year} from ${obs.source} has two values${where}: ${before.obs.value} and ${obs.value}; kept ${replace ? obs.value : before.obs.value}${keptRow.note === undefined ? "" : ` (${keptRow.note})`}`,
        ...lineOf(row),
      }),
    );
    if (replace) kept.set(key, { obs, placed: p });
  }
  for (const [indicator, { count, first }] of leftOut) {
    const reason = Object.hasOwn(unused, indicator)
      ? (unused[indicator] as string)
      : `not an indicator the pack builder knows (it reads ${Object.keys(mappings).join(", ")})`;
    issues.push(
      at({
        severity: "warning",
        code: "indicator-not-used",
        message: `${count} row${count === 1 ? "" : "s"} of ${indicator} left out: ${reason}`,
        ...lineOf(first.row),
        field: "indicator",
        received: JSON.stringify(indicator),
      }),
    );
  }
  return { observations: [...kept.values()].map((k) => k.obs), issues };
}

function lineOf(row: { readonly line?: number }): { line?: number } {
  return row.line === undefined ? {} : { line: row.line };
}

function qualityOf(sources: ReadonlyMap<string, Source>, key: string): Quality {
  const q = sources.get(key)?.quality;
  return q === "A" || q === "C" ? q : "B";
}

/** The row's value in the indicator's unit with a note on the conversion, or undefined. */
function convert(
  row: { readonly value: number; readonly unit: string },
  mapping: IndicatorMapping,
  indicator: Indicator,
): { value: number; note?: string } | undefined {
  if (mapping.unit !== undefined) {
    if (row.unit.trim() !== mapping.unit) return undefined;
    const value = mapping.value === undefined ? row.value : mapping.value(row.value);
    return mapping.note === undefined ? { value } : { value, note: mapping.note(row.value) };
  }
  const factor = unitFactor(row.unit, indicator.unit);
  if (factor === undefined) return undefined;
  if (factor === 1) return { value: row.value };
  return {
    value: convertUnit(row.value, row.unit, indicator.unit),
    note: `converted from ${row.value} ${row.unit.trim()}`,
  };
}
