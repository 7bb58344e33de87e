import { checkBoolean } from "../internal/checkArgs.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { locateIssue } from "../schemas/locateIssue.js";
import type { Observation } from "../schemas/observation.js";
import {
  OBSERVATION_FIELDS_ZH,
  type ObservationField,
  observationFieldOf,
  REQUIRED_OBSERVATION_FIELDS,
} from "../schemas/observationFields.js";
import {
  observationValidator,
  type RawField,
  type RawObservation,
} from "../schemas/observationValidator.js";
import { checkMeta, checkReaderOptions, checkText } from "./internal/checkReaderArgs.js";
import { foreignSeparator } from "./internal/csvSeparator.js";
import { MAX_RECORDS, oversizeTextIssue, tooManyRecordsIssue } from "./internal/inputLimits.js";
import { type CsvProblem, parseCsv } from "./internal/parseCsv.js";

/** Options of the observation readers. */
export interface ReadObservationsOptions {
  /** File name put on every issue (the readers never open it). */
  readonly file?: string;
  /**
   * Convert a value in another unit of the indicator's quantity (`万元` or `亿元` for an indicator
   * in `100M yuan`, `人` for one in `10k persons`) to the indicator's unit, keeping the value as
   * written in the observation's `original`. A unit of another quantity, or one regionsim does
   * not know, stays a `unit-mismatch` error. Default false: any unit but the indicator's is an
   * error.
   */
  readonly convertUnits?: boolean;
}

const HEADER_EXAMPLE = "place,indicator,year,value,unit,source,quality[,note]";

/**
 * Reads observations from CSV text and reports every problem in it, not just the first.
 *
 * The text is UTF-8 (a byte-order mark is dropped) with CRLF or LF line ends and a header row
 * naming the columns in English (`place,indicator,year,value,unit,source,quality[,note]`) or
 * Chinese (`地区,指标,年份,数值,单位,来源,质量[,备注]`), in any order. Places and indicators
 * may be given by id (any case), Chinese or English name or alias (see {@link resolveName}) and
 * come out as canonical ids; a group id such as `city` is a valid place.
 *
 * Checks, each reported as an {@link Issue} with file, line, column (field position), field,
 * what is wrong, what was expected and what was found: CSV syntax (unterminated quote, text
 * after a closing quote); missing required, duplicate (errors) or unknown (warning) columns; a
 * column without a header, such as Excel's trailing `,,` (warning "column N has no header");
 * wrong number of fields in a row; unknown place or indicator (with "did you mean"); year not an
 * integer or outside 1900–2200; value missing, not a number (the message names thousands
 * separators and decimal commas), NaN or infinite (full-width digits and signs such as
 * `２０２２` and `－１.５` are read as ASCII, as NFKC normalisation maps them); a value outside
 * the indicator's bounds (negative for a level or count, outside [0, 100] for a rate, see
 * `indicatorBounds`); unit different from the indicator's (with `convertUnits`, only a unit of
 * another quantity or an unknown one); missing source; quality not A, B or
 * C; an exact duplicate (same place, indicator, year and source) of an earlier row (error, names
 * that line); the same place, indicator and year with a different value from another source
 * (warning "conflicting sources": both rows are kept). Text over 64 MiB or more than 1,000,000
 * rows gives one `too-large` / `too-many-records` error and nothing else; so does a header that
 * is one column holding names separated by `;` or tabs (`wrong-separator`: save the file as
 * comma-separated, CSV UTF-8), instead of an error for every column and row. Rows whose every
 * field is blank (`,,,,,,`, what Excel writes after cells are cleared) are skipped, with one
 * `empty-rows` warning for the file that counts them and names their lines.
 *
 * Rows with errors are dropped and good rows kept: with no error the result is
 * `{ ok: true, value, issues }` (issues holds warnings); with any error it is
 * `{ ok: false, issues, partial }` where `partial` holds the good rows. Never throws for bad
 * data and never changes its inputs.
 *
 * @param text - the file's content.
 * @param meta - the places, groups and indicators names are resolved against.
 * @param options - `file`: the name to put on issues; `convertUnits`: convert a value in another
 *   unit of the indicator's quantity (`万元`, `亿元` for an indicator in `100M yuan`) to the
 *   indicator's unit, keeping the value as written in `original` (default false: any other unit
 *   is a `unit-mismatch` error).
 * @throws {ArgumentTypeError} for a broken contract, not bad data: `readObservationsCsv: text must
 *   be a string (got 42)`; `readObservationsCsv: meta must be a dataset's metadata with places,
 *   groups and indicators (got the string "qujing")` (or naming its first bad entry, every problem
 *   in `error.issues`); `readObservationsCsv: options.file must be a string (got 3)`;
 *   `readObservationsCsv: options.fiel is not an option; did you mean file? (the options are
 *   file and convertUnits)`; `readObservationsCsv: options.convertUnits must be true or false (got the string
 *   "yes")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const csv = "\uFEFF地区,指标,年份,数值,单位,来源,质量\r\n麒麟区,gdp,2020,801.2,100M yuan,NBS,A\r\n";
 * readObservationsCsv(csv, meta).value; // [{ place: "qilin", indicator: "gdp", year: 2020, value: 801.2, unit: "100M yuan", source: "NBS", quality: "A" }]
 * const bad = "place,indicator,year,value,unit,source,quality\nqujing,gdp,1850,-1,亿元,NBS,A\n";
 * const result = readObservationsCsv(bad, meta, { file: "gdp.csv" });
 * result.ok; // false
 * result.issues.map(formatIssue); // ['gdp.csv:2:3: year: out of range (expected an integer year from 1900 to 2200, got "1850")', 'gdp.csv:2:4: value: negative value for the level indicator gdp (expected at least 0, got "-1")', 'gdp.csv:2:5: unit: differs from the unit of gdp (expected "100M yuan", got "亿元")']
 */
