import { appendJsonPath } from "../../schemas/jsonPath.js";

/** A 1-based line and column (UTF-16 code units from the start of the line) in a JSON text. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/** The first syntax error of a JSON text, where it is and what is wrong. */
export interface JsonSyntaxError extends JsonPosition {
  readonly message: string;
  /** Set when the text is valid so far but nests deeper than `maxDepth` (at the opening bracket). */
  readonly tooDeep?: true;
}

/** A key given again in the same object (`JSON.parse` keeps only the last value). */
export interface JsonDuplicateKey extends JsonPosition {
  /** Path of the key's value (see `jsonPath`), e.g. `observations[0].value`. */
  readonly path: string;
  /** Where the key was first given. */
  readonly first: JsonPosition;
}

/** What {@link scanJson} found: the first syntax error (if any) and the positions asked for. */
export interface JsonScan {
  readonly error?: JsonSyntaxError;
  /** Position of the start of each wanted value that exists, by path (see `jsonPath`). */
  readonly positions: Map<string, JsonPosition>;
  /** Keys given twice in one object, at the later key, when `duplicateKeys` was asked for. */
  readonly duplicateKeys: JsonDuplicateKey[];
}

/** Options of {@link scanJson}. */
export interface ScanJsonOptions {
  /** Find keys given twice in one object (costs a set of keys per open object). */
  readonly duplicateKeys?: boolean;
  /**
   * Called with each key as it is scanned, and the path of its object (`""` for the top level,
   * `[0]` for the first item of a top-level array); keys before a syntax error are all seen.
   */
  readonly onKey?: (objectPath: string, key: string) => void;
  /**
   * Most arrays and objects open at once; the bracket that opens one more stops the scan with
   * an error `nested deeper than N levels` (`tooDeep`). Unlimited when omitted.
   */
  readonly maxDepth?: number;
}

