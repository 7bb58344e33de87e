// Runs the code cells of examples/qujing-notebook.ipynb in order with Deno, as the notebook's Deno
// kernel runs them, and fails if a cell throws or shows a chart that is not valid Vega-Lite 5.
//
// `deno run` has no `Deno.jupyter` (it exists only under `deno jupyter`), so the code cells run as
// one module after a prelude that puts a recording `Deno.jupyter.display` in its place: every
// MIME bundle a cell displays is sent back here, checked (a Vega-Lite spec is displayed as
// `application/vnd.vegalite.v5+json`, says the v5 schema and compiles with vega-lite without a
// warning; an SVG comes with its spec) and kept, with what the cell printed, as that cell's
// outputs.
//
// Usage: npm run notebook [-- [notebook.ipynb] [--write]]   (default: examples/qujing-notebook.ipynb)
//   --write  saves the outputs of this run into the notebook (execution counts 1, 2, …), so that a
//            viewer that runs nothing (GitHub) shows them; without it the run only reports whether
//            the saved outputs are still the ones the code gives.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The notebook this script runs. */
export const NOTEBOOK_PATH = join(ROOT, "examples", "qujing-notebook.ipynb");

/** The MIME type a chart is displayed as, and the schema its spec must name. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
export const VEGA_LITE_V5_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** A cell's source as nbformat stores it: one string, or its lines. */
type Source = string | string[];

/** An output of a code cell (nbformat 4): printed text or a displayed MIME bundle. */
export type NotebookOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: Source }
  | {
      output_type: "display_data";
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    };

/** The parts of an nbformat 4 notebook this script reads and writes. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** A cell of an nbformat 4 notebook. */
export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  id: string;
  source: Source;
  metadata: Record<string, unknown>;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

/** What one run of the notebook's code gave. */
export interface NotebookRun {
  /** True when every cell ran and every display passed its checks. */
  readonly ok: boolean;
  /** Why the run failed, one sentence each (empty when `ok`). */
  readonly problems: readonly string[];
  /** The outputs of each code cell, in order (as far as the run got). */
  readonly outputs: readonly NotebookOutput[][];
  /** How many charts (Vega-Lite displays) the run showed. */
  readonly charts: number;
  /** What Deno wrote to stderr. */
  readonly stderr: string;
}

/** A source as one string. */
export function sourceText(source: Source): string {
  return Array.isArray(source) ? source.join("") : source;
}

/** A text as nbformat writes it: its lines, each with its line break but the last. */
export function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== "");
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

const isSource = (x: unknown): x is Source =>
  typeof x === "string" || (Array.isArray(x) && x.every((line) => typeof line === "string"));

/**
 * What makes `nb` not an nbformat 4.5 notebook for the Deno kernel, one sentence each (empty
 * when it is one): the format version, the kernelspec (`deno`, TypeScript), and each cell's type,
 * id, source and outputs.
 */
export function notebookProblems(nb: unknown): string[] {
  if (!isRecord(nb)) return ["the notebook is not a JSON object"];
  const problems: string[] = [];
  if (nb.nbformat !== 4) problems.push(`nbformat must be 4 (got ${String(nb.nbformat)})`);
  if (typeof nb.nbformat_minor !== "number" || nb.nbformat_minor < 5)
    problems.push(`nbformat_minor must be at least 5, for cell ids (got ${nb.nbformat_minor})`);
  const kernelspec = isRecord(nb.metadata) ? nb.metadata.kernelspec : undefined;
  if (!isRecord(kernelspec) || kernelspec.name !== "deno" || kernelspec.language !== "typescript")
    problems.push('metadata.kernelspec must name the kernel "deno", language "typescript"');
  if (!Array.isArray(nb.cells)) return [...problems, "cells must be a list"];
  const ids = new Set<string>();
  for (const [k, cell] of (nb.cells as unknown[]).entries()) {
    const at = `cells[${k}]`;
    if (!isRecord(cell)) {
      problems.push(`${at} is not an object`);
      continue;
    }
    if (!["code", "markdown", "raw"].includes(String(cell.cell_type)))
      problems.push(`${at}.cell_type must be code, markdown or raw (got ${cell.cell_type})`);
    if (typeof cell.id !== "string" || !/^[a-zA-Z0-9-_]{1,64}$/.test(cell.id))
      problems.push(`${at}.id must be 1–64 letters, digits, - or _`);
    else if (ids.has(cell.id)) problems.push(`${at}.id ${cell.id} is not unique`);
    else ids.add(cell.id);
    if (!isSource(cell.source)) problems.push(`${at}.source must be a string or a list of strings`);
    if (!isRecord(cell.metadata)) problems.push(`${at}.metadata must be an object`);
    if (cell.cell_type === "code") {
      if (!Array.isArray(cell.outputs)) problems.push(`${at}.outputs must be a list`);
      const count = cell.execution_count;
      if (count !== null && !Number.isInteger(count))
        problems.push(`${at}.execution_count must be an integer or null`);
    } else if ("outputs" in cell) problems.push(`${at} is not code and has outputs`);
  }
  return problems;
}

