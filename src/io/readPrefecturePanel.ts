import type { Issue, Result } from "../schemas/issue.js";
import { checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { type CsvProblem, parseCsv } from "./internal/parseCsv.js";

/**
 * One unit and year of the CSMAR China Regional Economy city GDP table (CRE_Gdpct). A missing
 * cell (an empty string in the file) is `null`; nothing is filled in.
 */
export interface PanelRow {
  /** Statistical year (`Sgnyea`). */
  readonly year: number;
  /** English name of the unit as published, trailing spaces trimmed (`Ctnm_en`), e.g. `"Qujing(city)"`. */
  readonly name: string;
  /** Six-digit administrative code of the unit (`Ctnm_id`), e.g. `"530300"`. */
  readonly code: string;
  /** The source's classification (`Cttyp_en`); only its "Municipality" label is reliable. */
  readonly type: string;
  /** Province code (`Prvcnm_id`), e.g. `"530000"`. */
  readonly provinceCode: string;
  /** Province name (`Prvcnm_en`). */
  readonly provinceName: string;
  /** GDP at current prices, 100 million yuan (亿元) (`Gdpct01`). */
  readonly gdp: number | null;
  /** Primary industry share of GDP, % (`Gdpct02`). */
  readonly primarySharePct: number | null;
  /** Secondary industry share of GDP, % (`Gdpct03`). */
  readonly secondarySharePct: number | null;
  /** Tertiary industry share of GDP, % (`Gdpct04`). */
  readonly tertiarySharePct: number | null;
  /** GDP per capita, yuan (`GDP_PerCapita`). */
  readonly gdpPerCapitaYuan: number | null;
  /** GDP growth on the previous year as the source gives it, % (`GDPYoY`; read as real growth). */
  readonly gdpGrowthPct: number | null;
  /** Primary industry value added, 10,000 yuan (万元) (`GDP_PrimInd`). */
  readonly primaryVa10kYuan: number | null;
  /** Secondary industry value added, 10,000 yuan (万元) (`GDP_SecInd`). */
  readonly secondaryVa10kYuan: number | null;
  /** Tertiary industry value added, 10,000 yuan (万元) (`GDP_TerInd`). */
  readonly tertiaryVa10kYuan: number | null;
}

/** Options of {@link readPrefecturePanel}. */
export interface ReadPrefecturePanelOptions {
  /** File name put on every issue (the reader never opens it). */
  readonly file?: string;
}

type TextField = "year" | "name" | "code" | "type" | "provinceCode" | "provinceName";
type NumberField = Exclude<keyof PanelRow, TextField>;

/** Column names of the published file, and the field each fills. */
const TEXT_COLUMNS: Readonly<Record<TextField, string>> = {
  year: "Sgnyea",
  name: "Ctnm_en",
  code: "Ctnm_id",
  type: "Cttyp_en",
  provinceCode: "Prvcnm_id",
  provinceName: "Prvcnm_en",
};
const NUMBER_COLUMNS: Readonly<Record<NumberField, string>> = {
  gdp: "Gdpct01",
  primarySharePct: "Gdpct02",
  secondarySharePct: "Gdpct03",
  tertiarySharePct: "Gdpct04",
  gdpPerCapitaYuan: "GDP_PerCapita",
  gdpGrowthPct: "GDPYoY",
  primaryVa10kYuan: "GDP_PrimInd",
  secondaryVa10kYuan: "GDP_SecInd",
  tertiaryVa10kYuan: "GDP_TerInd",
};
/** Columns without which a row means nothing. The others may be absent from the header. */
const REQUIRED_COLUMNS: readonly string[] = ["Sgnyea", "Ctnm_en", "Ctnm_id", "Gdpct01"];
/** Fields that are levels and must not be negative. */
const NON_NEGATIVE: ReadonlySet<NumberField> = new Set<NumberField>([
  "gdp",
  "gdpPerCapitaYuan",
  "primaryVa10kYuan",
  "secondaryVa10kYuan",
  "tertiaryVa10kYuan",
]);
/** A decimal number as the file writes it: optional sign, digits, optional fraction, optional exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads the CSMAR China Regional Economy city GDP table (`CRE_Gdpct.csv`) as it is published:
 * UTF-8 with a byte-order mark, every field quoted, CRLF line ends, empty strings for missing
 * values and some names with trailing spaces (trimmed here). Columns are found by their header
 * names (`Sgnyea, Ctnm_en, Ctnm_id, Cttyp_en, Prvcnm_id, Prvcnm_en, Gdpct01…04, GDP_PerCapita,
 * GDPYoY, GDP_PrimInd, GDP_SecInd, GDP_TerInd`) in any order; the first four are required.
 * See `data/china-prefecture-gdp/README.md` for what each column means.
 *
 * Every problem is reported as an {@link Issue} with file, line, column (field position) and
 * field, not just the first: CSV syntax; a missing required or duplicate column; a row with the
 * wrong number of fields; a year that is not an integer from 1900 to 2200; a code that is not
 * six digits; an empty name; a number that does not parse, or a negative level (GDP, per-capita
 * GDP, value added); the same code and year twice. Rows with an error are dropped: with no error
 * the result is `{ ok: true, value }`; otherwise `{ ok: false, issues, partial }` with the good
 * rows in `partial`. Never throws for bad data.
 *
 * @param text - the file's content.
 * @param options - `file`: the name to put on issues.
 * @throws {ArgumentTypeError} for a broken contract, not bad data:
 *   `readPrefecturePanel: text must be a string (got 42)`;
 *   `readPrefecturePanel: options.file must be a string (got 3)`;
 *   `readPrefecturePanel: options.fiel is not an option; did you mean file? (the options are
 *   file)`.
 * @example
 * const csv = '\uFEFF"Sgnyea","Ctnm_en","Ctnm_id","Gdpct01"\r\n"2020","Qujing(city) ","530300","2959.3500"\r\n';
 * readPrefecturePanel(csv).ok; // true
 * readPrefecturePanel(csv).value[0].name; // "Qujing(city)"
 * formatIssue(readPrefecturePanel(csv.replace("2959.3500", "n/a"), { file: "gdp.csv" }).issues[0]);
 * // 'gdp.csv:2:4: Gdpct01: not a number (expected a number or an empty cell, got "n/a")'
 */
export function readPrefecturePanel(
  text: string,
  options: ReadPrefecturePanelOptions = {},
): Result<PanelRow[]> {
  checkText("readPrefecturePanel", text);
  checkReaderOptions("readPrefecturePanel", options);
  const file = options.file;
  const issues: Issue[] = [];
  const at = (issue: Omit<Issue, "file">): Issue =>
    file === undefined ? issue : { ...issue, file };
  const { records, problems } = parseCsv(text);
  const [header, ...rows] = records;
  if (header === undefined) {
    return {
      ok: false,
      issues: [at({ severity: "error", code: "empty-file", message: "no header row", line: 1 })],
    };
  }

  const badLines = new Set<number>();
  const recordLines = records.map((r) => r.line);
  for (const p of problems) {
    issues.push(at(syntaxIssue(p)));
    badLines.add(recordLineOf(recordLines, p.line));
  }

  const columnOf = new Map<string, number>();
  header.fields.forEach((raw, c) => {
    const name = raw.trim();
    if (columnOf.has(name)) {
      issues.push(
        at({
          severity: "error",
          code: "duplicate-column",
          message: `column ${JSON.stringify(name)} appears twice; the first is used`,
          line: header.line,
          column: c + 1,
          field: name,
        }),
      );
      return;
    }
    columnOf.set(name, c);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columnOf.has(name));
  if (missing.length > 0) {
    for (const name of missing) {
      issues.push(
        at({
          severity: "error",
          code: "missing-column",
          message: `required column ${JSON.stringify(name)} is missing`,
          line: header.line,
          field: name,
          expected: REQUIRED_COLUMNS.join(", "),
        }),
      );
    }
    return { ok: false, issues };
  }

  const value: PanelRow[] = [];
  const seen = new Map<string, number>();
  for (const record of rows) {
    const rowIssues: Issue[] = [];
    const fail = (column: string, code: string, message: string, expected: string) => {
      const c = columnOf.get(column) as number;
      rowIssues.push(
        at({
          severity: "error",
          code,
          message,
          line: record.line,
          column: c + 1,
          field: column,
          expected,
          received: JSON.stringify(record.fields[c] ?? ""),
        }),
      );
    };
    if (record.fields.length !== header.fields.length) {
      rowIssues.push(
        at({
          severity: "error",
          code: "field-count",
          message: `row has ${record.fields.length} fields, the header ${header.fields.length}`,
          line: record.line,
          expected: `${header.fields.length} fields`,
          received: `${record.fields.length}`,
        }),
      );
      issues.push(...rowIssues);
      continue;
    }
    const cell = (column: string): string => {
      const c = columnOf.get(column);
      return c === undefined ? "" : (record.fields[c] ?? "").trim();
    };

    const yearText = cell(TEXT_COLUMNS.year);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2200) {
      fail(TEXT_COLUMNS.year, "bad-year", "not a year", "an integer year from 1900 to 2200");
    }
    const code = cell(TEXT_COLUMNS.code);
    if (!/^\d{6}$/.test(code)) {
      fail(TEXT_COLUMNS.code, "bad-code", "not an administrative code", "six digits");
    }
    const name = cell(TEXT_COLUMNS.name);
    if (name === "") fail(TEXT_COLUMNS.name, "missing-name", "name is empty", "a name");

    const numbers = {} as Record<NumberField, number | null>;
    for (const [field, column] of Object.entries(NUMBER_COLUMNS) as [NumberField, string][]) {
      const text = cell(column);
      if (text === "") {
        numbers[field] = null;
        continue;
      }
      const x = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(x)) {
        fail(column, "bad-number", "not a number", "a number or an empty cell");
        numbers[field] = null;
      } else if (x < 0 && NON_NEGATIVE.has(field)) {
        fail(
          column,
          "negative-value",
          "a level cannot be negative",
          "a number ≥ 0 or an empty cell",
        );
        numbers[field] = null;
      } else numbers[field] = x;
    }

    if (rowIssues.length === 0 && !badLines.has(record.line)) {
      const key = `${code}/${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        fail(
          TEXT_COLUMNS.code,
          "duplicate-row",
          `code ${code} and year ${year} already appear on line ${first}`,
          "one row per code and year",
        );
      } else seen.set(key, record.line);
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0 || badLines.has(record.line)) continue;
    value.push({
      year,
      name,
      code,
      type: cell(TEXT_COLUMNS.type),
      provinceCode: cell(TEXT_COLUMNS.provinceCode),
      provinceName: cell(TEXT_COLUMNS.provinceName),
      ...numbers,
    });
  }

  return issues.some((i) => i.severity === "error")
    ? { ok: false, issues, partial: value }
    : { ok: true, value, issues };
}

function syntaxIssue(p: CsvProblem): Omit<Issue, "file"> {
  return {
    severity: "error",
    code: "csv-syntax",
    message: p.message,
    line: p.line,
    column: p.column,
  };
}

/** The first line of the record that holds `line` (records are sorted by line). */
function recordLineOf(recordLines: readonly number[], line: number): number {
  let found = recordLines[0] ?? line;
  for (const l of recordLines) {
    if (l > line) break;
    found = l;
  }
  return found;
}
