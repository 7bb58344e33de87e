import type { Issue } from "../../schemas/issue.js";

/** Largest input a reader accepts: 64 MiB of UTF-8. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Most arrays and objects a JSON file may nest. regionsim's documents nest at most six levels
 * (`models[0].spec.…`); 100 leaves room for notes and extensions, and keeps the recursive steps
 * after parsing (schema checks, a value shown in a message) far from the call-stack limit, which
 * JSON nested 10,000 deep would overflow.
 */
export const MAX_JSON_DEPTH = 100;

/** Most records (CSV rows after the header, JSON array items) a reader accepts. */
export const MAX_RECORDS = 1_000_000;

/**
 * Size of a string once encoded as UTF-8, counted without encoding it (and without Node's
 * `Buffer`, so readers also run in a browser). Lone surrogates count as U+FFFD (3 bytes).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** A size for messages: `64.0 MiB (67,108,864 bytes)`, exact so that a near miss is not "64.0 > 64.0". */
function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${bytes.toLocaleString("en-US")} bytes)`;
}

/** The issue for an input of `bytes` bytes over {@link MAX_INPUT_BYTES}, or `undefined`. */
export function oversizeIssue(bytes: number, file: string | undefined): Issue | undefined {
  if (bytes <= MAX_INPUT_BYTES) return undefined;
  const issue: Issue = {
    severity: "error",
    code: "too-large",
    message: "input is too large to read",
    expected: `at most ${mebibytes(MAX_INPUT_BYTES)}`,
    received: mebibytes(bytes),
  };
  if (file !== undefined) issue.file = file;
  return issue;
}

/**
 * The issue for a text over {@link MAX_INPUT_BYTES} in UTF-8, or `undefined`. Every UTF-16 code
 * unit takes at least one byte and at most three, so short texts are not counted at all.
 */
export function oversizeTextIssue(text: string, file: string | undefined): Issue | undefined {
  if (text.length * 3 <= MAX_INPUT_BYTES) return undefined;
  return oversizeIssue(utf8ByteLength(text), file);
}

/** The issue for more than {@link MAX_RECORDS} records. */
export function tooManyRecordsIssue(file: string | undefined): Issue {
  const issue: Issue = {
    severity: "error",
    code: "too-many-records",
    message: "too many records to read",
    expected: `at most ${MAX_RECORDS.toLocaleString("en-US")} records`,
    received: `more than ${MAX_RECORDS.toLocaleString("en-US")}`,
  };
  if (file !== undefined) issue.file = file;
  return issue;
}
