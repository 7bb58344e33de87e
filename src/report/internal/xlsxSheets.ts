// The tables of the Excel report's sheets, from the report document and the assessments.

import type { Assessment } from "../../schemas/assessment.js";
import type { Source } from "../../schemas/regionPack.js";
import type {
  ReportDocument,
  ReportField,
  ReportValue,
  ReportValueKind,
} from "../reportDocument.js";
import type { ReportRunRecord } from "../reportFormatDefinition.js";
import type { SheetTable } from "./xlsxTable.js";

type Row = Readonly<Record<string, ReportValue>>;

/** Fields from `[key, en, zh, kind]` tuples. */
function fields(
  spec: readonly (readonly [string, string, string, ReportValueKind])[],
): ReportField[] {
  return spec.map(([key, en, zh, kind]) => ({ key, en, zh, kind }));
}

/** The targets of every scenario: the raw values of the document's targets tables. */
export function targetsSheet(doc: ReportDocument): SheetTable {
  return {
    fields: doc.scenarios[0]?.targets.fields ?? [],
    rows: doc.scenarios.flatMap((s) => s.targets.rows.map((r) => r.values)),
  };
}

/** The county tables 各县（市、区） of every scenario, one row per place or group and indicator. */
export function placesSheet(doc: ReportDocument): SheetTable | null {
  const tables = doc.scenarios.flatMap((s) => s.placeTables);
  const [first] = tables;
  if (first === undefined) return null;
  return {
    fields: first.table.fields,
    rows: tables.flatMap((t) => t.table.rows.map((r) => r.values)),
  };
}

const PROJECTION_FIELDS = fields([
  ["pack", "Pack", "区域包", "id"],
  ["scenario", "Scenario", "情景", "id"],
  ["scope", "Place or group", "地区", "id"],
  ["indicator", "Indicator", "统计指标", "id"],
  ["basis", "Series basis", "数据来源", "text"],
  ["year", "Year", "年份", "year"],
  ["value", "Projected", "预测值", "number"],
  ["lower", "Interval, lower bound", "预测区间下限", "number"],
  ["upper", "Interval, upper bound", "预测区间上限", "number"],
  ["level", "Interval level", "预测区间水平", "percent"],
  ["informative", "Projection informative", "预测有效", "boolean"],
  ["model_requested", "Model requested", "设定模型", "text"],
  ["model_fitted", "Model fitted", "拟合模型", "text"],
  ["model_fallback", "Why a fallback", "回退原因", "text"],
]);

/**
 * The projected series (scope × indicator × year) of every assessment, with the model's
 * interval where it gives one (see `ProjectedSeriesSchema`).
 */
export function projectionsSheet(list: readonly Assessment[]): SheetTable {
  const rows: Row[] = [];
  for (const a of list) {
    for (const p of a.projections ?? []) {
      p.years.forEach((year, i) => {
        rows.push({
          pack: a.pack,
          scenario: a.scenario,
          scope: p.scope,
          indicator: p.indicator,
          basis: p.basis,
          year,
          value: p.values[i] ?? null,
          lower: p.lower?.[i] ?? null,
          upper: p.upper?.[i] ?? null,
          level: p.lower?.[i] == null ? null : p.level,
          informative: p.informative,
          model_requested: p.model?.requested ?? null,
          model_fitted: p.model?.fitted ?? null,
          model_fallback: p.model?.fallback ?? null,
        });
      });
    }
  }
  return { fields: PROJECTION_FIELDS, rows };
}

/** `q_0.05`, `q_0.5`, … for a quantile level (a fraction), as a field key. */
function quantileKey(level: number): string {
  return `q_${level}`;
}

/**
 * The simulated distribution of each simulated target's series by year (the fan chart's
 * quantiles over the Monte Carlo paths), when an assessment carries it; null for none.
 */
export function simulatedSheet(list: readonly Assessment[]): SheetTable | null {
  const levels = [...new Set(list.flatMap((a) => a.simulation?.quantiles ?? []))].sort(
    (x, y) => x - y,
  );
  const rows: Row[] = [];
  for (const a of list) {
    const own = a.simulation?.quantiles ?? [];
    for (const t of a.simulation?.targets ?? []) {
      if (t.fan === null || t.fan === undefined) continue;
      const fan = t.fan;
      fan.years.forEach((year, i) => {
        const row: Record<string, ReportValue> = {
          pack: a.pack,
          scenario: a.scenario,
          target_id: t.targetId,
          scope: fan.scope,
          indicator: fan.indicator,
          year,
        };
        own.forEach((level, k) => {
          row[quantileKey(level)] = fan.quantiles[i]?.[k] ?? null;
        });
        rows.push(row);
      });
    }
  }
  if (rows.length === 0) return null;
  const percent = (level: number) => `${Number((level * 100).toPrecision(6))}%`;
  return {
    fields: [
      ...fields([
        ["pack", "Pack", "区域包", "id"],
        ["scenario", "Scenario", "情景", "id"],
        ["target_id", "Target", "目标", "id"],
        ["scope", "Place or group", "地区", "id"],
        ["indicator", "Indicator", "统计指标", "id"],
        ["year", "Year", "年份", "year"],
      ]),
      ...levels.map((level) => ({
        key: quantileKey(level),
        en: `Quantile ${percent(level)}`,
        zh: `${percent(level)}分位数`,
        kind: "number" as const,
      })),
    ],
    rows,
  };
}

