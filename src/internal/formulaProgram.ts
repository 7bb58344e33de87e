// A compiled formula as plain data — a program for a small stack machine — and its evaluation.
// Domain-free: the symbols are names the caller gives values to, in the program's order. The
// program is JSON, so the Monte Carlo kernel receives it as data and runs it with an interpreter
// of its own over whole blocks of paths (`simulation/internal/valueOps.ts`).

/**
 * The instructions of a {@link FormulaProgram}. Each takes its operands from the top of the stack
 * and pushes its result: `constant` and `symbol` push `constants[arg]` and the value of
 * `symbols[arg]`; `min` and `max` pop `arg` operands; the others pop one (`negate`, `abs`, `log`,
 * `exp`, `sqrt`) or two (`add` … `power`, the left operand below the right one).
 */
export const FORMULA_OP = {
  constant: 0,
  symbol: 1,
  add: 2,
  subtract: 3,
  multiply: 4,
  divide: 5,
  power: 6,
  negate: 7,
  abs: 8,
  log: 9,
  exp: 10,
  sqrt: 11,
  min: 12,
  max: 13,
} as const;

/** The type of {@link FORMULA_OP}. */
export type FormulaOps = typeof FORMULA_OP;

/**
 * A formula compiled once into postfix code: `code` holds pairs `(op, arg)` (an
 * {@link FORMULA_OP} code and its argument, 0 when it takes none), `constants` the numbers it
 * pushes, `symbols` the names it reads (each once, in order of first use), `depth` the largest
 * stack it needs. `gdp / population * 10000` is `symbol 0, symbol 1, divide, constant 0,
 * multiply` with symbols `[gdp, population]` and constants `[10000]`.
 */
export interface FormulaProgram {
  /** The formula as written. */
  readonly text: string;
  readonly code: readonly number[];
  readonly constants: readonly number[];
  readonly symbols: readonly string[];
  readonly depth: number;
}

/**
 * The value of a program given the value of each of its symbols (`values[k]` for `symbols[k]`).
 * Arithmetic is IEEE double, as JavaScript's: a division by zero gives ±Infinity, the log or
 * square root of a negative number and `0 / 0` give NaN; callers decide what a value that is not
 * finite means.
 */
export function evaluateFormula(program: FormulaProgram, values: ArrayLike<number>): number {
  const { code, constants } = program;
  const stack: number[] = [];
  for (let k = 0; k < code.length; k += 2) {
    const op = code[k] as number;
    const arg = code[k + 1] as number;
    if (op === FORMULA_OP.constant) stack.push(constants[arg] as number);
    else if (op === FORMULA_OP.symbol) stack.push(values[arg] as number);
    else if (op === FORMULA_OP.min || op === FORMULA_OP.max) {
      const operands = stack.splice(stack.length - arg, arg);
      stack.push(op === FORMULA_OP.min ? Math.min(...operands) : Math.max(...operands));
    } else if (op >= FORMULA_OP.negate) {
      const x = stack.pop() as number;
      stack.push(UNARY[op - FORMULA_OP.negate]!(x));
    } else {
      const y = stack.pop() as number;
      const x = stack.pop() as number;
      stack.push(BINARY[op - FORMULA_OP.add]!(x, y));
    }
  }
  return stack[0] as number;
}

/** The binary operations, in the order of their codes from `add`. */
const BINARY: readonly ((x: number, y: number) => number)[] = [
  (x, y) => x + y,
  (x, y) => x - y,
  (x, y) => x * y,
  (x, y) => x / y,
  (x, y) => x ** y,
];

/** The unary operations, in the order of their codes from `negate`. */
const UNARY: readonly ((x: number) => number)[] = [
  (x) => -x,
  Math.abs,
  Math.log,
  Math.exp,
  Math.sqrt,
];
