/** Longest string shown whole in a message; a longer one is cut and its length given. */
const SHOWN_STRING_LENGTH = 60;
/** Most keys of an object a message lists before `…`. */
const SHOWN_KEYS = 5;

/** A key as a message shows it: bare when it is a plain name, else in JSON quotes. */
function shownKey(key: string): string {
  return /^[\p{L}_$][\p{L}\p{N}_$-]*$/u.test(key) ? key : JSON.stringify(key);
}

/**
 * A value and its type in words, for the "(got …)" of an error message (STYLE.md §4): numbers
 * and `true`/`false`/`null` as written (`0`, `NaN`, `-Infinity`), `the string "1000"` (cut
 * after 60 characters), `nothing` for `undefined`, `an array of 3 items`, `an object with keys
 * a, b, …` (the first five own keys), `an instance of Date`, `a function`, `the bigint 3n`,
 * `a symbol`. Never throws, whatever the value.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `the bigint ${value}n`;
    case "string": {
      if (value.length <= SHOWN_STRING_LENGTH) return `the string ${JSON.stringify(value)}`;
      const head = JSON.stringify(value.slice(0, SHOWN_STRING_LENGTH)).slice(0, -1);
      return `the string ${head}…" (${value.length} characters)`;
    }
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
  }
  if (value === null || typeof value !== "object") return "null";
  try {
    return describeObject(value);
  } catch {
    return "an object"; // a revoked proxy, a throwing getter: nothing more can be said safely
  }
}

/** {@link describeValue} of an object or array. */
function describeObject(value: object): string {
  if (Array.isArray(value)) {
    const n = value.length;
    return n === 0 ? "an empty array" : `an array of ${n} item${n === 1 ? "" : "s"}`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) {
    const ctor: unknown = (proto as { constructor?: unknown }).constructor;
    const name = typeof ctor === "function" ? ctor.name : "";
    return name === "" ? "an object" : `an instance of ${name}`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "an empty object";
  const shown = keys.slice(0, SHOWN_KEYS).map(shownKey).join(", ");
  const more = keys.length > SHOWN_KEYS ? ", …" : "";
  return `an object with key${keys.length === 1 ? "" : "s"} ${shown}${more}`;
}
