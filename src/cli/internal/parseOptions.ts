import { parseArgs } from "node:util";
import { usageError } from "./cliFailure.js";

/** The options a command takes, as node:util parseArgs describes them. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/**
 * node:util parseArgs, strict and with positionals allowed, its errors turned into usage errors
 * that show `usage`.
 *
 * @throws `CliFailure` (exit 2) for an unknown option or an option with a missing or unwanted value.
 */
export function parseOptions<O extends OptionSpec>(
  args: readonly string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError(parseArgsMessage(error), usage);
  }
}

/** A short message for an error of node:util parseArgs. */
function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined)
    return `unknown option "${option}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined)
    return message.includes("argument missing")
      ? `option ${option} needs a value`
      : message.includes("is ambiguous")
        ? `option ${option} needs a value; one starting with "-" is written ${option}=-…`
        : `option ${option} does not take a value`;
  return message.split(/\.\s/)[0] ?? message;
}
