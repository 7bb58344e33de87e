// What can be said about a compiled formula without its values: the range of its value given a
// range for each symbol (interval arithmetic), whether it stays positive when its symbols are, and
// whether it is a plain ratio `k · a / b`. Domain-free, like the program itself.
import { FORMULA_OP, type FormulaProgram } from "./formulaProgram.js";

/** A closed interval [lo, hi]; either end may be infinite. */
export type Range = readonly [number, number];

const ANY: Range = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];

/** The smallest interval holding every finite value of `values` (NaN ones left out). */
function hull(values: readonly number[]): Range {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo <= hi ? [lo, hi] : ANY;
}

/** x · y for interval ends, with 0 · ∞ taken as 0 (the product of a bounded 0 and a large end). */
function times(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

function multiply([a, b]: Range, [c, d]: Range): Range {
  return hull([times(a, c), times(a, d), times(b, c), times(b, d)]);
}

function divide([a, b]: Range, [c, d]: Range): Range {
  if (c <= 0 && d >= 0) return ANY;
  // x / y is monotone in each argument while y keeps its sign: the ends are quotients of ends
  // (not products with 1 / y, whose reciprocal overflows for a denormal y).
  return hull([a / c, a / d, b / c, b / d]);
}

function power(base: Range, exponent: Range): Range {
  const [a, b] = base;
  const [c, d] = exponent;
  // A positive base: x^y = exp(y · ln x) is monotone in each argument, so the ends are corners.
  if (a > 0) return hull([a ** c, a ** d, b ** c, b ** d]);
  // Any base with a fixed integer exponent: x^n over [a, b] (through 0 for an even n).
  if (c === d && Number.isInteger(c)) {
    if (c < 0 && a <= 0 && b >= 0) return ANY;
    const ends = [a ** c, b ** c];
    return hull(c % 2 === 0 && a <= 0 && b >= 0 && c > 0 ? [0, ...ends] : ends);
  }
  return ANY;
}

const BINARY: readonly ((x: Range, y: Range) => Range)[] = [
  ([a, b], [c, d]) => [a + c, b + d],
  ([a, b], [c, d]) => [a - d, b - c],
  multiply,
  divide,
  power,
];

const UNARY: readonly ((x: Range) => Range)[] = [
  ([a, b]) => [-b, -a],
  ([a, b]) => (a >= 0 ? [a, b] : b <= 0 ? [-b, -a] : [0, Math.max(-a, b)]),
  ([a, b]) => (b <= 0 ? ANY : [a > 0 ? Math.log(a) : Number.NEGATIVE_INFINITY, Math.log(b)]),
  ([a, b]) => [Math.exp(a), Math.exp(b)],
  ([a, b]) => (b < 0 ? ANY : [Math.sqrt(Math.max(0, a)), Math.sqrt(b)]),
];

/**
 * An interval holding every value the formula takes when each symbol `k` lies in `ranges[k]`
 * (interval arithmetic: Moore, Kearfott & Cloud, *Introduction to Interval Analysis*, SIAM 2009,
 * ch. 2). It can be wider than the true range (a symbol used twice is treated as two), never
 * narrower; it is `[−∞, ∞]` where the formula can divide by zero or has no bound (a negative base
 * to a power that is not a fixed integer). Values that are not numbers (the log of a negative
 * number) are outside any interval and are not counted.
 *
 * @example
 * // gdp / population * 10000 (compiled) with gdp in [90, 110] and population in [40, 50]
 * const program = { text: "gdp / population * 10000", code: [1, 0, 1, 1, 5, 0, 0, 0, 4, 0], constants: [10000], symbols: ["gdp", "population"], depth: 2 };
 * formulaRange(program, [[90, 110], [40, 50]]); // [18000, 27500]
 */
export function formulaRange(program: FormulaProgram, ranges: readonly Range[]): Range {
  const { code, constants } = program;
  const stack: Range[] = [];
  for (let k = 0; k < code.length; k += 2) {
    const op = code[k] as number;
    const arg = code[k + 1] as number;
    if (op === FORMULA_OP.constant) {
      const c = constants[arg] as number;
      stack.push([c, c]);
    } else if (op === FORMULA_OP.symbol) stack.push(ranges[arg] ?? ANY);
    else if (op === FORMULA_OP.min || op === FORMULA_OP.max) {
      const xs = stack.splice(stack.length - arg, arg);
      const pick = op === FORMULA_OP.min ? Math.min : Math.max;
      stack.push([pick(...xs.map((x) => x[0])), pick(...xs.map((x) => x[1]))]);
    } else if (op >= FORMULA_OP.negate) stack.push(UNARY[op - FORMULA_OP.negate]!(stack.pop()!));
    else {
      const y = stack.pop()!;
      const x = stack.pop()!;
      stack.push(BINARY[op - FORMULA_OP.add]!(x, y));
    }
  }
  return stack[0] ?? ANY;
}

/** The sign a value is known to have: positive, negative, or either (or zero). */
type Sign = 1 | -1 | 0;

const SIGN_BINARY: readonly ((x: Sign, y: Sign) => Sign)[] = [
  (x, y) => (x === y ? x : 0),
  (x, y) => (x === -y ? x : 0),
  (x, y) => (x * y) as Sign,
  (x, y) => (x * y) as Sign,
  (x) => (x === 1 ? 1 : 0),
];

const SIGN_UNARY: readonly ((x: Sign) => Sign)[] = [
  (x) => -x as Sign,
  (x) => (x === 0 ? 0 : 1),
  () => 0,
  () => 1,
  (x) => (x === 1 ? 1 : 0),
];

/**
 * Whether the formula is positive whenever every symbol is (as a matter of algebra: sums,
 * products, quotients and powers of positive numbers, `exp`, `sqrt`, `min` and `max` of positive
 * numbers are positive; a difference, a `log` or an `abs` may not be).
 *
 * @example
 * // gdp / population * 10000, then gdp - investment (compiled)
 * formulaKeepsPositive({ text: "", code: [1, 0, 1, 1, 5, 0, 0, 0, 4, 0], constants: [10000], symbols: ["gdp", "population"], depth: 2 }); // true
 * formulaKeepsPositive({ text: "", code: [1, 0, 1, 1, 3, 0], constants: [], symbols: ["gdp", "investment"], depth: 2 }); // false
 */
export function formulaKeepsPositive(program: FormulaProgram): boolean {
  const { code, constants } = program;
  const stack: Sign[] = [];
  for (let k = 0; k < code.length; k += 2) {
    const op = code[k] as number;
    const arg = code[k + 1] as number;
    if (op === FORMULA_OP.constant) {
      const c = constants[arg] as number;
      stack.push(c > 0 ? 1 : c < 0 ? -1 : 0);
    } else if (op === FORMULA_OP.symbol) stack.push(1);
    else if (op === FORMULA_OP.min || op === FORMULA_OP.max) {
      const xs = stack.splice(stack.length - arg, arg);
      const all = (s: Sign) => xs.every((x) => x === s);
      const some = (s: Sign) => xs.some((x) => x === s);
      if (op === FORMULA_OP.min) stack.push(all(1) ? 1 : some(-1) ? -1 : 0);
      else stack.push(some(1) ? 1 : all(-1) ? -1 : 0);
    } else if (op >= FORMULA_OP.negate)
      stack.push(SIGN_UNARY[op - FORMULA_OP.negate]!(stack.pop()!));
    else {
      const y = stack.pop()!;
      const x = stack.pop()!;
      stack.push(SIGN_BINARY[op - FORMULA_OP.add]!(x, y));
    }
  }
  return stack[0] === 1;
}

/** A formula of the form `scale · numerator / denominator` (see {@link formulaRatio}). */
export interface FormulaRatio {
  readonly numerator: string;
  readonly denominator: string;
  readonly scale: number;
}

/** A product `coef · Π symbol^exponent`, or null for anything else. */
type Monomial = { readonly coef: number; readonly exps: ReadonlyMap<string, number> } | null;

function combineExps(
  x: ReadonlyMap<string, number>,
  y: ReadonlyMap<string, number>,
  sign: 1 | -1,
): Map<string, number> {
  const out = new Map(x);
  for (const [s, e] of y) {
    const sum = (out.get(s) ?? 0) + sign * e;
    if (sum === 0) out.delete(s);
    else out.set(s, sum);
  }
  return out;
}

/** The constant value of a monomial without symbols, else undefined. */
function constantOf(m: Monomial): number | undefined {
  return m !== null && m.exps.size === 0 ? m.coef : undefined;
}

/** A formula that is a product `coef · Π symbol^exponent` (see {@link formulaMonomial}). */
export interface FormulaMonomial {
  readonly coef: number;
  /** The exponent of each symbol that appears (none is 0). */
  readonly exponents: ReadonlyMap<string, number>;
}

/**
 * The formula as a product `coef · Π symbol^exponent` (a monomial with real exponents), when it
 * is one up to algebra on products, quotients, constant powers and functions of constants
 * (`gdp / population * 10000`, `sqrt(2) * a^2 / b`); otherwise undefined (a sum or difference of
 * symbols, a function of a symbol, a symbol to the power of a symbol). The log of such a value
 * is linear in the logs of its symbols, which is what makes the interval of a per-capita value
 * exact (`formulaShockInterval`).
 *
 * @example
 * // gdp / population * 10000 (compiled): 10000 · gdp¹ · population⁻¹
 * const program = { text: "gdp / population * 10000", code: [1, 0, 1, 1, 5, 0, 0, 0, 4, 0], constants: [10000], symbols: ["gdp", "population"], depth: 2 };
 * formulaMonomial(program)?.coef; // 10000
 * [...(formulaMonomial(program)?.exponents ?? [])]; // [["gdp", 1], ["population", -1]]
 */
export function formulaMonomial(program: FormulaProgram): FormulaMonomial | undefined {
  const { code, constants, symbols } = program;
  const stack: Monomial[] = [];
  const constant = (c: number): Monomial => ({ coef: c, exps: new Map() });
  for (let k = 0; k < code.length; k += 2) {
    const op = code[k] as number;
    const arg = code[k + 1] as number;
    if (op === FORMULA_OP.constant) stack.push(constant(constants[arg] as number));
    else if (op === FORMULA_OP.symbol)
      stack.push({ coef: 1, exps: new Map([[symbols[arg] as string, 1]]) });
    else if (op === FORMULA_OP.negate) {
      const x = stack.pop()!;
      stack.push(x === null ? null : { coef: -x.coef, exps: x.exps });
    } else if (op > FORMULA_OP.negate) {
      // Functions of constants fold to a constant; of symbols, they are no monomial.
      const n = op === FORMULA_OP.min || op === FORMULA_OP.max ? arg : 1;
      const cs = stack.splice(stack.length - n, n).map(constantOf);
      stack.push(cs.some((c) => c === undefined) ? null : constant(constantOp(op, cs as number[])));
    } else {
      const y = stack.pop()!;
      const x = stack.pop()!;
      stack.push(monomialOp(op, x, y));
    }
  }
  const m = stack[0];
  if (m === null || m === undefined || !Number.isFinite(m.coef)) return undefined;
  return { coef: m.coef, exponents: m.exps };
}

/** A formula of the form `scale · numerator / denominator` (see {@link formulaRatio}). */
export interface FormulaRatio {
  readonly numerator: string;
  readonly denominator: string;
  readonly scale: number;
}

/**
 * The formula as a ratio `scale · numerator / denominator` of two different symbols with a
 * positive constant `scale`, when it is one as a monomial (see {@link formulaMonomial}:
 * `gdp / population * 10000`, `10000 * gdp / population`, `gdp * population^-1 * 1e4`);
 * otherwise undefined (`(gdp - x) / population`, `gdp / population / population`).
 *
 * @example
 * // gdp / population * 10000 (compiled)
 * const program = { text: "gdp / population * 10000", code: [1, 0, 1, 1, 5, 0, 0, 0, 4, 0], constants: [10000], symbols: ["gdp", "population"], depth: 2 };
 * formulaRatio(program); // { numerator: "gdp", denominator: "population", scale: 10000 }
 */
export function formulaRatio(program: FormulaProgram): FormulaRatio | undefined {
  const m = formulaMonomial(program);
  if (m === undefined || m.exponents.size !== 2 || !(m.coef > 0)) return undefined;
  const numerator = [...m.exponents].find(([, e]) => e === 1)?.[0];
  const denominator = [...m.exponents].find(([, e]) => e === -1)?.[0];
  if (numerator === undefined || denominator === undefined) return undefined;
  return { numerator, denominator, scale: m.coef };
}

function monomialOp(op: number, x: Monomial, y: Monomial): Monomial {
  const cx = constantOf(x);
  const cy = constantOf(y);
  if (cx !== undefined && cy !== undefined)
    return { coef: BINARY_NUMBER[op - FORMULA_OP.add]!(cx, cy), exps: new Map() };
  if (x === null || y === null) return null;
  if (op === FORMULA_OP.multiply)
    return { coef: x.coef * y.coef, exps: combineExps(x.exps, y.exps, 1) };
  if (op === FORMULA_OP.divide)
    return { coef: x.coef / y.coef, exps: combineExps(x.exps, y.exps, -1) };
  if (op === FORMULA_OP.power && cy !== undefined)
    return {
      coef: x.coef ** cy,
      exps: new Map([...x.exps].map(([s, e]) => [s, e * cy] as const)),
    };
  return null;
}

const BINARY_NUMBER: readonly ((x: number, y: number) => number)[] = [
  (x, y) => x + y,
  (x, y) => x - y,
  (x, y) => x * y,
  (x, y) => x / y,
  Math.pow,
];

function constantOp(op: number, values: readonly number[]): number {
  if (op === FORMULA_OP.min) return Math.min(...values);
  if (op === FORMULA_OP.max) return Math.max(...values);
  const x = values[0] as number;
  return [Math.abs, Math.log, Math.exp, Math.sqrt][op - FORMULA_OP.abs]!(x);
}
