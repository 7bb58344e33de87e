import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { ASSESSMENT_CSV_COLUMNS } from "../../src/report/formatAssessmentCsv.js";
import { buildReportDocument, type ReportTable } from "../../src/report/reportDocument.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import {
  expectNonFiniteRejected,
  quietAssessment,
  rd,
  sampleAssessment,
} from "./assessmentFixture.js";

/** The cell of `column` in row `i`, as lines. */
function cellOf(table: ReportTable, i: number, column: string): readonly string[] {
  const j = table.columns.findIndex((c) => c.key === column);
  return table.rows[i]?.cells[j]?.lines ?? [];
}

describe("buildReportDocument", () => {
  const doc = buildReportDocument(sampleAssessment);
  const [s] = doc.scenarios;
  if (s === undefined) throw new Error("no scenario");

  it("titles one assessment after its pack, scenario and scenario name", () => {
    expect(doc).toMatchObject({
      title: "qujing · trend — Trend continuation",
      titleGiven: false,
      pack: "qujing",
      collection: false,
    });
    expect(doc.scenarios).toHaveLength(1);
    expect(s.header).toEqual({
      pack: "qujing",
      scenario: "trend",
      scenarioName: "Trend continuation",
      title: "qujing · trend — Trend continuation",
      asOf: 2023,
      targetCount: 4,
      hiddenCount: 0,
      summary:
        "1 achieved 已完成, 1 needs-acceleration 需加快进度, 1 off-track 预计难以完成, 1 insufficient-data 数据不足",
      simulation: null,
    });
  });

  it("declares the raw values of a target row once, as the CSV columns, with English and Chinese headers", () => {
    expect(s.targets.fields.map((f) => f.key)).toEqual([...ASSESSMENT_CSV_COLUMNS]);
    expect(s.targets.fields.find((f) => f.key === "gap_relative")).toEqual({
      key: "gap_relative",
      en: "Gap, relative",
      zh: "相对差距",
      kind: "percent",
    });
    for (const f of s.targets.fields) expect(f.zh).toMatch(/\p{Script=Han}/u);
  });

  it("has one row per target with a raw value for every field and a cell for every column", () => {
    expect(s.targets.rows).toHaveLength(4);
    expect(s.targets.columns.map((c) => c.key)).toEqual([
      "target",
      "year",
      "target_value",
      "latest",
      "projected",
      "gap",
      "growth",
      "first_year_met",
      "progress",
      "probability",
      "status",
    ]);
    for (const row of s.targets.rows) {
      expect(Object.keys(row.values)).toEqual([...ASSESSMENT_CSV_COLUMNS]);
      expect(row.cells).toHaveLength(s.targets.columns.length);
    }
    expect(s.targets.rows[0]?.values).toMatchObject({
      target_id: "urbanization-resident",
      projected: 56.9,
      interval_lower: 55.3,
      interval_level: 0.8,
      gap_relative: -0.051666666666666666,
      status: "off-track",
      notes: [
        "Projected with the logistic trend of 2010–2023.",
        "Quality-C figure for 2021 not used.",
      ],
    });
  });

  it("writes the display text of each cell, stacking the values a column shows", () => {
    // gap −3.1 / 60 = −5.2%; (60/53.6)^(1/2) − 1 = 5.8%; (56.9/53.6)^(1/2) − 1 = 3.0%
    expect(cellOf(s.targets, 0, "target")).toEqual([
      "urbanization-resident",
      "常住人口城镇化率",
      "Resident-population urbanization rate",
    ]);
    expect(cellOf(s.targets, 0, "projected")).toEqual(["56.9", "[55.3, 58.4]"]);
    expect(cellOf(s.targets, 0, "gap")).toEqual(["-3.1", "(-5.2%)"]);
    expect(cellOf(s.targets, 0, "growth")).toEqual(["req. +5.8%", "impl. +3.0%"]);
    expect(cellOf(s.targets, 0, "status")).toEqual(["off-track", "预计难以完成"]);
    expect(cellOf(s.targets, 2, "latest")).toEqual(["—"]);
    expect(cellOf(s.targets, 3, "probability")).toEqual(["42%"]);
    const projected = s.targets.columns.find((c) => c.key === "projected");
    expect(projected).toEqual({
      key: "projected",
      en: "Projected",
      zh: "预测值",
      kind: "number",
      fields: ["projected", "interval_lower", "interval_upper"],
      detail: "[interval]",
      align: "right",
    });
  });

  it("leaves the probability column out when nothing was simulated", () => {
    const quiet = buildReportDocument(quietAssessment).scenarios[0];
    expect(quiet?.targets.columns.map((c) => c.key)).not.toContain("probability");
    expect(quiet?.targets.rows[0]?.cells).toHaveLength(10);
    expect(quiet?.legend.probability).toBeNull();
  });

  it("gives the legend: statuses with their Chinese terms, the terms, the interval level once", () => {
    expect(s.legend.statuses).toEqual([
      { status: "achieved", zh: "已完成", count: 1 },
      { status: "needs-acceleration", zh: "需加快进度", count: 1 },
      { status: "off-track", zh: "预计难以完成", count: 1 },
      { status: "insufficient-data", zh: "数据不足", count: 1 },
    ]);
    expect(s.legend.terms.map((t) => t.key)).toEqual(["gap", "growth", "progress"]);
    expect(s.legend.intervals).toEqual({
      levels: [0.8],
      text: "Intervals: 80% prediction intervals.",
    });
    expect(s.legend.probability).toBe("P: probability of attainment from the simulated paths.");
  });

  it("lists notes, data readiness, discrepancies, issues and sources", () => {
    expect(s.notes.map((n) => [n.targetId, n.notes.length])).toEqual([
      ["urbanization-resident", 2],
      ["trade-growth", 1],
    ]);
    expect(s.readiness).toHaveLength(1);
    expect(s.readiness[0]?.targetId).toBe("trade-growth");
    expect(s.readiness[0]?.needs.map((n) => [n.yearsText, n.text])).toEqual([
      ["year 2020", "city · trade · year 2020: the base-year value the growth is measured from"],
      [
        "at least 1 of 2021–2024",
        "city · trade · at least 1 of 2021–2024: a recent value, to measure growth so far",
      ],
    ]);
    // 3393.92 → 3,394; 3401.047232 → 3,401; relative 0.0021 → +0.21%
    expect(s.discrepancies.rows.map((r) => r.cells.map((c) => c.lines.join(" ")))).toEqual([
      ["city", "gdp", "2022", "3,394", "3,401", "+0.21%", "3: qilin, zhanyi, malong"],
    ]);
    expect(s.disparity).toMatchObject({ table: { rows: [] }, lacking: [] });
    expect(s.issues.map((i) => i.text)).toEqual(["data.csv:4: warning: two sources disagree"]);
    expect(s.sources).toEqual([
      { source: "CSMAR_GH", targetIds: ["urbanization-resident"] },
      { source: "YB", targetIds: ["rd-expenditure", "central-city-gdp-share"] },
    ]);
  });

  it("titles a list of assessments after the pack, or as given", () => {
    const both = buildReportDocument([sampleAssessment, quietAssessment]);
    expect(both).toMatchObject({
      title: "qujing — assessment of the plan targets",
      titleGiven: false,
      collection: true,
    });
    expect(both.scenarios.map((x) => x.header.title)).toEqual([
      "qujing · trend — Trend continuation",
      "qujing · plan — Plan path",
    ]);
    expect(buildReportDocument([quietAssessment], { title: "曲靖市" })).toMatchObject({
      title: "曲靖市",
      titleGiven: true,
      collection: true,
    });
  });

  it("keeps text from the data as it is, for each writer to escape", () => {
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      rows: [{ ...rd, scenario: "plan", nameEn: "R|D\r\n[x](y)\u001b" }],
    });
    const row = buildReportDocument(tricky).scenarios[0]?.targets.rows[0];
    expect(row?.values.name_en).toBe("R|D\r\n[x](y)\u001b");
    expect(row?.cells[0]?.lines[2]).toBe("R|D\r\n[x](y)\u001b");
  });

  it("stores a negative zero as 0, as JSON does", () => {
    const zero = AssessmentSchema.parse({
      ...quietAssessment,
      rows: [{ ...rd, scenario: "plan", gap: { absolute: -0, relative: -0 } }],
    });
    const values = buildReportDocument(zero).scenarios[0]?.targets.rows[0]?.values;
    expect(Object.is(values?.gap_absolute, 0)).toBe(true);
    expect(Object.is(values?.gap_relative, 0)).toBe(true);
  });

  it("throws a TypeError naming the field for a number that is not finite", () => {
    expectNonFiniteRejected("buildReportDocument", (a) => JSON.stringify(buildReportDocument(a)));
  });
});

