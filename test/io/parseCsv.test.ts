import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/internal/parseCsv.js";

describe("parseCsv", () => {
  it("reads RFC 4180 records: quotes, doubled quotes, separators and line breaks inside quotes", () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"x\ny",z\n')).toEqual({
      records: [
        { line: 1, fields: ["a", "b,c", 'say "hi"'] },
        { line: 2, fields: ["x\ny", "z"] },
      ],
      problems: [],
      truncated: false,
    });
  });

  it("drops a byte-order mark and skips empty and whitespace-only lines, counting them", () => {
    expect(parseCsv("\uFEFFa,b\n\n  \t\nc,d").records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 4, fields: ["c", "d"] },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv("a,,\n,\n").records).toEqual([
      { line: 1, fields: ["a", "", ""] },
      { line: 2, fields: ["", ""] },
    ]);
  });

  it("treats a lone CR as a line end, also when counting lines inside quotes", () => {
    expect(parseCsv('"x\ry"\rz').records).toEqual([
      { line: 1, fields: ["x\ry"] },
      { line: 3, fields: ["z"] },
    ]);
  });

  it("reports text after a closing quote and keeps it", () => {
    expect(parseCsv('a,"bc"d,e')).toEqual({
      records: [{ line: 1, fields: ["a", "bcd", "e"] }],
      problems: [{ line: 1, column: 2, message: 'unexpected text after a closing quote: "d"' }],
      truncated: false,
    });
  });

  // The bug this fixes: an unterminated quote used to swallow the rest of the file into one
  // field, so every later row vanished and none of their problems could be reported.
  it("reports an unterminated quote and ends that field at the end of its line", () => {
    expect(parseCsv('a,"b\nc,d\ne,f')).toEqual({
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["c", "d"] },
        { line: 3, fields: ["e", "f"] },
      ],
      problems: [{ line: 1, column: 2, message: "unterminated quoted field" }],
      truncated: false,
    });
  });

  it("stops after maxRecords + 1 records and says so", () => {
    const r = parseCsv("1\n2\n3\n4\n", { maxRecords: 2 });
    expect(r.truncated).toBe(true);
    expect(r.records.map((x) => x.fields[0])).toEqual(["1", "2", "3"]);
    expect(parseCsv("1\n2\n", { maxRecords: 2 }).truncated).toBe(false);
  });

  it("returns nothing for empty text", () => {
    expect(parseCsv("")).toEqual({ records: [], problems: [], truncated: false });
  });
});
