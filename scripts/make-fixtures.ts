/**
 * Writes the yearbook-shaped fixture files the workbook and table readers are tested on:
 *
 * - `test/fixtures/good/yearbook-gdp.xlsx`: an Excel workbook laid out as a county statistical
 *   yearbook lays out its tables. Sheet `表3-5`: a title merged across the table
 *   「各县（市、区）地区生产总值（万元）」, a header `地区 | 2017年 | 2018年 | 2019年`, the
 *   nine places by full name, `—` where a place has no figure, a 注： line and a 资料来源 line
 *   (both merged across). Sheet `第一产业增加值`: no title; the indicator is the sheet's name and
 *   the unit a `单位：万元` line above the header, places by short name, years as numbers.
 *   Sheet `说明`: a note to the reader, which the readers ignore.
 * - `test/fixtures/good/yearbook-hukou-gbk.csv`: a wide CSV table saved in GBK (as Chinese Excel
 *   saves "CSV"), title 「各县（市、区）年末户籍人口（万人）」, header `地区,2017年,2018年,2019年`,
 *   places by short name (and 马龙县, the county's name before it became a district in 2018),
 *   a 全市 row of `…` (the source table has no city total), a 注： line.
 *
 * Every figure is copied from `../shared/data/cn-panels/qujing_extract.csv` (the Qujing rows of
 * the cn-panels files): GDP and primary value added from `duhe_master_thesis/ADM3_version2.dta`
 * (CSMAR county GDP, 万元, current prices), hukou population from
 * `duhe_master_thesis/CNT_PopHouseUrbRate.csv` (CSMAR county population table, 万人). The
 * sources of these tables are the county statistical yearbooks.
 *
 * Run with `npx tsx scripts/make-fixtures.ts`. The CSV is the same bytes on every run (a test
 * checks it); the workbook's ZIP container carries the time it was written, so its bytes differ,
 * but not its content.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const GOOD = join(root, "test", "fixtures", "good");

/** 地区生产总值, 万元, 2017–2019 (ADM3_version2.dta via qujing_extract.csv); `—`: no figure. */
export const GDP_10K_YUAN: readonly (readonly [string, number | "—", number, number])[] = [
  ["麒麟区", 6330900, 6518600, 8278200],
  ["沾益区", 1968900, 2058100, 2759900],
  // 马龙 has GDP only from 2018, on its district code 530304.
  ["马龙区", "—", 561300, 801700],
  ["宣威市", 2728000, 2807600, 3602200],
  ["会泽县", 1802500, 1900200, 2477500],
  ["陆良县", 1680300, 1756800, 2335500],
  ["师宗县", 1181400, 1190800, 1518200],
  ["罗平县", 1698800, 1786300, 2452900],
  ["富源县", 1477700, 1553500, 2191800],
];

/** 第一产业增加值, 万元, 2018–2019 (ADM3_version2.dta via qujing_extract.csv). */
export const PRIMARY_VA_10K_YUAN: readonly (readonly [string, number, number])[] = [
  ["麒麟", 261100, 313200],
  ["沾益", 413100, 485500],
  ["马龙", 99000, 130300],
  ["陆良", 588400, 701100],
  ["师宗", 367300, 395900],
  ["罗平", 455300, 580600],
  ["富源", 373800, 461400],
  ["会泽", 432100, 585500],
  ["宣威", 611900, 730600],
];

/** 年末户籍人口, 万人, 2017–2019 (CNT_PopHouseUrbRate.csv via qujing_extract.csv). */
export const HUKOU_10K: readonly (readonly [string, number, number, number])[] = [
  ["麒麟", 77.61, 78.1, 78.6],
  ["沾益", 45.31, 45.51, 45.66],
  // 2017 under the county's code 530321 (马龙县), 2018– under the district's 530304.
  ["马龙县", 19.49, 19.64, 20.39],
  ["宣威", 138.56, 137.47, 138.16],
  ["会泽", 94.1, 96.02, 93.24],
  ["陆良", 64.41, 64.69, 64.97],
  ["师宗", 40.94, 41.09, 41.06],
  ["罗平", 57.2, 57.88, 60.3],
  ["富源", 74.58, 75.14, 75.39],
];

const SOURCE =
  "资料来源：CSMAR 中国县域统计数据（ADM3_version2.dta），经 cn-panels/qujing_extract.csv 整理";

/** The yearbook-style workbook's bytes. */
export async function yearbookWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date("2024-01-01T00:00:00Z");
  book.modified = book.created;

  const gdp = book.addWorksheet("表3-5");
  gdp.getCell("A1").value = "各县（市、区）地区生产总值（万元）";
  gdp.mergeCells("A1:D1");
  gdp.getRow(2).values = ["地区", "2017年", "2018年", "2019年"];
  GDP_10K_YUAN.forEach((row, i) => {
    gdp.getRow(3 + i).values = [...row];
  });
  const note = 3 + GDP_10K_YUAN.length;
  gdp.getCell(`A${note}`).value =
    "注：2019年起为第四次全国经济普查修订后的数据，与以前年份不可比。";
  gdp.mergeCells(`A${note}:D${note}`);
  gdp.getCell(`A${note + 1}`).value = SOURCE;
  gdp.mergeCells(`A${note + 1}:D${note + 1}`);

  const primary = book.addWorksheet("第一产业增加值");
  primary.getCell("C1").value = "单位：万元";
  primary.getRow(2).values = ["县（市、区）", 2018, 2019];
  PRIMARY_VA_10K_YUAN.forEach((row, i) => {
    primary.getRow(3 + i).values = [...row];
  });

  book.addWorksheet("说明").getCell("A1").value = "本工作簿的数据摘自县域统计数据，仅供测试。";
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The text of the wide hukou table (before it is encoded as GBK). */
export function yearbookHukouText(): string {
  const lines = [
    "各县（市、区）年末户籍人口（万人）,,,",
    "地区,2017年,2018年,2019年",
    ...HUKOU_10K.map((row) => row.join(",")),
    "全市,…,…,…",
    "注：2020年起为第七次全国人口普查口径，本表不含。,,,",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** A map from each character GBK (as GB18030 decodes it) writes in two bytes to those bytes. */
function gbkTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK pair
      }
    }
  }
  return table;
}

/** `text` encoded as GBK; throws for a character GBK cannot write. */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (pair === undefined) throw new Error(`GBK cannot write ${JSON.stringify(ch)}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

async function main(): Promise<void> {
  writeFileSync(join(GOOD, "yearbook-gdp.xlsx"), await yearbookWorkbook());
  writeFileSync(join(GOOD, "yearbook-hukou-gbk.csv"), encodeGbk(yearbookHukouText()));
  console.log("wrote test/fixtures/good/yearbook-gdp.xlsx and yearbook-hukou-gbk.csv");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
