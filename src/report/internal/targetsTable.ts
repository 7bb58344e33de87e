import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import type { ReportField, ReportTable, ReportValue, ReportValueKind } from "../reportDocument.js";
import {
  gapCell,
  growthCell,
  latestCell,
  needText,
  probabilityCell,
  progressCell,
  projectedCell,
  statusCell,
  targetCell,
} from "./assessmentCells.js";
import { formatNumber, MISSING } from "./formatNumber.js";
import { type ColumnSpec, fieldsOf, reportTable } from "./reportTable.js";
import { type SimulatedBand, simulatedBands } from "./simulatedBands.js";

/** Keys of the raw values of a target row, in order: the columns of the CSV report. */
export const TARGET_FIELD_KEYS = [
  "pack",
  "scenario",
  "target_id",
  "name_zh",
  "name_en",
  "kind",
  "scope",
  "indicator",
  "year",
  "comparator",
  "target",
  "unit",
  "basis",
  "latest_year",
  "latest_value",
  "latest_source",
  "projected",
  "interval_lower",
  "interval_upper",
  "interval_level",
  "met",
  "gap_absolute",
  "gap_relative",
  "required_growth",
  "implied_growth",
  "required_change",
  "implied_change",
  "change_unit",
  "required_differential",
  "implied_differential",
  "first_year_met",
  "expected_progress",
  "actual_progress",
  "probability",
  "simulated_median",
  "simulated_lower",
  "simulated_upper",
  "simulated_level",
  "status",
  "status_basis",
  "status_zh",
  "nominal_latest_year",
  "nominal_latest_value",
  "nominal_projected",
  "nominal_met",
  "nominal_gap_absolute",
  "nominal_gap_relative",
  "nominal_required_growth",
  "nominal_implied_growth",
  "nominal_status",
  "missing",
  "notes",
] as const;

type TargetFieldKey = (typeof TARGET_FIELD_KEYS)[number];

type Field = readonly [en: string, zh: string, kind: ReportValueKind];

const FIELDS: Readonly<Record<TargetFieldKey, Field>> = {
  pack: ["Pack", "区域包", "id"],
  scenario: ["Scenario", "情景", "id"],
  target_id: ["Target id", "指标编号", "id"],
  name_zh: ["Name (Chinese)", "指标名称", "text"],
  name_en: ["Name (English)", "英文名称", "text"],
  kind: ["Kind of target", "目标类型", "text"],
  scope: ["Scope", "范围", "id"],
  indicator: ["Indicator", "统计指标", "id"],
  year: ["Target year", "目标年份", "year"],
  comparator: ["Comparator", "比较方式", "text"],
  target: ["Target", "目标值", "number"],
  unit: ["Unit", "单位", "text"],
  basis: ["Prices (real: constant, nominal: current)", "价格口径", "text"],
  latest_year: ["Latest year", "最新数据年份", "year"],
  latest_value: ["Latest value", "最新值", "number"],
  latest_source: ["Source of the latest value", "最新值来源", "text"],
  projected: ["Projected", "预测值", "number"],
  interval_lower: ["Interval, lower bound", "预测区间下限", "number"],
  interval_upper: ["Interval, upper bound", "预测区间上限", "number"],
  interval_level: ["Interval level", "预测区间水平", "percent"],
  met: ["Met", "是否达标", "boolean"],
  gap_absolute: ["Gap", "差距", "number"],
  gap_relative: ["Gap, relative", "相对差距", "percent"],
  required_growth: ["Growth a year required", "所需年均增速", "percent"],
  implied_growth: ["Growth a year implied", "情景年均增速", "percent"],
  required_change: ["Change a year required (rates, pp/yr)", "所需年均变化（百分点）", "number"],
  implied_change: ["Change a year implied (rates, pp/yr)", "情景年均变化（百分点）", "number"],
  change_unit: ["Unit of the change a year", "年均变化单位", "text"],
  required_differential: [
    "Growth differential over the rest required (shares)",
    "所需领先其余部分的年均增速差",
    "percent",
  ],
  implied_differential: [
    "Growth differential over the rest implied (shares)",
    "情景领先其余部分的年均增速差",
    "percent",
  ],
  first_year_met: ["Met in", "达标年份", "year"],
  expected_progress: ["Expected progress", "序时进度", "percent"],
  actual_progress: ["Actual progress", "实际进度", "percent"],
  probability: ["Probability of attainment", "达标概率", "percent"],
  simulated_median: ["Simulated median", "模拟中位数", "number"],
  simulated_lower: ["Simulated band, lower bound", "模拟区间下限", "number"],
  simulated_upper: ["Simulated band, upper bound", "模拟区间上限", "number"],
  simulated_level: ["Simulated band level", "模拟区间水平", "percent"],
  status: ["Status", "评估状态", "status"],
  status_basis: ["Basis of the status", "评估依据", "text"],
  status_zh: ["Status (Chinese)", "评估结论", "text"],
  nominal_latest_year: ["At current prices: latest year", "现价：最新数据年份", "year"],
  nominal_latest_value: ["At current prices: latest value", "现价：最新值", "number"],
  nominal_projected: ["At current prices: projected", "现价：预测值", "number"],
  nominal_met: ["At current prices: met", "现价：是否达标", "boolean"],
  nominal_gap_absolute: ["At current prices: gap", "现价：差距", "number"],
  nominal_gap_relative: ["At current prices: gap, relative", "现价：相对差距", "percent"],
  nominal_required_growth: [
    "At current prices: growth a year required",
    "现价：所需年均增速",
    "percent",
  ],
  nominal_implied_growth: [
    "At current prices: growth a year implied",
    "现价：情景年均增速",
    "percent",
  ],
  nominal_status: ["At current prices: status", "现价：评估状态", "status"],
  missing: ["Missing observations", "所缺数据", "lines"],
  notes: ["Notes", "备注", "lines"],
};

