import type { Assessment, PlaceTableRow } from "../../schemas/assessment.js";
import type { ReportField, ReportPlaceTable, ReportValueKind } from "../reportDocument.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";
import { type ColumnSpec, fieldsOf, jsonNumber, reportTable } from "./reportTable.js";

/** Keys of the raw values of a place-table row, in order: the columns of its CSV. */
export const PLACE_TABLE_FIELD_KEYS = [
  "pack",
  "scenario",
  "scope",
  "kind",
  "name_zh",
  "name_en",
  "indicator",
  "unit",
  "latest_year",
  "latest_value",
  "latest_source",
  "year",
  "projected",
  "interval_lower",
  "interval_upper",
  "interval_level",
  "implied_growth",
  "share_whole",
  "share_latest_year",
  "share_latest_pct",
  "share_projected_pct",
  "per_capita_indicator",
  "per_capita_compared",
  "per_capita_denominator",
  "per_capita_unit",
  "per_capita_year",
  "per_capita_value",
  "series_basis",
  "model_requested",
  "model_fitted",
  "model_fallback",
  "informative",
] as const;

type Key = (typeof PLACE_TABLE_FIELD_KEYS)[number];

const FIELDS: Readonly<Record<Key, readonly [string, string, ReportValueKind]>> = {
  pack: ["Pack", "区域包", "id"],
  scenario: ["Scenario", "情景", "id"],
  scope: ["Place or group", "地区", "id"],
  kind: ["Kind", "类型", "text"],
  name_zh: ["Name (Chinese)", "名称", "text"],
  name_en: ["Name (English)", "英文名称", "text"],
  indicator: ["Indicator", "统计指标", "id"],
  unit: ["Unit", "单位", "text"],
  latest_year: ["Latest year", "最新数据年份", "year"],
  latest_value: ["Latest value", "最新值", "number"],
  latest_source: ["Source of the latest value", "最新值来源", "text"],
  year: ["Projected year", "预测年份", "year"],
  projected: ["Projected", "预测值", "number"],
  interval_lower: ["Interval, lower bound", "预测区间下限", "number"],
  interval_upper: ["Interval, upper bound", "预测区间上限", "number"],
  interval_level: ["Interval level", "预测区间水平", "percent"],
  implied_growth: ["Growth a year implied", "情景年均增速", "percent"],
  share_whole: ["Share of", "占比基数", "id"],
  share_latest_year: ["Share, latest year", "占比最新年份", "year"],
  share_latest_pct: ["Share, latest (%)", "最新占比（%）", "number"],
  share_projected_pct: ["Share, projected (%)", "预测占比（%）", "number"],
  per_capita_indicator: ["Per-capita indicator", "人均指标", "id"],
  per_capita_compared: ["Per capita, basis", "人均口径", "id"],
  per_capita_denominator: ["Per capita, denominator", "人均分母", "id"],
  per_capita_unit: ["Per capita, unit", "人均单位", "text"],
  per_capita_year: ["Per capita, year", "人均年份", "year"],
  per_capita_value: ["Per capita, latest", "人均最新值", "number"],
  series_basis: ["Series basis", "数据来源", "text"],
  model_requested: ["Model requested", "设定模型", "text"],
  model_fitted: ["Model fitted", "拟合模型", "text"],
  model_fallback: ["Why a fallback", "回退原因", "text"],
  informative: ["Projection informative", "预测有效", "boolean"],
};

const PLACE_FIELDS: readonly ReportField[] = fieldsOf(PLACE_TABLE_FIELD_KEYS, FIELDS);

function values(
  a: Assessment,
  r: PlaceTableRow,
): Readonly<Record<Key, string | number | boolean | null>> {
  return {
    pack: a.pack,
    scenario: a.scenario,
    scope: r.scope,
    kind: r.kind,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    indicator: r.indicator,
    unit: r.unit,
    latest_year: r.latest?.year ?? null,
    latest_value: r.latest?.value ?? null,
    latest_source: r.latest?.source ?? null,
    year: r.year,
    projected: r.projected,
    interval_lower: r.interval?.lower ?? null,
    interval_upper: r.interval?.upper ?? null,
    interval_level: r.interval?.level ?? null,
    implied_growth: r.impliedGrowth,
    share_whole: r.share?.whole ?? null,
    share_latest_year: r.share?.latestYear ?? null,
    share_latest_pct: r.share?.latest ?? null,
    share_projected_pct: r.share?.projected ?? null,
    per_capita_indicator: r.perCapita?.indicator ?? null,
    per_capita_compared: r.perCapita?.compared ?? null,
    per_capita_denominator: r.perCapita?.denominator ?? null,
    per_capita_unit: r.perCapita?.unit ?? null,
    per_capita_year: r.perCapita?.year ?? null,
    per_capita_value: r.perCapita?.value ?? null,
    series_basis: r.seriesBasis,
    model_requested: r.model?.requested ?? null,
    model_fitted: r.model?.fitted ?? null,
    model_fallback: r.model?.fallback ?? null,
    informative: r.informative,
  };
}

