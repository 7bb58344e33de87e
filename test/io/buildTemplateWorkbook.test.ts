// buildTemplateWorkbook: the bytes are an XLSX workbook that exceljs reads back with the agreed
// layout (docs/data-formats.md, "Fill-in template"): README first, then one sheet per lacking
// indicator with its title, header, ids, blank cells, number format, validation and frozen panes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessPack,
  buildTemplateWorkbook,
  planTemplate,
  qujingPack,
  type RegionPack,
} from "../../src/index.js";
import { renamedLabsPack, twoRowPack } from "../helpers/templatePacks.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every text of a sheet, one cell a line. */
function textOf(ws: ExcelJS.Worksheet): string {
  const out: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      out.push(String(cell.value));
    });
  });
  return out.join("\n");
}

describe("buildTemplateWorkbook on Qujing's trend scenario", () => {
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;
  const readiness = assessPack(qujingPack, "trend").readiness;
  const indicators = [...new Set(readiness.map((n) => n.indicator))];

  beforeAll(async () => {
    bytes = await buildTemplateWorkbook(qujingPack, "trend");
    workbook = await load(bytes);
  });

  it("returns the bytes of a zip archive (a plain Uint8Array)", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // "PK"
  });

  it("has a README sheet first, then one sheet per indicator the readiness list lacks", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["README", ...indicators]);
  });

  it("gives each indicator sheet its title, header, ids and blank cells", () => {
    const plan = planTemplate(qujingPack, "trend");
    for (const indicator of indicators) {
      const ws = sheetOf(workbook, indicator);
      const needs = readiness.filter((n) => n.indicator === indicator);
      const years = [...new Set(needs.flatMap((n) => n.years))].sort((a, b) => a - b);
      const title = plan.sheets.find((s) => s.indicator === indicator)?.title;
      expect(ws.getCell("A1").value).toBe(title);
      expect(ws.model.merges).toEqual([`A1:${ws.getColumn(years.length + 1).letter}1`]);
      expect(ws.getRow(2).values).toEqual([undefined, "地区 place", ...years]);
      expect(ws.rowCount).toBe(2 + needs.length);
      for (const [i, need] of needs.entries()) {
        const row = ws.getRow(3 + i);
        expect(row.getCell(1).value).toBe(need.scope);
        for (let c = 2; c <= years.length + 1; c++) expect(row.getCell(c).value).toBeNull();
      }
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    }
  });

  it("lays out urbanization_hukou_pct: the city, 2015–2024, decimals from 0 to 100", () => {
    const ws = sheetOf(workbook, "urbanization_hukou_pct");
    expect(ws.getCell("A1").value).toBe(
      "户籍人口城镇化率 Urbanization rate (household registration)（%）",
    );
    expect(ws.getCell("A2").value).toBe("地区 place");
    expect(ws.getCell("B2").value).toBe(2015);
    expect(ws.getCell("K2").value).toBe(2024);
    expect(ws.getCell("L2").value).toBeNull();
    expect(ws.getCell("A3").value).toBe("city");
    expect(ws.getCell("A3").note).toBe("曲靖市 Qujing City");
    expect(ws.getCell("A4").value).toBeNull();
    const cell = ws.getCell("F3");
    expect(cell.value).toBeNull();
    expect(cell.numFmt).toBe("0.00");
    expect(cell.dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
    });
    expect(cell.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
  });

  it("formats amounts with two decimals and counts as whole numbers, both at least 0", () => {
    const money = sheetOf(workbook, "manufacturing_va").getCell("B3");
    expect(money.numFmt).toBe("#,##0.00");
    expect(money.dataValidation).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    const counts = sheetOf(workbook, "hightech_enterprises_new");
    expect(counts.getRow(2).values).toEqual([undefined, "地区 place", 2021, 2022, 2023, 2024]);
    expect(counts.getCell("B3").numFmt).toBe("0");
  });

  it("says in the README how to fill the sheets and feed them back, in Chinese and English", () => {
    const text = textOf(sheetOf(workbook, "README"));
    expect(text).toContain("填写说明 How to fill");
    expect(text).toContain("空白表示没有数据");
    expect(text).toContain("A blank cell means no figure");
    expect(text).toContain("regionsim assess --pack qujing --scenario trend --data needs.xlsx");
    for (const indicator of indicators) expect(text).toContain(indicator);
    for (const row of assessPack(qujingPack, "trend").rows)
      if (row.status === "insufficient-data") expect(text).toContain(row.targetId);
  });

  it("lists in the README table each sheet with its unit, years and the targets it unlocks", () => {
    const ws = sheetOf(workbook, "README");
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "工作表 sheet") header = n;
    });
    expect(header).toBeGreaterThan(0);
    const table = new Map<string, string[]>();
    for (let n = header + 1; n <= ws.rowCount; n++) {
      const values = ws.getRow(n).values as unknown[];
      table.set(String(values[1]), values.slice(2).map(String));
    }
    expect([...table.keys()]).toEqual(indicators);
    const [indicator, unit, rows, years, targets] = table.get("urbanization_hukou_pct") ?? [];
    expect(indicator).toBe("户籍人口城镇化率\nUrbanization rate (household registration)");
    expect(unit).toBe("%\n0–100");
    expect(rows).toBe("city 曲靖市");
    expect(years).toBe("at least 2 of 2015–2024");
    expect(targets).toMatch(/^urbanization-hukou 户籍人口城镇化率/);
    expect(table.get("rd_expenditure_enterprise")?.[5]).toBe("rd_expenditure");
  });
});