describe("buildReportDocument: Qujing under the trend scenario", () => {
  const assessment = assessPack(qujingPack, "trend");
  const doc = buildReportDocument(assessment);
  const [s] = doc.scenarios;

  it("has a row for each of the pack's targets and every section", () => {
    expect(s?.targets.rows).toHaveLength(qujingPack.targets.length);
    expect(s?.targets.rows.map((r) => r.values.target_id)).toEqual(
      qujingPack.targets.map((t) => t.id),
    );
    expect(s?.header.targetCount).toBe(qujingPack.targets.length);
    expect(s?.readiness.map((r) => r.targetId)).toEqual(
      assessment.rows.filter((r) => r.status === "insufficient-data").map((r) => r.targetId),
    );
    // Every note of every row is given once: under the row, or among the shared notes with it;
    // a row at constant prices also has its judgement at current prices as its first note.
    for (const r of assessment.rows) {
      const own = s?.notes.find((n) => n.targetId === r.targetId)?.notes ?? [];
      const shared = (s?.sharedNotes ?? [])
        .filter((n) => n.targetIds.includes(r.targetId))
        .map((n) => n.note);
      const nominal = own.filter((n) => n.startsWith("at current prices (nominal): "));
      expect(nominal).toHaveLength(r.nominal === undefined ? 0 : 1);
      expect(new Set([...own, ...shared])).toEqual(new Set([...nominal, ...r.notes]));
    }
    expect(s?.discrepancies.rows).toHaveLength(assessment.discrepancies.length);
    expect(s?.disparity.table.rows).toHaveLength(assessment.disparity?.length ?? 0);
    expect(s?.disparity.table.rows.length).toBeGreaterThan(0);
    expect(s?.issues).toHaveLength(assessment.issues.length);
    expect(s?.legend.statuses.reduce((n, x) => n + x.count, 0)).toBe(qujingPack.targets.length);
  });

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
  });
});