const percentOf = (v: number | null) =>
  v === null ? MISSING : `${formatNumber(v, { digits: 1 })}%`;

/** The model: `theta`, `theta → naive` (a fallback), `sum of places`, or `—`. */
function modelCell(r: PlaceTableRow): string {
  if (r.seriesBasis === "places") return "sum of places";
  if (r.model === null) return MISSING;
  return r.model.fitted === r.model.requested
    ? r.model.fitted
    : `${r.model.requested} → ${r.model.fitted}`;
}

function columns(year: number, whole: string | undefined): ColumnSpec<PlaceTableRow>[] {
  return [
    {
      key: "place",
      en: "Place",
      zh: "地区",
      kind: "text",
      fields: ["name_zh", "scope"],
      lines: (r) => [`${r.nameZh} ${r.scope}${r.kind === "group" ? " (group)" : ""}`],
    },
    {
      key: "latest",
      en: "Latest (year)",
      zh: "最新值（年份）",
      kind: "number",
      align: "right",
      fields: ["latest_value", "latest_year"],
      lines: (r) => [
        r.latest === null ? MISSING : `${formatNumber(r.latest.value)} (${r.latest.year})`,
      ],
    },
    {
      key: "projected",
      en: `${year}`,
      zh: `${year}年预测值`,
      detail: "[interval]",
      kind: "number",
      align: "right",
      fields: ["projected", "interval_lower", "interval_upper"],
      lines: (r) =>
        r.interval === null
          ? [formatNumber(r.projected)]
          : [
              formatNumber(r.projected),
              `[${formatNumber(r.interval.lower)}, ${formatNumber(r.interval.upper)}]`,
            ],
    },
    {
      key: "growth",
      en: "Growth a year",
      zh: "年均增速",
      kind: "percent",
      align: "right",
      fields: ["implied_growth"],
      lines: (r) => [formatPercent(r.impliedGrowth, { signed: true })],
    },
    {
      key: "share",
      en: `Share of ${whole ?? "the whole"}`,
      zh: "占比",
      detail: "(latest → projected)",
      kind: "text",
      align: "right",
      fields: ["share_latest_pct", "share_projected_pct"],
      lines: (r) => [
        r.share === null
          ? MISSING
          : `${percentOf(r.share.latest)} → ${percentOf(r.share.projected)}`,
      ],
    },
    {
      key: "per_capita",
      en: "Per capita (year)",
      zh: "人均（年份）",
      detail: "[denominator]",
      kind: "number",
      align: "right",
      fields: ["per_capita_value", "per_capita_year", "per_capita_denominator"],
      lines: (r) =>
        r.perCapita === null
          ? [MISSING]
          : [
              `${formatNumber(r.perCapita.value, { digits: 0 })} (${r.perCapita.year})`,
              `per ${r.perCapita.denominator}`,
            ],
    },
    {
      key: "model",
      en: "Model",
      zh: "模型",
      kind: "text",
      fields: ["series_basis", "model_requested", "model_fitted"],
      lines: (r) => [modelCell(r)],
    },
  ];
}

/**
 * The place tables (各县（市、区）) of an assessment, one per indicator in the order of its rows:
 * place (Chinese name and id; groups marked), latest observation (year), value in the projected
 * year with its interval, growth a year implied, share of the whole (latest → projected), latest
 * per-capita value (year) with its denominator, and the model.
 */
export function placeTables(a: Assessment): ReportPlaceTable[] {
  const rows = a.placeTable ?? [];
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  return indicators.map((indicator) => {
    const own = rows.filter((r) => r.indicator === indicator);
    const first = own[0] as PlaceTableRow;
    const whole = own.find((r) => r.share !== null)?.share?.whole;
    return {
      indicator,
      unit: first.unit,
      year: jsonNumber(first.year),
      title: `County table 各县（市、区） — ${indicator} (${first.unit}), projected to ${first.year}`,
      table: reportTable(PLACE_FIELDS, columns(first.year, whole), own, (r) => values(a, r)),
    };
  });
}
