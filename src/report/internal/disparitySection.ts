import type { DisparityRow } from "../../schemas/assessment.js";
import type { ReportDisparityGap, ReportField, ReportTable } from "../reportDocument.js";
import { formatNumber, MISSING } from "./formatNumber.js";
import { type ColumnSpec, fieldColumn, jsonNumber, reportTable } from "./reportTable.js";

const F = {
  indicator: { key: "indicator", en: "Indicator", zh: "统计指标", kind: "id" },
  year: { key: "year", en: "Year", zh: "年份", kind: "year" },
  basis: { key: "basis", en: "Basis", zh: "依据", kind: "text" },
  places: { key: "places", en: "Places", zh: "地区数", kind: "integer" },
  weighted_cv: { key: "weighted_cv", en: "Weighted CV", zh: "加权变异系数", kind: "number" },
  theil: { key: "theil", en: "Theil T", zh: "泰尔指数", kind: "number" },
  gini: { key: "gini", en: "Gini", zh: "基尼系数", kind: "number" },
  max_min_ratio: { key: "max_min_ratio", en: "Max/min", zh: "最大/最小", kind: "number" },
  lowest: { key: "lowest", en: "Lowest", zh: "最低", kind: "id" },
  highest: { key: "highest", en: "Highest", zh: "最高", kind: "id" },
} as const satisfies Record<string, ReportField>;

/** A measure to `digits` decimals, `—` when a place lacks data. */
function measure(
  pick: (m: NonNullable<DisparityRow["measures"]>) => number,
  digits: number,
): (d: DisparityRow) => string[] {
  return (d) => [d.measures === null ? MISSING : formatNumber(pick(d.measures), { digits })];
}

const right = { align: "right" } as const;

// The indicator and the places are shown as text in this table (Markdown escapes them).
const COLUMNS: readonly ColumnSpec<DisparityRow>[] = [
  fieldColumn(F.indicator, (d) => [d.indicator], { kind: "text" }),
  fieldColumn(F.year, (d) => [String(d.year)]),
  fieldColumn(F.basis, (d) => [d.basis]),
  fieldColumn(F.places, (d) => [String(d.values.length)], right),
  fieldColumn(
    F.weighted_cv,
    measure((m) => m.weightedCv, 3),
    right,
  ),
  fieldColumn(
    F.theil,
    measure((m) => m.theil, 3),
    right,
  ),
  fieldColumn(
    F.gini,
    measure((m) => m.gini, 3),
    right,
  ),
  fieldColumn(
    F.max_min_ratio,
    measure((m) => m.maxMinRatio, 2),
    right,
  ),
  {
    key: "range",
    en: "Lowest → highest",
    zh: "最低 → 最高",
    kind: "text",
    fields: ["lowest", "highest"],
    lines: (d) => [
      d.lowest === null || d.highest === null ? MISSING : `${d.lowest} → ${d.highest}`,
    ],
  },
];

/** What a disparity row lacks, by indicator: `gdp: qilin, zhanyi; population_resident: huize`. */
function lackingText(d: DisparityRow): string {
  const byIndicator = new Map<string, string[]>();
  for (const need of d.missing) {
    const places = byIndicator.get(need.indicator) ?? [];
    places.push(need.scope);
    byIndicator.set(need.indicator, places);
  }
  return [...byIndicator]
    .map(([indicator, places]) => `${indicator}: ${places.join(", ")}`)
    .join("; ");
}

/**
 * The regional disparity of an assessment: a table of the measures across places for each
 * per-capita indicator and year, and what each comparison that lacks data needs.
 */
export function disparitySection(rows: readonly DisparityRow[]): {
  readonly table: ReportTable;
  readonly lacking: readonly ReportDisparityGap[];
} {
  const table = reportTable(Object.values(F), COLUMNS, rows, (d) => ({
    indicator: d.indicator,
    year: d.year,
    basis: d.basis,
    places: d.values.length,
    weighted_cv: d.measures?.weightedCv ?? null,
    theil: d.measures?.theil ?? null,
    gini: d.measures?.gini ?? null,
    max_min_ratio: d.measures?.maxMinRatio ?? null,
    lowest: d.lowest,
    highest: d.highest,
  }));
  const lacking = rows
    .filter((d) => d.missing.length > 0)
    .map((d) => ({ indicator: d.indicator, year: jsonNumber(d.year), text: lackingText(d) }));
  return { table, lacking };
}
