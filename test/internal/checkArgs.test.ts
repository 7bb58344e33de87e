import { describe, expect, it } from "vitest";
import {
  checkArrayOf,
  checkBoolean,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
  checkPresent,
  checkString,
  memberPath,
} from "../../src/internal/checkArgs.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

/** The error `run` throws, for its class, message, code and path. */
function thrown(run: () => unknown): ArgumentTypeError | ArgumentRangeError {
  try {
    run();
  } catch (e) {
    if (e instanceof ArgumentTypeError || e instanceof ArgumentRangeError) return e;
    throw e;
  }
  throw new Error("nothing was thrown");
}

type Case = [string, () => unknown, "type" | "range", string, string, string];

function check(cases: readonly Case[]) {
  for (const [what, run, kind, code, path, message] of cases) {
    it(`${what}: ${message}`, () => {
      const e = thrown(run);
      expect(e).toBeInstanceOf(kind === "type" ? ArgumentTypeError : ArgumentRangeError);
      expect(e.message).toBe(message);
      expect(e.code).toBe(code);
      expect(e.path).toBe(path);
    });
  }
}

describe("checkNumber", () => {
  it("returns a number that meets the rule", () => {
    expect(checkNumber("f", "x", 0)).toBe(0);
    expect(checkNumber("f", "x", 5, { integer: true, min: 1, max: 5 })).toBe(5);
    expect(checkNumber("f", "x", Number.POSITIVE_INFINITY, { infinite: true })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
  check([
    [
      "a numeric string",
      () => checkNumber("simulatePack", "options.paths", "1000", { integer: true }),
      "type",
      "invalid-type",
      "options.paths",
      'simulatePack: options.paths must be an integer (got the string "1000")',
    ],
    [
      "a missing number",
      () => checkNumber("f", "years", undefined, { positive: true }),
      "type",
      "missing-argument",
      "years",
      "f: years must be a positive finite number (got nothing)",
    ],
    [
      "zero where a positive number belongs, with the wording given",
      () => checkNumber("requiredGrowth", "years", 0, { positive: true, expected: "positive" }),
      "range",
      "out-of-range",
      "years",
      "requiredGrowth: years must be positive (got 0)",
    ],
    [
      "NaN",
      () => checkNumber("f", "x", Number.NaN),
      "range",
      "out-of-range",
      "x",
      "f: x must be a finite number (got NaN)",
    ],
    [
      "NaN even where infinities are allowed",
      () => checkNumber("f", "x", Number.NaN, { infinite: true }),
      "range",
      "out-of-range",
      "x",
      "f: x must be a number (got NaN)",
    ],
    [
      "infinity",
      () => checkNumber("f", "x", Number.POSITIVE_INFINITY),
      "range",
      "out-of-range",
      "x",
      "f: x must be a finite number (got Infinity)",
    ],
    [
      "a fraction where an integer belongs",
      () => checkNumber("f", "options.paths", 1.5, { integer: true, positive: true }),
      "range",
      "out-of-range",
      "options.paths",
      "f: options.paths must be a positive integer (got 1.5)",
    ],
    [
      "a number outside [min, max]",
      () => checkNumber("f", "level", 1.2, { min: 0, max: 1 }),
      "range",
      "out-of-range",
      "level",
      "f: level must be a finite number from 0 to 1 (got 1.2)",
    ],
    [
      "a number below min",
      () => checkNumber("f", "n", 0, { integer: true, min: 1 }),
      "range",
      "out-of-range",
      "n",
      "f: n must be an integer ≥ 1 (got 0)",
    ],
    [
      "a number above max",
      () => checkNumber("f", "n", 11, { max: 10 }),
      "range",
      "out-of-range",
      "n",
      "f: n must be a finite number ≤ 10 (got 11)",
    ],
    [
      "null",
      () => checkNumber("f", "n", null),
      "type",
      "invalid-type",
      "n",
      "f: n must be a finite number (got null)",
    ],
  ]);
});

describe("checkString and checkBoolean", () => {
  it("return the value", () => {
    expect(checkString("f", "s", "")).toBe("");
    expect(checkString("f", "s", "x", { nonEmpty: true })).toBe("x");
    expect(checkBoolean("f", "b", false)).toBe(false);
  });
  check([
    [
      "a number for a string",
      () => checkString("readObservationsCsv", "text", 42),
      "type",
      "invalid-type",
      "text",
      "readObservationsCsv: text must be a string (got 42)",
    ],
    [
      "an empty string where a name belongs",
      () => checkString("f", "id", "", { nonEmpty: true }),
      "range",
      "out-of-range",
      "id",
      'f: id must be a non-empty string (got the string "")',
    ],
    [
      "a string for a boolean",
      () => checkBoolean("f", "options.verbose", "yes"),
      "type",
      "invalid-type",
      "options.verbose",
      'f: options.verbose must be true or false (got the string "yes")',
    ],
  ]);
});

describe("checkOneOf", () => {
  const directions = ["atLeast", "atMost"] as const;
  it("returns an allowed value", () => {
    expect(checkOneOf("f", "d", "atMost", directions)).toBe("atMost");
  });
  check([
    [
      "a value of another case, with the nearest allowed one",
      () => checkOneOf("crossingYear", "options.direction", "atleast", directions),
      "range",
      "unknown-id",
      "options.direction",
      'crossingYear: options.direction must be "atLeast" or "atMost"; did you mean "atLeast"? (got the string "atleast")',
    ],
    [
      "a value that is not a string",
      () => checkOneOf("crossingYear", "options.direction", true, directions),
      "type",
      "invalid-type",
      "options.direction",
      'crossingYear: options.direction must be "atLeast" or "atMost" (got true)',
    ],
    [
      "a missing value",
      () => checkOneOf("f", "kind", undefined, ["place", "indicator"]),
      "type",
      "missing-argument",
      "kind",
      'f: kind must be "place" or "indicator" (got nothing)',
    ],
  ]);
});

describe("checkObject, checkArrayOf and checkPresent", () => {
  it("return the value", () => {
    const o = { a: 1 };
    expect(checkObject("f", "o", o)).toBe(o);
    expect(checkArrayOf("f", "xs", [1, 2], (at, v) => checkNumber("f", at, v))).toEqual([1, 2]);
    expect(checkPresent("f", "x", 0, "a number")).toBe(0);
  });
  check([
    [
      "an array for an object",
      () => checkObject("f", "path", [1, 2, 3], "an object { years, values }"),
      "type",
      "invalid-type",
      "path",
      "f: path must be an object { years, values } (got an array of 3 items)",
    ],
    [
      "null for an object",
      () => checkObject("f", "o", null),
      "type",
      "invalid-type",
      "o",
      "f: o must be an object (got null)",
    ],
    [
      "an object for an array",
      () => checkArrayOf("f", "path.years", { a: 1, b: 2 }, (_, v) => v, "an array of years"),
      "type",
      "invalid-type",
      "path.years",
      "f: path.years must be an array of years (got an object with keys a, b)",
    ],
    [
      "a bad item, named by its index",
      () => checkArrayOf("f", "path.values", [1, "2"], (at, v) => checkNumber("f", at, v)),
      "type",
      "invalid-type",
      "path.values[1]",
      'f: path.values[1] must be a finite number (got the string "2")',
    ],
    [
      "a missing argument",
      () => checkPresent("f", "meta", undefined, "a dataset's metadata"),
      "type",
      "missing-argument",
      "meta",
      "f: meta must be a dataset's metadata (got nothing)",
    ],
  ]);
});

describe("checkOptions", () => {
  it("gives {} for no options and the object otherwise", () => {
    expect(checkOptions("f", "options", undefined, ["file"])).toEqual({});
    const o = { file: "a.csv" };
    expect(checkOptions("f", "options", o, ["file"])).toBe(o);
  });
  check([
    [
      "a misspelt option, with the nearest one",
      () => checkOptions("readScenarioJson", "options", { scenario: [] }, ["file", "scenarios"]),
      "type",
      "unknown-option",
      "options.scenario",
      "readScenarioJson: options.scenario is not an option; did you mean scenarios? (the options are file and scenarios)",
    ],
    [
      "an option whose name is not a plain name",
      () => checkOptions("f", "options", { "fi le": 1 }, ["file"]),
      "type",
      "unknown-option",
      'options["fi le"]',
      'f: options["fi le"] is not an option; did you mean file? (the options are file)',
    ],
    [
      "a string for the options",
      () => checkOptions("readObservationsCsv", "options", "gdp.csv", ["file"]),
      "type",
      "invalid-type",
      "options",
      'readObservationsCsv: options must be an object such as { file } (got the string "gdp.csv")',
    ],
  ]);
});

describe("memberPath", () => {
  it('writes a.b for plain names and a["x y"] otherwise', () => {
    expect(memberPath("options", "file")).toBe("options.file");
    expect(memberPath("options", "x y")).toBe('options["x y"]');
  });
});
