import type { Issue } from "../../schemas/issue.js";
import { EXIT } from "../exitCodes.js";

/** A failure the CLI reports in one line (plus usage for usage errors), with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly usage?: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
  }
}

/** Bad usage (exit 2): the message, then the first line of `usage` on stderr. */
export const usageError = (message: string, usage: string): CliFailure =>
  new CliFailure(message, EXIT.usage, usage);

/** Bad input (exit 1): the issues, if any, then the message on stderr. */
export const inputError = (message: string, issues: readonly Issue[] = []): CliFailure =>
  new CliFailure(message, EXIT.badInput, undefined, issues);
