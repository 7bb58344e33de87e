// The quarterly monitoring report (季度监测 / 中期评估) as plain data that the md and html formats
// render: per target the base-year and latest values, 序时进度, the status, the growth still
// required, and the places' contributions to the gap (docs/reports.md, "The quarterly layout").

import { gapContributions } from "../../analysis/gapContributions.js";
import { type TargetBase, targetBases } from "../../analysis/targetBase.js";
import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ReportReadiness, ReportRows } from "../reportDocument.js";
import {
  gapCell,
  latestCell,
  nominalNote,
  probabilityCell,
  projectedCell,
  targetCell,
  withUnit,
} from "./assessmentCells.js";
import { documentOf } from "./documentOf.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";
import { contributionsSection, type QuarterlyTable } from "./quarterlyContributions.js";

export type { QuarterlyColumn, QuarterlyTable } from "./quarterlyContributions.js";

/** One line of a target's facts: Chinese and English labels and the value's lines. */
export interface QuarterlyFact {
  readonly zh: string;
  readonly en: string;
  readonly lines: readonly string[];
}

/** How the actual progress stands against the time elapsed (序时进度). */
export type QuarterlyPace = "ahead" | "in-line" | "behind";

/** Chinese and English of each pace. */
export const PACE_LABELS: Readonly<
  Record<QuarterlyPace, { readonly zh: string; readonly en: string }>
> = {
  ahead: { zh: "快于序时进度", en: "ahead of time elapsed" },
  "in-line": { zh: "与序时进度持平", en: "in line with time elapsed" },
  behind: { zh: "慢于序时进度", en: "behind time elapsed" },
};

/** One judged target's section. */
export interface QuarterlyTarget {
  readonly row: AssessmentRow;
  /** Chinese name of the scope (`全市`), or its id without the pack. */
  readonly scopeName: string;
  readonly facts: readonly QuarterlyFact[];
  /** The places' contributions (see `gapContributions`), or why there are none. */
  readonly contributions:
    | { readonly ok: true; readonly lines: readonly string[]; readonly table: QuarterlyTable }
    | { readonly ok: false; readonly text: string };
}

/** The quarterly report of one assessment (one scenario). */
export interface QuarterlyScenario {
  readonly pack: string;
  readonly scenario: string;
  readonly scenarioName: string;
  /** `<pack> · <scenario> — <scenario name>`. */
  readonly title: string;
  readonly asOf: number;
  /** `1 achieved 已完成, 2 off-track 预计难以完成`. */
  readonly summary: string;
  /** The overview table: every target (the judged ones with `only: "judged"`). */
  readonly overview: QuarterlyTable;
  /** The rows of the overview, in its order. */
  readonly overviewRows: readonly AssessmentRow[];
  readonly hiddenCount: number;
  /** The judged targets, one section each. */
  readonly targets: readonly QuarterlyTarget[];
  /** The targets that cannot be judged and what would make them judgeable. */
  readonly readiness: readonly ReportReadiness[];
}

/** The whole quarterly report. */
export interface QuarterlyDocument {
  readonly title: string;
  /** True for a list of assessments (each scenario then has its own heading). */
  readonly collection: boolean;
  /** The date of the report (the run record's date, `YYYY-MM-DD`). */
  readonly date: string;
  /** Whether the pack was given: base-year values and contributions need it. */
  readonly packGiven: boolean;
  readonly scenarios: readonly QuarterlyScenario[];
  /** The method notes, Chinese then English, one a paragraph. */
  readonly notes: readonly (readonly [string, string])[];
}

/** What the quarterly layout is built from (the checked input of `renderReport`). */
export interface QuarterlyInput {
  readonly fn: string;
  readonly assessment: Assessment | readonly Assessment[];
  readonly title: string | undefined;
  readonly only: ReportRows;
  readonly pack: RegionPack | null;
  readonly date: string;
}

/** The difference between actual and expected progress below which they count as equal. */
const PACE_TOLERANCE = 1e-9;

/** Whether actual progress is ahead of, in line with or behind the time elapsed; null without both. */
export function paceOf(row: AssessmentRow): QuarterlyPace | null {
  const { expectedProgress: e, actualProgress: a } = row;
  if (e === null || a === null) return null;
  if (Math.abs(a - e) <= PACE_TOLERANCE) return "in-line";
  return a > e ? "ahead" : "behind";
}

/** `快于序时进度`, `ahead of time elapsed (+18 pp)`; `—` without progress. */
function paceLines(row: AssessmentRow): string[] {
  const pace = paceOf(row);
  if (pace === null) return [MISSING];
  const points = ((row.actualProgress as number) - (row.expectedProgress as number)) * 100;
  const label = PACE_LABELS[pace];
  return [label.zh, `${label.en} (${formatNumber(points, { signed: true, digits: 0 })} pp)`];
}