const TARGET_FIELDS: readonly ReportField[] = fieldsOf(TARGET_FIELD_KEYS, FIELDS);

function values(
  a: Assessment,
  r: AssessmentRow,
  band: SimulatedBand | undefined,
): Readonly<Record<TargetFieldKey, ReportValue>> {
  return {
    pack: a.pack,
    scenario: a.scenario,
    target_id: r.targetId,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    kind: r.kind,
    scope: r.scope,
    indicator: r.indicator,
    year: r.year,
    comparator: r.comparator,
    target: r.target,
    unit: r.unit,
    basis: r.basis ?? null,
    latest_year: r.latest?.year ?? null,
    latest_value: r.latest?.value ?? null,
    latest_source: r.latest?.source ?? null,
    projected: r.projected,
    interval_lower: r.interval?.lower ?? null,
    interval_upper: r.interval?.upper ?? null,
    interval_level: r.interval?.level ?? null,
    met: r.met,
    gap_absolute: r.gap?.absolute ?? null,
    gap_relative: r.gap?.relative ?? null,
    required_growth: r.requiredGrowth,
    implied_growth: r.impliedGrowth,
    required_change: r.requiredChange ?? null,
    implied_change: r.impliedChange ?? null,
    change_unit: r.changeUnit ?? null,
    required_differential: r.requiredDifferential ?? null,
    implied_differential: r.impliedDifferential ?? null,
    first_year_met: r.firstYearMet,
    expected_progress: r.expectedProgress,
    actual_progress: r.actualProgress,
    probability: r.probability,
    simulated_median: band?.median ?? null,
    simulated_lower: band?.lower ?? null,
    simulated_upper: band?.upper ?? null,
    simulated_level: band?.level ?? null,
    status: r.status,
    status_basis: r.statusBasis ?? null,
    status_zh: r.statusZh,
    nominal_latest_year: r.nominal?.latest?.year ?? null,
    nominal_latest_value: r.nominal?.latest?.value ?? null,
    nominal_projected: r.nominal?.projected ?? null,
    nominal_met: r.nominal?.met ?? null,
    nominal_gap_absolute: r.nominal?.gap?.absolute ?? null,
    nominal_gap_relative: r.nominal?.gap?.relative ?? null,
    nominal_required_growth: r.nominal?.requiredGrowth ?? null,
    nominal_implied_growth: r.nominal?.impliedGrowth ?? null,
    nominal_status: r.nominal?.status ?? null,
    missing: r.missing.map(needText),
    notes: r.notes,
  };
}

