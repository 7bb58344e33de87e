// The fill-in template's layout (docs/data-formats.md, "Fill-in template"), built here as
// `regionsim template` builds it — README sheet first; one sheet per indicator named by its id
// (cut to Excel's 31 characters); row 1 a title merged across with both names and the unit in
// parentheses; row 2 `地区 place` and the years as numbers; ids in column A with their names in a
// note; blank cells formatted, validated and filled — reads back unchanged through readWorkbook.
import ExcelJS from "exceljs";
import { formatIssue, qujingPack, readWorkbook } from "regionsim";
import { describe, expect, it } from "vitest";

interface TemplateSheet {
  readonly name: string;
  readonly title: string;
  readonly years: readonly number[];
  readonly rows: readonly {
    readonly id: string;
    readonly note: string;
    readonly values: readonly (number | undefined)[];
  }[];
}

async function template(sheets: readonly TemplateSheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const readme = book.addWorksheet("README");
  readme.getCell("A1").value = "数据填报模板 Data template";
  readme.getRow(5).values = ["工作表 sheet", "指标 indicator", "地区 place", "年份 years"];
  readme.getRow(6).values = ["gdp", "地区生产总值", "central-city", "2020–2021"];
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    ws.mergeCells(1, 1, 1, s.years.length + 1);
    ws.getCell(1, 1).value = s.title;
    ws.getCell(2, 1).value = "地区 place";
    s.years.forEach((year, j) => {
      ws.getCell(2, j + 2).value = year;
    });
    s.rows.forEach((row, i) => {
      const id = ws.getCell(i + 3, 1);
      id.value = row.id;
      id.note = row.note;
      s.years.forEach((_, j) => {
        const cell = ws.getCell(i + 3, j + 2);
        cell.numFmt = "#,##0.00";
        cell.dataValidation = {
          type: "decimal",
          operator: "greaterThanOrEqual",
          formulae: [0],
          allowBlank: true,
        };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
        const value = row.values[j];
        if (value !== undefined) cell.value = value;
      });
    });
    ws.views = [{ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("a filled-in template reads back unchanged", () => {
  it("by sheet id, title and ids; blank cells give nothing; 亿元 is the indicator's 100M yuan", async () => {
    // The central city's GDP, 亿元: 麒麟 + 沾益 + 马龙 from qujing_extract.csv (ADM3, 万元 / 10⁴):
    // 2020 905.88 + 305.53 + 91.58 = 1302.99; 2021 1038.83 + 353.62 + 109.62 = 1502.07.
    const bytes = await template([
      {
        name: "gdp",
        title: "地区生产总值 GDP（亿元 100M yuan）",
        years: [2019, 2020, 2021],
        rows: [
          {
            id: "central-city",
            note: "曲靖中心城市 Central city",
            values: [undefined, 1302.99, 1502.07],
          },
          { id: "others", note: "其余县(市) Other counties", values: [] },
        ],
      },
      {
        // census_top3_counties_pop_share_pct is 34 characters: Excel takes 31.
        name: "census_top3_counties_pop_share_",
        title: "人口前三位县(市、区)占比 Census population share of the three largest places（%）",
        years: [2020],
        // 51.69 %: 宣威市 + 麒麟区 + 会泽县 in the 7th census bulletin (the pack's QJ_7P_BULLETIN).
        rows: [{ id: "city", note: "曲靖市 Qujing City", values: [51.69] }],
      },
    ]);
    const r = await readWorkbook(bytes, qujingPack.dataset, { file: "needs.xlsx" });
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.ok && r.value).toEqual([
      {
        place: "central-city",
        indicator: "gdp",
        year: 2020,
        value: 1302.99,
        unit: "100M yuan",
        source: "needs.xlsx",
        quality: "A",
      },
      {
        place: "central-city",
        indicator: "gdp",
        year: 2021,
        value: 1502.07,
        unit: "100M yuan",
        source: "needs.xlsx",
        quality: "A",
      },
      {
        place: "city",
        indicator: "census_top3_counties_pop_share_pct",
        year: 2020,
        value: 51.69,
        unit: "%",
        source: "needs.xlsx",
        quality: "A",
      },
    ]);
  });

  it("an unfilled template holds no observation and no error", async () => {
    const bytes = await template([
      {
        name: "population_resident",
        title: "年末常住人口 Resident population (year-end)（万人 10k persons）",
        years: [2021, 2022],
        rows: [{ id: "qilin", note: "麒麟区 Qilin District", values: [] }],
      },
    ]);
    const r = await readWorkbook(bytes, qujingPack.dataset, { file: "needs.xlsx" });
    expect(r).toEqual({ ok: true, value: [], issues: [] });
  });
});
