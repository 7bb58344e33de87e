import { parseArgs } from "node:util";
import { nearestIds, normalizeName } from "../../internal/nameMatch.js";
import { usageError } from "./cliFailure.js";

/** The options a command takes, as node:util parseArgs describes them. */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/**
 * node:util parseArgs, strict and with positionals allowed, its errors turned into usage errors
 * that show `usage`. A value that is a negative number (`--paths -5`) is taken as the option's
 * value, so that the option's own check names it; an option given twice is refused (the last one
 * would otherwise win without a word).
 *
 * @throws `CliFailure` (exit 2) for an unknown option (with the nearest known one:
 *   `unknown option "--jsn"; did you mean --json?`), an option with a missing or unwanted value,
 *   or one given twice (`--scenario is given twice ("trend" and "plan")`).
 */
export function parseOptions<O extends OptionSpec>(
  args: readonly string[],
  options: O,
  usage: string,
) {
  const joined = joinNegativeValues(args, options);
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      options: O;
      strict: true;
      allowPositionals: true;
      tokens: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: joined,
      options,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (error) {
    throw usageError(parseArgsMessage(error, options), usage);
  }
  const seen = new Map<string, string | undefined>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) {
      const values = [seen.get(token.name), token.value];
      const shown = values.every((v) => v !== undefined)
        ? ` (${values.map((v) => JSON.stringify(v)).join(" and ")})`
        : "";
      throw usageError(`--${token.name} is given twice${shown}`, usage);
    }
    seen.set(token.name, token.value);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** `--name -5` as `--name=-5` for string options, so that parseArgs takes the number as the value. */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === "string" &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A short message for an error of node:util parseArgs. */
function parseArgsMessage(error: unknown, options: OptionSpec): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined)
    return `unknown option "${option}"${nearestOption(option, options)}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined)
    return message.includes("argument missing")
      ? `option ${option} needs a value`
      : message.includes("is ambiguous")
        ? `option ${option} needs a value; one starting with "-" is written ${option}=-…`
        : `option ${option} does not take a value`;
  return message.split(/\.\s/)[0] ?? message;
}

/** `; did you mean --json?`: the known option nearest to `given` (as the library's checks do). */
function nearestOption(given: string, options: OptionSpec): string {
  const name = normalizeName(given.replace(/^-+/, "").split("=")[0] ?? "");
  const candidates = Object.keys(options).map((id) => ({ id, keys: [id] }));
  const [nearest] = nearestIds(name, candidates, 1);
  return nearest === undefined || name === "" ? "" : `; did you mean --${nearest}?`;
}