/** Reads and checks the notebook; throws naming every problem. */
export function readNotebook(path: string = NOTEBOOK_PATH): Notebook {
  const nb: unknown = JSON.parse(readFileSync(path, "utf8"));
  const problems = notebookProblems(nb);
  if (problems.length > 0) throw new Error(`${path}: ${problems.join("; ")}`);
  return nb as Notebook;
}

/** The code cells, in order. */
export function codeCells(nb: Notebook): NotebookCell[] {
  return nb.cells.filter((cell) => cell.cell_type === "code");
}

const MARK = "\u001eregionsim-notebook ";
const CELL = 'globalThis[Symbol.for("regionsim.notebook.cell")]';

// Installed before the cells run: a `Deno.jupyter` that records each displayed bundle on stdout
// behind MARK. `Deno.jupyter` itself cannot be redefined, but the global `Deno` can be.
const PRELUDE = `const emit = (event: unknown) => console.log(${JSON.stringify(MARK)} + JSON.stringify(event));
${CELL} = (index: number) => emit({ type: "cell", index });
const jupyter = new Proxy({
  display: async (bundle: unknown, options?: { raw?: boolean }) => {
    if (options?.raw === false || typeof bundle !== "object" || bundle === null)
      throw new Error("run-notebook: display a MIME bundle (an object of MIME type → data) with { raw: true }");
    emit({ type: "display", data: bundle });
  },
}, {
  get: (target, key) => {
    if (key in target) return Reflect.get(target, key);
    throw new Error(\`run-notebook: Deno.jupyter.\${String(key)} is not available when the notebook runs outside the kernel; display MIME bundles with Deno.jupyter.display(bundle, { raw: true })\`);
  },
});
const deno = Deno;
Object.defineProperty(globalThis, "Deno", {
  value: new Proxy(deno, { get: (target, key) => (key === "jupyter" ? jupyter : Reflect.get(target, key)) }),
  configurable: true,
  writable: true,
});
`;

/** The program the run executes: the prelude, then each code cell after a marker of its index. */
export function notebookProgram(nb: Notebook): string {
  const parts = [PRELUDE];
  codeCells(nb).forEach((cell, k) => {
    parts.push(`${CELL}(${k});\n`, sourceText(cell.source), "\n");
  });
  return parts.join("");
}

/** The 1-based line of the program at which each code cell starts. */
function cellStartLines(nb: Notebook): number[] {
  let line = PRELUDE.split("\n").length;
  return codeCells(nb).map((cell) => {
    const start = line + 1;
    line += sourceText(cell.source).split("\n").length + 1;
    return start;
  });
}

/** Deno's stderr with the program's line numbers given as cell and line. */
function locateErrors(nb: Notebook, stderr: string): string {
  const starts = cellStartLines(nb);
  const cells = codeCells(nb);
  return stderr.replace(/\S*\$deno\$stdin\.m?ts:(\d+):(\d+)/g, (whole, line: string, col) => {
    const n = Number(line);
    const k = starts.findLastIndex((start) => start <= n);
    const cell = cells[k];
    return cell === undefined
      ? whole
      : `cell ${k + 1} (${cell.id}), line ${n - (starts[k] as number) + 1}:${col}`;
  });
}

