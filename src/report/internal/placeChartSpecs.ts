// The places side by side: county small multiples, a share of the whole over time, disparity.

import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "../vegaLiteSpec.js";
import {
  type ChartInputs,
  comparatorSign,
  modelBand,
  observedOrSummed,
  observedSeries,
  projectedSeries,
  projectedValues,
  scopeNames,
  type YearValue,
} from "./chartData.js";
import { CHART_HEIGHT, CHART_WIDTH } from "./fanChartSpec.js";

const X = { field: "year", type: "quantitative", title: "year 年份", axis: { format: "d" } };

/**
 * Small multiples of one place-table indicator (e.g. GDP): one panel per place of the
 * assessment's place table, its observed history (from the pack, else its latest observation)
 * and its projection with the model's interval. Null when the table has no place of it.
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
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: [`各县（市、区）${indicator}`, `${indicator} by place (${unit})`] },
    description: `Small multiples of ${indicator} by place: observed and projected, with the model's interval.`,
    data: { values },
    facet: {
      field: "place",
      type: "nominal",
      title: null,
      sort: rows.map((r) => `${r.nameZh} ${r.nameEn}`),
    },
    columns: 4,
    spec: {
      width: 150,
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
    resolve: { scale: { y: "independent" } },
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
  const values: VegaLiteDatum[] = [];
  for (const [year, p] of [...part].sort((a, b) => a[0] - b[0])) {
    const w = total.get(year);
    if (w === undefined || w.value === 0) continue;
    const series = p.observed && w.observed ? "observed 实际" : "projected 预测";
    values.push({ layer: "line", year, value: (100 * p.value) / w.value, series });
  }
  if (values.length === 0) return null;
  values.push({ layer: "threshold", value: row.target }, { layer: "year", year: row.year });
  const names = scopeNames(inputs.pack, row.scope);
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [row.nameZh, row.nameEn],
      subtitle: [
        `${names.zh} ${names.en} / ${whole} · ${comparatorSign(row.comparator)} ${row.target}% (${row.year})`,
      ],
    },
    description: `Share of ${row.scope} in ${whole} (${row.indicator}, %) over time, observed and projected, against the target ${row.targetId}.`,
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
            title: "share 占比 (%)",
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
 * observed (solid) and projected (dashed), with the years where the comparison changes basis or
 * a series break starts marked. Null without a year that has measures.
 */
export function disparitySpec(assessment: Assessment, indicator: string): VegaLiteSpec | null {
  const rows = (assessment.disparity ?? []).filter((r) => r.indicator === indicator);
  const values: VegaLiteDatum[] = [];
  for (const r of rows) {
    if (r.measures !== null)
      for (const m of MEASURES)
        values.push({
          layer: "line",
          year: r.year,
          measure: m.label,
          value: r.measures[m.key],
          basis: r.basis === "observed" ? "observed 实际" : "projected 预测",
        });
    if (r.break !== undefined && r.break !== null)
      values.push({ layer: "break", year: r.year - 0.5, label: r.break.reason });
  }
  if (!values.some((v) => v.layer === "line")) return null;
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: [`区域差距 ${indicator}`, `Disparity of ${indicator} between places`] },
    description: `Gini, Theil T and weighted CV of ${indicator} across places by year, observed and projected.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        transform: only("line"),
        mark: { type: "line" },
        encoding: {
          x: X,
          y: { field: "value", type: "quantitative", title: "measure 指标" },
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
