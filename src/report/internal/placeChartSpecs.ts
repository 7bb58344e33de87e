// The places side by side: county small multiples, a share of the whole over time, disparity.

import type { AssessmentRow } from "../../schemas/assessment.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "../vegaLiteSpec.js";
import { targetCell } from "./assessmentCells.js";
import {
  type ChartInputs,
  indicatorNames,
  modelBand,
  observedOrSummed,
  observedSeries,
  projectedSeries,
  projectedValues,
  scopeNames,
  type YearValue,
} from "./chartData.js";
import { CHART_HEIGHT, CHART_WIDTH } from "./fanChartSpec.js";

const X = { field: "year", type: "quantitative", title: "年份 year", axis: { format: "d" } };

/** Width of a panel by the number of columns, so that a row fills the A4 page's width. */
const PANEL_WIDTH: Readonly<Record<number, number>> = { 1: 520, 2: 260, 3: 190, 4: 150 };

/** At most this many panels a row of small multiples (four fit an A4 page). */
const MAX_COLUMNS = 4;

/**
 * Columns of a grid of `n` panels: as few rows as {@link MAX_COLUMNS} allows, the panels spread
 * evenly over them (9 → 3 × 3, 8 → 4 × 2, 7 → 4 + 3), so the last row has as few gaps as can be.
 */
export function facetColumns(n: number): number {
  const rows = Math.max(1, Math.ceil(n / MAX_COLUMNS));
  return Math.max(1, Math.ceil(n / rows));
}

/**
 * The points of a chart's observed and projected lines, the projected line starting at the last
 * observed point (a copy of it, marked projected, just before the first projected year), so that
 * the two lines join as the fan chart's do. `points` are in year order.
 */
function joined<T extends { year: number; observed: boolean }>(points: readonly T[]): T[] {
  const first = points.findIndex((p) => !p.observed);
  const last = first > 0 ? points[first - 1] : undefined;
  if (last === undefined) return [...points];
  return [...points.slice(0, first), { ...last, observed: false }, ...points.slice(first)];
}

/**
 * Small multiples of one place-table indicator (e.g. GDP): one panel per place of the
 * assessment's place table, its observed history (from the pack, else its latest observation)
 * and its projection with the model's interval, in a grid of {@link facetColumns} columns (each
 * panel with its own x-axis when the last row has gaps, so no axis stands under an empty cell),
 * titled with the indicator's names from the pack. Null when the table has no place of it.
 */
export function placeMultiplesSpec(inputs: ChartInputs, indicator: string): VegaLiteSpec | null {
  const rows = (inputs.assessment.placeTable ?? []).filter(
    (r) => r.indicator === indicator && r.kind === "place",
  );
  if (rows.length === 0) return null;
  const values: VegaLiteDatum[] = [];
  for (const row of rows) {
    const place = `${row.nameZh} ${row.nameEn}`;
    const history = observedSeries(inputs, row.scope, indicator);
    if (history.length === 0 && row.latest !== null)
      history.push({ year: row.latest.year, value: row.latest.value });
    const projection = projectedSeries(inputs.assessment, row.scope, indicator);
    const last = history.at(-1);
    const projected = projectedValues(projection).filter(
      (p) => last === undefined || p.year > last.year,
    );
    for (const p of history) values.push({ layer: "line", place, series: "observed 实际", ...p });
    for (const p of last === undefined ? projected : [last, ...projected])
      values.push({ layer: "line", place, series: "projected 预测", ...p });
    for (const b of modelBand(projection)) values.push({ layer: "band", place, ...b });
  }
  const unit = rows[0]?.unit ?? "";
  const names = indicatorNames(inputs.pack, indicator);
  const columns = facetColumns(rows.length);
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: [`各县（市、区）${names.zh}`, `${names.en} by place (${unit})`] },
    description: `Small multiples of ${names.en} (${indicator}) by place: observed and projected, with the model's interval.`,
    data: { values },
    facet: {
      field: "place",
      type: "nominal",
      title: null,
      sort: rows.map((r) => `${r.nameZh} ${r.nameEn}`),
    },
    columns,
    spec: {
      width: PANEL_WIDTH[columns] ?? 150,
      height: 100,
      layer: [
        {
          transform: only("band"),
          mark: { type: "area", opacity: 0.2, color: "#4c78a8" },
          encoding: {
            x: X,
            y: { field: "lower", type: "quantitative", title: unit },
            y2: { field: "upper" },
          },
        },
        {
          transform: only("line"),
          mark: { type: "line" },
          encoding: {
            x: X,
            y: { field: "value", type: "quantitative", title: unit },
            strokeDash: {
              field: "series",
              type: "nominal",
              title: null,
              legend: { orient: "bottom" },
            },
            color: { value: "#1f3b73" },
          },
        },
      ],
    },
    // A last row with gaps: each panel its own x-axis, so no bare axis stands under a gap.
    resolve:
      rows.length % columns === 0
        ? { scale: { y: "independent" } }
        : { scale: { y: "independent" }, axis: { x: "independent" } },
  };
}

/** The value of a scope's indicator by year: observed where the pack has it, else projected. */
function valuesByYear(
  inputs: ChartInputs,
  scope: string,
  indicator: string,
): Map<number, { value: number; observed: boolean }> {
  const out = new Map<number, { value: number; observed: boolean }>();
  const projected: YearValue[] = projectedValues(
    projectedSeries(inputs.assessment, scope, indicator),
  );
  for (const p of projected) out.set(p.year, { value: p.value, observed: false });
  for (const p of observedOrSummed(inputs, scope, indicator))
    out.set(p.year, { value: p.value, observed: true });
  return out;
}