export function readObservationsCsv(
  text: string,
  meta: DatasetMeta,
  options: ReadObservationsOptions = {},
): Result<Observation[]> {
  checkText("readObservationsCsv", text);
  checkMeta("readObservationsCsv", meta);
  const o = checkReaderOptions("readObservationsCsv", options, ["file", "convertUnits"]);
  if (o.convertUnits !== undefined)
    checkBoolean("readObservationsCsv", "options.convertUnits", o.convertUnits);
  const file = options.file;
  const oversize = oversizeTextIssue(text, file);
  if (oversize !== undefined) return { ok: false, issues: [oversize] };
  // One record more than the rows allowed: the header.
  const { records, problems, truncated } = parseCsv(text, { maxRecords: MAX_RECORDS + 1 });
  if (truncated) return { ok: false, issues: [tooManyRecordsIssue(file)] };

  const validator = observationValidator(meta, file, {
    convertUnits: options.convertUnits === true,
  });
  const [header, ...rows] = records;
  if (header === undefined) {
    validator.report(
      locateIssue(
        {
          severity: "error",
          code: "empty-file",
          message: "no header row",
          expected: `a header such as ${HEADER_EXAMPLE}`,
        },
        {},
        file,
      ),
    );
    return validator.result();
  }

  // A semicolon- or tab-separated file reads as one column: say so once, not a cascade.
  const separator =
    header.fields.length === 1 ? foreignSeparator(header.fields[0] ?? "") : undefined;
  if (separator !== undefined) {
    validator.report(
      locateIssue(
        {
          severity: "error",
          code: "wrong-separator",
          message:
            `columns are separated by ${separator} instead of commas: ` +
            "save the file as comma-separated (CSV UTF-8)",
        },
        { line: header.line },
        file,
      ),
    );
    return validator.result();
  }

  // Structural problems, attached to the record whose lines contain them.
  const problemsByRecord = new Map<number, Issue[]>();
  const recordLines = records.map((r) => r.line);
  for (const p of problems) {
    const index = lastIndexAtOrBefore(recordLines, p.line);
    const list = problemsByRecord.get(index) ?? [];
    list.push(syntaxIssue(p, file));
    problemsByRecord.set(index, list);
  }
  for (const issue of problemsByRecord.get(0) ?? []) validator.report(issue);

  // Header: which column holds which field.
  const columnOf = new Map<ObservationField, number>();
  header.fields.forEach((name, c) => {
    const where = { line: header.line, column: c + 1 };
    if (name.trim() === "") {
      // Excel writes `,,` after the last column when cells beyond it were ever used.
      validator.report(
        locateIssue(
          {
            severity: "warning",
            code: "unnamed-column",
            message: `column ${c + 1} has no header (ignored)`,
          },
          where,
          file,
        ),
      );
      return;
    }
    const f = observationFieldOf(name);
    if (f === undefined) {
      validator.report(
        locateIssue(
          {
            severity: "warning",
            code: "unknown-column",
            message: `unknown column ${JSON.stringify(name.trim())} is ignored`,
            expected: `one of ${HEADER_EXAMPLE} (or 地区,指标,年份,数值,单位,来源,质量,备注)`,
          },
          where,
          file,
        ),
      );
      return;
    }
    const first = columnOf.get(f);
    if (first !== undefined) {
      validator.report(
        locateIssue(
          {
            severity: "error",
            code: "duplicate-column",
            message: `column for ${f} appears twice (first as column ${first + 1}); the first is used`,
          },
          where,
          file,
        ),
      );
      return;
    }
    columnOf.set(f, c);
  });
  for (const f of REQUIRED_OBSERVATION_FIELDS) {
    if (!columnOf.has(f)) {
      validator.report(
        locateIssue(
          {
            severity: "error",
            code: "missing-column",
            message: `missing required column ${JSON.stringify(f)} (${OBSERVATION_FIELDS_ZH[f]})`,
            expected: `a header such as ${HEADER_EXAMPLE}`,
          },
          { line: header.line },
          file,
        ),
      );
    }
  }

  const width = header.fields.length;
  // One mutable field slot per column, refilled for every row: the validator copies what it
  // reports, so a million rows do not cost seven million small objects.
  const slots = [...columnOf].map(([f, c]) => ({
    key: f,
    c,
    slot: {
      value: undefined as unknown,
      line: 0,
      column: c + 1,
      field: (header.fields[c] ?? f).trim(),
    },
  }));
  const full: { [K in ObservationField]?: RawField } = {};
  for (const { key, slot } of slots) full[key] = slot;
  /** Lines of the rows whose every field is blank, skipped (Excel writes `,,,,,,` for them). */
  const emptyLines: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as (typeof rows)[number];
    const known = problemsByRecord.get(r + 1) ?? [];
    if (known.length === 0 && row.fields.every((f) => f.trim() === "")) {
      emptyLines.push(row.line);
      continue;
    }
    const short = row.fields.length < width;
    if (row.fields.length !== width) {
      known.push(
        locateIssue(
          {
            severity: "error",
            code: "field-count",
            message: "wrong number of fields",
            expected: `${width} field${width === 1 ? "" : "s"} as in the header`,
            received: `${row.fields.length}`,
          },
          { line: row.line },
          file,
        ),
      );
    }
    const raw: { [K in ObservationField]?: RawField } = short ? {} : full;
    for (const { key, c, slot } of slots) {
      slot.value = row.fields[c];
      slot.line = row.line;
      // A field beyond the end of a short row is covered by the field-count error.
      if (short && c < row.fields.length) raw[key] = slot;
    }
    validator.add(raw as RawObservation, { label: `line ${row.line}`, line: row.line }, known);
  }
  if (emptyLines.length > 0) {
    const n = emptyLines.length;
    validator.report(
      locateIssue(
        {
          severity: "warning",
          code: "empty-rows",
          message: `${n} empty row${n === 1 ? "" : "s"} skipped (line${n === 1 ? "" : "s"} ${lineList(emptyLines)})`,
        },
        {},
        file,
      ),
    );
  }
  return validator.result();
}

/** How many items (single lines or runs) {@link lineList} names before "and N more". */
const LISTED_ITEMS = 10;

/**
 * Ascending line numbers as a short list: runs of three or more as `12–30`, at most
 * {@link LISTED_ITEMS} items, then `and N more` (N lines).
 */
function lineList(lines: readonly number[]): string {
  const items: string[] = [];
  let i = 0;
  while (i < lines.length && items.length < LISTED_ITEMS) {
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as number) === (lines[j] as number) + 1) j++;
    if (j - i >= 2) {
      items.push(`${lines[i]}–${lines[j]}`);
      i = j + 1;
    } else {
      items.push(String(lines[i]));
      i++;
    }
  }
  const rest = lines.length - i;
  return rest > 0 ? `${items.join(", ")} and ${rest} more` : items.join(", ");
}

function syntaxIssue(p: CsvProblem, file: string | undefined): Issue {
  return locateIssue(
    { severity: "error", code: "csv-syntax", message: p.message },
    { line: p.line, column: p.column },
    file,
  );
}

/** Index of the last element of a sorted array that is ≤ x (0 if none). */
function lastIndexAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