interface Container {
  readonly kind: "array" | "object";
  readonly path: string;
  readonly line: number;
  readonly column: number;
  index: number;
  /** Keys seen so far in an object, when looking for duplicates. */
  keys?: Map<string, JsonPosition>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class SyntaxProblem {
  constructor(
    readonly message: string,
    readonly at: number,
    readonly tooDeep = false,
  ) {}
}

/**
 * Scans JSON text (RFC 8259, as `JSON.parse` accepts it) without building its value, to find
 * the line and column of the first syntax error, which `JSON.parse` does not always give, and of
 * the values at some paths, for issues found later in the parsed value. Iterative, so deep
 * nesting cannot overflow the stack; with `maxDepth` it also stops at the first bracket that
 * nests deeper, for the sake of the recursive steps that follow (zod, `JSON.stringify`). A leading byte-order mark is skipped. A line or block
 * comment, which JSON does not allow, is reported with the hint "JSON has no comments". With
 * `duplicateKeys`, it also lists the keys given twice in one object, which `JSON.parse` accepts
 * silently, keeping the last.
 */
export function scanJson(
  text: string,
  wanted: ReadonlySet<string> = new Set(),
  options: ScanJsonOptions = {},
): JsonScan {
  const positions = new Map<string, JsonPosition>();
  const duplicateKeys: JsonDuplicateKey[] = [];
  const findDuplicates = options.duplicateKeys === true;
  const { onKey } = options;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  // Paths are built when positions are wanted, to name a duplicate key, or for onKey.
  const track = wanted.size > 0 || findDuplicates || onKey !== undefined;
  const stack: Container[] = [];
  const columnAt = (at: number) => at - lineStart + 1;

  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) i++;
      else if (c === 0x0a) {
        i++;
        line++;
        lineStart = i;
      } else break;
    }
  };
  const describe = (at: number): string => {
    if (at >= n) return "end of input";
    WORD.lastIndex = at;
    const word = WORD.exec(text);
    if (word !== null) return `word ${JSON.stringify(word[0])}`;
    return `character ${JSON.stringify(String.fromCodePoint(text.codePointAt(at) ?? 0))}`;
  };
  /** A hint when the unexpected character at `at` starts a line or block comment. */
  const commentHint = (at: number): string =>
    text[at] === "/" && (text[at + 1] === "/" || text[at + 1] === "*")
      ? " (JSON has no comments)"
      : "";
  const unclosed = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) return "";
    const bracket = top.kind === "array" ? "[" : "{";
    return ` (the '${bracket}' at line ${top.line}, column ${top.column} is not closed)`;
  };
  /** Scans a string starting at the quote at `i`; returns its raw content. */
  const scanString = (): string => {
    const start = i;
    i++;
    let escaped = false;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        const raw = text.slice(start + 1, i);
        i++;
        return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (c === "\\") {
        escaped = true;
        const e = text[i + 1];
        if (e === "u") {
          if (!HEX4.test(text.slice(i + 2, i + 6))) {
            throw new SyntaxProblem("invalid \\u escape in a string (expected 4 hex digits)", i);
          }
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else throw new SyntaxProblem(`invalid escape \\${e ?? ""} in a string`, i);
      } else if (text.charCodeAt(i) < 0x20) {
        const what = c === "\n" || c === "\r" ? "a line break" : "a control character";
        throw new SyntaxProblem(
          `unterminated string or ${what} inside a string (write it as an escape such as \\n)`,
          i,
        );
      } else i++;
    }
    throw new SyntaxProblem("unterminated string", start);
  };

  /** Scans one scalar, or opens a container, at `i` for a value at `path`. */
  const scanValue = (path: string) => {
    skipSpace();
    if (track && wanted.has(path)) positions.set(path, { line, column: columnAt(i) });
    if (i >= n)
      throw new SyntaxProblem(`unexpected end of input, expected a value${unclosed()}`, i);
    const c = text[i];
    if (c === "{" || c === "[") {
      if (stack.length >= maxDepth)
        throw new SyntaxProblem(`nested deeper than ${maxDepth} levels`, i, true);
      stack.push({
        kind: c === "[" ? "array" : "object",
        path,
        line,
        column: columnAt(i),
        index: 0,
      });
      i++;
      return true;
    }
    if (c === '"') scanString();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m === null) throw new SyntaxProblem(`invalid number`, i);
      i += m[0].length;
    } else if (text.startsWith("true", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (text.startsWith("null", i)) i += 4;
    else {
      const hint = c === "'" ? " (strings and names need double quotes)" : commentHint(i);
      throw new SyntaxProblem(`unexpected ${describe(i)}, expected a value${hint}`, i);
    }
    return false;
  };

  /** After `{` or `,` in an object: a key, a colon, and the start of its value. */
  const scanMember = (top: Container, afterComma: boolean) => {
    skipSpace();
    if (text[i] === "}" && afterComma) throw new SyntaxProblem("trailing comma before '}'", i);
    if (text[i] !== '"') {
      const hint = text[i] === "'" ? " (names need double quotes)" : commentHint(i);
      throw new SyntaxProblem(
        `unexpected ${describe(i)}, expected a property name in double quotes${hint}${i >= n ? unclosed() : ""}`,
        i,
      );
    }
    const at = { line, column: columnAt(i) };
    const key = scanString();
    onKey?.(top.path, key);
    if (findDuplicates) {
      top.keys ??= new Map();
      const first = top.keys.get(key);
      if (first === undefined) top.keys.set(key, at);
      else duplicateKeys.push({ path: appendJsonPath(top.path, key), ...at, first });
    }
    skipSpace();
    if (text[i] !== ":") {
      throw new SyntaxProblem(
        `unexpected ${describe(i)}, expected ':' after a property name${commentHint(i)}`,
        i,
      );
    }
    i++;
    return scanValue(track ? appendJsonPath(top.path, key) : "");
  };

  try {
    let opened = scanValue("");
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      if (opened) {
        opened = false;
        skipSpace();
        const close = top.kind === "array" ? "]" : "}";
        if (text[i] === close) {
          i++;
          stack.pop();
          continue;
        }
        opened =
          top.kind === "array"
            ? scanValue(track ? appendJsonPath(top.path, 0) : "")
            : scanMember(top, false);
        continue;
      }
      // After a value inside `top`.
      skipSpace();
      const close = top.kind === "array" ? "]" : "}";
      if (text[i] === ",") {
        i++;
        top.index++;
        if (top.kind === "array") {
          skipSpace();
          if (text[i] === "]") throw new SyntaxProblem("trailing comma before ']'", i);
          opened = scanValue(track ? appendJsonPath(top.path, top.index) : "");
        } else opened = scanMember(top, true);
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else {
        const what = top.kind === "array" ? "an array element" : "a property value";
        throw new SyntaxProblem(
          `unexpected ${describe(i)}, expected ',' or '${close}' after ${what}${commentHint(i)}${i >= n ? unclosed() : ""}`,
          i,
        );
      }
    }
    skipSpace();
    if (i < n)
      throw new SyntaxProblem(
        `unexpected ${describe(i)} after the end of the JSON value${commentHint(i)}`,
        i,
      );
    return { positions, duplicateKeys };
  } catch (e) {
    if (!(e instanceof SyntaxProblem)) throw e;
    // Count lines from the start: an unterminated string is reported at its opening quote,
    // which may be lines before where the scan stopped.
    let l = 1;
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let k = start; k < e.at; k++) {
      if (text.charCodeAt(k) === 0x0a) {
        l++;
        start = k + 1;
      }
    }
    const where = { line: l, column: e.at - start + 1 };
    return {
      error: e.tooDeep
        ? { message: e.message, ...where, tooDeep: true }
        : { message: e.message, ...where },
      positions,
      duplicateKeys,
    };
  }
}
