// The Excel report, read back with exceljs: the sheets, headers in Chinese and English, numbers
// as numbers with number formats, status fills, frozen headers, the autofilter, the run record,
// and text that looks like a formula kept as text.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { assessPack } from "../../src/assessment/assessPack.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { packFingerprint } from "../../src/report/internal/runRecord.js";
import { XLSX_SHEETS } from "../../src/report/internal/xlsxReportFormat.js";
import { STATUS_FILLS } from "../../src/report/internal/xlsxTable.js";
import { renderReport } from "../../src/report/renderReport.js";
import { type Assessment, AssessmentSchema } from "../../src/schemas/assessment.js";
import { checkPack } from "../../src/schemas/checkPack.js";
import { rd, row, sampleAssessment } from "./assessmentFixture.js";

/** Texts a spreadsheet would run as formulas if they were written as formulas (OWASP). */
const HOSTILE = ['=HYPERLINK("https://example.com","x")', "+1+1", "-2+3", "@SUM(A1:A2)"] as const;

/** The sample assessment with an on-track row, hostile names and notes, projections and a fan. */
const assessment: Assessment = AssessmentSchema.parse({
  ...sampleAssessment,
  rows: [
    ...sampleAssessment.rows,
    row({
      ...rd,
      targetId: "hostile",
      nameZh: HOSTILE[0],
      nameEn: HOSTILE[1],
      status: "on-track",
      statusZh: "符合序时进度",
      latest: { year: 2023, value: 64.2, source: HOSTILE[3] },
      notes: [HOSTILE[2]],
    }),
  ],
  projections: [
    {
      scope: "city",
      indicator: "urbanization",
      basis: "observed",
      years: [2024, 2025],
      values: [55.1, 56.9],
      lower: [54.2, 55.3],
      upper: [56.0, 58.4],
      informative: true,
      level: 0.8,
      model: { requested: "auto", fitted: "logistic", reason: "trend", fallback: null },
    },
  ],
  simulation: {
    paths: 1000,
    seed: 7,
    baseYear: 2023,
    quantiles: [0.1, 0.5, 0.9],
    targets: [
      {
        targetId: "urbanization-resident",
        evaluatedYear: 2025,
        probability: 0.2,
        standardError: 0.0126,
        threshold: 60,
        measure: [55.0, 56.9, 58.6],
        firstYearMet: { years: [2024, 2025], probabilities: [0, 0.2], never: 0.8 },
        fan: {
          scope: "city",
          indicator: "urbanization",
          years: [2024, 2025],
          quantiles: [
            [54.3, 55.1, 55.9],
            [55.0, 56.9, 58.6],
          ],
        },
      },
    ],
  },
});

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The row (1-based) of the sheet whose column `key` (found in the English header) holds `value`. */
function column(sheet: ExcelJS.Worksheet, en: string): number {
  const headers = (sheet.getRow(2).values as unknown[]).slice(1);
  const i = headers.indexOf(en);
  expect(i, `column "${en}" of ${sheet.name}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  expect(ws, name).toBeDefined();
  return ws as ExcelJS.Worksheet;
}

describe("renderReport xlsx", () => {
  let book: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderReport(assessment, { format: "xlsx", date: "2026-03-31" });
    book = await read(bytes);
  });

  it("is a workbook with the sheets in order, simulated before counties", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    // Zip files start with "PK\x03\x04".
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "目标 Targets",
      "预测 Projections",
      "模拟分布 Simulated",
      "数据需求 Readiness",
      "来源 Sources",
      "运行记录 Run",
    ]);
  });

  it("heads every sheet with Chinese (row 1) and English (row 2), frozen, with an autofilter", () => {
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      expect(ws.autoFilter).toBe(`A2:${ws.getColumn(ws.columnCount).letter}${ws.rowCount}`);
    }
    const targets = sheet(book, XLSX_SHEETS.targets);
    const zh = (targets.getRow(1).values as unknown[]).slice(1);
    const en = (targets.getRow(2).values as unknown[]).slice(1);
    expect(zh.slice(0, 5)).toEqual(["区域包", "情景", "指标编号", "指标名称", "英文名称"]);
    expect(en.slice(0, 3)).toEqual(["Pack", "Scenario", "Target id"]);
    expect(zh).toContain("序时进度");
    expect(zh).toContain("评估状态");
    expect(targets.rowCount).toBe(2 + assessment.rows.length);
  });

  it("writes numbers as numbers with the format of their kind", () => {
    const ws = sheet(book, XLSX_SHEETS.targets);
    // Row 3 is urbanization-resident: latest 53.6 (2023), required growth 0.0580184… a year.
    const latest = ws.getRow(3).getCell(column(ws, "Latest value"));
    expect(latest.type).toBe(ExcelJS.ValueType.Number);
    expect(latest.value).toBe(53.6);
    expect(latest.numFmt).toBe("#,##0.00##");
    const year = ws.getRow(3).getCell(column(ws, "Latest year"));
    expect([year.value, year.numFmt]).toEqual([2023, "0"]);
    const growth = ws.getRow(3).getCell(column(ws, "Growth a year required"));
    expect([growth.value, growth.numFmt]).toEqual([0.058018423787897344, "0.00%"]);
    const met = ws.getRow(3).getCell(column(ws, "Met"));
    expect([met.type, met.value]).toEqual([ExcelJS.ValueType.Boolean, false]);
    // A missing value is an empty cell, not a dash.
    expect(ws.getRow(5).getCell(column(ws, "Projected")).type).toBe(ExcelJS.ValueType.Null);
  });

  it("fills each status with its own colour", () => {
    const ws = sheet(book, XLSX_SHEETS.targets);
    const c = column(ws, "Status");
    const seen = new Map<string, string>();
    for (let r = 3; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(c);
      const fill = cell.fill as ExcelJS.FillPattern;
      seen.set(String(cell.value), String(fill.fgColor?.argb));
    }
    expect(Object.fromEntries(seen)).toEqual({
      "off-track": STATUS_FILLS["off-track"],
      achieved: STATUS_FILLS.achieved,
      "insufficient-data": STATUS_FILLS["insufficient-data"],
      "needs-acceleration": STATUS_FILLS["needs-acceleration"],
      "on-track": STATUS_FILLS["on-track"],
    });
    expect(new Set(Object.values(STATUS_FILLS)).size).toBe(5);
  });

  it("keeps text that starts like a formula as text", () => {
    const cells: ExcelJS.Cell[] = [];
    for (const ws of book.worksheets)
      ws.eachRow((r) => r.eachCell((cell) => void cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const hostile = cells.filter((c) => (HOSTILE as readonly string[]).includes(String(c.value)));
    // Names (2), the note and the source in the targets sheet; the source in the sources sheet.
    expect(hostile.map((c) => String(c.value)).sort()).toEqual(
      [HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], HOSTILE[3]].sort(),
    );
    for (const c of hostile) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  it("lists the projections by scope, indicator and year with the interval", () => {
    const ws = sheet(book, XLSX_SHEETS.projections);
    const rows = [3, 4].map((r) =>
      [
        "Place or group",
        "Indicator",
        "Year",
        "Projected",
        "Interval, lower bound",
        "Interval, upper bound",
        "Interval level",
      ].map((en) => ws.getRow(r).getCell(column(ws, en)).value),
    );
    expect(rows).toEqual([
      ["city", "urbanization", 2024, 55.1, 54.2, 56.0, 0.8],
      ["city", "urbanization", 2025, 56.9, 55.3, 58.4, 0.8],
    ]);
    expect(ws.getRow(3).getCell(column(ws, "Interval level")).numFmt).toBe("0.00%");
  });

  it("gives the simulated quantiles by year, a column per level", () => {
    const ws = sheet(book, XLSX_SHEETS.simulated);
    expect((ws.getRow(2).values as unknown[]).slice(-3)).toEqual([
      "Quantile 10%",
      "Quantile 50%",
      "Quantile 90%",
    ]);
    expect((ws.getRow(1).values as unknown[]).slice(-1)).toEqual(["90%分位数"]);
    expect((ws.getRow(4).values as unknown[]).slice(-4)).toEqual([2025, 55.0, 56.9, 58.6]);
  });

  it("lists what each insufficient-data target needs", () => {
    const ws = sheet(book, XLSX_SHEETS.readiness);
    const need = sampleAssessment.rows.find((r) => r.status === "insufficient-data");
    expect(ws.rowCount).toBeGreaterThanOrEqual(3);
    expect(ws.getRow(3).getCell(column(ws, "Target")).value).toBe(need?.targetId);
    const atLeast = ws.getRow(3).getCell(column(ws, "At least (years)"));
    expect(atLeast.type).toBe(ExcelJS.ValueType.Number);
  });

  it("ends with the run record: version, pack, no fingerprint without the pack, simulation, date", () => {
    const ws = sheet(book, XLSX_SHEETS.run);
    const record = new Map<string, unknown>();
    ws.eachRow((r, n) => {
      if (n > 2) record.set(String(r.getCell(2).value), r.getCell(3).value);
    });
    expect(record.get("Library")).toBe(`regionsim ${packageJson.version}`);
    expect(record.get("Pack")).toBe("qujing");
    expect(record.get("Data fingerprint")).toBe("— (the pack was not given to the report)");
    expect(record.get("Date")).toBe("2026-03-31");
    expect(record.get("Scenario")).toBe("trend — Trend continuation");
    expect(record.get("Simulated paths")).toBe(1000);
    expect(record.get("Seed")).toBe(7);
  });

  it("gives the same cells for the same input and date", async () => {
    // The bytes differ: the zip stamps each entry with the time of writing.
    const again = await read(
      await renderReport(assessment, { format: "xlsx", date: "2026-03-31" }),
    );
    const cells = (b: ExcelJS.Workbook) =>
      b.worksheets.map((ws) => ws.getSheetValues().map((r) => JSON.stringify(r)));
    expect(cells(again)).toEqual(cells(book));
  });
});

describe("renderReport xlsx of the Qujing pack", () => {
  it("has the county table, the pack's sources and its fingerprint", async () => {
    const a = assessPack(qujingPack, "trend");
    const book = await read(
      await renderReport(a, { format: "xlsx", pack: qujingPack, date: "2026-03-31" }),
    );
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "目标 Targets",
      "预测 Projections",
      "各县（市、区） Counties",
      "数据需求 Readiness",
      "来源 Sources",
      "运行记录 Run",
    ]);
    const counties = sheet(book, XLSX_SHEETS.places);
    expect(counties.rowCount).toBe(2 + (a.placeTable?.length ?? 0));
    const sources = sheet(book, XLSX_SHEETS.sources);
    const keys: unknown[] = [];
    sources.eachRow((r, n) => {
      if (n > 2) keys.push(r.getCell(1).value);
    });
    for (const s of qujingPack.sources) expect(keys).toContain(s.key);
    const projections = sheet(book, XLSX_SHEETS.projections);
    const points = (a.projections ?? []).reduce((n, p) => n + p.years.length, 0);
    expect(projections.rowCount).toBe(2 + points);
    const run = sheet(book, XLSX_SHEETS.run);
    let fingerprint: unknown;
    run.eachRow((r) => {
      if (r.getCell(2).value === "Data fingerprint") fingerprint = r.getCell(3).value;
    });
    // The fingerprint is of the pack as validated, with its defaults filled in.
    expect(fingerprint).toBe(packFingerprint(checkPack("test", qujingPack)));
  });
});
