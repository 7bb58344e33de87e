import { type AssessmentRow, STATUS_ZH, type Status } from "../../schemas/assessment.js";
import type { ReportLegend, ReportStatusCount } from "../reportDocument.js";
import { formatNumber } from "./formatNumber.js";
import { jsonNumber } from "./reportTable.js";

const STATUS_ORDER: readonly Status[] = [
  "achieved",
  "on-track",
  "needs-acceleration",
  "off-track",
  "insufficient-data",
];

const TERMS: ReportLegend["terms"] = [
  {
    key: "gap",
    text: "Gap: projected − target, in the target's unit (and relative to the target).",
  },
  {
    key: "growth",
    text:
      "Growth a year: required from the latest observation to meet the target (req.) vs implied " +
      "by the scenario (impl.); for a rate, the change in percentage points a year (pp/yr).",
  },
  {
    key: "progress",
    text:
      "序时进度: share of the plan period elapsed at the latest observation (exp.) vs share of " +
      "the way from the base-year value to the target already covered (act.).",
  },
];

/** Counts of each status present, in vocabulary order. */
function statusCounts(rows: readonly AssessmentRow[]): ReportStatusCount[] {
  return STATUS_ORDER.map((status) => ({
    status,
    zh: STATUS_ZH[status],
    count: rows.filter((r) => r.status === status).length,
  })).filter((s) => s.count > 0);
}

/** The statuses as one line: `3 achieved 已完成, 5 on-track 符合序时进度`. */
export function statusSummary(statuses: readonly ReportStatusCount[]): string {
  return statuses.map((s) => `${s.count} ${s.status} ${s.zh}`).join(", ");
}

/**
 * The legend of a targets table: the statuses that occur, what the gap, growth and 序时进度
 * columns mean, the levels of the prediction intervals shown (each once) and the probability.
 */
export function reportLegend(rows: readonly AssessmentRow[]): ReportLegend {
  const levels = [
    ...new Set(rows.flatMap((r) => (r.interval === null ? [] : [jsonNumber(r.interval.level)]))),
  ];
  return {
    statuses: statusCounts(rows),
    terms: TERMS,
    intervals:
      levels.length === 0
        ? null
        : {
            levels,
            text: `Intervals: ${levels.map((l) => `${formatNumber(l * 100)}%`).join(", ")} prediction intervals.`,
          },
    probability: rows.some((r) => r.probability !== null)
      ? "P: probability of attainment from the simulated paths."
      : null,
  };
}
