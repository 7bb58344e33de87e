import type { DisparityRow } from "../../schemas/assessment.js";
import type {
  ReportDisparityBreak,
  ReportDisparityGap,
  ReportField,
  ReportTable,
} from "../reportDocument.js";
import { yearsText } from "./assessmentCells.js";
import { formatNumber, MISSING } from "./formatNumber.js";
import { type ColumnSpec, fieldColumn, jsonNumber, reportTable } from "./reportTable.js";

const F = {
  indicator: { key: "indicator", en: "Indicator", zh: "统计指标", kind: "id" },
  compared: { key: "compared", en: "Compared on", zh: "比较口径", kind: "id" },
  year: { key: "year", en: "Year", zh: "年份", kind: "year" },
  basis: { key: "basis", en: "Basis", zh: "依据", kind: "text" },
  places: { key: "places", en: "Places", zh: "地区数", kind: "integer" },
  weighted_cv: { key: "weighted_cv", en: "Weighted CV", zh: "加权变异系数", kind: "number" },
  theil: { key: "theil", en: "Theil T", zh: "泰尔指数", kind: "number" },
  gini: { key: "gini", en: "Gini", zh: "基尼系数", kind: "number" },
  max_min_ratio: { key: "max_min_ratio", en: "Max/min", zh: "最大/最小", kind: "number" },
  lowest: { key: "lowest", en: "Lowest", zh: "最低", kind: "id" },
  highest: { key: "highest", en: "Highest", zh: "最高", kind: "id" },
  left_out: { key: "left_out", en: "Places left out", zh: "缺数据的地区", kind: "ids" },
  break_from: {
    key: "break_from",
    en: "Break: earlier basis",
    zh: "口径变化：此前口径",
    kind: "id",
  },
} as const satisfies Record<string, ReportField>;

/** A measure to `digits` decimals, `—` when a place lacks data. */
function measure(
  pick: (m: NonNullable<DisparityRow["measures"]>) => number,
  digits: number,
): (d: DisparityRow) => string[] {
  return (d) => [d.measures === null ? MISSING : formatNumber(pick(d.measures), { digits })];
}

const right = { align: "right" } as const;

const comparedOf = (d: DisparityRow): string => d.compared ?? d.indicator;

/** Places compared, and of how many when some are left out: `7/9`. */
function placesCell(d: DisparityRow): string[] {
  const left = d.leftOut?.length ?? 0;
  const n = d.values.length;
  return [left === 0 ? String(n) : `${n}/${n + left}`];
}

/** The column of the indicator compared, shown when some row compares on another indicator. */
const COMPARED_COLUMN = fieldColumn<DisparityRow>(F.compared, (d) => [comparedOf(d)], {
  kind: "text",
});

// The indicator and the places are shown as text in this table (Markdown escapes them).
const COLUMNS: readonly ColumnSpec<DisparityRow>[] = [
  fieldColumn(F.indicator, (d) => [d.indicator], { kind: "text" }),
  fieldColumn(F.year, (d) => [String(d.year)]),
  fieldColumn(F.basis, (d) => [d.break == null ? d.basis : `${d.basis} (break)`]),
  fieldColumn(F.places, placesCell, right),
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

/** The rows that lack data, consecutive years of one indicator that lack the same taken together. */
function lackingOf(rows: readonly DisparityRow[]): ReportDisparityGap[] {
  const out: { indicator: string; years: number[]; text: string }[] = [];
  for (const d of rows) {
    if (d.missing.length === 0) continue;
    const text = lackingText(d);
    const last = out[out.length - 1];
    const lastYear = last?.years[last.years.length - 1];
    if (
      last !== undefined &&
      last.indicator === d.indicator &&
      last.text === text &&
      lastYear === d.year - 1
    )
      last.years.push(d.year);
    else out.push({ indicator: d.indicator, years: [d.year], text });
  }
  return out.map((g) => ({
    indicator: g.indicator,
    year: jsonNumber(g.years[0] as number),
    years: g.years.map(jsonNumber),
    yearsText: yearsText(g.years),
    text: g.text,
  }));
}

/** Where a comparison changes basis: `gdp_per_capita from 2020: … (before: gdp_per_capita_hukou)`. */
function breaksOf(rows: readonly DisparityRow[]): ReportDisparityBreak[] {
  return rows.flatMap((d) =>
    d.break == null
      ? []
      : [
          {
            indicator: d.indicator,
            year: jsonNumber(d.year),
            from: d.break.from,
            text:
              d.break.from === comparedOf(d)
                ? `${d.indicator}: a break in ${d.year}, levels before and after are not comparable (${d.break.reason})`
                : `${d.indicator}: compared on ${d.break.from} before ${d.year} and on ${comparedOf(d)} from ${d.year}, a break (${d.break.reason})`,
          },
        ],
  );
}

/**
 * The regional disparity of an assessment: a table of the measures across places for each
 * per-capita indicator and year (with the indicator compared on when some row compares on an
 * earlier basis), what the comparisons that lack data need, and where a comparison changes
 * basis.
 */
export function disparitySection(rows: readonly DisparityRow[]): {
  readonly table: ReportTable;
  readonly lacking: readonly ReportDisparityGap[];
  readonly breaks: readonly ReportDisparityBreak[];
} {
  const spliced = rows.some((d) => comparedOf(d) !== d.indicator);
  const columns = spliced
    ? [COLUMNS[0] as ColumnSpec<DisparityRow>, COMPARED_COLUMN, ...COLUMNS.slice(1)]
    : COLUMNS;
  const table = reportTable(Object.values(F), columns, rows, (d) => ({
    indicator: d.indicator,
    compared: comparedOf(d),
    year: d.year,
    basis: d.basis,
    places: d.values.length,
    weighted_cv: d.measures?.weightedCv ?? null,
    theil: d.measures?.theil ?? null,
    gini: d.measures?.gini ?? null,
    max_min_ratio: d.measures?.maxMinRatio ?? null,
    lowest: d.lowest,
    highest: d.highest,
    left_out: d.leftOut ?? [],
    break_from: d.break?.from ?? null,
  }));
  return { table, lacking: lackingOf(rows), breaks: breaksOf(rows) };
}
