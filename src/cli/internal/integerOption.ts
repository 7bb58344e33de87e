import { usageError } from "./cliFailure.js";

/**
 * Parses a whole number option given as `--<name> <text>`; `min` and `max` bound it.
 *
 * @returns the number, or undefined when the option was not given.
 * @throws `CliFailure` (exit 2) `--<name> must be a whole number of at least <min>, below 2^53 (got "<text>")`,
 *   or `… from <min> to <max> …` when `max` is given.
 */
export function integerOption(
  name: string,
  text: string | undefined,
  min: number,
  usage: string,
  max: number = Number.MAX_SAFE_INTEGER,
) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
    throw usageError(
      `--${name} must be a whole number ${
        max === Number.MAX_SAFE_INTEGER
          ? `of at least ${min}, below 2^53`
          : `from ${min} to ${max.toLocaleString("en-US")}`
      } (got "${text}")`,
      usage,
    );
  return value;
}
