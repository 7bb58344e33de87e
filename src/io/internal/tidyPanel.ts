// The engine of the tidy-panel readers (one row per unit, year and indicator, as in cn-panels'
// county_panel.csv and prefecture_panel.csv): splits text that may arrive in chunks into
// records without building the whole table first, finds columns by their header names, checks
// each cell by its column's rule, and collects issues with file, line, column and field.

import { checkString } from "../../internal/checkArgs.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentTypeError } from "../../internal/errors.js";
import type { Issue, Result } from "../../schemas/issue.js";
import { MAX_RECORDS, tooManyRecordsIssue } from "./inputLimits.js";
import { parseCsv } from "./parseCsv.js";

/** How a column's cells are read. */
export type CellRule =
  /** An integer year from 1900 to 2200. */
  | "year"
  /** Digits, or an empty cell (an id such as CSMAR's `area_id`). */
  | "digits-or-empty"
  /** Six digits (a GB/T 2260 code), or an empty cell. */
  | "code-or-empty"
  /** Any text, trimmed; may be empty. */
  | "text"
  /** Text that must not be empty. */
  | "required-text"
  /** A finite decimal number. */
  | "number";

/** A column of a panel: its header name, whether the file must have it, how cells are read. */
export interface PanelColumn<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
  readonly rule: CellRule;
}

/**
 * One row's cells in the order of the columns given: strings, or numbers for `year` and `number`
 * columns. The array is reused from row to row: copy what you keep.
 */
export type PanelCells = readonly (string | number)[];

/** Errors listed one by one before the rest are only counted. */
export const MAX_LISTED_ERRORS = 200;

/** A decimal number as a file writes it: optional sign, digits, optional fraction and exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SIX_DIGITS = /^\d{6}$/;
const DIGITS = /^\d+$/;
const YEAR = /^\d{4}$/;

const EXPECTED: Readonly<Record<CellRule, string>> = {
  year: "an integer year from 1900 to 2200",
  "digits-or-empty": "digits or an empty cell",
  "code-or-empty": "a six-digit code or an empty cell",
  text: "text",
  "required-text": "a non-empty cell",
  number: "a number",
};

const MESSAGE: Readonly<Record<CellRule, string>> = {
  year: "not a year",
  "digits-or-empty": "not an id of digits",
  "code-or-empty": "not an administrative code",
  text: "",
  "required-text": "empty cell",
  number: "not a number",
};

const CODE: Readonly<Record<CellRule, string>> = {
  year: "bad-year",
  "digits-or-empty": "bad-id",
  "code-or-empty": "bad-code",
  text: "",
  "required-text": "missing-value",
  number: "bad-number",
};

/** The cell read by its rule, or `undefined` when it breaks the rule. */
function readCell(rule: CellRule, raw: string): string | number | undefined {
  // Most cells have no surrounding space: skip trim()'s copy for them.
  const n = raw.length;
  const text = n > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32) ? raw.trim() : raw;
  switch (rule) {
    case "year": {
      const y = Number(text);
      return YEAR.test(text) && y >= 1900 && y <= 2200 ? y : undefined;
    }
    case "digits-or-empty":
      return text === "" || DIGITS.test(text) ? text : undefined;
    case "code-or-empty":
      return text === "" || SIX_DIGITS.test(text) ? text : undefined;
    case "text":
      return text;
    case "required-text":
      return text === "" ? undefined : text;
    case "number": {
      const x = Number(text);
      return NUMBER.test(text) && Number.isFinite(x) ? x : undefined;
    }
  }
}

/**
 * Reads a tidy panel. `input` is the whole text or its chunks in order (a chunk may end anywhere,
 * even inside a line or a character pair). `toRow` turns a record's checked cells into a row.
 * Lines without a double quote are split on commas directly; a line with quotes is read as RFC
 * 4180 CSV (a quoted field may span lines). Blank lines are skipped; a leading byte-order mark
 * is dropped. Errors beyond {@link MAX_LISTED_ERRORS} are counted in one last issue.
 */
