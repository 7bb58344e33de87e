// The fan chart of one level or growth target: history, projection, band, threshold, breaks.

import type { AssessmentRow } from "../../schemas/assessment.js";
import { priceCompanionId } from "../../schemas/priceCompanionId.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "../vegaLiteSpec.js";
import { targetCell } from "./assessmentCells.js";
import {
  type BandPoint,
  type ChartInputs,
  chartDataset,
  indicatorNames,
  indicatorOf,
  modelBand,
  observedOrSummed,
  observedSeries,
  projectedSeries,
  projectedValues,
  scopeNames,
  simulatedBands,
  simulatedMedian,
  type YearValue,
} from "./chartData.js";
import { formatNumber } from "./formatNumber.js";

/** Fill of the bands, widest first (a sequential blue). */
const BAND_COLOURS = ["#c6dbef", "#9ecae1", "#6baed6"];

/** Chart size in pixels (fits two across an A4 page at 96 dpi, or one with room). */
export const CHART_WIDTH = 520;
export const CHART_HEIGHT = 240;

/** The series a level or growth row is measured on: its indicator, at constant prices on `real`. */
export function measuredIndicator(row: AssessmentRow): string {
  return row.basis === "real" ? priceCompanionId(row.indicator, "real") : row.indicator;
}

/**
 * The level the row's target means in its year, in the series' unit and prices: the target of a
 * level row (at constant prices, restated from its base year's prices to those of the series
 * through the deflator, as the target is judged, when the two years differ); for a growth row,
 * the base-year value grown at the target rate, `base · (1 + g / 100)^(year − baseYear)` (as
 * `growthTarget` judges it), from the simulated threshold when the assessment carries one, else
 * from the pack's target and base-year value. Null when a value it needs is missing.
 */
function thresholdOf(row: AssessmentRow, inputs: ChartInputs, indicator: string): number | null {
  const target = inputs.pack?.targets.find((t) => t.id === row.targetId);
  if (row.kind === "level") {
    const referenceYear = indicatorOf(inputs.pack, indicator)?.priceCompanion?.referenceYear;
    if (target === undefined || referenceYear === undefined || referenceYear === target.baseYear)
      return row.target;
    const deflator = observedSeries(
      inputs,
      row.scope,
      priceCompanionId(row.indicator, "deflator"),
    ).find((p) => p.year === target.baseYear);
    return deflator === undefined || !(deflator.value > 0)
      ? null
      : (row.target * 100) / deflator.value;
  }
  const simulated = inputs.assessment.simulation?.targets?.find(
    (t) => t.targetId === row.targetId,
  )?.threshold;
  if (simulated !== undefined && simulated !== null) return simulated;
  if (target === undefined || row.year === null) return null;
  const base = observedOrSummed(inputs, row.scope, indicator).find(
    (p) => p.year === target.baseYear,
  );
  if (base === undefined) return null;
  return base.value * (1 + row.target / 100) ** (row.year - target.baseYear);
}

/**
 * Whether a row gets a fan chart: a level or growth target with a year that the assessment
 * judged (any status but `insufficient-data`: a target it cannot judge has no projection worth
 * drawing, whatever series the projection carries) and whose series it projected.
 */
export function hasFanChart(row: AssessmentRow, inputs: ChartInputs): boolean {
  if ((row.kind !== "level" && row.kind !== "growth") || row.year === null) return false;
  if (row.status === "insufficient-data") return false;
  return projectedSeries(inputs.assessment, row.scope, measuredIndicator(row)) !== undefined;
}

/** Font size of vega-lite's axis titles, and vega's estimate of a character's width (0.8 em). */
const AXIS_TITLE_CHAR = 0.8 * 11;

/**
 * The y-axis title: the indicator's Chinese name, then its English name with the unit; the unit
 * on a line of its own when the English line would be longer than the axis (vega reserves room
 * for a title by its estimated length, and would push the chart's title up to make it).
 */
function axisTitle(names: { zh: string; en: string }, unit: string): string | string[] {
  const en = `${names.en} (${unit})`;
  if (names.zh === names.en) return en;
  return en.length * AXIS_TITLE_CHAR <= CHART_HEIGHT
    ? [names.zh, en]
    : [names.zh, names.en, `(${unit})`];
}

/** Years as a short range: `1999–2023`, `2023`. */
function span(points: readonly YearValue[]): string {
  const first = points[0]?.year;
  const last = points.at(-1)?.year;
  return first === last ? `${first}` : `${first}–${last}`;
}

/** Where the observed line of a fan chart comes from. */
type HistoryKind = "observed" | "summed" | "latest";

/**
 * What the observed line is, said in the subtitle when it is more than the series'
 * observations: the series at constant prices and how it is derived from the pack's
 * observations (`derivePriceSeries`), a group's values summed from its places, or the row's
 * latest value alone. Chinese, then English, a line each.
 */
