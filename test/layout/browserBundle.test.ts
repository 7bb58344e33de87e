// The main entry bundles for browsers (issue #13): esbuild --bundle --platform=browser of a small
// app importing it (test/fixtures/browser-app/app.ts: assessPack, simulate, simulatePack, fitModel,
// renderReport) succeeds, and the bundle holds no Node built-in; run where there is no Node (a
// context without process, require or setImmediate), it gives what the same calls give in Node.
// "regionsim" is aliased to src/index.ts, the source of the package's `browser` entry
// (dist/index.js: package.json exports, tsup.config.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { runApp } from "../fixtures/browser-app/app.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const APP = join(ROOT, "test/fixtures/browser-app/app.ts");
const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");
const out = mkdtempSync(join(tmpdir(), "regionsim-browser-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Node's built-in modules the library might reach, with and without the `node:` prefix. */
const BUILT_INS = [
  "fs",
  "fs/promises",
  "os",
  "path",
  "url",
  "worker_threads",
  "child_process",
  "crypto",
  "module",
  "stream",
  "buffer",
  "util",
  "zlib",
  "events",
  "vm",
];
const names = BUILT_INS.map((n) => n.replace("/", "\\/")).join("|");
/** An import or require of a built-in in bundled code: `from "fs"`, `require("node:os")`, `import("path")`. */
const BUILT_IN_IMPORT = new RegExp(
  `(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*)["'](?:node:)?(?:${names})["']`,
);

function esbuild(
  args: readonly string[],
  entry: string = APP,
): { status: number | null; stderr: string } {
  const r = spawnSync(
    ESBUILD,
    [
      entry,
      "--bundle",
      "--platform=browser",
      `--alias:regionsim=${join(ROOT, "src/index.ts")}`,
      ...args,
    ],
    { encoding: "utf8" },
  );
  return { status: r.status, stderr: r.stderr };
}

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, unknown>;
}

describe("a browser bundle of the main entry", () => {
  it("builds with esbuild --platform=browser, with no Node built-in in it", () => {
    const dir = join(out, "esm");
    const meta = join(out, "meta.json");
    const r = esbuild(["--format=esm", "--splitting", `--outdir=${dir}`, `--metafile=${meta}`]);
    expect(r.stderr).not.toMatch(/ERROR/);
    expect(r.status).toBe(0);
    const metafile = JSON.parse(readFileSync(meta, "utf8")) as Metafile;
    const inputs = Object.keys(metafile.inputs);
    // No import left out of the bundle (a built-in would be, were it marked external).
    const external = Object.values(metafile.inputs).flatMap((i) =>
      i.imports.filter((im) => im.external === true).map((im) => im.path),
    );
    expect(external.filter((p) => p !== "<runtime>")).toEqual([]);
    // What needs Node stays out: the file readers and writers, the worker-thread pool (the
    // Web Worker pool and the worker's code are in: webWorkerPool.ts, simulationWorker.ts).
    for (const nodeOnly of [
      "src/io/loadFile.ts",
      "src/io/writeAssessmentFiles.ts",
      "src/io/internal/fileBytes.ts",
      "src/simulation/internal/workerThreadPool.ts",
    ])
      expect(inputs.some((p) => p.endsWith(nodeOnly))).toBe(false);
    expect(inputs.some((p) => p.endsWith("src/index.ts"))).toBe(true);
    for (const file of Object.keys(metafile.outputs).filter((f) => f.endsWith(".js"))) {
      const code = readFileSync(join(ROOT, file), "utf8");
      expect(BUILT_IN_IMPORT.exec(code)?.[0], file).toBeUndefined();
      // The one mention of a built-in: Node's module API asked of the runtime (lazyModule.ts),
      // only where `process.getBuiltinModule` exists.
      for (const m of code.matchAll(/["']node:[a-z_/]+["']/g))
        expect(code.slice(Math.max(0, (m.index ?? 0) - 40), m.index), file).toMatch(
          /getBuiltinModule\?\.\($/,
        );
    }
  });

  it("runs where there is no Node and gives what Node gives", async () => {
    const file = join(out, "app.iife.js");
    const r = esbuild([
      "--format=iife",
      "--global-name=app",
      `--outfile=${file}`,
      "--log-override:empty-import-meta=silent",
    ]);
    expect(r.status).toBe(0);
    // A browser's globals, not Node's: no process, require, Buffer or setImmediate.
    const context = vm.createContext({
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      MessageChannel,
      TextDecoder,
      TextEncoder,
      URL,
      DOMException,
      AbortController,
      AbortSignal,
      structuredClone,
      performance,
    });
    vm.runInContext(readFileSync(file, "utf8"), context);
    expect(vm.runInContext("typeof process + typeof require + typeof setImmediate", context)).toBe(
      "undefinedundefinedundefined",
    );
    const inBrowser = await (vm.runInContext("app.runApp()", context) as Promise<unknown>);
    const inNode = await runApp();
    expect(JSON.stringify(inBrowser)).toBe(JSON.stringify(inNode));
    // Not empty: 4,096 simulated paths give probabilities, the fit its projection.
    expect((inNode as { projected: number[] }).projected).toHaveLength(2);
  });

  it("takes only what an import needs (sideEffects: false): fitModel alone leaves the rest out", () => {
    const entry = join(out, "fit.ts");
    writeFileSync(entry, 'export { fitModel } from "regionsim";\n');
    const meta = join(out, "fit-meta.json");
    const r = esbuild(
      ["--format=esm", "--splitting", `--outdir=${join(out, "fit")}`, `--metafile=${meta}`],
      entry,
    );
    expect(r.status).toBe(0);
    const metafile = JSON.parse(readFileSync(meta, "utf8")) as Metafile;
    const output = Object.values(
      metafile.outputs as Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>,
    ).find((o) => o.entryPoint !== undefined);
    const inputs = Object.keys(output?.inputs ?? {});
    expect(inputs.some((p) => p.includes("src/models/fitModel.ts"))).toBe(true);
    const folders = new Set(
      inputs.flatMap((p) => {
        const m = /src\/([a-z]+)\//.exec(p);
        return m === null ? [] : [m[1]];
      }),
    );
    // fitModel needs the models, their schemas and the helpers; not the rest of the library.
    for (const folder of [
      "packs",
      "report",
      "simulation",
      "analysis",
      "assessment",
      "io",
      "targets",
      "scenarios",
    ])
      expect(folders.has(folder), folder).toBe(false);
    expect(
      inputs.some((p) => /node_modules\/(exceljs|mathjs|vega|vega-lite|ml-regression)\//.test(p)),
    ).toBe(false);
  });
});
