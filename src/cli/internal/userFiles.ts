import { isAbsolute, resolve } from "node:path";
import { readTextFile } from "../../io/loadFile.js";
import { formatIssue, type Issue } from "../../schemas/issue.js";
import type { CliIo } from "../cliIo.js";
import { inputError } from "./cliFailure.js";

/** A path from the command line, resolved against the working folder `io.cwd`. */
export function absolutePath(path: string, io: CliIo): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/** Issues about the file `shown` name it as the user wrote it rather than by its absolute path. */
export function relabelIssues(issues: readonly Issue[], shown: string, io: CliIo): Issue[] {
  const full = absolutePath(shown, io);
  return issues.map((issue) => (issue.file === full ? { ...issue, file: shown } : issue));
}

/**
 * Reads a file relative to the working folder; issues name the file as the user wrote it, and
 * warnings about how it was read are printed on stderr.
 *
 * @throws `CliFailure` (exit 1) with the first issue when the file cannot be read.
 */
export function readUserFile(path: string, io: CliIo): string {
  const read = readTextFile(absolutePath(path, io));
  const issues = relabelIssues(read.issues, path, io);
  if (!read.ok)
    throw inputError(issues[0] === undefined ? `cannot read ${path}` : formatIssue(issues[0]));
  // How it was read (a file that is not UTF-8, read as GB18030) goes to stderr; the run goes on.
  for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
  return read.value;
}
