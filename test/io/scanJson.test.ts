import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/io/internal/scanJson.js";

// Each position is where a person editing the text would put the cursor on the offending
// character (1-based line and column), counted by hand from the literal.

describe("scanJson finds the first syntax error and where it is", () => {
  const cases: [string, string, number, number][] = [
    ['{"a": }', 'unexpected character "}", expected a value', 1, 7],
    ["[1,2,]", "trailing comma before ']'", 1, 6],
    ['{"a":1,\n}', "trailing comma before '}'", 2, 1],
    [
      "{'a':1}",
      'unexpected character "\'", expected a property name in double quotes (names need double quotes)',
      1,
      2,
    ],
    [
      '{"a":1 "b":2}',
      "unexpected character \"\\\"\", expected ',' or '}' after a property value",
      1,
      8,
    ],
    ['[\n  {"x": NaN}\n]', 'unexpected word "NaN", expected a value', 2, 9],
    ['"abc', "unterminated string", 1, 1],
    ["[1]x", 'unexpected word "x" after the end of the JSON value', 1, 4],
    ["", "unexpected end of input, expected a value", 1, 1],
    ['{"a" 1}', "unexpected character \"1\", expected ':' after a property name", 1, 6],
    ['"\\x"', "invalid escape \\x in a string", 1, 2],
    [
      "[1,\n 2,\n 3",
      "unexpected end of input, expected ',' or ']' after an array element (the '[' at line 1, column 1 is not closed)",
      3,
      3,
    ],
    [
      '{"a":"b\nc"}',
      "unterminated string or a line break inside a string (write it as an escape such as \\n)",
      1,
      8,
    ],
  ];
  // Comments (JSON has none), wherever they are met: the hint, at the first slash.
  const comments: [string, string, number, number][] = [
    ["/* header */ {}", 'unexpected character "/", expected a value (JSON has no comments)', 1, 1],
    ["[1, /* two */ 2]", 'unexpected character "/", expected a value (JSON has no comments)', 1, 5],
    [
      '{\n  // note\n  "a": 1\n}',
      'unexpected character "/", expected a property name in double quotes (JSON has no comments)',
      2,
      3,
    ],
    [
      '{"a": 1 // one\n}',
      "unexpected character \"/\", expected ',' or '}' after a property value (JSON has no comments)",
      1,
      9,
    ],
    [
      '{"a" /* x */: 1}',
      "unexpected character \"/\", expected ':' after a property name (JSON has no comments)",
      1,
      6,
    ],
    [
      "[1]\n// end",
      'unexpected character "/" after the end of the JSON value (JSON has no comments)',
      2,
      1,
    ],
    // A slash that starts no comment gets no hint.
    ["[1 / 2]", "unexpected character \"/\", expected ',' or ']' after an array element", 1, 4],
  ];
  for (const [text, message, line, column] of [...cases, ...comments]) {
    it(`${JSON.stringify(text)} → ${line}:${column}`, () => {
      expect(scanJson(text).error).toEqual({ message, line, column });
    });
  }

  it("counts columns from after a byte-order mark", () => {
    expect(scanJson("\uFEFF[1,]").error).toEqual({
      message: "trailing comma before ']'",
      line: 1,
      column: 4,
    });
  });

  it("survives nesting far deeper than the call stack", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect(scanJson(deep).error).toBeUndefined();
  });

  for (const depth of [10_000, 100_000]) {
    it(`stops at the bracket that opens level maxDepth + 1 of ${depth} open brackets`, () => {
      expect(scanJson("[".repeat(depth), new Set(), { maxDepth: 100 }).error).toEqual({
        message: "nested deeper than 100 levels",
        line: 1,
        column: 101,
        tooDeep: true,
      });
    });
  }

  it("counts objects and arrays alike, and accepts exactly maxDepth levels", () => {
    const nested = (n: number) => `${'{"a":['.repeat(n)}${"]}".repeat(n)}`;
    expect(scanJson(nested(2), new Set(), { maxDepth: 4 }).error).toBeUndefined();
    expect(scanJson(nested(3), new Set(), { maxDepth: 4 }).error).toEqual({
      message: "nested deeper than 4 levels",
      line: 1,
      column: 13, // the third "{", after {"a":[{"a":[
      tooDeep: true,
    });
  });
});

describe("scanJson finds the positions of values by path", () => {
  // Columns of the values counted in Python: `lines[n - 1].index(token) + 1`.
  it("gives the start of each wanted value, including keys in Chinese and quoted keys", () => {
    const text = '{\n  "observations": [\n    {"年份": 2020, "a b": [true, {"q": null}]}\n  ]\n}';
    const { error, positions } = scanJson(
      text,
      new Set([
        "",
        "observations",
        "observations[0]",
        "observations[0].年份",
        'observations[0]["a b"][1].q',
        "missing",
      ]),
    );
    expect(error).toBeUndefined();
    expect(Object.fromEntries(positions)).toEqual({
      "": { line: 1, column: 1 },
      observations: { line: 2, column: 19 },
      "observations[0]": { line: 3, column: 5 },
      "observations[0].年份": { line: 3, column: 12 },
      'observations[0]["a b"][1].q': { line: 3, column: 38 },
    });
  });
});

describe("scanJson finds keys given twice in one object", () => {
  it("lists the later key with the position of the first, and only within one object", () => {
    // Columns counted in Python: `lines[n - 1].index(token) + 1`.
    const text = '{"a": 1, "b": {"a": 2, "a": 3},\n "c": [{"a": 4}, {"a": 5}], "a": 6}';
    expect(scanJson(text, new Set(), { duplicateKeys: true }).duplicateKeys).toEqual([
      { path: "b.a", line: 1, column: 24, first: { line: 1, column: 16 } },
      { path: "a", line: 2, column: 29, first: { line: 1, column: 2 } },
    ]);
    expect(scanJson(text).duplicateKeys).toEqual([]);
  });
});

describe("scanJson reports the keys it scans", () => {
  it("hands every key scanned before a syntax error to onKey, with the path of its object", () => {
    const keys: [string, string][] = [];
    const scan = scanJson('{"a": [{"b": 1}, {"c d": {"e": 2}}], "f": 3 "g": 4}', new Set(), {
      onKey: (path, key) => keys.push([path, key]),
    });
    expect(scan.error?.message).toBe(
      "unexpected character \"\\\"\", expected ',' or '}' after a property value",
    );
    expect(keys).toEqual([
      ["", "a"],
      ["a[0]", "b"],
      ["a[1]", "c d"],
      ['a[1]["c d"]', "e"],
      ["", "f"],
    ]);
  });
});
