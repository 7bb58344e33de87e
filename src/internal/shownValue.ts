/**
 * How a value from a user file is shown after "got" in a message: strings quoted (so an empty
 * or blank string is visible), other JSON values as JSON, `undefined` as "nothing".
 */
export function shownValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}
