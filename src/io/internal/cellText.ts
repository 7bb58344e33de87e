// What the text of a cell means in a yearbook-style table: a missing-value mark, a year, a note
// line, a source line, a unit line.

import type { Cell } from "./grid.js";

/** The cell as trimmed text (a number as JavaScript writes it); `undefined` when blank or unusable. */
export function cellText(cell: Cell): string | undefined {
  if (typeof cell === "number") return String(cell);
  if (typeof cell !== "string") return undefined;
  const t = cell.trim();
  return t === "" ? undefined : t;
}

/**
 * Marks that yearbooks print for a value that is missing or not applicable: dashes (`-`, `－`,
 * `—`, `——`, `–`) and ellipses (`…`, `……`, `...`, `..`). Such a cell is missing, like a blank one:
 * not an error and not zero.
 */
const MISSING_MARK = /^(?:[-－—–‒―]+|[…⋯]+|\.{2,}|·{2,})$/;

/** Whether a cell is blank or holds a missing-value mark (see {@link MISSING_MARK}). */
export function isMissingCell(cell: Cell): boolean {
  if (cell === undefined) return true;
  if (typeof cell !== "string") return false;
  const t = cell.trim();
  return t === "" || MISSING_MARK.test(t);
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

/**
 * The year a header cell names: an integer from 1900 to 2200 written as a number, as text
 * (`"2018"`) or with 年 (`"2018年"`, `"2018 年"`; full-width digits allowed); else `undefined`.
 */
export function yearOf(cell: Cell): number | undefined {
  let n: number;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string") {
    const m = /^(\d{4})\s*年?$/.exec(cell.normalize("NFKC").trim());
    if (m === null) return undefined;
    n = Number(m[1]);
  } else return undefined;
  return Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : undefined;
}

/** A note line under (or above) a table: 注：, 附注：, 说明：, 资料来源：, Note:, Source: … */
const NOTE_LINE =
  /^(?:注|附注|说明|备注|资料来源|数据来源|来源|notes?|sources?)\s*[0-9①-⑩]*\s*[:：]|^注\s*[0-9①-⑩]/i;

/** Whether a text is a note line (`注：`, `资料来源：`, …), which the readers skip. */
export function isNoteLine(text: string): boolean {
  // Most cells are names or numbers: only a text starting as a note can be one.
  if (!/^\s*[注附说备资数来nNsSｎＮｓＳ]/.test(text)) return false;
  return NOTE_LINE.test(text.normalize("NFKC").trim());
}

/** The source a `资料来源：…` (or `数据来源：`, `Source:`) line names, else `undefined`. */
export function sourceOfLine(text: string): string | undefined {
  // Matched on the text as written, so that the source keeps its full-width punctuation.
  const m = /^(?:资料来源|数据来源|来源|sources?)\s*[:：]\s*(.+)$/i.exec(text.trim());
  const source = m?.[1]?.trim();
  return source === undefined || source === "" ? undefined : source;
}

/** The unit a `单位：万元` (or `计量单位：`, `Unit:`) text names, else `undefined`. */
export function unitOfLine(text: string): string | undefined {
  const m = /(?:^|\s|[(])(?:计量单位|单位|units?)\s*:\s*([^)\s]+(?: [^)\s]+)*)/i.exec(
    text.normalize("NFKC").trim(),
  );
  const unit = m?.[1]?.trim();
  return unit === undefined || unit === "" ? undefined : unit;
}
