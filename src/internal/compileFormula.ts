// Compiles a formula — text in mathjs's expression syntax, restricted to arithmetic — into a
// FormulaProgram. mathjs parses; this module walks its syntax tree once, refuses every construct
// outside the language and emits postfix code. Domain-free: symbols are names, which the caller
// resolves.
import { formulaParser, type ParsedNode } from "./formulaParser.js";
import { FORMULA_OP, type FormulaProgram } from "./formulaProgram.js";

/** The longest formula accepted, in characters (the indicator schema's limit too). */
export const MAX_FORMULA_LENGTH = 500;

/** The functions a formula may call, with how many arguments each takes. */
export const FORMULA_FUNCTIONS: Readonly<Record<string, { op: number; min: number; max: number }>> =
  {
    min: { op: FORMULA_OP.min, min: 2, max: 64 },
    max: { op: FORMULA_OP.max, min: 2, max: 64 },
    abs: { op: FORMULA_OP.abs, min: 1, max: 1 },
    log: { op: FORMULA_OP.log, min: 1, max: 1 },
    exp: { op: FORMULA_OP.exp, min: 1, max: 1 },
    sqrt: { op: FORMULA_OP.sqrt, min: 1, max: 1 },
  };

/** mathjs's function of each binary operator a formula may use. */
const BINARY: Readonly<Record<string, number>> = {
  add: FORMULA_OP.add,
  subtract: FORMULA_OP.subtract,
  multiply: FORMULA_OP.multiply,
  divide: FORMULA_OP.divide,
  pow: FORMULA_OP.power,
};

/** What each kind of mathjs node outside the language is, for the message. */
const FORBIDDEN_NODES: Readonly<Record<string, string>> = {
  AssignmentNode: "an assignment (=)",
  FunctionAssignmentNode: "a function definition",
  BlockNode: "several expressions (; or a new line)",
  ConditionalNode: "a condition (? :)",
  ArrayNode: "a matrix ([ ])",
  AccessorNode: "a property or index access",
  IndexNode: "an index",
  ObjectNode: "an object ({ })",
  RangeNode: "a range (:)",
  RelationalNode: "a comparison",
};

/** What a formula may contain, for messages. */
export const FORMULA_LANGUAGE =
  "numbers, indicator ids, + - * / ^, parentheses and the functions min, max, abs, log, exp, sqrt";

/** The outcome of {@link compileFormula}: the program, or why there is none. */
export type CompiledFormula =
  | { readonly ok: true; readonly program: FormulaProgram }
  | { readonly ok: false; readonly problem: string };

class FormulaProblem extends Error {}

/** Compiled formulas by text: a formula is parsed once per process. */
const compiled = new Map<string, CompiledFormula>();
/** Beyond this many distinct formulas the cache starts again (it only saves parsing). */
const CACHE_LIMIT = 1000;

/**
 * Compiles a formula in the language of derived indicators — mathjs's expression syntax
 * restricted to numbers, symbols, `+ - * / ^` (with unary minus and parentheses) and the
 * functions `min`, `max`, `abs`, `log` (natural), `exp`, `sqrt` — into a {@link FormulaProgram}.
 * Everything else is refused with what it is: an assignment, a function definition, several
 * expressions, a condition, a comparison, a matrix, a string, a unit, implicit multiplication
 * (`2 gdp`), an unknown function. The text is parsed by mathjs (`parse` of `mathjs/number`,
 * loaded on the first call) and each distinct text compiled once per process.
 *
 * Symbols are returned as written, not resolved: the caller checks them against its names.
 *
 * @returns `{ ok: true, program }`, or `{ ok: false, problem }` where `problem` completes the
 *   sentence "the formula …": `is empty`, `is not a formula: Unexpected end of expression (char
 *   5)`, `uses an assignment (=); a formula may contain only numbers, …`, `calls an unknown
 *   function round; …`, `multiplies 2 and gdp without * (write 2 * gdp)`.
 * @example
 * const c = compileFormula("gdp / population * 10000");
 * c.ok && c.program.symbols; // ["gdp", "population"]
 */
export function compileFormula(text: string): CompiledFormula {
  const known = compiled.get(text);
  if (known !== undefined) return known;
  const result = compileText(text);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(text, result);
  return result;
}

