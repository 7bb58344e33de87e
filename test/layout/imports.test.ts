// The layout rule of DESIGN.md §Layout, checked on the source: folders follow the data flow,
// a module imports only from its own folder or from folders listed before it, never from another
// folder's internal/, and there is no cycle between folders. One exception, declared here: the
// scenario schema in schemas/ names the model specs, which models/ defines (schemas → models).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** The folders of src/ in the order of the data flow (DESIGN.md §Layout). */
const FOLDER_ORDER = [
  "internal",
  "schemas",
  "growth",
  "models",
  "scenarios",
  "targets",
  "assessment",
  "simulation",
  "analysis",
  "report",
  "io",
  "packs",
  "cli",
] as const;

/** Imports that run right-to-left on purpose, as `from → to` folder pairs, each with its reason. */
const ALLOWED_BACKWARD: Readonly<Record<string, string>> = {
  "schemas → models": "the scenario schema validates model specs, which each model module defines",
};

interface Edge {
  readonly file: string;
  readonly target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import, `export … from` and `import()` of a file, resolved to a path in src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g),
  ].map((m) => m[1] as string);
  return specs
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")));
}

/** `{ folder, internal }` of a path in src/: its top folder ("" for src/*.ts) and whether it is in that folder's internal/. */
function locate(path: string): { folder: string; internalOf: string | undefined } {
  const parts = relative(SRC, path).split("/");
  if (parts.length === 1) return { folder: "", internalOf: undefined };
  const folder = parts[0] as string;
  const internalAt = parts.indexOf("internal", 1);
  return { folder, internalOf: internalAt > 0 ? folder : undefined };
}

const files = sourceFiles(SRC);
const edges: Edge[] = files.flatMap((file) =>
  importsOf(file)
    .filter((target) => target.startsWith(SRC))
    .map((target) => ({ file, target })),
);
const rel = (p: string) => relative(SRC, p);

describe("the layout of src/ (DESIGN.md §Layout)", () => {
  it("has exactly the folders of the data flow", () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
    expect(folders.sort()).toEqual([...FOLDER_ORDER].sort());
  });

  it("finds the imports it checks", () => {
    // A guard against a parser that matches nothing: the barrel alone imports from every folder.
    expect(edges.length).toBeGreaterThan(300);
    const barrel = new Set(
      edges.filter((e) => rel(e.file) === "index.ts").map((e) => locate(e.target).folder),
    );
    for (const folder of [
      "schemas",
      "growth",
      "models",
      "scenarios",
      "simulation",
      "report",
      "io",
      "packs",
    ])
      expect(barrel).toContain(folder);
  });

  it("src/internal/ imports nothing else of src/", () => {
    const bad = edges.filter(
      (e) => locate(e.file).folder === "internal" && locate(e.target).folder !== "internal",
    );
    expect(bad.map((e) => `${rel(e.file)} → ${rel(e.target)}`)).toEqual([]);
  });

  it("no module imports another folder's internal/", () => {
    const bad = edges.filter((e) => {
      const owner = locate(e.target).internalOf;
      return owner !== undefined && owner !== "internal" && owner !== locate(e.file).folder;
    });
    expect(bad.map((e) => `${rel(e.file)} → ${rel(e.target)}`)).toEqual([]);
  });

  it("imports run leftwards in the order of the data flow", () => {
    const rank = (folder: string) => FOLDER_ORDER.indexOf(folder as (typeof FOLDER_ORDER)[number]);
    const bad = edges.filter((e) => {
      const from = locate(e.file).folder;
      const to = locate(e.target).folder;
      if (from === "" || from === to) return false; // index.ts and cli.ts sit above every folder
      if (`${from} → ${to}` in ALLOWED_BACKWARD) return false;
      return to === "" || rank(to) > rank(from);
    });
    expect(bad.map((e) => `${rel(e.file)} → ${rel(e.target)}`)).toEqual([]);
  });

  it("has no cycle between folders except the declared one", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const from = locate(e.file).folder;
      const to = locate(e.target).folder;
      if (from === "" || to === "" || from === to || `${from} → ${to}` in ALLOWED_BACKWARD)
        continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "open") {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" → "));
        return;
      }
      state.set(node, "open");
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it("has no hand-written source file over 450 lines (generated modules and pack data aside)", () => {
    const long = files
      .filter((f) => !f.endsWith(".generated.ts") && !rel(f).startsWith("packs/"))
      .map((f) => ({ file: rel(f), lines: readFileSync(f, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > 450);
    expect(long).toEqual([]);
  });
});