export function readTidyPanel<K extends string, R>(
  input: string | Iterable<string>,
  columns: readonly PanelColumn<K>[],
  toRow: (cells: PanelCells, line: number) => R,
  file: string | undefined,
): Result<R[]> {
  const at = (issue: Omit<Issue, "file">): Issue =>
    file === undefined ? issue : { ...issue, file };
  const issues: Issue[] = [];
  const rows: R[] = [];
  let listed = 0;
  let unlisted = 0;
  let errors = false;
  const error = (issue: Omit<Issue, "file" | "severity">) => {
    errors = true;
    if (listed < MAX_LISTED_ERRORS) {
      issues.push(at({ severity: "error", ...issue }));
      listed++;
    } else unlisted++;
  };

  let header: { index: number[]; width: number } | undefined;
  const cells: (string | number)[] = columns.map(() => "");
  let fatal = false;
  let records = 0;

  const onHeader = (fields: readonly string[], line: number) => {
    const columnOf = new Map<string, number>();
    fields.forEach((raw, c) => {
      const name = raw.trim();
      if (columnOf.has(name)) {
        error({
          code: "duplicate-column",
          message: `column ${JSON.stringify(name)} appears twice; the first is used`,
          line,
          column: c + 1,
          field: name,
        });
        return;
      }
      columnOf.set(name, c);
      if (name !== "" && !columns.some((col) => col.header === name))
        issues.push(
          at({
            severity: "warning",
            code: "unknown-column",
            message: `column ${JSON.stringify(name)} is not read`,
            line,
            column: c + 1,
            field: name,
            expected: columns.map((col) => col.header).join(", "),
          }),
        );
    });
    const missing = columns.filter((col) => col.required && !columnOf.has(col.header));
    for (const col of missing)
      error({
        code: "missing-column",
        message: `required column ${JSON.stringify(col.header)} is missing`,
        line,
        field: col.header,
        expected: columns
          .filter((c) => c.required)
          .map((c) => c.header)
          .join(", "),
      });
    if (missing.length > 0) fatal = true;
    header = { index: columns.map((col) => columnOf.get(col.header) ?? -1), width: fields.length };
  };

  const onRecord = (fields: readonly string[], line: number) => {
    if (fatal) return;
    if (header === undefined) return onHeader(fields, line);
    records++;
    if (records > MAX_RECORDS) {
      errors = true;
      issues.push(tooManyRecordsIssue(file));
      fatal = true;
      return;
    }
    if (fields.length !== header.width) {
      error({
        code: "field-count",
        message: `row has ${fields.length} fields, the header ${header.width}`,
        line,
        expected: `${header.width} fields`,
        received: `${fields.length}`,
      });
      return;
    }
    let ok = true;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k] as PanelColumn<K>;
      const c = header.index[k] as number;
      const raw = c < 0 ? "" : (fields[c] as string);
      const value = readCell(col.rule, raw);
      if (value === undefined) {
        ok = false;
        error({
          code: CODE[col.rule],
          message: MESSAGE[col.rule],
          line,
          column: c + 1,
          field: col.header,
          expected: EXPECTED[col.rule],
          received: JSON.stringify(raw),
        });
      } else cells[k] = value;
    }
    if (ok) rows.push(toRow(cells, line));
  };

  splitRecords(input, onRecord, (line, column, message) =>
    error({ code: "csv-syntax", message, line, column }),
  );

  if (header === undefined)
    return {
      ok: false,
      issues: [at({ severity: "error", code: "empty-file", message: "no header row", line: 1 })],
    };
  if (unlisted > 0)
    issues.push(
      at({
        severity: "error",
        code: "more-errors",
        message: `${unlisted} more error${unlisted === 1 ? "" : "s"} not listed (the first ${MAX_LISTED_ERRORS} are)`,
      }),
    );
  if (errors || fatal)
    return rows.length > 0 ? { ok: false, issues, partial: rows } : { ok: false, issues };
  return { ok: true, value: rows, issues };
}

/**
 * Calls `onRecord` with the fields and first line of every non-blank record of `input`, in
 * order; CSV syntax problems of quoted records go to `onProblem`.
 */
function splitRecords(
  input: string | Iterable<string>,
  onRecord: (fields: readonly string[], line: number) => void,
  onProblem: (line: number, column: number, message: string) => void,
): void {
  let pending = "";
  let line = 1;
  let first = true;
  /** A quoted record that spans lines, with the line it starts on. */
  let open: { text: string; line: number } | undefined;

  const take = (text: string) => {
    if (open !== undefined) {
      open.text += `\n${text}`;
      if (quoteCount(open.text) % 2 === 0) {
        quoted(open.text, open.line);
        open = undefined;
      }
    } else if (!text.includes('"')) {
      if (text.trim() !== "") onRecord(text.split(","), line);
    } else if (quoteCount(text) % 2 === 0) quoted(text, line);
    else open = { text, line };
    line++;
  };
  const quoted = (text: string, startLine: number) => {
    const parsed = parseCsv(text);
    for (const p of parsed.problems) onProblem(startLine + p.line - 1, p.column, p.message);
    for (const r of parsed.records) onRecord(r.fields, startLine + r.line - 1);
  };

  const chunks = typeof input === "string" ? [input] : input;
  for (const chunk of chunks) {
    let text = pending + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      take(text.slice(start, end));
      start = nl + 1;
    }
    pending = text.slice(start);
  }
  if (pending.endsWith("\r")) pending = pending.slice(0, -1);
  if (pending !== "") take(pending);
  if (open !== undefined) {
    // An unterminated quote: parseCsv reports it and resynchronises.
    quoted(open.text, open.line);
  }
}

function quoteCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * The text a panel reader reads: a string, or an iterable of strings whose chunks are checked as
 * they are read (so a generator is consumed once).
 */
export function checkPanelText(fn: string, text: unknown): string | Iterable<string> {
  if (typeof text === "string") return text;
  const iterable =
    typeof text === "object" &&
    text !== null &&
    typeof (text as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
  if (!iterable)
    throw new ArgumentTypeError(
      `${fn}: text must be a string or an iterable of strings (got ${describeValue(text)})`,
      { code: text === undefined ? "missing-argument" : "invalid-type", path: "text" },
    );
  const chunks = text as Iterable<unknown>;
  return {
    *[Symbol.iterator]() {
      let k = 0;
      for (const chunk of chunks) yield checkString(fn, `text[${k++}]`, chunk);
    },
  };
}
