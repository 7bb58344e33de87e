// Reading a file's bytes and decoding its text, with every way that can fail reported as an
// issue: a missing or unreadable file, a folder, a file over 64 MiB, UTF-16, neither UTF-8 nor
// GB18030.

import { readFileSync, statSync } from "node:fs";
import type { Issue, Result } from "../../schemas/issue.js";
import { oversizeIssue } from "./inputLimits.js";

/** An error about the file `path` as a whole. */
export function fileIssue(
  path: string,
  code: string,
  message: string,
  extra: Partial<Issue> = {},
): Issue {
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
 * The bytes of the file at `path`, or one issue: missing, a folder or not a regular file,
 * unreadable, or over 64 MiB (told from its size before it is read).
 */
export function readFileBytes(path: string): Result<Uint8Array> {
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
  return { ok: true, value: bytes, issues: [] };
}

/**
 * A file's bytes decoded as UTF-8, else as GB18030 (GBK) with a `read-as-gb18030` warning; UTF-16
 * text, and bytes that are neither, are one error (the latter at the line and column of the
 * first byte that is not UTF-8). A leading byte-order mark is dropped.
 */
export function decodeText(path: string, bytes: Uint8Array): Result<string> {
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
