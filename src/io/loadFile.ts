import { extname } from "node:path";
import { checkArrayOf, checkOneOf, checkOptions, checkString } from "../internal/checkArgs.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import type { Target } from "../schemas/target.js";
import { checkMeta } from "./internal/checkReaderArgs.js";
import { checkTableOptions } from "./internal/checkTableOptions.js";
import { detectKind, type FileKind, kindFromName } from "./internal/detectKind.js";
import { decodeText, fileIssue, readFileBytes } from "./internal/fileBytes.js";
import { tableNames } from "./internal/tableNames.js";
import { workbookKind } from "./internal/workbookGrids.js";
import { readObservationsCsv } from "./readObservationsCsv.js";
import { readObservationsJson } from "./readObservationsJson.js";
import { type ReadTableOptions, readObservationsTable } from "./readObservationsTable.js";
import { readPackJson } from "./readPackJson.js";
import { readScenarioJson } from "./readScenarioJson.js";
import { readTargetsJson } from "./readTargetsJson.js";
import { readWorkbook } from "./readWorkbook.js";

export type { FileKind } from "./internal/detectKind.js";

const FILE_KINDS: readonly FileKind[] = ["observations", "scenario", "targets", "pack"];

/** Options of {@link validateFile}. */
export interface ValidateFileOptions {
  /** The kind of file; detected from the extension and content when omitted. */
  readonly kind?: FileKind;
  /** Ids of the scenarios a scenario file may extend (see `readScenarioJson`). */
  readonly scenarios?: readonly string[];
  /** Ids of the reference series a scenario file may name (see `readScenarioJson`). */
  readonly references?: readonly string[];
}

/**
 * Reads a text file as UTF-8 and reports, instead of throwing, every way that can fail: the file
 * is missing, is a folder or not a regular file, cannot be read, is over 64 MiB, or is UTF-16. A
 * file that is not valid UTF-8 is read as GB18030 (which contains GBK: Chinese files saved by
 * Excel or older tools), with a `read-as-gb18030` warning; one that is neither is an error with
 * the line and column of the first byte that is not UTF-8. A leading byte-order mark is dropped.
 *
 * @param path - a file path (relative paths are resolved against the working directory).
 * @returns the text, or one issue with `file` set to `path`.
 * @throws {ArgumentTypeError} `readTextFile: path must be a string (got nothing)` (a broken
 *   contract, not a bad file).
 * @example
 * readTextFile("no/such/file.csv").issues.map(formatIssue); // ["no/such/file.csv: file not found"]
 */
export function readTextFile(path: string): Result<string> {
  checkString("readTextFile", "path", path);
  const bytes = readFileBytes(path);
  return bytes.ok ? decodeText(path, bytes.value) : { ok: false, issues: bytes.issues };
}

/**
 * Reads and checks one data file, as `regionsim validate <file>` does: reads it with
 * {@link readTextFile}, works out what it holds unless `options.kind` says so, and runs the
 * matching reader. Every issue has `file` set to `path`. Never throws for a bad file.
 *
 * The kind: a `.csv` file holds observations; other text that does not start with `{` or `[`
 * is read as CSV observations. JSON holds targets if it is `{ "targets": [...] }` or an array
 * whose items have a `comparator`; observations if it is `{ "observations": [...] }` or an array
 * whose items have `place`, `source`, `quality`, `note` or a Chinese key; a region pack if it is
 * an object with a `dataset` or a `plan` (read by `readPackJson`, which ignores `meta`: a pack
 * defines its own places and indicators); a scenario if it is an
 * object with a scenario's keys (`id`, `models`, `extends`, `shocks`, …). When the content does
 * not tell, the file name does if it says one kind (`scenario`/`情景`, `target`/`目标`,
 * `observation`/`观测`, `pack`/`数据包`); failing that, valid JSON is read as observations. JSON with a syntax
 * error is judged by the keys before the error, then by its name, and is otherwise of kind
 * `"unknown"` (its syntax error is reported all the same); so is a `.json` file that cannot be
 * read and whose name says nothing.
 *
 * @param path - the file to check.
 * @param meta - the places, groups and indicators names are checked against.
 * @param options - `kind`: skip the detection (`"observations"`, `"scenario"`, `"targets"` or
 *   `"pack"`); `scenarios`: the ids a scenario may extend.
 * @returns the kind the file was read as (`"unknown"` when it could not be told), and every issue
 *   found (empty for a clean file).
 * @throws {ArgumentTypeError} for a broken contract, not a bad file: `validateFile: path must be
 *   a string (got nothing)`; `validateFile: meta must be a dataset's metadata with places, groups
 *   and indicators (got the string "qujing")`; `validateFile: options.scenarios must be an array
 *   of scenario ids (got the string "base")`; an unknown option (`validateFile: options.knd is
 *   not an option; did you mean kind? (the options are kind and scenarios)`).
 * @throws {ArgumentRangeError} `validateFile: options.kind must be "observations", "scenario",
 *   "targets" or "pack"; did you mean "targets"? (got the string "target")`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [{ id: "city", nameZh: "曲靖市", nameEn: "Qujing City", members: ["qilin"], aliases: ["qujing"] }],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const checked = validateFile("no/such/targets.json", meta);
 * checked.kind; // "targets" (from the name: the file cannot be read)
 * checked.issues.map(formatIssue); // ["no/such/targets.json: file not found"]
 * validateFile("no/such/data.json", meta).kind; // "unknown"
 */
