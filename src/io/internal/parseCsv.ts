/** One parsed CSV record with the position of each field for error messages. */
export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** A structural problem found while tokenising (e.g. an unterminated quote). */
export interface CsvProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Stop after this many records plus one and set `truncated` (guards against absurd input). */
  readonly maxRecords?: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Tokenises CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF,
 * LF or a lone CR, fields optionally enclosed in double quotes with `""` for a quote inside. A
 * leading UTF-8 byte-order mark is dropped. Blank lines (empty or only spaces and tabs) are
 * skipped. Never throws: structural problems are returned with their line and column (field
 * position), and the records read so far are kept.
 *
 * A quote that is never closed would swallow the rest of the file; instead it is reported and
 * the field is taken to end at the end of its line, so the following lines are still read as
 * records and their own problems can be reported.
 */
export function parseCsv(
  text: string,
  options: ParseCsvOptions = {},
): { records: CsvRecord[]; problems: CsvProblem[]; truncated: boolean } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  /** Index of the first comma, CR or LF at or after `from` (or `n`). */
  const fieldEnd = (from: number): number => {
    let j = from;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (c === COMMA || c === LF || c === CR) break;
      j++;
    }
    return j;
  };
  while (i < n) {
    if (records.length > maxRecords) return { records, problems, truncated: true };
    const startLine = line;
    const fields: string[] = [];
    let atRecordEnd = false;
    let blank = true;
    while (!atRecordEnd) {
      let field: string;
      if (src.charCodeAt(i) === QUOTE) {
        blank = false;
        const quoteLine = line;
        const quoteColumn = fields.length + 1;
        const open = i;
        i++;
        const parts: string[] = [];
        let closed = false;
        while (i < n) {
          const next = src.indexOf('"', i);
          const end = next === -1 ? n : next;
          const chunk = src.slice(i, end);
          for (let k = 0; k < chunk.length; k++) {
            const c = chunk.charCodeAt(k);
            if (c === LF || (c === CR && chunk.charCodeAt(k + 1) !== LF)) line++;
          }
          parts.push(chunk);
          i = end;
          if (next === -1) break;
          if (src.charCodeAt(i + 1) === QUOTE) {
            parts.push('"');
            i += 2;
          } else {
            i++;
            closed = true;
            break;
          }
        }
        if (closed) {
          field = parts.join("");
          // Characters after the closing quote up to the next separator are kept, but reported.
          const end = fieldEnd(i);
          if (end > i) {
            const trailing = src.slice(i, end);
            problems.push({
              line,
              column: fields.length + 1,
              message: `unexpected text after a closing quote: ${JSON.stringify(trailing)}`,
            });
            field += trailing;
            i = end;
          }
        } else {
          problems.push({
            line: quoteLine,
            column: quoteColumn,
            message: "unterminated quoted field",
          });
          // Resynchronise: the field is the rest of the quote's own line.
          line = quoteLine;
          let end = open + 1;
          while (end < n && src.charCodeAt(end) !== LF && src.charCodeAt(end) !== CR) end++;
          field = src.slice(open + 1, end);
          i = end;
        }
      } else {
        const end = fieldEnd(i);
        field = src.slice(i, end);
        i = end;
        if (field.trim() !== "") blank = false;
      }
      fields.push(field);
      if (i >= n) atRecordEnd = true;
      else if (src.charCodeAt(i) === COMMA) {
        blank = false;
        i++;
      } else {
        if (src.charCodeAt(i) === CR) i++;
        if (src.charCodeAt(i) === LF) i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (!blank) records.push({ line: startLine, fields });
  }
  return { records, problems, truncated: records.length > maxRecords };
}
