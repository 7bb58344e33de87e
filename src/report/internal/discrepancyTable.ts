import type { Discrepancy } from "../../schemas/assessment.js";
import type { ReportField, ReportTable } from "../reportDocument.js";
import { discrepancyRelative } from "./assessmentCells.js";
import { formatNumber, MISSING } from "./formatNumber.js";
import { type ColumnSpec, fieldColumn, reportTable } from "./reportTable.js";

const F = {
  scope: { key: "scope", en: "Scope", zh: "范围", kind: "id" },
  indicator: { key: "indicator", en: "Indicator", zh: "统计指标", kind: "id" },
  year: { key: "year", en: "Year", zh: "年份", kind: "year" },
  observed: { key: "observed", en: "Observed", zh: "直接观测值", kind: "number" },
  aggregated: { key: "aggregated", en: "Aggregated", zh: "各地汇总值", kind: "number" },
  relative: { key: "relative", en: "Difference", zh: "差异", kind: "percent" },
  places_with_data: {
    key: "places_with_data",
    en: "Places with data",
    zh: "有数据的地区",
    kind: "ids",
  },
} as const satisfies Record<string, ReportField>;

const right = { align: "right" } as const;

const COLUMNS: readonly ColumnSpec<Discrepancy>[] = [
  fieldColumn(F.scope, (d) => [d.scope]),
  fieldColumn(F.indicator, (d) => [d.indicator]),
  fieldColumn(F.year, (d) => [String(d.year)], right),
  fieldColumn(F.observed, (d) => [formatNumber(d.observed)], right),
  fieldColumn(F.aggregated, (d) => [formatNumber(d.aggregated)], right),
  fieldColumn(F.relative, (d) => [discrepancyRelative(d)], right),
  fieldColumn(F.places_with_data, (d) => [
    d.placesWithData.length === 0
      ? MISSING
      : `${d.placesWithData.length}: ${d.placesWithData.join(", ")}`,
  ]),
];

/** The discrepancies of an assessment: group values observed vs aggregated from their places. */
export function discrepancyTable(discrepancies: readonly Discrepancy[]): ReportTable {
  return reportTable(Object.values(F), COLUMNS, discrepancies, (d) => ({
    scope: d.scope,
    indicator: d.indicator,
    year: d.year,
    observed: d.observed,
    aggregated: d.aggregated,
    relative: d.relative,
    places_with_data: d.placesWithData,
  }));
}