/**
 * A share target over time: the part's share of the whole in %, year by year, where both the
 * part and the whole have a value (observed in the pack, else projected in the assessment), with
 * the target as a rule and its year. The whole is the pack target's denominator scope, else the
 * place table's whole. Null when no year has both values.
 */
export function shareSpec(row: AssessmentRow, inputs: ChartInputs): VegaLiteSpec | null {
  if (row.kind !== "share" || row.year === null) return null;
  const target = inputs.pack?.targets.find((t) => t.id === row.targetId);
  const denominator = target?.kind === "share" ? target.denominator : undefined;
  const whole =
    denominator?.scope ??
    inputs.assessment.placeTable?.find((r) => r.share !== null)?.share?.whole ??
    "city";
  const wholeIndicator = denominator?.indicator ?? row.indicator;
  const part = valuesByYear(inputs, row.scope, row.indicator);
  const total = valuesByYear(inputs, whole, wholeIndicator);
  const shares: { year: number; value: number; observed: boolean }[] = [];
  for (const [year, p] of [...part].sort((a, b) => a[0] - b[0])) {
    const w = total.get(year);
    if (w === undefined || w.value === 0) continue;
    shares.push({ year, value: (100 * p.value) / w.value, observed: p.observed && w.observed });
  }
  if (shares.length === 0) return null;
  const values: VegaLiteDatum[] = joined(shares).map(({ year, value, observed }) => ({
    layer: "line",
    year,
    value,
    series: observed ? "observed 实际" : "projected 预测",
  }));
  values.push({ layer: "threshold", value: row.target }, { layer: "year", year: row.year });
  const names = scopeNames(inputs.pack, row.scope);
  const wholeNames = scopeNames(inputs.pack, whole);
  const measured = indicatorNames(inputs.pack, row.indicator);
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [row.nameZh, row.nameEn],
      subtitle: [
        `${names.zh}占${wholeNames.zh} · ${targetCell(row)} (${row.year})`,
        `${names.en} in ${wholeNames.en}`,
      ],
    },
    description: `Share of ${names.en} in ${wholeNames.en} (${measured.en}, %) over time, observed and projected, against the target ${row.targetId}.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        transform: only("line"),
        mark: { type: "line", point: true },
        encoding: {
          x: X,
          y: {
            field: "value",
            type: "quantitative",
            title: [`${measured.zh}占比`, `share of ${measured.en} (%)`],
            scale: { zero: false },
          },
          strokeDash: {
            field: "series",
            type: "nominal",
            title: null,
            legend: { orient: "bottom" },
          },
          color: { value: "#1f3b73" },
        },
      },
      {
        transform: only("threshold"),
        mark: { type: "rule", color: "#d62728" },
        encoding: { y: { field: "value", type: "quantitative" } },
      },
      {
        transform: only("year"),
        mark: { type: "rule", color: "#d62728", strokeDash: [2, 2] },
        encoding: { x: { field: "year", type: "quantitative" } },
      },
    ],
  };
}

/** The disparity measures drawn, with their labels. */
const MEASURES = [
  { key: "gini", label: "Gini 基尼系数" },
  { key: "theil", label: "Theil T 泰尔指数" },
  { key: "weightedCv", label: "weighted CV 加权变异系数" },
] as const;

/**
 * Disparity of one per-capita indicator over time: Gini, Theil T and the weighted CV by year,
 * observed (solid) and projected (dashed, from the last observed year so that the lines join),
 * with the years where the comparison changes basis or a series break starts marked. Null
 * without a year that has measures.
 */
export function disparitySpec(inputs: ChartInputs, indicator: string): VegaLiteSpec | null {
  const rows = (inputs.assessment.disparity ?? [])
    .filter((r) => r.indicator === indicator)
    .sort((a, b) => a.year - b.year);
  const values: VegaLiteDatum[] = [];
  const measured = joined(
    rows.flatMap((r) =>
      r.measures === null
        ? []
        : [{ year: r.year, measures: r.measures, observed: r.basis === "observed" }],
    ),
  );
  for (const r of measured)
    for (const m of MEASURES)
      values.push({
        layer: "line",
        year: r.year,
        measure: m.label,
        value: r.measures[m.key],
        basis: r.observed ? "observed 实际" : "projected 预测",
      });
  for (const r of rows)
    if (r.break !== undefined && r.break !== null)
      values.push({ layer: "break", year: r.year - 0.5, label: r.break.reason });
  if (!values.some((v) => v.layer === "line")) return null;
  const names = indicatorNames(inputs.pack, indicator);
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: [`区域差距：${names.zh}`, `${names.en}: disparity between places`] },
    description: `Gini, Theil T and weighted CV of ${names.en} (${indicator}) across places by year, observed and projected.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        transform: only("line"),
        mark: { type: "line" },
        encoding: {
          x: X,
          y: { field: "value", type: "quantitative", title: "指标值 measure" },
          color: { field: "measure", type: "nominal", title: null, legend: { orient: "bottom" } },
          strokeDash: {
            field: "basis",
            type: "nominal",
            title: null,
            legend: { orient: "bottom" },
          },
        },
      },
      {
        transform: only("break"),
        mark: { type: "rule", color: "#888888", strokeDash: [6, 3] },
        encoding: { x: { field: "year", type: "quantitative" }, tooltip: { field: "label" } },
      },
    ],
  };
}
