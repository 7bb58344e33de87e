import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "../../src/io/internal/scanJson.js";
import { jsonPath } from "../../src/schemas/jsonPath.js";

/** Offset of a 1-based line and column in a text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/** Every path of a JSON value, with the value there. */
function paths(value: unknown, at: PropertyKey[] = []): [PropertyKey[], unknown][] {
  const here: [PropertyKey[], unknown][] = [[at, value]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof value === "object" && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return here;
}

const json = fc.jsonValue({ maxDepth: 4 });
const indent = fc.constantFrom(undefined, 0, 1, 2, "\t");

describe("scanJson", () => {
  it("agrees with JSON.parse on whether a text is valid JSON, also after a random edit", () => {
    const edited = fc
      .tuple(
        json,
        indent,
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.constantFrom("", ",", "]", "}", '"', ":", "\n", "x", "0", "-", "\\"),
      )
      .map(([v, ind, at, cut, insert]) => {
        const text = JSON.stringify(v, null, ind);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(edited, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(scanJson(text).error === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it("locates every value of a valid text at the text that serialises it", () => {
    fc.assert(
      fc.property(json, indent, (value, ind) => {
        const text = JSON.stringify(value, null, ind);
        const all = paths(JSON.parse(text));
        const { error, positions } = scanJson(text, new Set(all.map(([p]) => jsonPath(p))));
        expect(error).toBeUndefined();
        for (const [p, v] of all) {
          const at = positions.get(jsonPath(p));
          expect(at).toBeDefined();
          const offset = offsetOf(text, at?.line ?? 0, at?.column ?? 0);
          const compact = JSON.stringify(v);
          // A scalar is written exactly as JSON.stringify writes it; a container opens with its bracket.
          const start = typeof v === "object" && v !== null ? compact.slice(0, 1) : compact;
          expect(text.slice(offset, offset + start.length)).toBe(start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
