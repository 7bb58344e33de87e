/**
 * The separator other than a comma that a one-column header was written with (`;` by Excel in
 * locales with a decimal comma, a tab in a TSV), named for a message, or `undefined` when it
 * separates no two names.
 */
export function foreignSeparator(name: string): string | undefined {
  const candidates = [
    { char: ";", shown: 'semicolons (";")' },
    { char: "\t", shown: "tabs" },
  ]
    .map((c) => ({ ...c, names: name.split(c.char).filter((part) => part.trim() !== "").length }))
    .filter((c) => c.names >= 2)
    .sort((a, b) => b.names - a.names);
  return candidates[0]?.shown;
}
