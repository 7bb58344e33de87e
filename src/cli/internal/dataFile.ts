import { ArgumentRangeError } from "../../internal/errors.js";
import { type LoadedFile, type LoadFileOptions, loadFile } from "../../io/loadFile.js";
import type { DatasetMeta } from "../../schemas/dataset.js";
import { formatIssue, type Issue } from "../../schemas/issue.js";
import type { CliIo } from "../cliIo.js";
import { inputError, usageError } from "./cliFailure.js";
import { absolutePath, relabelIssues } from "./userFiles.js";

/** Codes of the issues that mean a file could not be read at all. */
const READ_FAILURES = new Set([
  "file-not-found",
  "unreadable-file",
  "not-a-file",
  "too-large",
  "not-utf8",
]);

/** The options --indicator and --unit, as the table readers take them. */
export function tableOptions(values: {
  readonly indicator?: string | undefined;
  readonly unit?: string | undefined;
}): Pick<LoadFileOptions, "indicator" | "unit"> {
  return {
    ...(values.indicator === undefined ? {} : { indicator: values.indicator }),
    ...(values.unit === undefined ? {} : { unit: values.unit }),
  };
}

/**
 * Reads a file the user named (relative to `io.cwd`) with `loadFile`; its issues name the file
 * as the user wrote it. An unknown `--indicator` or `--unit` is a usage error naming the pack.
 *
 * @throws `CliFailure` (exit 2) for an unknown --indicator or --unit.
 */
export async function loadUserFile(
  path: string,
  meta: DatasetMeta,
  options: LoadFileOptions,
  io: CliIo,
  usage: string,
  packId: string | undefined,
): Promise<LoadedFile> {
  let loaded: LoadedFile;
  try {
    loaded = await loadFile(absolutePath(path, io), meta, options);
  } catch (error) {
    if (
      error instanceof ArgumentRangeError &&
      (error.path === "options.indicator" || error.path === "options.unit")
    ) {
      const message = error.message
        .replace(/^loadFile: options\.(\w+)/, "--$1")
        .replace(" of meta", packId === undefined ? "" : ` of pack ${packId}`);
      throw usageError(message, usage);
    }
    throw error;
  }
  const issues = relabelIssues(loaded.result.issues, path, io);
  return { ...loaded, result: { ...loaded.result, issues } } as LoadedFile;
}

/**
 * The one issue of a file that could not be read at all (missing, a folder, unreadable, too
 * large, not text), thrown as a one-line input error; other issues are left to the caller.
 *
 * @throws `CliFailure` (exit 1) `no-such.csv: file not found`.
 */
export function throwIfUnread(issues: readonly Issue[]): void {
  const [first] = issues;
  if (issues.length === 1 && first !== undefined && READ_FAILURES.has(first.code))
    throw inputError(formatIssue(first));
}
