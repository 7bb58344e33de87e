/** Line breaks and other whitespace controls: shown as one space. */
const SPACING = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Any other control character (C0, DEL, C1), e.g. ESC, which starts terminal escape sequences. */
const CONTROL = /\p{Cc}/gu;

/**
 * Text from data made safe to print on one line of a terminal: line breaks, tabs and the other
 * whitespace controls become a space, and every other control character (ESC, BEL, DEL, C1) the
 * replacement character U+FFFD, so a name in a user's file can neither split a line nor send an
 * escape sequence to the terminal (CWE-150).
 */
export function printableText(text: string): string {
  return text.replace(SPACING, " ").replace(CONTROL, "\uFFFD");
}

/** A copy of a value (plain data) with every string in it made {@link printableText}. */
export function printableStrings<T>(value: T): T {
  if (typeof value === "string") return printableText(value) as T;
  if (Array.isArray(value)) return value.map(printableStrings) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  }
  return value;
}
