// The notebook examples/qujing-notebook.ipynb: an nbformat 4.5 notebook for the Deno kernel whose
// code cells are exactly what scripts/run-notebook.ts runs; the runner runs them under Deno and
// checks the charts they show (`npm run notebook`, also part of `npm run examples`), and it fails
// when a cell throws or shows a chart that is not valid Vega-Lite 5.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  NOTEBOOK_PATH,
  type Notebook,
  notebookProblems,
  notebookProgram,
  readNotebook,
  runNotebook,
  VEGA_LITE_MIME,
} from "../scripts/run-notebook.js";

const V5 = "https://vega.github.io/schema/vega-lite/v5.json";

/** The notebook file as plain JSON, read without the runner. */
const raw = JSON.parse(readFileSync(NOTEBOOK_PATH, "utf8")) as {
  nbformat: number;
  nbformat_minor: number;
  metadata: { kernelspec?: Record<string, unknown>; language_info?: Record<string, unknown> };
  cells: {
    cell_type: string;
    id: string;
    source: string | string[];
    outputs?: { output_type: string; data?: Record<string, unknown> }[];
    execution_count?: number | null;
  }[];
};
const text = (source: string | string[]) => (Array.isArray(source) ? source.join("") : source);
const rawCode = raw.cells.filter((c) => c.cell_type === "code");

/** A small notebook of code cells, for the runner's failures. */
function notebookOf(...sources: string[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: sources.map((source, k) => ({
      cell_type: "code",
      id: `c${k + 1}`,
      source,
      metadata: {},
      outputs: [],
      execution_count: null,
    })),
  };
}

const display = (bundle: unknown) =>
  `await Deno.jupyter.display(${JSON.stringify(bundle)}, { raw: true });`;
const bar = (extra: Record<string, unknown> = {}) => ({
  $schema: V5,
  data: { values: [{ a: "x", b: 1 }] },
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
  ...extra,
});