function compileText(text: string): CompiledFormula {
  if (text.trim() === "") return { ok: false, problem: "is empty" };
  if (text.length > MAX_FORMULA_LENGTH)
    return {
      ok: false,
      problem: `is longer than ${MAX_FORMULA_LENGTH} characters (it has ${text.length})`,
    };
  const parse = formulaParser(); // outside the try: a missing mathjs is no problem of the text
  let root: ParsedNode;
  try {
    root = parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `is not a formula: ${message}` };
  }
  const code: number[] = [];
  const constants: number[] = [];
  const symbols: string[] = [];
  let height = 0;
  let depth = 0;
  const push = (op: number, arg: number, pops: number) => {
    code.push(op, arg);
    height += 1 - pops;
    depth = Math.max(depth, height);
  };
  const emit = (node: ParsedNode): void => {
    if (node.type === "ParenthesisNode") emit(node.content as ParsedNode);
    else if (node.type === "ConstantNode")
      push(FORMULA_OP.constant, constantIndex(node.value, constants), 0);
    else if (node.type === "SymbolNode") {
      const name = node.name as string;
      let k = symbols.indexOf(name);
      if (k < 0) k = symbols.push(name) - 1;
      push(FORMULA_OP.symbol, k, 0);
    } else if (node.type === "OperatorNode") emitOperator(node, emit, push);
    else if (node.type === "FunctionNode") emitFunction(node, emit, push);
    else throw forbidden(FORBIDDEN_NODES[node.type] ?? `a ${node.type}`);
  };
  try {
    if (root.type === "ConstantNode" && root.value === undefined)
      return { ok: false, problem: "is empty" };
    emit(root);
  } catch (error) {
    if (error instanceof FormulaProblem) return { ok: false, problem: error.message };
    throw error;
  }
  return { ok: true, program: { text, code, constants, symbols, depth } };
}

type Push = (op: number, arg: number, pops: number) => void;

function forbidden(what: string): FormulaProblem {
  return new FormulaProblem(`uses ${what}; a formula may contain only ${FORMULA_LANGUAGE}`);
}

function constantIndex(value: unknown, constants: number[]): number {
  if (typeof value !== "number")
    throw forbidden(
      typeof value === "string" ? `the string ${JSON.stringify(value)}` : `the value ${value}`,
    );
  if (!Number.isFinite(value)) throw new FormulaProblem("uses a number too large to represent");
  const k = constants.findIndex((c) => Object.is(c, value));
  return k >= 0 ? k : constants.push(value) - 1;
}

function emitOperator(node: ParsedNode, emit: (n: ParsedNode) => void, push: Push): void {
  const args = node.args ?? [];
  const fn = node.fn as string;
  if (node.implicit === true) {
    const [a, b] = args.map((x) => x.toString());
    throw new FormulaProblem(`multiplies ${a} and ${b} without * (write ${a} * ${b})`);
  }
  if (fn === "unaryMinus" || fn === "unaryPlus") {
    emit(args[0] as ParsedNode);
    if (fn === "unaryMinus") push(FORMULA_OP.negate, 0, 1);
    return;
  }
  const op = BINARY[fn];
  if (op === undefined || args.length !== 2) throw forbidden(`the operator ${node.op}`);
  emit(args[0] as ParsedNode);
  emit(args[1] as ParsedNode);
  push(op, 0, 2);
}

function emitFunction(node: ParsedNode, emit: (n: ParsedNode) => void, push: Push): void {
  const callee = node.fn as ParsedNode;
  const name = callee.type === "SymbolNode" ? (callee.name as string) : callee.toString();
  const def = Object.hasOwn(FORMULA_FUNCTIONS, name) ? FORMULA_FUNCTIONS[name] : undefined;
  if (def === undefined)
    throw new FormulaProblem(
      `calls an unknown function ${name}; the functions are ${Object.keys(FORMULA_FUNCTIONS).join(", ")}`,
    );
  const args = node.args ?? [];
  if (args.length < def.min || args.length > def.max) {
    const expected = def.min === def.max ? `${def.min} argument` : `at least ${def.min} arguments`;
    throw new FormulaProblem(`calls ${name} with ${args.length} arguments (it takes ${expected})`);
  }
  for (const a of args) emit(a);
  push(def.op, def.max === 1 ? 0 : args.length, args.length);
}
