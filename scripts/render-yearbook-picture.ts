/**
 * Draws `docs/images/yearbook-table.svg`, the picture of a yearbook table in
 * `docs/data-formats.md`: the sheet `表3-5` of `test/fixtures/good/yearbook-gdp.xlsx` (written by
 * `scripts/make-fixtures.ts` from the county statistical yearbook figures) as a spreadsheet shows
 * it — column letters, row numbers, the merged title, the header of years, the places, 「—」, the
 * 注： and 资料来源 lines — with what the reader makes of each part beside it.
 *
 * Run with `npx tsx scripts/render-yearbook-picture.ts`; a test checks that the committed picture
 * is what this script draws from the committed workbook.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PICTURE_PATH = join(root, "docs", "images", "yearbook-table.svg");
const WORKBOOK = join(root, "test", "fixtures", "good", "yearbook-gdp.xlsx");
const SHEET = "表3-5";

const ROW_H = 24;
const HEAD_W = 36;
const COL_W = [150, 96, 96, 96];
const NOTE_X = HEAD_W + COL_W.reduce((a, b) => a + b, 0) + 24;
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What a cell shows: a number with thousands separators, text as it is. */
function shown(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((r) => r.text).join("");
  return String(value);
}

/** What the reader makes of a row, by its role in the sheet. */
function noteFor(text: string, row: number, headerRow: number): string | undefined {
  if (row < headerRow && text !== "") return "title → indicator gdp (地区生产总值), unit 万元";
  if (row === headerRow) return "header → places down column A, years across";
  if (text.startsWith("注")) return "note line → skipped";
  if (text.startsWith("资料来源")) return "source line → the source of every row";
  return undefined;
}

/** The SVG of the sheet, from the workbook's bytes. */
export async function renderYearbookPicture(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet(SHEET);
  if (sheet === undefined) throw new Error(`${WORKBOOK} has no sheet ${SHEET}`);
  const rows: { row: number; cells: string[]; merged: boolean }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    const cells = COL_W.map((_, k) => shown(r.getCell(k + 1).value));
    const merged = r.getCell(1).isMerged && cells.slice(1).every((c) => c === cells[0]);
    rows.push({ row, cells, merged });
  });
  const headerRow = rows.find((r) => /^\d{4}年?$/.test(r.cells[1] ?? ""))?.row ?? 2;
  const width = NOTE_X + 330;
  const height = ROW_H * (rows.length + 1) + 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  const colX = (k: number) => HEAD_W + COL_W.slice(0, k).reduce((a, b) => a + b, 0);
  // Column letters.
  out.push(`<rect x="0" y="0" width="${colX(COL_W.length)}" height="${ROW_H}" fill="#f0f0f0"/>`);
  COL_W.forEach((w, k) => {
    out.push(
      `<text x="${colX(k) + w / 2}" y="${ROW_H - 8}" text-anchor="middle" fill="#555">${String.fromCharCode(65 + k)}</text>`,
    );
  });
  rows.forEach((r, i) => {
    const y = ROW_H * (i + 1);
    const fill = r.row < headerRow ? "#e8f0fe" : r.row === headerRow ? "#fef7e0" : "#ffffff";
    out.push(`<rect x="0" y="${y}" width="${HEAD_W}" height="${ROW_H}" fill="#f0f0f0"/>`);
    out.push(
      `<text x="${HEAD_W / 2}" y="${y + ROW_H - 8}" text-anchor="middle" fill="#555">${r.row}</text>`,
    );
    out.push(
      `<rect x="${HEAD_W}" y="${y}" width="${colX(COL_W.length) - HEAD_W}" height="${ROW_H}" fill="${fill}"/>`,
    );
    if (r.merged) {
      out.push(
        `<text x="${HEAD_W + 6}" y="${y + ROW_H - 8}"${r.row < headerRow ? ' font-weight="bold"' : ' fill="#666"'}>${escapeXml(r.cells[0] ?? "")}</text>`,
      );
    } else {
      r.cells.forEach((c, k) => {
        const numeric = k > 0;
        const x = numeric ? colX(k) + (COL_W[k] ?? 0) - 6 : colX(k) + 6;
        const colour = c === "—" ? ' fill="#c5221f"' : "";
        out.push(
          `<text x="${x}" y="${y + ROW_H - 8}"${numeric ? ' text-anchor="end"' : ""}${colour}>${escapeXml(c)}</text>`,
        );
      });
    }
    const note = noteFor(r.cells[0] ?? "", r.row, headerRow);
    if (note !== undefined)
      out.push(`<text x="${NOTE_X}" y="${y + ROW_H - 8}" fill="#1a73e8">← ${escapeXml(note)}</text>`);
    if (r.cells.includes("—"))
      out.push(
        `<text x="${NOTE_X}" y="${y + ROW_H - 8}" fill="#c5221f">← 「—」 → missing: no observation, no error</text>`,
      );
    const c = sheet.getRow(r.row).getCell(3).value;
    if (r.row === headerRow + 1 && typeof c === "number")
      // 万元 is 1e4 yuan and the pack's unit 亿元 (100M yuan) 1e8: divide by 1e4.
      out.push(
        `<text x="${NOTE_X}" y="${y + ROW_H - 8}" fill="#1a73e8">← C${r.row}: ${c.toLocaleString("en-US")} 万元 → ${c / 1e4} (100M yuan), original kept</text>`,
      );
  });
  // Grid lines.
  const bottom = ROW_H * (rows.length + 1);
  for (let i = 0; i <= rows.length + 1; i++)
    out.push(
      `<line x1="0" y1="${ROW_H * i}" x2="${colX(COL_W.length)}" y2="${ROW_H * i}" stroke="#d0d0d0"/>`,
    );
  for (let k = 0; k <= COL_W.length; k++) {
    const x = k === 0 ? 0 : colX(k);
    out.push(`<line x1="${x}" y1="0" x2="${x}" y2="${bottom}" stroke="#d0d0d0"/>`);
  }
  out.push(`<line x1="${HEAD_W}" y1="0" x2="${HEAD_W}" y2="${bottom}" stroke="#d0d0d0"/>`);
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const svg = await renderYearbookPicture(new Uint8Array(readFileSync(WORKBOOK)));
  writeFileSync(PICTURE_PATH, svg, "utf8");
  console.log(`wrote ${PICTURE_PATH}`);
}
