import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkObject, checkOneOf, checkOptions, checkString } from "../internal/checkArgs.js";
import { ArgumentTypeError } from "../internal/errors.js";
import { formatAssessmentCsv } from "../report/formatAssessmentCsv.js";
import { formatAssessmentMarkdown } from "../report/formatAssessmentMarkdown.js";
import type { ReportRows } from "../report/reportDocument.js";
import { type Assessment, AssessmentSchema } from "../schemas/assessment.js";

const FN = "writeAssessmentFiles";

/** Paths written by {@link writeAssessmentFiles}. */
export interface AssessmentFiles {
  /** `<dir>/<pack>-<scenario>.md`: the Markdown report. */
  readonly markdown: string;
  /** `<dir>/<pack>-<scenario>.json`: the assessment as pretty JSON (valid against `AssessmentSchema`). */
  readonly json: string;
  /** `<dir>/<pack>-<scenario>.csv`: one row per target, UTF-8 with a byte-order mark. */
  readonly csv: string;
}

/** Options of {@link writeAssessmentFiles}. */
export interface WriteAssessmentFilesOptions {
  /** Title of the Markdown report (see `formatAssessmentMarkdown`). */
  readonly title?: string;
  /**
   * `judged` leaves the `insufficient-data` rows out of the Markdown and CSV reports (the JSON
   * keeps every row; the Markdown's data-readiness list still names what they need).
   */
  readonly only?: ReportRows;
}

/**
 * Writes an assessment to `dir` as `<pack>-<scenario>.md` (see `formatAssessmentMarkdown`),
 * `.json` (pretty-printed, two-space indent) and `.csv` (see `formatAssessmentCsv`), creating
 * `dir` and its parents when missing and replacing files of the same name. Node.js only.
 *
 * @param assessment - the assessment to write; it is checked against `AssessmentSchema` first, so
 *   the JSON file always validates.
 * @param dir - output folder, absolute or relative to the working directory.
 * @returns the three paths written (joined onto `dir`).
 * @throws {ArgumentTypeError} (a `TypeError`, the promise rejects with it) `writeAssessmentFiles:
 *   assessment must be an assessment (got null)` for a value that is not an object;
 *   `writeAssessmentFiles: the assessment does not match AssessmentSchema (path: message)` when
 *   handed an object that is not a valid assessment; `writeAssessmentFiles: dir must be a
 *   non-empty string (got 42)`; `writeAssessmentFiles: options must be an object such as
 *   { title, only } (got 1)`, `writeAssessmentFiles: options.titel is not an option; did you mean
 *   title? (the options are title and only)`, `writeAssessmentFiles: options.title must be a
 *   string (got 1)`.
 * @throws {ArgumentRangeError} `writeAssessmentFiles: dir must be a non-empty string (got the
 *   string "")`; `writeAssessmentFiles: options.only must be "all" or "judged"; did you mean
 *   "judged"? (got the string "judge")`.
 * @throws the file system's error (e.g. `EACCES`, `ENOENT` for a folder under `/proc`, `ENOTDIR`
 *   when a parent is a file) when the folder or a file cannot be written; it never hangs.
 * @example
 * const files = await writeAssessmentFiles(assessPack(qujingPack, "trend"), "out");
 * files.json; // "out/qujing-trend.json"
 */
export async function writeAssessmentFiles(
  assessment: Assessment,
  dir: string,
  options: WriteAssessmentFilesOptions = {},
): Promise<AssessmentFiles> {
  checkObject(FN, "assessment", assessment, "an assessment");
  checkString(FN, "dir", dir, { nonEmpty: true });
  const o = checkOptions(FN, "options", options, ["title", "only"]);
  if (o.title !== undefined) checkString(FN, "options.title", o.title);
  if (o.only !== undefined) checkOneOf(FN, "options.only", o.only, ["all", "judged"]);
  const parsed = AssessmentSchema.safeParse(assessment);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ArgumentTypeError(
      `writeAssessmentFiles: the assessment does not match AssessmentSchema (${first?.path.join(".") ?? ""}: ${first?.message ?? ""})`,
      { code: "invalid-type", path: "assessment" },
    );
  }
  const stem = join(dir, `${assessment.pack}-${assessment.scenario}`);
  const files: AssessmentFiles = {
    markdown: `${stem}.md`,
    json: `${stem}.json`,
    csv: `${stem}.csv`,
  };
  const only = options.only === undefined ? {} : { only: options.only };
  await makeFolder(dir);
  await writeFile(
    files.markdown,
    formatAssessmentMarkdown(assessment, {
      ...(options.title === undefined ? {} : { title: options.title }),
      ...only,
    }),
    "utf8",
  );
  await writeFile(files.json, `${JSON.stringify(parsed.data, null, 2)}\n`, "utf8");
  await writeFile(files.csv, formatAssessmentCsv(assessment, only), "utf8");
  return files;
}

/**
 * Creates `dir` and its missing parents, one level at a time from the nearest existing parent.
 * Not `mkdir(dir, { recursive: true })`: on Node.js 20 that loops forever at full CPU on a
 * path under `/proc` (e.g. `/proc/nope/x`), where creating a folder fails with ENOENT although
 * the parent exists. Here the first failing `mkdir` ends it with the system's error.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const found = await stat(at).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      // E.g. ENOTDIR (a parent is a file): mkdir's own error names the folder asked for.
      await mkdir(resolve(dir));
      throw error;
    });
    if (found !== undefined) {
      if (found.isDirectory()) break;
      // A file where a folder belongs: mkdir names the path and says ENOTDIR / EEXIST.
      await mkdir(missing.length === 0 ? at : (missing[missing.length - 1] as string));
      return;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) await mkdir(folder);
}
