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

/**
 * Tokenises CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF or
 * LF, fields optionally enclosed in double quotes with `""` for a quote inside. A leading UTF-8
 * byte-order mark is dropped. Blank lines are skipped. Never throws: structural problems are
 * returned with their line and column, and the records read so far are kept.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let atRecordEnd = false;
    let blank = true;
    while (!atRecordEnd) {
      if (i < n && src[i] === '"') {
        blank = false;
        const quoteLine = line;
        const quoteColumn = fields.length + 1;
        i++;
        let closed = false;
        while (i < n) {
          const c = src[i] as string;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            if (c === "\n") line++;
            field += c;
            i++;
          }
        }
        if (!closed) {
          problems.push({ line: quoteLine, column: quoteColumn, message: "unterminated quoted field" });
        }
        // Characters after the closing quote up to the next separator are kept, but reported.
        let trailing = "";
        while (i < n && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") trailing += src[i++];
        if (trailing !== "") {
          problems.push({
            line,
            column: fields.length + 1,
            message: `unexpected text after a closing quote: ${JSON.stringify(trailing)}`,
          });
          field += trailing;
        }
      } else {
        while (i < n && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") field += src[i++];
        if (field !== "") blank = false;
      }
      fields.push(field);
      field = "";
      if (i >= n) atRecordEnd = true;
      else if (src[i] === ",") {
        blank = false;
        i++;
      } else {
        if (src[i] === "\r") i++;
        if (src[i] === "\n") i++;
        line++;
        atRecordEnd = true;
      }
    }
    if (!blank) records.push({ line: startLine, fields });
  }
  return { records, problems };
}