/** The checks of one displayed bundle; returns the problems and whether it showed a chart. */
async function checkDisplay(
  where: string,
  data: Record<string, unknown>,
): Promise<{ problems: string[]; chart: boolean }> {
  const problems: string[] = [];
  const keys = Object.keys(data);
  if (keys.length === 0) problems.push(`${where}: an empty MIME bundle`);
  for (const [mime, value] of Object.entries(data)) {
    const textual = mime.startsWith("text/") || mime === "image/svg+xml";
    if (textual && typeof value !== "string")
      problems.push(`${where}: ${mime} must be a string (got ${typeof value})`);
    if (mime.endsWith("json") && !isRecord(value))
      problems.push(`${where}: ${mime} must be a JSON object`);
    if (mime !== VEGA_LITE_MIME && isRecord(value) && /vega-lite/.test(String(value.$schema)))
      problems.push(`${where}: a Vega-Lite spec displayed as ${mime}, not ${VEGA_LITE_MIME}`);
  }
  const spec = data[VEGA_LITE_MIME];
  if ("image/svg+xml" in data) {
    const svg = data["image/svg+xml"];
    if (typeof svg === "string" && !svg.startsWith("<svg"))
      problems.push(`${where}: image/svg+xml does not start with <svg`);
    if (spec === undefined)
      problems.push(`${where}: an SVG without its ${VEGA_LITE_MIME} spec beside it`);
  }
  if (!isRecord(spec)) return { problems, chart: false };
  if (spec.$schema !== VEGA_LITE_V5_SCHEMA)
    problems.push(`${where}: $schema must be ${VEGA_LITE_V5_SCHEMA} (got ${String(spec.$schema)})`);
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, args) => {
    warnings.push(args.map(String).join(" "));
  });
  try {
    // The spec is plain JSON; vega-lite checks it as it compiles.
    vl.compile(spec as unknown as Parameters<typeof vl.compile>[0], { logger });
  } catch (error) {
    problems.push(`${where}: vega-lite does not compile the spec (${(error as Error).message})`);
  }
  for (const warning of warnings) problems.push(`${where}: vega-lite warns: ${warning}`);
  return { problems, chart: true };
}

/** Runs Deno on a program from stdin, in `cwd`, with the kernel's module resolution. */
function runDeno(
  program: string,
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  const deno = createRequire(import.meta.url).resolve("deno/bin.cjs");
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [deno, "run", "--allow-read", "--allow-env", "--no-prompt", "-"],
      { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    child.stdin.end(program);
  });
}

/**
 * Runs the notebook's code cells in order with Deno and checks what they display. `cwd` is the
 * folder the kernel would run in, the notebook's own (by default that of examples/); relative
 * imports and deno.json are found from it.
 */
export async function runNotebook(
  nb: Notebook,
  options: { readonly cwd?: string; readonly timeoutMs?: number } = {},
): Promise<NotebookRun> {
  const cells = codeCells(nb);
  const cwd = options.cwd ?? dirname(NOTEBOOK_PATH);
  const run = await runDeno(notebookProgram(nb), cwd, options.timeoutMs ?? 300_000);
  const outputs: NotebookOutput[][] = [];
  const problems: string[] = [];
  let current: NotebookOutput[] | undefined;
  let charts = 0;
  const print = (text: string) => {
    if (current === undefined) return;
    const last = current.at(-1);
    if (last?.output_type === "stream") last.text = sourceText(last.text) + text;
    else current.push({ output_type: "stream", name: "stdout", text });
  };
  for (const line of run.stdout.split(/(?<=\n)/)) {
    if (!line.startsWith(MARK)) {
      print(line);
      continue;
    }
    const event = JSON.parse(line.slice(MARK.length)) as
      | { type: "cell"; index: number }
      | { type: "display"; data: Record<string, unknown> };
    if (event.type === "cell") {
      current = [];
      outputs.push(current);
      continue;
    }
    const k = outputs.length - 1;
    const where = `cell ${k + 1} (${cells[k]?.id})`;
    const checked = await checkDisplay(where, event.data);
    problems.push(...checked.problems);
    if (checked.chart) charts += 1;
    current?.push({ output_type: "display_data", data: event.data, metadata: {} });
  }
  if (run.timedOut) problems.push(`the run took longer than ${options.timeoutMs ?? 300_000} ms`);
  else if (run.code !== 0) {
    const k = outputs.length - 1;
    const cell = cells[k];
    const at = cell === undefined ? "before the first cell" : `in cell ${k + 1} (${cell.id})`;
    problems.push(`Deno exited with code ${run.code} ${at}:\n${locateErrors(nb, run.stderr)}`);
  } else if (outputs.length !== cells.length)
    problems.push(`${outputs.length} of ${cells.length} code cells ran`);
  if (run.code === 0 && charts === 0)
    problems.push(`no cell displays a chart as ${VEGA_LITE_MIME}`);
  return { ok: problems.length === 0, problems, outputs, charts, stderr: run.stderr };
}

