import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/internal/describeValue.js";

describe("describeValue shows a value and its type for the (got …) of a message", () => {
  const cases: [string, unknown, string][] = [
    ["zero", 0, "0"],
    ["a negative number", -1.5, "-1.5"],
    ["NaN", Number.NaN, "NaN"],
    ["infinity", Number.NEGATIVE_INFINITY, "-Infinity"],
    ["a numeric string, quoted", "1000", 'the string "1000"'],
    ["an empty string", "", 'the string ""'],
    ["a string with a quote and a line break, escaped", 'a"b\n', 'the string "a\\"b\\n"'],
    ["null", null, "null"],
    ["undefined", undefined, "nothing"],
    ["true", true, "true"],
    ["an array of 3 items", [1, 2, 3], "an array of 3 items"],
    ["an array of 1 item", ["x"], "an array of 1 item"],
    ["an empty array", [], "an empty array"],
    ["an object with two keys", { a: 1, b: 2 }, "an object with keys a, b"],
    ["an object with one key", { places: [] }, "an object with key places"],
    ["an empty object", {}, "an empty object"],
    [
      "an object with more than five keys, cut",
      { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 },
      "an object with keys a, b, c, d, e, …",
    ],
    [
      "keys that are not plain names, quoted",
      { "a b": 1, 地区: 2 },
      'an object with keys "a b", 地区',
    ],
    ["an object without prototype", Object.create(null), "an empty object"],
    ["a class instance", new Date(0), "an instance of Date"],
    ["a function", () => 1, "a function"],
    ["a bigint", 3n, "the bigint 3n"],
    ["a symbol", Symbol("s"), "a symbol"],
  ];
  for (const [what, value, shown] of cases) {
    it(`${what}: ${shown}`, () => {
      expect(describeValue(value)).toBe(shown);
    });
  }

  it("cuts a long string after 60 characters and gives its length", () => {
    expect(describeValue("x".repeat(100))).toBe(`the string "${"x".repeat(60)}…" (100 characters)`);
  });

  it("never throws, even for a revoked proxy", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe("an object");
  });
});
