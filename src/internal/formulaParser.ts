// mathjs's expression parser, loaded on first use. mathjs is large (its number-only entry takes
// about 0.4 s and 20 MB to load, the full one about 1 s and 40 MB: docs/dependencies.md), so the
// library does not load it until a pack has a formula. Formulas are checked and compiled by
// synchronous functions (validatePack, projectScenario, assessPack), so in Node the parser is
// loaded with a synchronous `require`; elsewhere `preloadDependencies(["formulas"])` loads it
// first with a dynamic `import()` (lazyModule.ts).
import { requireLazyModule } from "./lazyModule.js";

/**
 * The part of a mathjs expression node the compiler reads (mathjs's `MathNode`, kept structural
 * so that no mathjs type reaches the library's own).
 */
export interface ParsedNode {
  readonly type: string;
  /** OperatorNode: the operator as written (`+`, `%`, `and`) and the function it calls. */
  readonly op?: string;
  readonly fn?: string | ParsedNode;
  readonly implicit?: boolean;
  readonly args?: readonly ParsedNode[];
  /** ConstantNode: the value (a number, a string, a boolean, null or undefined). */
  readonly value?: unknown;
  /** SymbolNode: the name. */
  readonly name?: string;
  /** ParenthesisNode: what the parentheses hold. */
  readonly content?: ParsedNode;
  toString(): string;
}

type Parse = (text: string) => ParsedNode;

let parse: Parse | undefined;

/**
 * mathjs's `parse` (from `mathjs/number`, the build without matrices, big numbers, fractions and
 * units), loaded once, on the first call.
 *
 * @throws {Error} Node's error when mathjs cannot be found (it is a dependency of the package);
 *   outside Node, when `preloadDependencies(["formulas"])` has not loaded it.
 */
export function formulaParser(): Parse {
  if (parse === undefined) {
    parse = (requireLazyModule("mathjs/number", "parse", "regionsim") as { parse: Parse }).parse;
  }
  return parse;
}