/** Outputs as nbformat writes them: multi-line strings as lists of lines. */
function savedForm(output: NotebookOutput): NotebookOutput {
  if (output.output_type === "stream")
    return { ...output, text: sourceLines(sourceText(output.text)) };
  const data = Object.fromEntries(
    Object.entries(output.data).map(([mime, value]) => [
      mime,
      typeof value === "string" ? sourceLines(value) : value,
    ]),
  );
  return { ...output, data };
}

/** A JSON value with the keys of every object sorted, as Jupyter writes notebooks. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

/** The notebook as Jupyter saves it: sorted keys, one-space indent, a final line break. */
export function notebookJson(nb: Notebook): string {
  return `${JSON.stringify(sortedKeys(nb), null, 1)}\n`;
}

/** The notebook with the outputs of a run in its code cells, numbered 1, 2, … */
export function withOutputs(nb: Notebook, outputs: readonly NotebookOutput[][]): Notebook {
  let k = 0;
  const cells = nb.cells.map((cell) => {
    if (cell.cell_type !== "code") return cell;
    const cellOutputs = (outputs[k] ?? []).map(savedForm);
    k += 1;
    return { ...cell, execution_count: k, outputs: cellOutputs };
  });
  return { ...nb, cells };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const write = args.includes("--write");
  const paths = args.filter((arg) => arg !== "--write");
  const bad = paths.find((arg) => arg.startsWith("-") || !arg.endsWith(".ipynb"));
  if (bad !== undefined || paths.length > 1) {
    console.error(
      `run-notebook: unexpected argument ${bad ?? paths[1]}; usage: run-notebook [notebook.ipynb] [--write]`,
    );
    process.exit(2);
  }
  const path = resolve(paths[0] ?? NOTEBOOK_PATH);
  const nb = readNotebook(path);
  const started = performance.now();
  const run = await runNotebook(nb, { cwd: dirname(path) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  codeCells(nb).forEach((cell, k) => {
    const shown = (run.outputs[k] ?? []).map((o) =>
      o.output_type === "stream"
        ? `printed ${sourceText(o.text).split("\n").length - 1} line(s)`
        : `displayed ${Object.keys(o.data).join(", ")}`,
    );
    console.log(`cell ${k + 1} (${cell.id}): ${shown.join("; ") || "no output"}`);
  });
  if (!run.ok) {
    for (const problem of run.problems) console.error(`run-notebook: ${problem}`);
    console.error(`run-notebook: FAILED (${seconds} s)`);
    process.exit(1);
  }
  const updated = notebookJson(withOutputs(nb, run.outputs));
  const saved = readFileSync(path, "utf8");
  if (write) {
    writeFileSync(path, updated);
    console.log(`run-notebook: wrote the outputs into ${path}`);
  } else if (updated !== saved)
    console.log(
      "run-notebook: the outputs saved in the notebook differ from this run's; " +
        "`npm run notebook -- --write` saves this run's",
    );
  console.log(
    `run-notebook: ${codeCells(nb).length} code cells ran, ${run.charts} charts compiled with vega-lite (${seconds} s)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main();