const yearText = (year: number | null): string => (year === null ? MISSING : String(year));

/** The columns a reader sees, each with the fields it stacks and how it writes them. */
const COLUMNS: readonly ColumnSpec<AssessmentRow>[] = [
  {
    key: "target",
    en: "Target",
    zh: "指标",
    kind: "target",
    fields: ["target_id", "name_zh", "name_en"],
    lines: (r) => [r.targetId, r.nameZh, r.nameEn],
  },
  {
    key: "year",
    en: "Year",
    zh: "目标年份",
    kind: "year",
    align: "right",
    fields: ["year"],
    lines: (r) => [yearText(r.year)],
  },
  {
    key: "target_value",
    en: "Target value",
    zh: "目标值",
    kind: "text",
    fields: ["comparator", "target", "unit"],
    lines: (r) => [targetCell(r)],
  },
  {
    key: "latest",
    en: "Latest (year)",
    zh: "最新值（年份）",
    kind: "number",
    align: "right",
    fields: ["latest_value", "latest_year"],
    lines: (r) => [latestCell(r)],
  },
  {
    key: "projected",
    en: "Projected",
    zh: "预测值",
    detail: "[interval]",
    kind: "number",
    align: "right",
    fields: ["projected", "interval_lower", "interval_upper"],
    lines: projectedCell,
  },
  {
    key: "gap",
    en: "Gap",
    zh: "差距",
    detail: "(relative)",
    kind: "number",
    align: "right",
    fields: ["gap_absolute", "gap_relative"],
    lines: gapCell,
  },
  {
    key: "growth",
    en: "Growth a year",
    zh: "年均增速",
    detail: "(req. / impl.)",
    kind: "percent",
    align: "right",
    fields: ["required_growth", "implied_growth"],
    lines: growthCell,
  },
  {
    key: "first_year_met",
    en: "Met in",
    zh: "达标年份",
    kind: "year",
    align: "right",
    fields: ["first_year_met"],
    lines: (r) => [yearText(r.firstYearMet)],
  },
  {
    key: "progress",
    en: "序时进度",
    zh: "序时进度",
    detail: "(exp. / act.)",
    kind: "percent",
    align: "right",
    fields: ["expected_progress", "actual_progress"],
    lines: progressCell,
  },
  {
    key: "probability",
    en: "P",
    zh: "达标概率",
    kind: "percent",
    align: "right",
    fields: ["probability"],
    lines: (r) => [probabilityCell(r)],
  },
  {
    key: "status",
    en: "Status",
    zh: "评估结论",
    kind: "status",
    fields: ["status", "status_zh"],
    lines: statusCell,
  },
];

/**
 * The targets table of an assessment: every raw value of each row, and the columns a reader
 * sees, the probability column only when some target has a probability.
 */
export function targetsTable(a: Assessment): ReportTable {
  const withProbability = a.rows.some((r) => r.probability !== null);
  const bands = simulatedBands(a);
  const columns = [...COLUMNS.filter((c) => withProbability || c.key !== "probability")];
  if (bands.size > 0)
    columns.splice(
      columns.findIndex((c) => c.key === "status"),
      0,
      simulatedColumn(bands),
    );
  return reportTable(TARGET_FIELDS, columns, a.rows, (r) => values(a, r, bands.get(r.targetId)));
}

/** The simulated median and band of `simulated_*`: the median, then `[lower, upper]`. */
function simulatedColumn(bands: ReadonlyMap<string, SimulatedBand>): ColumnSpec<AssessmentRow> {
  return {
    key: "simulated",
    en: "Simulated",
    zh: "模拟分布",
    detail: "(median [band])",
    kind: "number",
    align: "right",
    fields: ["simulated_median", "simulated_lower", "simulated_upper"],
    lines: (r) => {
      const band = bands.get(r.targetId);
      if (band === undefined) return [MISSING];
      return [
        formatNumber(band.median),
        `[${formatNumber(band.lower)}, ${formatNumber(band.upper)}]`,
      ];
    },
  };
}
