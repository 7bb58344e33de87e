// Runs every `@example` in the TSDoc of src/ so that documented outputs stay true (STYLE.md §8).
//
// An example is TypeScript that may use anything the package root exports in Node. A statement written
// as `expression; // value` is checked: the expression's value, printed as JSON (numbers and
// `undefined` as JavaScript prints them), must equal `value` up to white space. Text after the
// value in parentheses is commentary. Lines that are only comments are not checked.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.node.js";

const SRC = new URL("../src/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function examples(file: string): Example[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i] as string)) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w+/.test(l)) break;
      body.push(l.replace(/^\s*\* ?/, ""));
    }
    out.push({ file: relative(SRC, file), line: i + 1, code: body.join("\n") });
    i = j - 1;
  }
  return out;
}

function printed(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

const normalise = (s: string) => s.replace(/\s+/g, "");

/** The value a documented output denotes: a JavaScript literal (`[1, 2]`, `{ a: 1 }`, `"x"`), else the text. */
function literal(text: string): unknown {
  try {
    return new Function(`return (${text});`)();
  } catch {
    return text;
  }
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<void>;

/**
 * Turns `expr; // value` lines into checks and runs the example with the package root's exports
 * and the example's own module's exports in scope (examples of internal helpers use those).
 */
async function run(example: Example): Promise<{ checked: number }> {
  const checks: { expected: string; line: string }[] = [];
  const code = example.code
    .split("\n")
    .map((line) => {
      const m = /^(.*\S);\s*\/\/\s*(.+)$/.exec(line);
      if (m === null || m[1]?.trimStart().startsWith("//")) return line;
      const expected = (m[2] as string).replace(/\s+\(.*\)\s*$/, "").trim();
      checks.push({ expected, line });
      return `__check(${checks.length - 1}, (${m[1]}));`;
    })
    .join("\n");
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  const own = (await import(join(SRC, example.file))) as Record<string, unknown>;
  const scope: Record<string, unknown> = { ...api, ...own };
  const names = Object.keys(scope);
  const results: unknown[] = [];
  const fn = new AsyncFunction("__check", ...names, js);
  await fn(
    (k: number, v: unknown) => {
      results[k] = v;
    },
    ...names.map((n) => scope[n]),
  );
  checks.forEach((c, k) => {
    expect(normalise(printed(results[k])), `${example.file}:${example.line}: ${c.line}`).toBe(
      normalise(printed(literal(c.expected))),
    );
  });
  return { checked: checks.length };
}

const all = sourceFiles(SRC).flatMap(examples);

describe("documented examples", () => {
  it("there are examples to check", () => {
    expect(all.length).toBeGreaterThan(5);
  });
  for (const example of all) {
    it(`${example.file}:${example.line} runs and prints what it says`, async () => {
      await run(example);
    });
  }
});