const READINESS_FIELDS = fields([
  ["pack", "Pack", "区域包", "id"],
  ["scenario", "Scenario", "情景", "id"],
  ["target_id", "Target", "目标", "id"],
  ["name_zh", "Name (Chinese)", "名称", "text"],
  ["name_en", "Name (English)", "英文名称", "text"],
  ["scope", "Place or group", "地区", "id"],
  ["indicator", "Indicator", "统计指标", "id"],
  ["years", "Years needed", "所需年份", "text"],
  ["min_count", "At least (years)", "至少年数", "integer"],
  ["why", "Why", "原因", "text"],
]);

/** The data-readiness list: per `insufficient-data` target, each observation that would make it evaluable. */
export function readinessSheet(doc: ReportDocument): SheetTable {
  const rows = doc.scenarios.flatMap((s) =>
    s.readiness.flatMap((r) =>
      r.needs.map(
        (n): Row => ({
          pack: s.header.pack,
          scenario: s.header.scenario,
          target_id: r.targetId,
          name_zh: r.nameZh,
          name_en: r.nameEn,
          scope: n.scope,
          indicator: n.indicator,
          years: n.yearsText,
          min_count: n.minCount,
          why: n.why,
        }),
      ),
    ),
  );
  return { fields: READINESS_FIELDS, rows };
}

const SOURCE_FIELDS = fields([
  ["source", "Source", "来源", "text"],
  ["title", "Title", "名称", "text"],
  ["quality", "Quality", "质量", "text"],
  ["where", "Where", "出处", "text"],
  ["target_ids", "Targets whose latest value it gave", "提供最新值的目标", "ids"],
]);

/**
 * The sources: the pack's citable sources when given (each with the targets whose latest value
 * it gave), then any other source of a latest value; without the pack, the sources of the latest
 * values alone.
 */
export function sourcesSheet(doc: ReportDocument, sources: readonly Source[] | null): SheetTable {
  const used = new Map<string, string[]>();
  for (const s of doc.scenarios)
    for (const { source, targetIds } of s.sources) {
      const ids = used.get(source) ?? [];
      for (const id of targetIds) if (!ids.includes(id)) ids.push(id);
      used.set(source, ids);
    }
  const known = new Set((sources ?? []).map((s) => s.key));
  const rows: Row[] = [
    ...(sources ?? []).map((s) => ({
      source: s.key,
      title: s.title,
      quality: s.quality,
      where: s.where ?? null,
      target_ids: used.get(s.key) ?? [],
    })),
    ...[...used]
      .filter(([source]) => !known.has(source))
      .map(([source, ids]) => ({
        source,
        title: null,
        quality: null,
        where: null,
        target_ids: ids,
      })),
  ];
  return { fields: SOURCE_FIELDS, rows };
}

const RUN_FIELDS = fields([
  ["item_zh", "Item (Chinese)", "项目", "text"],
  ["item_en", "Item", "项目（英文）", "text"],
  ["value", "Value", "值", "text"],
]);

/** The run record as rows of item (Chinese, English) and value. */
export function runSheet(run: ReportRunRecord, title: string): SheetTable {
  const item = (zh: string, en: string, value: ReportValue): Row => ({
    item_zh: zh,
    item_en: en,
    value,
  });
  const rows: Row[] = [
    item("标题", "Title", title),
    item("软件", "Library", `${run.library} ${run.version}`),
    item("区域包", "Pack", run.pack),
    item(
      "数据指纹",
      "Data fingerprint",
      run.dataFingerprint ?? "— (the pack was not given to the report)",
    ),
    item("报告日期", "Date", run.date),
    item("格式", "Format", `${run.format} (${run.layout} layout)`),
  ];
  for (const s of run.scenarios) {
    rows.push(item("情景", "Scenario", `${s.scenario} — ${s.scenarioName}`));
    rows.push(item("所用观测最新年份", "Latest observation used", s.asOf));
    if (s.simulation === null) {
      rows.push(item("模拟", "Simulation", "not simulated (no probabilities)"));
    } else {
      rows.push(item("模拟路径数", "Simulated paths", s.simulation.paths));
      rows.push(item("随机种子", "Seed", s.simulation.seed));
      rows.push(item("模拟基年", "Simulation base year", s.simulation.baseYear));
    }
  }
  return { fields: RUN_FIELDS, rows };
}
