import { shownValue } from "../../internal/shownValue.js";
import type { Issue } from "../../schemas/issue.js";
import { jsonPathAncestors } from "../../schemas/jsonPath.js";
import { locateIssue } from "../../schemas/locateIssue.js";
import { MAX_JSON_DEPTH, oversizeTextIssue } from "./inputLimits.js";
import { type JsonSyntaxError, scanJson } from "./scanJson.js";

/** The issue for JSON nested deeper than {@link MAX_JSON_DEPTH}, at the bracket too many. */
function tooDeepIssue(error: JsonSyntaxError, file: string | undefined): Issue {
  const issue: Issue = {
    severity: "error",
    code: "too-deep",
    message: error.message,
    expected: `at most ${MAX_JSON_DEPTH} levels of arrays and objects`,
  };
  return locateIssue(issue, error, file);
}

/**
 * Parses JSON text from a user file: refuses text over the size limit, drops a byte-order mark,
 * and turns a syntax error into an issue with line and column (found by {@link scanJson}, as
 * `JSON.parse` does not always say where). Arrays and objects nested deeper than
 * {@link MAX_JSON_DEPTH} give one `too-deep` error at the first bracket too many ("nested deeper
 * than 100 levels"), however deep the text goes. A key given twice in one object, which `JSON.parse`
 * accepts keeping only the last, is a `duplicate-key` error in `issues` (the value is still
 * returned, for the other checks).
 */
export function parseJsonText(
  text: string,
  file: string | undefined,
): { ok: true; value: unknown; issues: Issue[] } | { ok: false; issues: Issue[] } {
  const oversize = oversizeTextIssue(text, file);
  if (oversize !== undefined) return { ok: false, issues: [oversize] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (e) {
    const error = scanJson(text, new Set(), { maxDepth: MAX_JSON_DEPTH }).error;
    if (error?.tooDeep === true) return { ok: false, issues: [tooDeepIssue(error, file)] };
    const issue: Issue = {
      severity: "error",
      code: "json-syntax",
      message: error?.message ?? `invalid JSON: ${(e as Error).message}`,
    };
    return { ok: false, issues: [locateIssue(issue, error ?? {}, file)] };
  }
  const { duplicateKeys, error } = scanJson(text, new Set(), {
    duplicateKeys: true,
    maxDepth: MAX_JSON_DEPTH,
  });
  if (error?.tooDeep === true) return { ok: false, issues: [tooDeepIssue(error, file)] };
  const issues = duplicateKeys.map((d) =>
    locateIssue(
      {
        severity: "error",
        code: "duplicate-key",
        message:
          `key given twice in the same object (first at line ${d.first.line}, column ` +
          `${d.first.column}); JSON keeps only the last`,
      },
      { line: d.line, column: d.column, field: d.path },
      file,
    ),
  );
  return { ok: true, value, issues };
}

/**
 * Adds line and column to issues whose `field` is a JSON path into `text`: the position of the
 * value at that path or, for a missing key, of its nearest enclosing value. Scans the text once,
 * and only when some issue needs it. Returns new issues; the given ones are not changed.
 */
export function withJsonPositions(text: string, issues: readonly Issue[]): Issue[] {
  const needs = issues.filter((i) => i.field !== undefined && i.line === undefined);
  if (needs.length === 0) return [...issues];
  const wanted = new Set<string>();
  for (const i of needs) for (const p of jsonPathAncestors(i.field ?? "")) wanted.add(p);
  const { positions } = scanJson(text, wanted);
  return issues.map((i) => {
    if (i.field === undefined || i.line !== undefined) return i;
    for (const p of jsonPathAncestors(i.field)) {
      const at = positions.get(p);
      if (at !== undefined) return { ...i, line: at.line, column: at.column };
    }
    return i;
  });
}

/** Issues ordered by line and column (stable; issues without a line first). */
export function sortByPosition(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/**
 * {@link parseJsonText} for a document that must be one JSON object (a scenario, a pack): any
 * other value is a `wrong-shape` error, `message` (`not a scenario`) with what was `expected`.
 */
export function parseJsonObject(
  text: string,
  file: string | undefined,
  what: { readonly message: string; readonly expected: string },
): { ok: true; value: object; issues: Issue[] } | { ok: false; issues: Issue[] } {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (typeof input === "object" && input !== null && !Array.isArray(input))
    return { ok: true, value: input, issues: parsed.issues };
  const issue: Issue = {
    severity: "error",
    code: "wrong-shape",
    message: what.message,
    expected: what.expected,
    received: Array.isArray(input) ? "an array" : shownValue(input),
  };
  return { ok: false, issues: [locateIssue(issue, {}, file), ...parsed.issues] };
}