/** `应 exp. 20%`, `实 act. 38%`. */
function progressLines(row: AssessmentRow): string[] {
  if (row.expectedProgress === null && row.actualProgress === null) return [MISSING];
  return [
    `应 exp. ${formatPercent(row.expectedProgress, { digits: 0 })}`,
    `实 act. ${formatPercent(row.actualProgress, { digits: 0 })}`,
  ];
}

/** `2,959 100M yuan`; the year too when it is not the header's. */
function baseText(base: TargetBase | undefined, headerYear: number | null): string {
  if (base === undefined || base.value === null) return MISSING;
  const value = withUnit(base.value, base.unit);
  return base.year === headerYear ? value : `${value} (${base.year})`;
}

/** The growth still required and implied, as the row reads it: a rate in points, a level in %. */
function growthFacts(row: AssessmentRow): QuarterlyFact[] {
  const span = row.latest === null || row.year === null ? "" : ` (${row.latest.year}→${row.year})`;
  const points = (v: number | null | undefined) =>
    v === null || v === undefined
      ? MISSING
      : `${formatNumber(v, { signed: true, digits: 2 })} pp/yr`;
  const percent = (v: number | null) => formatPercent(v, { signed: true });
  const rate = row.changeUnit === "pp/yr";
  const facts: QuarterlyFact[] = [
    {
      zh: "尚需年均增长",
      en: `Growth still required a year${span}`,
      lines: [rate ? points(row.requiredChange) : percent(row.requiredGrowth)],
    },
    {
      zh: "预测隐含年均增长",
      en: "Growth the projection implies a year",
      lines: [rate ? points(row.impliedChange) : percent(row.impliedGrowth)],
    },
  ];
  if (row.kind === "share") {
    facts[0] = {
      ...facts[0],
      lines: [`${percent(row.requiredGrowth)} (${row.indicator}, ${row.scope})`],
    } as QuarterlyFact;
    facts.push({
      zh: "尚需快于其余部分",
      en: "Faster than the rest of the whole, a year (required / implied)",
      lines: [
        `${percent(row.requiredDifferential ?? null)} / ${percent(row.impliedDifferential ?? null)}`,
      ],
    });
  }
  return facts;
}

/** The facts of one judged target, Chinese label first. */
function factsOf(
  row: AssessmentRow,
  base: TargetBase | undefined,
  simulated: boolean,
): QuarterlyFact[] {
  const year = row.year ?? MISSING;
  const pace = paceLines(row);
  const facts: QuarterlyFact[] = [
    {
      zh: "基期值",
      en: `Base (${base?.year ?? MISSING})`,
      lines: [
        baseText(base, base?.year ?? null),
        ...(base?.note !== null && base?.note !== undefined ? [base.note] : []),
      ],
    },
    {
      zh: "最新值",
      en: `Latest (${row.latest?.year ?? MISSING})`,
      lines: row.latest === null ? [MISSING] : [formatNumber(row.latest.value), row.latest.source],
    },
    { zh: "目标值", en: `Target (${year})`, lines: [targetCell(row)] },
    { zh: "预测值", en: `Projected (${year})`, lines: projectedCell(row) },
    { zh: "差距", en: "Gap (projected − target)", lines: gapCell(row) },
    {
      zh: "序时进度",
      en: "Time elapsed (expected progress)",
      lines: [formatPercent(row.expectedProgress, { digits: 0 })],
    },
    {
      zh: "实际进度",
      en: "Actual progress",
      lines: [formatPercent(row.actualProgress, { digits: 0 })],
    },
    { zh: "进度判断", en: "Pace", lines: pace },
    ...(simulated ? [{ zh: "达成概率", en: "Probability", lines: [probabilityCell(row)] }] : []),
    { zh: "状态", en: "Status", lines: [row.statusZh, row.status] },
    ...growthFacts(row),
  ];
  const nominal = nominalNote(row);
  if (nominal !== undefined)
    facts.push({ zh: "现价口径", en: "At current prices", lines: [nominal] });
  return facts;
}