export function validateFile(
  path: string,
  meta: DatasetMeta,
  options: ValidateFileOptions = {},
): { kind: FileKind | "unknown"; issues: Issue[] } {
  const fn = "validateFile";
  checkString(fn, "path", path);
  checkMeta(fn, meta);
  checkFileOptions(fn, options, []);
  const bytes = readFileBytes(path);
  if (!bytes.ok) return { kind: options.kind ?? unreadKind(path), issues: [...bytes.issues] };
  if (workbookKind(bytes.value) !== "other") {
    const issue = fileIssue(
      path,
      "workbook",
      "an Excel workbook: validateFile reads text files; read it with loadFile (asynchronous) or regionsim validate",
    );
    return { kind: options.kind ?? "observations", issues: [issue] };
  }
  const read = decodeText(path, bytes.value);
  if (!read.ok) return { kind: options.kind ?? unreadKind(path), issues: [...read.issues] };
  const text = read.value;
  const detected = detectKind(path, text);
  const kind = options.kind ?? detected.kind;
  const file = { file: path };
  const result =
    kind === "observations" || kind === "unknown"
      ? detected.json || extname(path).toLowerCase() === ".json"
        ? readObservationsJson(text, meta, file)
        : readObservationsCsv(text, meta, file)
      : readOtherKind(text, kind, meta, path, options);
  // How the file was decoded (a GB18030 warning) comes first.
  return { kind, issues: [...read.issues, ...result.issues] };
}

/** The kind of a file that could not be read: observations for a CSV file, else what its name says. */
function unreadKind(path: string): FileKind | "unknown" {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || WORKBOOK_EXTENSIONS.includes(ext)) return "observations";
  return kindFromName(path) ?? "unknown";
}

/** Extensions of Excel workbooks. */
const WORKBOOK_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls"];

/** Checks the options `validateFile` and `loadFile` share, and `more` (checked by the caller). */
function checkFileOptions(fn: string, options: unknown, more: readonly string[]): void {
  const o = checkOptions(fn, "options", options, ["kind", "scenarios", "references", ...more]);
  if (o.kind !== undefined) checkOneOf(fn, "options.kind", o.kind, FILE_KINDS);
  const id = (at: string, v: unknown) => checkString(fn, at, v);
  if (o.scenarios !== undefined)
    checkArrayOf(fn, "options.scenarios", o.scenarios, id, "an array of scenario ids");
  if (o.references !== undefined)
    checkArrayOf(fn, "options.references", o.references, id, "an array of reference ids");
}

/** A scenario, targets or pack file read by its reader. */
function readOtherKind(
  text: string,
  kind: "scenario" | "targets" | "pack",
  meta: DatasetMeta,
  path: string,
  options: ValidateFileOptions,
): Result<ScenarioInput | Target[] | RegionPack> {
  const file = { file: path };
  if (kind === "pack") return readPackJson(text, file);
  if (kind === "targets") return readTargetsJson(text, meta, file);
  const { scenarios, references } = options;
  return readScenarioJson(text, meta, {
    ...file,
    ...(scenarios === undefined ? {} : { scenarios }),
    ...(references === undefined ? {} : { references }),
  });
}

/** The formats {@link loadFile} reads. */
export type FileFormat = "csv" | "json" | "xlsx";

/** Options of {@link loadFile}: those of {@link validateFile}, and of the table readers. */
export interface LoadFileOptions extends ValidateFileOptions, Omit<ReadTableOptions, "file"> {}

/**
 * What {@link loadFile} read: the kind of file, its format and the reader's result (a value,
 * possibly with warnings, or every issue).
 */
export type LoadedFile =
  | {
      readonly kind: "observations";
      readonly format: FileFormat;
      readonly result: Result<Observation[]>;
    }
  | { readonly kind: "scenario"; readonly format: "json"; readonly result: Result<ScenarioInput> }
  | { readonly kind: "targets"; readonly format: "json"; readonly result: Result<Target[]> }
  | { readonly kind: "pack"; readonly format: "json"; readonly result: Result<RegionPack> }
  | {
      readonly kind: "unknown";
      readonly format: FileFormat | undefined;
      readonly result: { readonly ok: false; readonly issues: readonly Issue[] };
    };

/** A result with `before` (how the file was decoded) ahead of its own issues. */
function withIssues<T>(before: readonly Issue[], result: Result<T>): Result<T> {
  return before.length === 0 ? result : { ...result, issues: [...before, ...result.issues] };
}

