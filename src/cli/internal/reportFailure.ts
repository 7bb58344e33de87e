import { formatIssue } from "../../schemas/issue.js";
import type { CliIo } from "../cliIo.js";
import { EXIT } from "../exitCodes.js";
import { CliFailure } from "./cliFailure.js";

/**
 * Reports an error that ended a command on `io.stderr` and gives the exit code: a `CliFailure`
 * with its issues, message and short usage; an abort as "interrupted" (130); anything else as an
 * internal error (70) with a "this is a bug" hint, or its stack trace when `REGIONSIM_DEBUG=1`.
 */
export function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CliFailure) {
    for (const issue of error.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    io.stderr.write(`regionsim: ${error.message}\n`);
    if (error.usage !== undefined) io.stderr.write(`${shortUsage(error.usage)}\n`);
    return error.exitCode;
  }
  if (isAbort(error)) {
    io.stderr.write("regionsim: interrupted\n");
    return EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`regionsim: internal error: ${message}\n`);
  if (io.env?.REGIONSIM_DEBUG === "1" && error instanceof Error && error.stack !== undefined) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    io.stderr.write(
      "This is a bug in regionsim; please report it with the command you ran " +
        "(set REGIONSIM_DEBUG=1 to print the stack trace).\n",
    );
  }
  return EXIT.internal;
}

/** The first line of a usage text and where to find the rest. */
function shortUsage(usage: string): string {
  const first = usage.split("\n")[0] ?? "";
  const command = /^Usage: regionsim (\w+)/.exec(first)?.[1];
  const more = command === undefined ? "regionsim --help" : `regionsim ${command} --help`;
  return `${first}\nRun "${more}" for more.`;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
