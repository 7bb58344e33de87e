// Text from the data, made safe for a Markdown line or a GitHub table cell.

/**
 * Escapes Markdown's inline syntax and the table's pipe, turns line breaks into `<br>` (a table
 * cell is one line), other whitespace controls into spaces and other control characters into
 * U+FFFD.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\|*_`<>[\]!]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, "<br>")
    .replace(/[\t\v\f\u0085\u2028\u2029]/g, " ")
    .replace(/\p{Cc}/gu, "\uFFFD");
}