describe("examples/qujing-notebook.ipynb", () => {
  it("is an nbformat 4.5 notebook for the Deno kernel (TypeScript)", () => {
    expect(raw.nbformat).toBe(4);
    expect(raw.nbformat_minor).toBeGreaterThanOrEqual(5);
    expect(raw.metadata.kernelspec).toEqual({
      display_name: "Deno",
      language: "typescript",
      name: "deno",
    });
    expect(raw.metadata.language_info?.name).toBe("typescript");
    const ids = raw.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of raw.cells) {
      expect(["code", "markdown"]).toContain(cell.cell_type);
      expect(text(cell.source).length).toBeGreaterThan(0);
    }
    expect(rawCode.length).toBeGreaterThanOrEqual(5);
    expect(notebookProblems(raw)).toEqual([]);
  });

  it("is saved with its outputs, numbered in order, the charts as Vega-Lite 5 and SVG", () => {
    expect(rawCode.map((c) => c.execution_count)).toEqual(rawCode.map((_, k) => k + 1));
    const charts = rawCode.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[VEGA_LITE_MIME]);
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const { data = {} } of charts) {
      expect((data[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe(V5);
      expect(text(data["image/svg+xml"] as string[])).toMatch(/^<svg[\s\S]*<\/svg>$/);
    }
  });

  it("runs exactly its code cells, in order, each after its marker", () => {
    const program = notebookProgram(readNotebook());
    const marker = (k: number) => `globalThis[Symbol.for("regionsim.notebook.cell")](${k});\n`;
    let from = 0;
    rawCode.forEach((cell, k) => {
      const at = program.indexOf(`${marker(k)}${text(cell.source)}\n`, from);
      expect(at, `code cell ${k + 1} (${cell.id})`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    });
    expect(program.split("regionsim.notebook.cell").length - 1).toBe(rawCode.length + 1); // + the prelude's
    const last = rawCode.at(-1);
    expect(program.endsWith(`${text(last?.source ?? "")}\n`)).toBe(true);
  });

  it("runs every code cell under Deno and shows charts vega-lite compiles", async () => {
    const run = await runNotebook(readNotebook());
    expect(run.problems).toEqual([]);
    expect(run.ok).toBe(true);
    expect(run.stderr).toBe("");
    expect(run.outputs.length).toBe(rawCode.length);
    expect(run.charts).toBe(2);
    const shown = run.outputs.flat().flatMap((o) => (o.output_type === "display_data" ? [o] : []));
    const specs = shown.flatMap((o) => {
      const spec = o.data[VEGA_LITE_MIME] as { title: { text: string[] } } | undefined;
      return spec === undefined ? [] : [spec.title.text.join(" ")];
    });
    expect(specs).toEqual([
      expect.stringContaining("GDP in 2035 at least double 2020"),
      expect.stringContaining("GDP by place"),
    ]);
    // The probabilities: one row per simulated target, each a probability.
    const table = shown.map((o) => o.data["text/markdown"]).find((t) => /P\(met\)/.test(String(t)));
    const ps = [...String(table).matchAll(/\| (\d\.\d{3}) \|/g)].map((m) => Number(m[1]));
    expect(ps.length).toBeGreaterThanOrEqual(3);
    for (const p of ps) expect(p >= 0 && p <= 1).toBe(true);
  });
});

describe("scripts/run-notebook.ts fails the notebook", () => {
  it("when a cell throws, naming the cell and the line, after the cells before it ran", async () => {
    const run = await runNotebook(
      notebookOf('console.log("first");', 'const x = 1;\nthrow new Error("boom " + x);'),
    );
    expect(run.ok).toBe(false);
    expect(run.outputs[0]).toEqual([{ output_type: "stream", name: "stdout", text: "first\n" }]);
    expect(run.problems).toEqual([
      expect.stringMatching(/in cell 2 \(c2\):[\s\S]*boom 1[\s\S]*cell 2 \(c2\), line 2:/),
    ]);
  });

  it("when a chart is shown under another MIME type, names another schema, does not compile or makes vega-lite warn", async () => {
    const run = await runNotebook(
      notebookOf(
        display({ "application/json": bar() }),
        display({ [VEGA_LITE_MIME]: bar({ $schema: V5.replace("v5", "v6") }) }),
        display({ [VEGA_LITE_MIME]: bar({ mark: "nonsense" }) }),
        // A bar has no shape: vega-lite drops the channel and warns.
        display({
          [VEGA_LITE_MIME]: bar({
            encoding: { ...bar().encoding, shape: { field: "a", type: "nominal" } },
          }),
        }),
        display({ "image/svg+xml": "<svg></svg>" }),
        display({ [VEGA_LITE_MIME]: bar(), "image/svg+xml": "<svg></svg>", "text/plain": "a bar" }),
      ),
    );
    expect(run.ok).toBe(false);
    expect(run.charts).toBe(4);
    expect(run.problems).toEqual([
      `cell 1 (c1): a Vega-Lite spec displayed as application/json, not ${VEGA_LITE_MIME}`,
      expect.stringMatching(/^cell 2 \(c2\): \$schema must be .*v5\.json \(got .*v6\.json\)$/),
      expect.stringMatching(/^cell 3 \(c3\): vega-lite does not compile the spec \(.+\)$/),
      expect.stringMatching(/^cell 4 \(c4\): vega-lite warns: .*shape/),
      `cell 5 (c5): an SVG without its ${VEGA_LITE_MIME} spec beside it`,
    ]);
  });

  it("when no cell shows a chart, or a cell uses a Deno.jupyter helper the runner cannot see", async () => {
    const none = await runNotebook(notebookOf(display({ "text/markdown": "# no chart" })));
    expect(none.problems).toEqual([`no cell displays a chart as ${VEGA_LITE_MIME}`]);
    const md = await runNotebook(notebookOf("Deno.jupyter.md`# hello`;"));
    expect(md.problems).toEqual([expect.stringMatching(/Deno\.jupyter\.md is not available/)]);
  });
});

describe("notebookProblems", () => {
  it("names what makes a notebook unfit for the Deno kernel", () => {
    const nb = notebookOf("1;");
    expect(notebookProblems(nb)).toEqual([]);
    expect(
      notebookProblems({
        ...nb,
        metadata: { kernelspec: { name: "python3", language: "python" } },
      }),
    ).toEqual(['metadata.kernelspec must name the kernel "deno", language "typescript"']);
    expect(notebookProblems({ ...nb, nbformat: 3 })).toEqual(["nbformat must be 4 (got 3)"]);
    const [cell] = nb.cells;
    expect(notebookProblems({ ...nb, cells: [cell, cell] })).toEqual([
      "cells[1].id c1 is not unique",
    ]);
  });
});