function historyNote(
  inputs: ChartInputs,
  indicator: string,
  history: readonly YearValue[],
  kind: HistoryKind,
): string[] {
  if (history.length === 0) return [];
  if (kind === "latest")
    return [`实际值仅有最新观测 · observed: the latest value only (${span(history)})`];
  const companion = indicatorOf(inputs.pack, indicator)?.priceCompanion;
  if (companion?.role === "real") {
    const real = indicatorNames(inputs.pack, indicator);
    const nominal = indicatorNames(inputs.pack, companion.of);
    const index = indicatorNames(inputs.pack, companion.index);
    return [
      `实际值 ${span(history)}：${companion.referenceYear}年${nominal.zh}按${index.zh}链式推算`,
      `observed: ${real.en} (chained index)`,
    ];
  }
  if (kind === "summed")
    return [`实际值为所辖地区合计 · observed: the sum of its places (${span(history)})`];
  return [];
}

/**
 * The fan chart of a level or growth row: the observed history (from the pack, the series at
 * constant prices derived from it for a row judged at constant prices, a group's summed from its
 * places where it has no observations of its own; else the row's latest observation), the
 * projection, which starts at the last observation so that the two lines join, the band
 * (simulated 50/80/95% when a run gives them, else the model's interval), the target's threshold
 * as a horizontal rule, its year as a vertical one, and the pack's series breaks of the series
 * (vertical dashed rules). The subtitle says where the observed line comes from when it is not
 * the series' own observations.
 */
export function fanChartSpec(row: AssessmentRow, inputs: ChartInputs): VegaLiteSpec {
  const indicator = measuredIndicator(row);
  const projection = projectedSeries(inputs.assessment, row.scope, indicator);
  const own = observedSeries(inputs, row.scope, indicator);
  const history = observedOrSummed(inputs, row.scope, indicator);
  let kind: HistoryKind = history.length > own.length ? "summed" : "observed";
  if (history.length === 0 && row.latest !== null) {
    history.push({ year: row.latest.year, value: row.latest.value });
    kind = "latest";
  }
  const simulated = simulatedBands(inputs, row.scope, indicator);
  const bands: BandPoint[] = simulated.length > 0 ? simulated : modelBand(projection);
  const median = simulatedMedian(inputs, row.scope, indicator);
  const central = median.length > 0 ? median : projectedValues(projection);
  const last = history.at(-1);
  // The projection starts at the last observation, so the two lines join.
  const projected =
    last === undefined ? central : [last, ...central.filter((p) => p.year > last.year)];
  const threshold = thresholdOf(row, inputs, indicator);
  const breaks = (inputs.pack === undefined ? [] : chartDataset(inputs.pack).breaks).filter(
    (b) => b.indicator === indicator && (b.place === undefined || b.place === row.scope),
  );
  const values: VegaLiteDatum[] = [
    ...bands.map((b) => ({ layer: "band", ...b })),
    ...history.map((p) => ({ layer: "line", series: "observed 实际", ...p })),
    ...projected.map((p) => ({ layer: "line", series: "projected 预测", ...p })),
    ...(threshold === null
      ? []
      : [
          { layer: "threshold", value: threshold, label: `target 目标 ${formatNumber(threshold)}` },
        ]),
    ...(row.year === null ? [] : [{ layer: "year", year: row.year, label: `${row.year}` }]),
    ...[...new Set(breaks.map((b) => b.year))].map((year) => ({
      layer: "break",
      year: year - 0.5,
      label: "break 断点",
    })),
  ];
  const bandNames = [...new Set(bands.map((b) => b.band))];
  const place = scopeNames(inputs.pack, row.scope);
  const names = indicatorNames(inputs.pack, indicator);
  const unit =
    row.kind === "level" ? row.unit : (indicatorOf(inputs.pack, row.indicator)?.unit ?? "");
  const x = { field: "year", type: "quantitative", title: "年份 year", axis: { format: "d" } };
  const y = { type: "quantitative", title: axisTitle(names, unit), scale: { zero: false } };
  const only = (layer: string) => [{ filter: `datum.layer === '${layer}'` }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [`${row.nameZh}`, row.nameEn],
      subtitle: [
        `${place.zh} ${place.en} · ${targetCell(row)} (${row.year ?? ""})`,
        ...historyNote(inputs, indicator, history, kind),
      ],
    },
    description: `Fan chart of ${names.en} in ${place.en} (${row.scope} ${indicator}) for the target ${row.targetId}: observed, projected, ${simulated.length > 0 ? "simulated 50/80/95% bands" : "the model's interval"}, the target and its year.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        transform: only("band"),
        mark: { type: "area", opacity: 0.5 },
        encoding: {
          x,
          y: { ...y, field: "lower" },
          y2: { field: "upper" },
          detail: { field: "band" },
          color: {
            field: "band",
            type: "ordinal",
            title: "band 区间",
            scale: { domain: bandNames, range: BAND_COLOURS.slice(0, bandNames.length) },
            legend: { orient: "bottom" },
          },
        },
      },
      {
        transform: only("line"),
        mark: { type: "line", point: true },
        encoding: {
          x,
          y: { ...y, field: "value" },
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
        mark: { type: "rule", color: "#d62728", strokeWidth: 1.5 },
        encoding: { y: { field: "value", type: "quantitative" } },
      },
      {
        transform: only("year"),
        mark: { type: "rule", color: "#d62728", strokeDash: [2, 2] },
        encoding: { x: { field: "year", type: "quantitative" } },
      },
      {
        transform: only("break"),
        mark: { type: "rule", color: "#888888", strokeDash: [6, 3] },
        encoding: { x: { field: "year", type: "quantitative" }, tooltip: { field: "label" } },
      },
    ],
  };
}
