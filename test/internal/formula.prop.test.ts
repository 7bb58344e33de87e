import fc from "fast-check";
import { evaluate } from "mathjs/number";
import { describe, expect, it } from "vitest";
import { compileFormula } from "../../src/internal/compileFormula.js";
import { formulaRange } from "../../src/internal/formulaAnalysis.js";
import { evaluateFormula, type FormulaProgram } from "../../src/internal/formulaProgram.js";
import { KERNEL_CODES } from "../../src/simulation/internal/kernelCodes.js";
import type { KernelBuffers, KernelSpec } from "../../src/simulation/internal/kernelSpec.js";
import { createValueOps } from "../../src/simulation/internal/valueOps.js";

const SYMBOLS = ["a", "b", "c"] as const;

/** Formulas of the language over a, b and c, as text (bounded depth, every construct). */
const formulaArb: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...SYMBOLS),
    fc.double({ min: 0.01, max: 100, noNaN: true }).map((x) => String(Number(x.toPrecision(4)))),
    fc
      .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/", "^"), tie("expr"))
      .map(([x, op, y]) => `(${x} ${op} ${y})`),
    tie("expr").map((x) => `-${x}`),
    fc
      .tuple(fc.constantFrom("abs", "log", "exp", "sqrt"), tie("expr"))
      .map(([f, x]) => `${f}(${x})`),
    fc
      .tuple(fc.constantFrom("min", "max"), tie("expr"), tie("expr"))
      .map(([f, x, y]) => `${f}(${x}, ${y})`),
  ),
})).expr;

const valuesArb = fc.tuple(
  fc.double({ min: 0.1, max: 1000, noNaN: true }),
  fc.double({ min: 0.1, max: 1000, noNaN: true }),
  // No magnitudes below 1e-6 but 0: where two operands of min or max are nearly equal
  // (−5e-324·0.1 = −0 against −5e-324), mathjs's relative tolerance may pick the other one, and a
  // function after it (sqrt of the smaller) then differs in kind (NaN against −0), not in rounding.
  fc.double({ min: -10, max: 10, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-6),
);

function compiled(text: string): FormulaProgram {
  const c = compileFormula(text);
  if (!c.ok) throw new Error(`${text}: ${c.problem}`);
  return c.program;
}

/** The program's symbols' entries of `scope`, which holds a, b and c in that order. */
function symbolValues<T>(p: FormulaProgram, scope: readonly T[]): T[] {
  return p.symbols.map((s) => scope[SYMBOLS.indexOf(s as (typeof SYMBOLS)[number])] as T);
}

describe("formulas, as properties", () => {
  it("a compiled formula computes what mathjs evaluates, for every formula of the language", () => {
    fc.assert(
      fc.property(formulaArb, valuesArb, (text, [a, b, c]) => {
        const p = compiled(text);
        const ours = evaluateFormula(p, symbolValues(p, [a, b, c]));
        const theirs = evaluate(text, { a, b, c }) as number;
        // Both are IEEE double arithmetic in the same order, but mathjs's min and max compare
        // with a relative tolerance of 1e-12 (config.relTol), so they may pick the other of two
        // nearly equal operands: equal up to that, NaN where mathjs gives NaN.
        const same =
          Object.is(ours, theirs) ||
          (Number.isNaN(ours) && Number.isNaN(theirs)) ||
          Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs));
        expect(same, `${text} at a=${a}, b=${b}, c=${c}: ${ours} vs ${theirs}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the kernel's formula op gives every path the scalar evaluation, bit for bit", () => {
    const B = 8;
    fc.assert(
      fc.property(formulaArb, fc.array(valuesArb, { minLength: B, maxLength: B }), (text, rows) => {
        const p = compiled(text);
        // Value buffers 0, 1, 2 hold a, b, c for each of the B paths; buffer 3 is the output.
        const values = new Float64Array(4 * B);
        rows.forEach((r, n) => {
          r.forEach((v, k) => {
            values[k * B + n] = v;
          });
        });
        const op = {
          op: KERNEL_CODES.op.formula,
          out: 3,
          inputs: p.symbols.map((s) => SYMBOLS.indexOf(s as (typeof SYMBOLS)[number])),
          code: p.code,
          constants: p.constants,
          depth: p.depth,
        } as const;
        const spec = { blockSize: B, ops: [op] } as unknown as KernelSpec;
        const buffers = { z: new Float64Array(B), values } as unknown as KernelBuffers;
        createValueOps(spec, buffers, KERNEL_CODES)(op, 1, B);
        rows.forEach((r, n) => {
          const expected = evaluateFormula(p, symbolValues(p, r));
          expect(Object.is(values[3 * B + n], expected)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("formulaRange holds the formula's value whenever each symbol lies in its range", () => {
    const interval = fc
      .tuple(
        fc.double({ min: -5, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
      )
      .map(([lo, w]) => [lo, lo + w] as const);
    fc.assert(
      fc.property(
        formulaArb,
        fc.tuple(interval, interval, interval),
        fc.tuple(
          fc.double({ min: 0, max: 1 }),
          fc.double({ min: 0, max: 1 }),
          fc.double({ min: 0, max: 1 }),
        ),
        (text, ranges, at) => {
          const p = compiled(text);
          const own = symbolValues<readonly [number, number]>(p, ranges);
          const point = own.map(([lo, hi], k) => lo + (hi - lo) * (at[k] as number));
          const v = evaluateFormula(p, point);
          if (!Number.isFinite(v)) return; // outside any interval: not counted
          const [lo, hi] = formulaRange(p, own);
          // Interval ends are computed in floating point too: allow their rounding.
          const slack = 1e-9 * Math.max(1, Math.abs(v));
          expect(v).toBeGreaterThanOrEqual(lo - slack);
          expect(v).toBeLessThanOrEqual(hi + slack);
        },
      ),
      { numRuns: 400 },
    );
  });
});
