// The errors regionsim throws for a broken contract (STYLE.md §4): a call that passes the wrong
// type, leaves out an argument, or passes a value outside the range the function accepts. Bad
// user data is never thrown: readers return it as issues.

/** Why an {@link ArgumentTypeError} was thrown. */
export type ArgumentTypeErrorCode =
  /** A value of the wrong type (a string where a number belongs, `null` for an object). */
  | "invalid-type"
  /** A required argument or option that was not given (`undefined`). */
  | "missing-argument"
  /** A key of an options object that the function does not know (a misspelt option). */
  | "unknown-option";

/** Why an {@link ArgumentRangeError} was thrown. */
export type ArgumentRangeErrorCode =
  /** A value of the right type outside the accepted range (0 years, NaN, 1.5 paths, ""). */
  | "out-of-range"
  /** A name that is not one of those accepted (an unknown option value, unit or document). */
  | "unknown-id"
  /** Two values that cannot go together (units of different kinds). */
  | "incompatible-units";

/**
 * One problem found inside an argument (e.g. in a dataset's metadata), in the shape of the
 * library's `Issue`: what is wrong, at which path, what was expected and found.
 */
export interface ArgumentIssue {
  readonly code: string;
  readonly message: string;
  /** Path inside the argument, e.g. `meta.indicators[2].kind`. */
  readonly field?: string | undefined;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
}

/** What an argument error says besides its message. */
export interface ArgumentErrorDetails<Code extends string> {
  readonly code: Code;
  /** The parameter, as the message names it: `years`, `options.paths`, `meta.indicators[0]`. */
  readonly path: string;
  /** Every problem found inside the argument, when there can be several. */
  readonly issues?: readonly ArgumentIssue[];
}

/**
 * Thrown when a function of regionsim is called with an argument of the wrong type, without a
 * required argument, or with an unknown option: a broken contract, not bad data. The message
 * starts with the function's name, names the parameter and shows the value with its type, e.g.
 * `requiredGrowth: latest must be a positive finite number (got the string "3802")`.
 *
 * It is a `TypeError`, so `catch (e) { if (e instanceof TypeError) … }` still works; to tell it
 * from other type errors, test `e instanceof ArgumentTypeError`, or read `e.code`
 * (`"invalid-type"`, `"missing-argument"`, `"unknown-option"`) and `e.path` (the parameter,
 * e.g. `"options.paths"`). `e.issues` lists the problems found inside a structured argument.
 *
 * @example
 * try {
 *   requiredGrowth("3802", 4500, 5);
 * } catch (e) {
 *   e instanceof ArgumentTypeError; // true
 *   e instanceof TypeError; // true
 *   e.code; // "invalid-type"
 *   e.path; // "latest"
 * }
 */
export class ArgumentTypeError extends TypeError {
  /** Why it was thrown. */
  readonly code: ArgumentTypeErrorCode;
  /** The parameter, e.g. `"latest"`, `"options.paths"`, `"meta.indicators[0].kind"`. */
  readonly path: string;
  /** The problems found inside the argument, when there can be several. */
  declare readonly issues?: readonly ArgumentIssue[];

  constructor(message: string, details: ArgumentErrorDetails<ArgumentTypeErrorCode>) {
    super(message);
    this.code = details.code;
    this.path = details.path;
    if (details.issues !== undefined) this.issues = details.issues;
  }
}

/**
 * Thrown when a function of regionsim is called with a value of the right type outside the range
 * it accepts (0 years, a growth rate ≤ −100%, NaN), a name it does not know (an option value, a
 * unit), or units that cannot be converted: a broken contract, not bad data. The message starts
 * with the function's name, names the parameter and shows the value, e.g.
 * `requiredGrowth: years must be positive (got 0)`.
 *
 * It is a `RangeError`, so `catch (e) { if (e instanceof RangeError) … }` still works; to tell
 * it from other range errors, test `e instanceof ArgumentRangeError`, or read `e.code`
 * (`"out-of-range"`, `"unknown-id"`, `"incompatible-units"`) and `e.path` (the parameter).
 *
 * @example
 * try {
 *   requiredGrowth(3802, 4500, 0);
 * } catch (e) {
 *   e instanceof ArgumentRangeError; // true
 *   e instanceof RangeError; // true
 *   e.message; // "requiredGrowth: years must be positive (got 0)"
 *   e.code; // "out-of-range"
 * }
 */
export class ArgumentRangeError extends RangeError {
  /** Why it was thrown. */
  readonly code: ArgumentRangeErrorCode;
  /** The parameter, e.g. `"years"`, `"options.direction"`. */
  readonly path: string;
  /** The problems found inside the argument, when there can be several. */
  declare readonly issues?: readonly ArgumentIssue[];

  constructor(message: string, details: ArgumentErrorDetails<ArgumentRangeErrorCode>) {
    super(message);
    this.code = details.code;
    this.path = details.path;
    if (details.issues !== undefined) this.issues = details.issues;
  }
}

// On the prototype, so that the stack trace's first line and `String(error)` show the class.
Object.defineProperty(ArgumentTypeError.prototype, "name", {
  value: "ArgumentTypeError",
  writable: true,
  configurable: true,
});
Object.defineProperty(ArgumentRangeError.prototype, "name", {
  value: "ArgumentRangeError",
  writable: true,
  configurable: true,
});
