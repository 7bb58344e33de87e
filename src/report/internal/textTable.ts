import { displayWidth } from "./displayWidth.js";

/** A column of a {@link textTable}. */
export interface TextColumn {
  readonly header: string;
  readonly align?: "left" | "right";
}

/** A cell: one line, or several lines stacked in the same column. */
export type TextCell = string | readonly string[];

function lines(cell: TextCell): readonly string[] {
  return typeof cell === "string" ? [cell] : cell;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Lays out rows as an aligned plain-text table: columns separated by two spaces, widths in
 * terminal columns ({@link displayWidth}, so CJK characters count as two), a dashed rule under
 * the header, trailing spaces trimmed. A multi-line cell makes its row as tall as its lines;
 * `options.spaced` puts a blank line between rows.
 */
export function textTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly TextCell[])[],
  options: { readonly spaced?: boolean } = {},
): string[] {
  const widths = columns.map((c) => displayWidth(c.header));
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new RangeError(
        `textTable: a row has ${row.length} cells for ${columns.length} columns`,
      );
    row.forEach((cell, j) => {
      for (const line of lines(cell)) widths[j] = Math.max(widths[j] as number, displayWidth(line));
    });
  }
  const render = (cells: readonly string[]): string =>
    cells
      .map((text, j) => pad(text, widths[j] as number, columns[j]?.align ?? "left"))
      .join("  ")
      .trimEnd();
  const out = [render(columns.map((c) => c.header)), render(widths.map((w) => "-".repeat(w)))];
  rows.forEach((row, i) => {
    if (options.spaced === true && i > 0) out.push("");
    const height = Math.max(1, ...row.map((cell) => lines(cell).length));
    for (let k = 0; k < height; k++) out.push(render(row.map((cell) => lines(cell)[k] ?? "")));
  });
  return out;
}

/**
 * Wraps text into lines of at most `width` terminal columns, breaking at spaces, and inside a
 * word (or a run of CJK characters, which has no spaces) only when it is longer than a line.
 */
export function wrapText(text: string, width: number): string[] {
  if (!(width >= 1)) throw new RangeError(`wrapText: width must be at least 1 (got ${width})`);
  const out: string[] = [];
  let line = "";
  const push = (): void => {
    if (line !== "") out.push(line);
    line = "";
  };
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    push();
    if (displayWidth(word) <= width) {
      line = word;
      continue;
    }
    for (const char of word) {
      if (displayWidth(line + char) > width) push();
      line += char;
    }
  }
  push();
  return out.length === 0 ? [""] : out;
}
