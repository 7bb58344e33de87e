// Every public function of the package, called from plain JavaScript with arbitrary JSON values
// in its arguments, either returns (or resolves) or throws the library's own argument errors
// with a message that starts with a function's name and names a parameter — never a raw
// TypeError from inside, never another error. Folder tests hold the targeted properties; this
// one makes sure no public entry is left out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/index.js";
// The package root in Node: the core and the Node entry.
import * as api from "../../src/index.node.js";

/** Exports that are not entry points taking data: error classes (constructors). */
const NOT_ENTRIES = new Set(["ArgumentTypeError", "ArgumentRangeError"]);

const entries = Object.entries(api as Record<string, unknown>).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    typeof entry[1] === "function" && !NOT_ENTRIES.has(entry[0]),
);

/** Arguments as plain JavaScript may pass them: JSON values, or nothing at all. */
const argument = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

async function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    const value = fn(...args);
    if (value instanceof Promise) await value;
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("every public function refuses arbitrary arguments with the library's errors", () => {
  it("finds the public functions", () => {
    expect(entries.length).toBeGreaterThan(40);
  });

  it.each(entries)("%s", async (name, fn) => {
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { minLength: 0, maxLength: 4 }), async (args) => {
        const error = await outcome(fn, args);
        if (error === undefined) return;
        expect(
          error instanceof ArgumentTypeError || error instanceof ArgumentRangeError,
          `${name}(${args.map((a) => JSON.stringify(a)).join(", ")}) threw ${String(error)}`,
        ).toBe(true);
        expect((error as Error).message).toMatch(/^[A-Za-z]+: \S/);
      }),
      { numRuns: 60 },
    );
  });
});
