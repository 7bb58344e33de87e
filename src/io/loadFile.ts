import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { checkArrayOf, checkOneOf, checkOptions, checkString } from "../internal/checkArgs.js";
import { normalizeName } from "../internal/nameMatch.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import type { Issue, Result } from "../schemas/issue.js";
import { OBSERVATION_FIELDS_ZH } from "../schemas/observationFields.js";
import { ScenarioSchema } from "../schemas/scenario.js";
import { checkMeta } from "./internal/checkReaderArgs.js";
import { MAX_JSON_DEPTH, oversizeIssue } from "./internal/inputLimits.js";
import { scanJson } from "./internal/scanJson.js";
import { readObservationsCsv } from "./readObservationsCsv.js";
import { readObservationsJson } from "./readObservationsJson.js";
import { readPackJson } from "./readPackJson.js";
import { readScenarioJson } from "./readScenarioJson.js";
import { readTargetsJson } from "./readTargetsJson.js";

/** What a data file holds. */
export type FileKind = "observations" | "scenario" | "targets" | "pack";

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

function fileIssue(path: string, code: string, message: string, extra: Partial<Issue> = {}): Issue {
  return { severity: "error", code, message, file: path, ...extra };
}

const FS_MESSAGES: Readonly<Record<string, [string, string]>> = {
  ENOENT: ["file-not-found", "file not found"],
  ENOTDIR: ["file-not-found", "file not found (a part of the path is not a folder)"],
  EACCES: ["unreadable-file", "cannot read the file: permission denied"],
  EPERM: ["unreadable-file", "cannot read the file: operation not permitted"],
  EISDIR: ["not-a-file", "is a folder, not a file"],
  ENAMETOOLONG: ["file-not-found", "file name too long"],
  ELOOP: ["file-not-found", "too many symbolic links in the path"],
};

function fsIssue(path: string, error: unknown): Issue {
  const code = (error as { code?: unknown }).code;
  const known = typeof code === "string" ? FS_MESSAGES[code] : undefined;
  if (known !== undefined) return fileIssue(path, known[0], known[1]);
  const detail = typeof code === "string" ? code : String(error);
  return fileIssue(path, "unreadable-file", `cannot read the file (${detail})`);
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function notUtf8Issue(path: string, bytes: Uint8Array, at: number): Issue {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at));
  const shown = Array.from(
    bytes.subarray(at, Math.min(at + 2, bytes.length)),
    (b) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join(" ");
  return fileIssue(path, "not-utf8", "neither UTF-8 nor GB18030 (GBK) text: save it as UTF-8", {
    line,
    column: before.length + 1,
    expected: "UTF-8",
    received: `bytes ${shown}`,
  });
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
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      return { ok: false, issues: [fileIssue(path, "not-a-file", "is a folder, not a file")] };
    if (!stat.isFile())
      return { ok: false, issues: [fileIssue(path, "not-a-file", "not a regular file")] };
    size = stat.size;
  } catch (e) {
    return { ok: false, issues: [fsIssue(path, e)] };
  }
  const tooLarge = oversizeIssue(size, path);
  if (tooLarge !== undefined) return { ok: false, issues: [tooLarge] };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, issues: [fsIssue(path, e)] };
  }
  // The file may have grown between stat and read.
  const grown = oversizeIssue(bytes.length, path);
  if (grown !== undefined) return { ok: false, issues: [grown] };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      issues: [
        fileIssue(path, "not-utf8", "the file is UTF-16 text; save it as UTF-8", {
          expected: "UTF-8",
          received: "UTF-16",
        }),
      ],
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, value: new TextDecoder("utf-8").decode(bytes), issues: [] };
  // Not UTF-8: Chinese files saved by Excel or older tools are GBK, which GB18030 contains.
  // `fatal` makes a byte sequence that is not GB18030 either an error rather than U+FFFD.
  const gb = decodeGb18030(bytes);
  if (gb === undefined) return { ok: false, issues: [notUtf8Issue(path, bytes, bad)] };
  return {
    ok: true,
    value: gb,
    issues: [
      fileIssue(
        path,
        "read-as-gb18030",
        "not UTF-8: read as GB18030 (GBK); check the names in the messages if they look wrong",
        { severity: "warning", expected: "UTF-8", received: "GB18030" },
      ),
    ],
  };
}

/**
 * `bytes` decoded as GB18030 (a superset of GBK and GB2312) with the decoder built into Node and
 * browsers (WHATWG Encoding: `TextDecoder("gb18030")`), or `undefined` when they are not valid
 * GB18030 either (a leading byte-order mark is dropped by the decoder).
 */