describe("buildTemplateWorkbook on the synthetic pack", () => {
  it("greys the years a row does not need", async () => {
    const ws = sheetOf(await load(await buildTemplateWorkbook(twoRowPack(), "steady")), "labs_new");
    expect(ws.getRow(2).values).toEqual([undefined, "地区 place", 2021, 2022, 2023]);
    const fill = (address: string) => (ws.getCell(address).fill as ExcelJS.FillPattern).fgColor;
    expect(ws.getCell("A4").value).toBe("east");
    expect(fill("B3")).toEqual({ argb: "FFFFF2CC" }); // all, 2021: needed
    expect(fill("B4")).toEqual({ argb: "FFEDEDED" }); // east, 2021: not needed
    expect(fill("C4")).toEqual({ argb: "FFFFF2CC" }); // east, 2022: needed
  });

  it("names the sheets of long ids within 31 characters, the title keeping the indicator's names", async () => {
    const a = "labs_newly_recognised_by_the_province_a";
    const b = "labs_newly_recognised_by_the_province_b";
    const workbook = await load(await buildTemplateWorkbook(renamedLabsPack([a, b]), "steady"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "README",
      "labs_newly_recognised_by_the_pr",
      "labs_newly_recognised_by_the_~2",
    ]);
    expect(sheetOf(workbook, "labs_newly_recognised_by_the_~2").getCell("A1").value).toBe(
      "新增实验室2 New labs 2（个 count）",
    );
    // The README says which indicator a shortened sheet holds.
    expect(textOf(sheetOf(workbook, "README"))).toContain(
      `labs_newly_recognised_by_the_~2\n= ${b}`,
    );
  });

  it("writes only the README when nothing is lacking", async () => {
    const pack = twoRowPack();
    const data = [2021, 2022, 2023].flatMap((year) =>
      // Made-up counts of the synthetic region, whose own figures are made up too.
      ["east", "west"].map((place) => ({
        place,
        indicator: "labs_new",
        year,
        value: 1,
        unit: "count",
        source: "TEST",
        quality: "A" as const,
      })),
    );
    const workbook = await load(await buildTemplateWorkbook(pack, "steady", { data }));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["README"]);
    expect(textOf(sheetOf(workbook, "README"))).toContain(
      "Every target can be evaluated: there is nothing to fill.",
    );
  });

  it("rejects bad arguments with errors naming buildTemplateWorkbook", async () => {
    await expect(buildTemplateWorkbook(undefined as unknown as RegionPack, "x")).rejects.toThrow(
      ArgumentTypeError,
    );
    await expect(buildTemplateWorkbook(undefined as unknown as RegionPack, "x")).rejects.toThrow(
      "buildTemplateWorkbook: pack must be a region pack (got nothing)",
    );
    await expect(buildTemplateWorkbook(qujingPack, "Trend")).rejects.toThrow(ArgumentRangeError);
    await expect(buildTemplateWorkbook(qujingPack, "Trend")).rejects.toThrow(
      /^buildTemplateWorkbook: scenario must be a scenario id of the pack .*; did you mean "trend"\?/,
    );
  });
});

describe("exceljs stays out of the core", () => {
  const SRC = new URL("../../src/", import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
    });

  it("no module of src/ imports exceljs but as types or with a dynamic import()", () => {
    const staticImports = files(SRC).filter((file) =>
      /^import(?!\s+type\b)[^;]*from\s+["']exceljs["']/m.test(readFileSync(file, "utf8")),
    );
    expect(staticImports).toEqual([]);
    const dynamic = files(SRC).filter((file) =>
      readFileSync(file, "utf8").includes('import("exceljs")'),
    );
    expect(dynamic.length).toBeGreaterThan(0);
  });
});
