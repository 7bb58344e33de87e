import { evaluate } from "mathjs/number";
import { describe, expect, it } from "vitest";
import { compileFormula, MAX_FORMULA_LENGTH } from "../../src/internal/compileFormula.js";
import { evaluateFormula, type FormulaProgram } from "../../src/internal/formulaProgram.js";

function program(text: string): FormulaProgram {
  const compiled = compileFormula(text);
  if (!compiled.ok) throw new Error(`${text} ${compiled.problem}`);
  return compiled.program;
}

function problem(text: string): string {
  const compiled = compileFormula(text);
  if (compiled.ok) throw new Error(`${text} compiled`);
  return compiled.problem;
}

describe("compileFormula: the language", () => {
  it("compileFormula compiles a per-capita formula into postfix code over its symbols", () => {
    const p = program("gdp / population_resident * 10000");
    expect(p.symbols).toEqual(["gdp", "population_resident"]);
    expect(p.constants).toEqual([10000]);
    // symbol 0, symbol 1, divide, constant 0, multiply
    expect(p.code).toEqual([1, 0, 1, 1, 5, 0, 0, 0, 4, 0]);
    expect(p.depth).toBe(2);
    // 3802 (100M yuan) / 576 (10k persons) · 10000 = 66006.944… yuan a person
    expect(evaluateFormula(p, [3802, 576])).toBeCloseTo(66006.94444444444, 9);
  });

  it("compileFormula gives each symbol one slot, in order of first use", () => {
    const p = program("(a + b) / a - c");
    expect(p.symbols).toEqual(["a", "b", "c"]);
    // (2 + 3) / 2 − 4 = −1.5
    expect(evaluateFormula(p, [2, 3, 4])).toBe(-1.5);
  });

  // mathjs's own evaluate is the reference: the program must compute what mathjs reads.
  const cases: [string, Record<string, number>][] = [
    ["-2^2", {}], // −4: ^ binds tighter than unary minus
    ["2^-1", {}],
    ["a^b^c", { a: 2, b: 3, c: 2 }], // right-associative: 2^9 = 512
    ["a - b - c", { a: 10, b: 3, c: 2 }], // left-associative: 5
    ["a / b / c", { a: 12, b: 3, c: 2 }],
    ["+a - -b", { a: 1, b: 2 }],
    ["min(a, b, 3) + max(a, 2)", { a: 5, b: 4 }],
    ["abs(a - b) + sqrt(c) + exp(0) + log(c)", { a: 1, b: 4, c: 9 }],
    ["(x + y) * (x - y) / 1e3", { x: 7.5, y: 2.25 }],
    ["1.5e-3 * x ^ 0.5", { x: 4 }],
    ["50%", {}], // mathjs reads a trailing % as a percentage: 0.5
  ];
  for (const [text, scope] of cases)
    it(`compileFormula computes ${text} as mathjs evaluates it`, () => {
      const p = program(text);
      const values = p.symbols.map((s) => scope[s] as number);
      expect(evaluateFormula(p, values)).toBe(evaluate(text, { ...scope }));
    });

  it("compileFormula keeps IEEE arithmetic: 1/0 is Infinity, log(-1) and sqrt(-1) are NaN", () => {
    expect(evaluateFormula(program("a / b"), [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(evaluateFormula(program("log(a)"), [-1])).toBeNaN();
    expect(evaluateFormula(program("sqrt(a)"), [-1])).toBeNaN();
  });
});

describe("compileFormula refuses what is not arithmetic", () => {
  const only =
    "a formula may contain only numbers, indicator ids, + - * / ^, parentheses and the functions min, max, abs, log, exp, sqrt";
  const refused: [string, string][] = [
    ["a = 1", `uses an assignment (=); ${only}`],
    ["f(x) = x + 1", `uses a function definition; ${only}`],
    ["a; b", `uses several expressions (; or a new line); ${only}`],
    ["a\nb", `uses several expressions (; or a new line); ${only}`],
    ["a > 1 ? a : 1", `uses a condition (? :); ${only}`],
    ["a == b", `uses the operator ==; ${only}`],
    ["a % b", `uses the operator %; ${only}`],
    ["a mod b", `uses the operator mod; ${only}`],
    ["a!", `uses the operator !; ${only}`],
    ["a and b", `uses the operator and; ${only}`],
    ["a .* b", `uses the operator .*; ${only}`],
    ["a to b", `uses the operator to; ${only}`],
    ["[1, 2]", `uses a matrix ([ ]); ${only}`],
    ["a[1]", `uses a property or index access; ${only}`],
    ["a.b", `uses a property or index access; ${only}`],
    ["{a: 1}", `uses an object ({ }); ${only}`],
    ["1:3", `uses a range (:); ${only}`],
    ['"text"', `uses the string "text"; ${only}`],
    ["true", `uses the value true; ${only}`],
    [
      "import(a)",
      "calls an unknown function import; the functions are min, max, abs, log, exp, sqrt",
    ],
    [
      "round(a)",
      "calls an unknown function round; the functions are min, max, abs, log, exp, sqrt",
    ],
    [
      "evaluate(a)",
      "calls an unknown function evaluate; the functions are min, max, abs, log, exp, sqrt",
    ],
    ["log(a, 10)", "calls log with 2 arguments (it takes 1 argument)"],
    ["sqrt()", "calls sqrt with 0 arguments (it takes 1 argument)"],
    ["min(a)", "calls min with 1 arguments (it takes at least 2 arguments)"],
    ["2 gdp", "multiplies 2 and gdp without * (write 2 * gdp)"],
    ["5 cm", "multiplies 5 and cm without * (write 5 * cm)"],
    ["1e999 * a", "uses a number too large to represent"],
    ["", "is empty"],
    ["   ", "is empty"],
  ];
  for (const [text, message] of refused)
    it(`compileFormula refuses ${JSON.stringify(text)}`, () => {
      expect(problem(text)).toBe(message);
    });

  it("compileFormula reports a syntax error with mathjs's position", () => {
    expect(problem("(gdp / population")).toBe("is not a formula: Parenthesis ) expected (char 18)");
    expect(problem("gdp +")).toBe("is not a formula: Unexpected end of expression (char 6)");
  });

  it("compileFormula refuses a formula longer than the limit, before parsing it", () => {
    const long = `a${" + a".repeat(MAX_FORMULA_LENGTH)}`;
    expect(problem(long)).toBe(`is longer than 500 characters (it has ${long.length})`);
  });

  it("compileFormula returns the same result for the same text (compiled once)", () => {
    expect(compileFormula("a * b")).toBe(compileFormula("a * b"));
  });
});