function decodeGb18030(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The keys of a scenario (only a scenario file is an object with them at the top level). */
const SCENARIO_KEYS: ReadonlySet<string> = new Set(Object.keys(ScenarioSchema.shape));
/** Keys of an observation that no target has, normalised (targets also have `indicator`, …). */
const OBSERVATION_ONLY_KEYS: ReadonlySet<string> = new Set(
  ["place", "source", "quality", "note", ...Object.values(OBSERVATION_FIELDS_ZH)].map(
    normalizeName,
  ),
);

/**
 * The kind that keys show: `top`, the keys of a top-level object; `items`, the keys of the
 * objects of a top-level array. `undefined` when they show none.
 */
function kindFromKeys(top: ReadonlySet<string>, items: ReadonlySet<string>): FileKind | undefined {
  // A pack also has targets and scenarios; only a pack has a dataset or a plan.
  if (top.has("dataset") || top.has("plan")) return "pack";
  if (top.has("targets")) return "targets";
  if (top.has("observations")) return "observations";
  for (const key of top) if (SCENARIO_KEYS.has(key)) return "scenario";
  if (items.has("comparator")) return "targets";
  for (const key of items) if (OBSERVATION_ONLY_KEYS.has(normalizeName(key))) return "observations";
  return undefined;
}

const NAME_HINTS: readonly (readonly [RegExp, FileKind])[] = [
  [/scenario|情景/i, "scenario"],
  [/target|目标/i, "targets"],
  [/observation|观测/i, "observations"],
  [/pack|数据包/i, "pack"],
];

/** The kind a file's name says (`my-scenario.json`, `targets-2025.json`), if it says one. */
function kindFromName(path: string): FileKind | undefined {
  const name = basename(path, extname(path));
  const hits = NAME_HINTS.filter(([pattern]) => pattern.test(name));
  return hits.length === 1 ? hits[0]?.[1] : undefined;
}

/**
 * The kind and syntax of a file, from its extension and content, then its name. JSON that cannot
 * be parsed is judged by the keys scanned before its first error; `"unknown"` if nothing tells.
 */
function detect(path: string, text: string): { kind: FileKind | "unknown"; json: boolean } {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return { kind: "observations", json: false };
  const body = text.replace(/^\uFEFF/, "").trimStart();
  const json = ext === ".json" || body.startsWith("{") || body.startsWith("[");
  if (!json) return { kind: "observations", json: false };
  const top = new Set<string>();
  const items = new Set<string>();
  let parsed = true;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    parsed = false;
  }
  if (!parsed) {
    scanJson(text, new Set(), {
      maxDepth: MAX_JSON_DEPTH,
      onKey: (at, key) => {
        if (at === "") top.add(key);
        else if (/^\[\d+\]$/.test(at)) items.add(key);
      },
    });
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) top.add(key);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (!isRecord(item)) continue;
      for (const key of Object.keys(item)) items.add(key);
      if (kindFromKeys(top, items) !== undefined) break;
    }
  }
  // Valid JSON that shows nothing is read as observations (the reader says what is wrong with
  // it); broken JSON is only reported, and what it was meant to be is not guessed.
  const kind =
    kindFromKeys(top, items) ?? kindFromName(path) ?? (parsed ? "observations" : "unknown");
  return { kind, json: true };
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
  const o = checkOptions(fn, "options", options, ["kind", "scenarios", "references"]);
  if (o.kind !== undefined) checkOneOf(fn, "options.kind", o.kind, FILE_KINDS);
  const id = (at: string, v: unknown) => checkString(fn, at, v);
  if (o.scenarios !== undefined)
    checkArrayOf(fn, "options.scenarios", o.scenarios, id, "an array of scenario ids");
  if (o.references !== undefined)
    checkArrayOf(fn, "options.references", o.references, id, "an array of reference ids");
  const read = readTextFile(path);
  const ext = extname(path).toLowerCase();
  if (!read.ok) {
    const kind = ext === ".csv" ? "observations" : (kindFromName(path) ?? "unknown");
    return { kind: options.kind ?? kind, issues: [...read.issues] };
  }
  const text = read.value;
  const detected = detect(path, text);
  const kind = options.kind ?? detected.kind;
  const file = { file: path };
  let result: Result<unknown>;
  if (kind === "pack") result = readPackJson(text, file);
  else if (kind === "scenario") {
    const { scenarios, references } = options;
    result = readScenarioJson(text, meta, {
      ...file,
      ...(scenarios === undefined ? {} : { scenarios }),
      ...(references === undefined ? {} : { references }),
    });
  } else if (kind === "targets") result = readTargetsJson(text, meta, file);
  else if (detected.json || ext === ".json") result = readObservationsJson(text, meta, file);
  else result = readObservationsCsv(text, meta, file);
  // How the file was decoded (a GB18030 warning) comes first.
  return { kind, issues: [...read.issues, ...result.issues] };
}
