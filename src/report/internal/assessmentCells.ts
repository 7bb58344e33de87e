import type { AssessmentRow, DataNeed, Discrepancy } from "../../schemas/assessment.js";
import type { Comparator } from "../../schemas/target.js";
import { targetRegistry } from "../../targets/targetRegistry.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";

// Display texts of the cells of an assessment report (see reportDocument.ts).

const COMPARATOR_SYMBOL: Readonly<Record<Comparator, string>> = {
  ">=": "≥",
  "<=": "≤",
  about: "≈",
};

/** Value and unit: `60%`, `15%/yr`, `105 km²`; the unit `count` is left out (`100`). */
export function withUnit(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit === "count") return number;
  return unit.startsWith("%") ? `${number}${unit}` : `${number} ${unit}`;
}

/**
 * The target condition: `≥ 60%`, `≈ 105 10k people`, `rank ≤ 70`; a target at constant prices
 * says so: `≥ 5,919 100M yuan, real`.
 */
export function targetCell(row: AssessmentRow): string {
  const symbol = COMPARATOR_SYMBOL[row.comparator];
  const noun = targetRegistry[row.kind].thresholdNoun;
  if (noun !== undefined) return `${noun} ${symbol} ${formatNumber(row.target)}`;
  const real = row.basis === "real" ? ", real" : "";
  return `${symbol} ${withUnit(row.target, row.unit)}${real}`;
}

/**
 * The judgement at current prices beside a target at constant prices, as a note line:
 * `at current prices: projected 8,131 in 2035, gap +2,213 (+37.4%), growth req. +3.5% / impl.
 * +6.0% a year from 3,802 (2022): on-track 符合序时进度`; undefined for other rows.
 */
export function nominalNote(row: AssessmentRow): string | undefined {
  const n = row.nominal;
  if (n === undefined) return undefined;
  const unit = row.kind === "growth" ? "%/yr" : row.unit;
  const parts: string[] = [];
  if (n.projected !== null)
    parts.push(
      `projected ${withUnit(n.projected, unit)}${row.year === null ? "" : ` in ${row.year}`}`,
    );
  if (n.gap !== null)
    parts.push(
      `gap ${formatNumber(n.gap.absolute, { signed: true })}${
        n.gap.relative === null ? "" : ` (${formatPercent(n.gap.relative, { signed: true })})`
      }`,
    );
  if (n.requiredGrowth !== null || n.impliedGrowth !== null)
    parts.push(
      `growth req. ${formatPercent(n.requiredGrowth, { signed: true })} / impl. ${formatPercent(n.impliedGrowth, { signed: true })} a year${
        n.latest === null ? "" : ` from ${formatNumber(n.latest.value)} (${n.latest.year})`
      }`,
    );
  const facts = parts.length === 0 ? "" : `${parts.join(", ")}: `;
  const why = n.notes.length === 0 ? "" : `; ${n.notes.join("; ")}`;
  return `at current prices (nominal): ${facts}${n.status} ${n.statusZh}${why}`;
}

/** Latest observation: `55.2 (2023)`. */
export function latestCell(row: AssessmentRow): string {
  return row.latest === null ? MISSING : `${formatNumber(row.latest.value)} (${row.latest.year})`;
}

/** Projected value, with its interval on a second line: `58.9`, `[57.1, 60.4]`. */
export function projectedCell(row: AssessmentRow): string[] {
  const point = formatNumber(row.projected);
  if (row.interval === null) return [point];
  return [point, `[${formatNumber(row.interval.lower)}, ${formatNumber(row.interval.upper)}]`];
}

/** Gap, absolute in the target's unit, then relative: `-1.1`, `(-1.8%)`. */
export function gapCell(row: AssessmentRow): string[] {
  if (row.gap === null) return [MISSING];
  const absolute = formatNumber(row.gap.absolute, { signed: true });
  if (row.gap.relative === null) return [absolute];
  return [absolute, `(${formatPercent(row.gap.relative, { signed: true })})`];
}

/**
 * Growth a year still required, then implied by the scenario: `req. +6.2%`, `impl. +4.8%`; for a
 * rate (`changeUnit: "pp/yr"`), the change in percentage points a year: `req. +2.2 pp/yr`.
 */
export function growthCell(row: AssessmentRow): string[] {
  if (row.changeUnit === "pp/yr") {
    const points = (v: number | null | undefined) =>
      v === null || v === undefined
        ? MISSING
        : `${formatNumber(v, { signed: true, digits: 1 })} pp/yr`;
    return [`req. ${points(row.requiredChange)}`, `impl. ${points(row.impliedChange)}`];
  }
  if (row.requiredGrowth === null && row.impliedGrowth === null) return [MISSING];
  return [
    `req. ${formatPercent(row.requiredGrowth, { signed: true })}`,
    `impl. ${formatPercent(row.impliedGrowth, { signed: true })}`,
  ];
}

/** 序时进度, expected then actual progress: `exp. 60%`, `act. 48%`. */
export function progressCell(row: AssessmentRow): string[] {
  if (row.expectedProgress === null && row.actualProgress === null) return [MISSING];
  return [
    `exp. ${formatPercent(row.expectedProgress, { digits: 0 })}`,
    `act. ${formatPercent(row.actualProgress, { digits: 0 })}`,
  ];
}

/** Probability of attainment: `73%`. */
export function probabilityCell(row: AssessmentRow): string {
  return formatPercent(row.probability, { digits: 0 });
}

/** Status, then its Chinese label: `needs-acceleration`, `需加快进度`. */
export function statusCell(row: AssessmentRow): string[] {
  return [row.status, row.statusZh];
}

/** Years as runs: `[2016, 2017, 2018, 2020]` → `2016–2018, 2020`. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  const flush = (): void => {
    if (start === undefined || prev === undefined) return;
    runs.push(
      start === prev ? `${start}` : prev === start + 1 ? `${start}, ${prev}` : `${start}–${prev}`,
    );
  };
  for (const year of sorted) {
    if (prev !== undefined && year === prev + 1) {
      prev = year;
      continue;
    }
    flush();
    start = year;
    prev = year;
  }
  flush();
  return runs.join(", ");
}

/** Which years a data need asks for: `year 2020`, `years 2020, 2021`, `at least 2 of 2016–2023`. */
export function needYearsText(need: DataNeed): string {
  if (need.years.length === 0) return `${need.minCount} year${need.minCount === 1 ? "" : "s"}`;
  if (need.years.length === 1) return `year ${need.years[0]}`;
  const list = yearsText(need.years);
  return need.minCount >= need.years.length
    ? `years ${list}`
    : `at least ${need.minCount} of ${list}`;
}

/** One data need as a line: `city · trade · years 2020, 2023: why`. */
export function needText(need: DataNeed): string {
  return `${need.scope} · ${need.indicator} · ${needYearsText(need)}: ${need.why}`;
}

/** Relative difference of a discrepancy, signed: `+0.2%`. */
export function discrepancyRelative(d: Discrepancy): string {
  return formatPercent(d.relative, { signed: true, digits: 2 });
}
