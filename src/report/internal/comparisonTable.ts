// The scenarios of a report side by side: one row per target, a column group per scenario.

import { type ComparisonRow, comparisonRows } from "../../analysis/compareScenarios.js";
import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import type { ReportField, ReportTable, ReportValue } from "../reportDocument.js";
import { targetCell, withUnit } from "./assessmentCells.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";
import { type ColumnSpec, reportTable } from "./reportTable.js";

const BASE_FIELDS: readonly ReportField[] = [
  { key: "target_id", en: "Target", zh: "目标", kind: "id" },
  { key: "name_zh", en: "Name (Chinese)", zh: "目标名称", kind: "text" },
  { key: "name_en", en: "Name", zh: "目标名称（英文）", kind: "text" },
  { key: "scope", en: "Scope", zh: "范围", kind: "id" },
  { key: "year", en: "Year", zh: "目标年份", kind: "year" },
  { key: "target", en: "Target value", zh: "目标值", kind: "number" },
  { key: "unit", en: "Unit", zh: "单位", kind: "text" },
];

/** The fields of one scenario's cells, keyed `<scenario>:<what>`. */
function scenarioFields(scenario: string, first: boolean): ReportField[] {
  const fields: ReportField[] = [
    {
      key: `${scenario}:projected`,
      en: `${scenario}: projected`,
      zh: `${scenario}：预测值`,
      kind: "number",
    },
    {
      key: `${scenario}:status`,
      en: `${scenario}: status`,
      zh: `${scenario}：评估结论`,
      kind: "status",
    },
    {
      key: `${scenario}:probability`,
      en: `${scenario}: probability`,
      zh: `${scenario}：实现概率`,
      kind: "percent",
    },
  ];
  if (!first)
    fields.push(
      {
        key: `${scenario}:projected_change`,
        en: `${scenario}: projected − first`,
        zh: `${scenario}：预测值变化`,
        kind: "number",
      },
      {
        key: `${scenario}:probability_change`,
        en: `${scenario}: probability − first`,
        zh: `${scenario}：概率变化`,
        kind: "percent",
      },
    );
  return fields;
}

/** `6,012 100M yuan`, the growth unit `%/yr` for a growth target; `—` when missing. */
function projectedText(row: ComparisonRow, value: number | null, signed = false): string {
  if (value === null) return MISSING;
  if (signed) return formatNumber(value, { signed: true });
  return withUnit(value, row.unit);
}

/**
 * The comparison table of a report of several scenarios of one pack: per target its condition
 * and, per scenario, the projected value, the status and the probability (when simulated), with
 * the change of the projection and of the probability from the first scenario. Null for fewer
 * than two scenarios, or scenarios that are not of one pack with the same targets in the same
 * order (nothing to set side by side).
 */
export function comparisonTable(
  assessments: readonly Assessment[],
  only: "all" | "judged" = "all",
): ReportTable | null {
  if (assessments.length < 2) return null;
  const pack = assessments[0]?.pack;
  if (assessments.some((a) => a.pack !== pack)) return null;
  // Scenarios of one pack judge the same targets; lists that do not are not compared.
  const ids = (a: Assessment) => a.rows.map((r) => r.targetId).join("\n");
  const first = ids(assessments[0] as Assessment);
  const unique = new Set((assessments[0] as Assessment).rows.map((r) => r.targetId));
  if (unique.size !== (assessments[0] as Assessment).rows.length) return null;
  if (assessments.some((a) => ids(a) !== first)) return null;
  // With only "judged", a target no scenario could judge is left out (the readiness lists say why).
  const rows = comparisonRows(assessments).filter(
    (r) => only === "all" || r.cells.some((c) => c.status !== "insufficient-data"),
  );
  const firstRows = new Map<string, AssessmentRow>(
    (assessments[0] as Assessment).rows.map((r) => [r.targetId, r]),
  );
  const scenarios = assessments.map((a) => a.scenario);
  const simulated = assessments.some((a) => a.simulation !== undefined);
  const fields = [...BASE_FIELDS, ...scenarios.flatMap((s, i) => scenarioFields(s, i === 0))];
  const columns: ColumnSpec<ComparisonRow>[] = [
    {
      key: "target",
      en: "Target",
      zh: "目标",
      kind: "target",
      fields: ["target_id", "name_zh", "name_en"],
      lines: (r) => [r.targetId, r.nameZh, r.nameEn],
    },
    {
      key: "scope",
      en: "Scope",
      zh: "范围",
      kind: "id",
      fields: ["scope"],
      lines: (r) => [r.scope],
    },
    {
      key: "year",
      en: "Year",
      zh: "年份",
      kind: "year",
      align: "right",
      fields: ["year"],
      lines: (r) => [r.year === null ? MISSING : String(r.year)],
    },
    {
      key: "condition",
      en: "Target",
      zh: "目标值",
      kind: "text",
      fields: ["target", "unit"],
      lines: (r) => {
        const row = firstRows.get(r.targetId);
        return [row === undefined ? MISSING : targetCell(row)];
      },
    },
    ...scenarios.map(
      (s, i): ColumnSpec<ComparisonRow> => ({
        key: s,
        en: s,
        zh: s,
        detail: i === 0 ? "(projected / status)" : "(projected, change / status)",
        kind: "text",
        align: "left",
        fields: scenarioFields(s, i === 0).map((f) => f.key),
        lines: (r) => {
          const c = r.cells[i];
          if (c === undefined) return [MISSING];
          const change =
            i === 0 || c.projectedChange === null
              ? ""
              : ` (${projectedText(r, c.projectedChange, true)})`;
          const p = !simulated
            ? []
            : [
                `P ${formatPercent(c.probability, { digits: 0 })}${
                  i === 0 || c.probabilityChange === null
                    ? ""
                    : ` (${formatPercent(c.probabilityChange, { digits: 0, signed: true })})`
                }`,
              ];
          return [`${projectedText(r, c.projected)}${change}`, `${c.status} ${c.statusZh}`, ...p];
        },
      }),
    ),
  ];
  return reportTable(fields, columns, rows, (r) => {
    const values: Record<string, ReportValue> = {
      target_id: r.targetId,
      name_zh: r.nameZh,
      name_en: r.nameEn,
      scope: r.scope,
      year: r.year,
      target: r.target,
      unit: r.unit,
    };
    r.cells.forEach((c, i) => {
      const s = c.scenario;
      values[`${s}:projected`] = c.projected;
      values[`${s}:status`] = c.status;
      values[`${s}:probability`] = c.probability;
      if (i > 0) {
        values[`${s}:projected_change`] = c.projectedChange;
        values[`${s}:probability_change`] = c.probabilityChange;
      }
    });
    return values;
  });
}