/**
 * Reads one data file of any format regionsim accepts, as `regionsim validate` and `regionsim
 * assess --data` do: an Excel workbook (.xlsx, told from its content, a ZIP container, whatever
 * its extension) with {@link readWorkbook}; text in UTF-8 or GBK/GB18030 (see
 * {@link readTextFile}), whose kind is told as {@link validateFile} tells it. Observations in CSV
 * are read by {@link readObservationsTable} (long or yearbook-style wide tables, Chinese headers,
 * units converted), in JSON by `readObservationsJson` with units converted; scenarios, targets
 * and packs by their readers. The options `indicator`, `unit`, `source` and `quality` apply to
 * CSV tables and workbooks. Every issue has `file` set to `path`; a warning about how the file
 * was decoded comes first. Never throws for a bad file.
 *
 * Unlike {@link validateFile}, which reads CSV observations strictly (the canonical columns, the
 * indicator's own unit), this is what an analyst's file needs: workbooks, yearbook tables and
 * other units of the indicator's quantity (万元 for 亿元).
 *
 * @param path - the file to read.
 * @param meta - the places, groups and indicators names are resolved against (a pack's dataset).
 * @param options - `kind`, `scenarios`, `references` as for {@link validateFile}; `indicator`,
 *   `unit`, `source`, `quality` as for {@link readObservationsTable}.
 * @returns the kind and format of the file and the reader's result; `kind: "unknown"` when the
 *   kind could not be told (or the file not read), with its issues.
 * @throws {ArgumentTypeError} as {@link validateFile}, naming `loadFile`; an unknown option.
 * @throws {ArgumentRangeError} `loadFile: options.kind must be "observations", "scenario",
 *   "targets" or "pack" …`; `loadFile: options.indicator must be an indicator of meta; did you
 *   mean gdp? (got the string "gpd")`; `loadFile: options.unit must be a known unit …`.
 * @example
 * const meta = {
 *   places: [{ id: "qilin", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" }],
 *   groups: [],
 *   indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan", kind: "level",
 *     aggregation: { rule: "sum" }, scale: "log" }],
 * };
 * const loaded = await loadFile("no/such/gdp.xlsx", meta);
 * [loaded.kind, loaded.format]; // ["observations", "xlsx"]
 * loaded.result.issues.map(formatIssue); // ["no/such/gdp.xlsx: file not found"]
 */
export async function loadFile(
  path: string,
  meta: DatasetMeta,
  options: LoadFileOptions = {},
): Promise<LoadedFile> {
  const fn = "loadFile";
  checkString(fn, "path", path);
  checkMeta(fn, meta);
  checkFileOptions(fn, options, ["indicator", "unit", "source", "quality"]);
  const { kind: given, scenarios: _s, references: _r, ...table } = options;
  checkTableOptions(fn, table, meta, tableNames(meta));
  const ext = extname(path).toLowerCase();
  const bytes = readFileBytes(path);
  if (!bytes.ok) {
    const kind = given ?? unreadKind(path);
    const format = WORKBOOK_EXTENSIONS.includes(ext)
      ? "xlsx"
      : ext === ".csv"
        ? "csv"
        : ext === ".json"
          ? "json"
          : undefined;
    return unread(kind, format, bytes.issues);
  }
  if (workbookKind(bytes.value) !== "other" || WORKBOOK_EXTENSIONS.includes(ext)) {
    if (given !== undefined && given !== "observations")
      return unread(given, "xlsx", [
        fileIssue(path, "wrong-kind", `an Excel workbook holds observations, not a ${given} file`),
      ]);
    const result = await readWorkbook(bytes.value, meta, { ...table, file: path });
    return { kind: "observations", format: "xlsx", result };
  }
  const read = decodeText(path, bytes.value);
  if (!read.ok)
    return unread(given ?? unreadKind(path), ext === ".json" ? "json" : "csv", read.issues);
  const detected = detectKind(path, read.value);
  const kind = given ?? detected.kind;
  const format: FileFormat = detected.json || ext === ".json" ? "json" : "csv";
  // JSON that cannot be parsed and whose name says nothing: its syntax error is reported.
  if (kind === "unknown") {
    const json = readObservationsJson(read.value, meta, { file: path });
    return unread("unknown", format, [...read.issues, ...json.issues]);
  }
  if (kind !== "observations") {
    const result = withIssues(read.issues, readOtherKind(read.value, kind, meta, path, options));
    return { kind, format: "json", result } as LoadedFile;
  }
  const result =
    format === "json"
      ? readObservationsJson(read.value, meta, { file: path, convertUnits: true })
      : readObservationsTable(read.value, meta, { ...table, file: path });
  return { kind, format, result: withIssues(read.issues, result) };
}

/** A file that could not be read (or told): its kind as far as known, and the issues. */
function unread(
  kind: FileKind | "unknown",
  format: FileFormat | undefined,
  issues: readonly Issue[],
): LoadedFile {
  const result = { ok: false as const, issues };
  if (kind === "unknown") return { kind, format, result };
  if (kind === "observations") return { kind, format: format ?? "csv", result };
  return { kind, format: "json", result };
}