function overviewTable(
  rows: readonly AssessmentRow[],
  bases: ReadonlyMap<string, TargetBase>,
  baseYear: number | null,
): QuarterlyTable {
  return {
    columns: [
      { zh: "目标", en: "Target", align: "left", code: true },
      { zh: "基期值", en: `Base${baseYear === null ? "" : ` (${baseYear})`}`, align: "right" },
      { zh: "最新值", en: "Latest (year)", align: "right" },
      { zh: "目标值", en: "Target (year)", align: "right" },
      { zh: "序时进度", en: "Expected / actual", align: "right" },
      { zh: "进度判断", en: "Pace", align: "left" },
      { zh: "状态", en: "Status", align: "left" },
    ],
    rows: rows.map((row) => ({
      emphasis: false,
      cells: [
        [row.targetId, row.nameZh, row.nameEn],
        [baseText(bases.get(row.targetId), baseYear)],
        [latestCell(row)],
        [targetCell(row), `${row.year ?? MISSING}`],
        progressLines(row),
        paceLines(row),
        [row.statusZh, row.status],
      ],
    })),
  };
}

/** Builds the quarterly document of an assessment or a list of them. */
export function buildQuarterlyDocument(input: QuarterlyInput): QuarterlyDocument {
  const base = documentOf(input.fn, input.assessment, {
    ...(input.title === undefined ? {} : { title: input.title }),
    only: input.only,
  });
  const list: readonly Assessment[] = Array.isArray(input.assessment)
    ? input.assessment
    : [input.assessment as Assessment];
  const pack = input.pack;
  const baseYear = pack?.plan.baseYear ?? null;
  const scenarios = list.map((a, k): QuarterlyScenario => {
    const header = base.scenarios[k]?.header;
    const bases = pack === null ? new Map<string, TargetBase>() : targetBases(pack, a);
    const shown = input.only === "judged" ? a.rows.filter(judged) : a.rows;
    const names = new Map(
      pack === null
        ? []
        : [...pack.dataset.places, ...pack.dataset.groups].map((p) => [p.id, p.nameZh]),
    );
    return {
      pack: a.pack,
      scenario: a.scenario,
      scenarioName: a.scenarioName,
      title: header?.title ?? `${a.pack} · ${a.scenario} — ${a.scenarioName}`,
      asOf: header?.asOf ?? a.asOf,
      summary: header?.summary ?? "",
      overview: overviewTable(shown, bases, baseYear),
      overviewRows: shown,
      hiddenCount: a.rows.length - shown.length,
      targets: a.rows.filter(judged).map((row) => ({
        row,
        scopeName: names.get(row.scope) ?? row.scope,
        facts: factsOf(row, bases.get(row.targetId), a.simulation !== undefined),
        contributions:
          pack === null
            ? { ok: false, text: "未提供区域包 Pass the pack to share the gap among the places." }
            : contributionsSection(gapContributions(pack, a, row.targetId)),
      })),
      readiness: base.scenarios[k]?.readiness ?? [],
    };
  });
  return {
    title: base.title,
    collection: base.collection,
    date: input.date.slice(0, 10),
    packGiven: pack !== null,
    scenarios,
    notes: METHOD_NOTES,
  };
}

const judged = (r: AssessmentRow): boolean => r.status !== "insufficient-data";

/** The method notes under every quarterly report. */
const METHOD_NOTES: readonly (readonly [string, string])[] = [
  [
    "序时进度 = (最新数据年份 − 基期年份) ÷ (目标年份 − 基期年份)；实际进度为最新值从基期值走向目标值的比例（对数尺度指标按对数计）。实际进度高于序时进度为“快于序时进度”，低于为“慢于序时进度”，未设容差。",
    "Time elapsed (序时进度) = (latest year − base year) / (target year − base year), at the latest observation; actual progress is the share of the way from the base-year value to the target that the latest value covers (in log terms for log-scale indicators). Actual above expected reads ahead, below behind; no tolerance band is applied (none is documented), the difference is shown in points.",
  ],
  [
    "状态：已完成 achieved；符合序时进度 on-track（预测可达）；需加快进度 needs-acceleration；预计难以完成 off-track；数据不足 insufficient-data。",
    'Status is the library\'s (docs/assessment.md, "Status"): on-track means the projection meets the target; needs-acceleration a miss within 2 points of growth a year (0.5 pp/yr for a rate); off-track a larger miss.',
  ],
  [
    "贡献：按基期占比分解目标（各地分解目标 = 基期值 × 目标值 ÷ 基期合计），贡献 = 预测值 − 分解目标，负值为拖累；各地贡献之和加差额等于差距。比率指标（如城镇化率）按人口加权计。",
    "Contribution: the target is decomposed in proportion to the places' base-year values (place target = base × target / Σ base, the same growth factor for every place over the plan period); contribution = projected − place target, negative holding a ≥ target back. The contributions plus the residual (the group's own series against the sum of its places) add up to the gap. A rate (urbanization) counts each place's value weighted by its share of the population, so that the terms add up to the group's rate; a share counts each place's points of the share.",
  ],
];
