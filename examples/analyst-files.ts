// The analyst's own files, as they are: a yearbook-style table (places down, years across, a
// title with the unit in 万元), and the fill-in workbook of what the targets lack, filled in and
// read back. Everything happens in memory; no file is written.
//
// Run: npx tsx examples/analyst-files.ts
import ExcelJS from "exceljs";
import {
  assessPack,
  buildTemplateWorkbook,
  formatIssue,
  qujingPack,
  readObservationsTable,
  readWorkbook,
} from "regionsim";

// 1. A table copied from a county statistical yearbook: the title names the indicator and the
// unit (万元), places by full or short name, 「—」 where the yearbook has no figure. Figures:
// 《中国县域统计年鉴》 via CSMAR, as in the Qujing pack (CSMAR_CNT_GDP).
const yearbook = [
  "各县（市、区）地区生产总值（万元）",
  "地区,2020年,2021年",
  "麒麟区,9058800,10388300",
  "沾益,3055300,3536200",
  "宣威市,4061200,—",
  "注：按当年价格计算。",
].join("\n");
const table = readObservationsTable(yearbook, qujingPack.dataset, { file: "yearbook.csv" });
if (!table.ok) throw new Error(table.issues.map(formatIssue).join("\n"));
for (const o of table.value)
  console.log(
    `${o.place} ${o.indicator} ${o.year}: ${o.value} ${o.unit} (from ${o.original?.value} ${o.original?.unit})`,
  );

// 2. The fill-in template of the trend scenario: one sheet per indicator the targets lack. The
// pack as shipped judges the city's resident urbanization rate from its one census value with
// the national county panel's summary (dataset.panels, docs/qujing-pack.md); without that
// summary, one value is too few to project, and the template asks for more.
const bare = { ...qujingPack, dataset: { ...qujingPack.dataset, panels: [] } };
const bytes = await buildTemplateWorkbook(bare, "trend");
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
);
console.log(`\nthe template has ${workbook.worksheets.length - 1} sheets to fill, and a README`);

// The analyst fills in the city's resident urbanization rate for 2022 (50.56%, the figure the
// pack holds only from a quality-C source): row 3 is the city, columns B–K the years 2015–2024.
const sheet = workbook.getWorksheet("urbanization_resident_pct");
if (sheet === undefined) throw new Error("the template has no urbanization_resident_pct sheet");
sheet.getCell("I3").value = 50.56;
const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

// 3. Read back, and the target it unlocks is judged.
const read = await readWorkbook(filled, qujingPack.dataset, { file: "needs.xlsx" });
if (!read.ok) throw new Error(read.issues.map(formatIssue).join("\n"));
const before = assessPack(bare, "trend");
const after = assessPack(bare, "trend", { data: read.value });
const status = (a: typeof before) => a.rows.find((r) => r.targetId === "urbanization-resident");
console.log(
  `urbanization-resident: ${status(before)?.status} → ${status(after)?.status}` +
    ` (projected ${status(after)?.projected?.toFixed(1)}% in 2025 against ≥ 60%)`,
);
// With the panel's summary, the two values weigh against what comparable counties show.
const withPanel = status(assessPack(qujingPack, "trend", { data: read.value }));
console.log(
  `with the county panel: ${withPanel?.status} (projected ${withPanel?.projected?.toFixed(2)}%)`,
);
