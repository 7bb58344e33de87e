/** A key that can follow a dot in a path: letters (any script), digits, `_` and `$`. */
const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Appends one segment to a JSON path: `a` + `b` → `a.b`, `a` + 3 → `a[3]`, `a` + `x y` → `a["x y"]`. */
export function appendJsonPath(path: string, segment: string | number): string {
  if (typeof segment === "number") return `${path}[${segment}]`;
  if (IDENTIFIER.test(segment)) return path === "" ? segment : `${path}.${segment}`;
  return `${path}[${JSON.stringify(segment)}]`;
}

/**
 * Formats a path (as zod reports it) the way issues show it: `observations[3].value`. The root
 * is the empty string.
 */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = "";
  for (const s of segments) {
    path = appendJsonPath(path, typeof s === "number" ? s : String(s));
  }
  return path;
}

const SEGMENT = /\.?([\p{L}_$][\p{L}\p{N}_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/uy;

/**
 * A path and each of its ancestors, nearest first, ending with the root `""`:
 * `a[3].b` → `["a[3].b", "a[3]", "a", ""]`. A path that is not in the form {@link jsonPath}
 * writes gives the root only.
 */
export function jsonPathAncestors(path: string): string[] {
  const prefixes = [""];
  let at = 0;
  while (at < path.length) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(path);
    if (m === null) return [""];
    at = SEGMENT.lastIndex;
    prefixes.push(path.slice(0, at));
  }
  return prefixes.reverse();
}
