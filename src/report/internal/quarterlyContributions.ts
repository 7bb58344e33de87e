// The places' contributions to a target's gap as a table of the quarterly report.

import type {
  GapContributionPlace,
  GapContributions,
  GapContributionsResult,
} from "../../analysis/gapContributions.js";
import { withUnit } from "./assessmentCells.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";

/** A column of a quarterly table: Chinese and English headers. */
export interface QuarterlyColumn {
  readonly zh: string;
  readonly en: string;
  readonly align: "left" | "right";
  /** The first line of each cell is an id (Markdown shows it as code). */
  readonly code?: boolean;
}

/** A table of the quarterly report: display text only, one entry per line of a cell. */
export interface QuarterlyTable {
  readonly columns: readonly QuarterlyColumn[];
  readonly rows: readonly {
    readonly cells: readonly (readonly string[])[];
    /** A total line (the sum of the places, the residual, the gap). */
    readonly emphasis: boolean;
  }[];
}

/** What the terms are, by method, in Chinese and English. */
const TERMS: Readonly<Record<GapContributionsResult["method"], readonly [string, string]>> = {
  level: ["各地数值之和", "the places' values, which add up to the whole"],
  weighted: [
    "各地数值按人口（权重）占比加权",
    "each place's value times its share of the weight, e.g. population: its points of the group's rate",
  ],
  share: ["各地占整体的百分点", "each place's points of the share: its level over the whole's"],
};

const num = (v: number | null) => formatNumber(v);
const signed = (v: number | null) => formatNumber(v, { signed: true });

function placeCells(p: GapContributionPlace, level: boolean): string[][] {
  const name = [p.nameZh, `${p.place}${p.informative || p.missing !== null ? "" : " *"}`];
  const contribution =
    p.missing === null ? [signed(p.contribution)] : [MISSING, `无数据 no data: ${p.missing}`];
  const cells = [name, [num(p.base)], [num(p.target)], [num(p.projected)], contribution];
  if (!level) return cells;
  return [
    ...cells,
    [p.latest === null ? MISSING : `${num(p.latest.value)} (${p.latest.year})`],
    [
      `需 req. ${formatPercent(p.requiredGrowth, { signed: true })}`,
      `预 impl. ${formatPercent(p.impliedGrowth, { signed: true })}`,
    ],
  ];
}

/**
 * The contributions section of one target: two lines saying how the target was shared (Chinese,
 * English) and the table (place, base, place target, projected, contribution; for levels also
 * the latest value and the growth a year required vs implied), with the places' total, the
 * residual and the gap; or why the gap is not shared.
 */
export function contributionsSection(
  c: GapContributions,
):
  | { readonly ok: true; readonly lines: readonly string[]; readonly table: QuarterlyTable }
  | { readonly ok: false; readonly text: string } {
  if (!c.ok) return { ok: false, text: `不按地区分解 Not shared among places: ${c.reason}.` };
  const level = c.method === "level";
  const unit = c.method === "level" ? c.unit : "pp";
  const factor = c.total.base === 0 ? null : c.target / c.total.base;
  const [termZh, termEn] = TERMS[c.method];
  const lines = [
    `按${c.baseYear}年占比分解目标（${termZh}）：分解目标 = 基期值 × ${formatNumber(c.target)} ÷ ${formatNumber(c.total.base)}；贡献 = 预测值 − 分解目标（单位 ${unit}）。`,
    `The target is shared in proportion to the ${c.baseYear} values (${termEn}): place target = base × ${formatNumber(c.target)} / ${formatNumber(c.total.base)}${factor === null ? "" : ` (× ${formatNumber(factor, { digits: 3 })})`}; contribution = projected − place target, in ${unit}.`,
    ...c.notes,
    ...(c.places.some((p) => !p.informative && p.missing === null)
      ? ["* 持平外推 the projection only carries the last value forward"]
      : []),
  ];
  const blank = (n: number) => Array.from({ length: n }, () => [""]);
  const extra = level ? 2 : 0;
  const total = (zh: string, en: string, value: number, cells: string[][] = blank(3)) => ({
    emphasis: true,
    cells: [[zh, en], ...cells, [signed(value)], ...blank(extra)],
  });
  const table: QuarterlyTable = {
    columns: [
      { zh: "地区", en: "Place", align: "left" },
      { zh: "基期值", en: `Base (${c.baseYear})`, align: "right" },
      { zh: "分解目标", en: `Place target (${c.year})`, align: "right" },
      { zh: "预测值", en: `Projected (${c.year})`, align: "right" },
      { zh: "贡献", en: "Contribution", align: "right" },
      ...(level
        ? ([
            { zh: "最新值", en: "Latest (year)", align: "right" },
            { zh: "年均增长", en: "Growth a year, req. / impl.", align: "right" },
          ] as const)
        : []),
    ],
    rows: [
      ...c.places.map((p) => ({ emphasis: false, cells: placeCells(p, level) })),
      total("各地合计", "Places total", c.total.contribution, [
        [num(c.total.base)],
        [num(c.total.target)],
        [num(c.total.projected)],
      ]),
      total("差额", `Residual (${c.scope}'s series − its places)`, c.residual),
      total(
        "差距",
        `Gap (projected − target${c.judgement === "nominal" ? ", at current prices" : ""})`,
        c.gap,
        [[""], [withUnit(c.target, c.unit === "%" ? "%" : c.unit)], [num(c.projected)]],
      ),
    ],
  };
  return { ok: true, lines, table };
}
