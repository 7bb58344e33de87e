import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/internal/compileFormula.js";
import {
  formulaKeepsPositive,
  formulaMonomial,
  formulaRange,
  formulaRatio,
} from "../../src/internal/formulaAnalysis.js";
import type { FormulaProgram } from "../../src/internal/formulaProgram.js";

function compiled(text: string): FormulaProgram {
  const c = compileFormula(text);
  if (!c.ok) throw new Error(`${text}: ${c.problem}`);
  return c.program;
}

describe("formulaRatio", () => {
  it("formulaRatio recognises k · a / b however it is written", () => {
    const ratio = { numerator: "gdp", denominator: "pop", scale: 10000 };
    for (const text of [
      "gdp / pop * 10000",
      "10000 * gdp / pop",
      "gdp * 10000 / pop",
      "gdp * pop^-1 * 1e4",
      "(gdp / pop) * (100 * 100)",
      "-(-gdp) / pop * 10000",
    ])
      expect(formulaRatio(compiled(text)), text).toEqual(ratio);
  });

  it("formulaRatio finds no ratio in a sum, a difference, a square or a negative scale", () => {
    for (const text of [
      "(gdp - x) / pop",
      "gdp / pop / pop",
      "gdp + pop",
      "gdp / pop * -1",
      "gdp / gdp",
      "log(gdp) / pop",
      "gdp * pop",
    ])
      expect(formulaRatio(compiled(text)), text).toBeUndefined();
  });
});

describe("formulaMonomial", () => {
  it("formulaMonomial folds constants and functions of constants into the coefficient", () => {
    const m = formulaMonomial(compiled("sqrt(4) * a^2 / b * exp(0)"));
    expect(m?.coef).toBe(2);
    expect([...(m?.exponents ?? [])]).toEqual([
      ["a", 2],
      ["b", -1],
    ]);
    expect(formulaMonomial(compiled("a^b"))).toBeUndefined();
    expect(formulaMonomial(compiled("abs(a)"))).toBeUndefined();
  });
});

describe("formulaKeepsPositive", () => {
  it("formulaKeepsPositive holds for products, quotients, powers, exp, sqrt, min and max of positive values", () => {
    for (const text of [
      "a / b * 100",
      "a + b",
      "a ^ -0.5",
      "exp(a - b)",
      "sqrt(a)",
      "min(a, b)",
      "a - (-b)",
    ])
      expect(formulaKeepsPositive(compiled(text)), text).toBe(true);
  });

  it("formulaKeepsPositive fails for a difference, a log, an abs and a negative constant", () => {
    for (const text of ["a - b", "log(a)", "abs(a - b)", "-a", "a * -2", "max(-a, -b)"])
      expect(formulaKeepsPositive(compiled(text)), text).toBe(false);
  });
});

describe("formulaRange", () => {
  it("formulaRange gives the range of a ratio from the ranges of its sides", () => {
    // 10000 · [90, 110] / [40, 50] = [10000 · 90 / 50, 10000 · 110 / 40] = [18000, 27500]
    expect(
      formulaRange(compiled("gdp / pop * 10000"), [
        [90, 110],
        [40, 50],
      ]),
    ).toEqual([18000, 27500]);
  });

  it("formulaRange has no bound for a division by a range holding 0, or a log reaching 0", () => {
    expect(
      formulaRange(compiled("a / b"), [
        [1, 2],
        [-1, 1],
      ]),
    ).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(formulaRange(compiled("log(a)"), [[0, Math.E]])).toEqual([Number.NEGATIVE_INFINITY, 1]);
  });

  it("formulaRange follows even powers through 0 and abs across 0", () => {
    // x² on [−2, 3] is [0, 9]; |x| on [−2, 3] is [0, 3]
    expect(formulaRange(compiled("a ^ 2"), [[-2, 3]])).toEqual([0, 9]);
    expect(formulaRange(compiled("abs(a)"), [[-2, 3]])).toEqual([0, 3]);
    // min of [1, 5] and [2, 3] is [1, 3]; max is [2, 5]
    expect(
      formulaRange(compiled("min(a, b)"), [
        [1, 5],
        [2, 3],
      ]),
    ).toEqual([1, 3]);
    expect(
      formulaRange(compiled("max(a, b)"), [
        [1, 5],
        [2, 3],
      ]),
    ).toEqual([2, 5]);
  });
});
