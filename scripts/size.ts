// The size budget of a browser build (issue #13, docs/dependencies.md "Bundle size"): bundles with
// esbuild, as an app's bundler would (platform browser, ES modules with code splitting, minified),
// (a) the example dashboard's imports (test/fixtures/browser-app/app.ts: assessPack, simulate,
// simulatePack, fitModel, renderReport), (b) the whole main entry and (c) `fitModel` alone, and
// prints for each what a page loads before it runs (the entry chunk and the chunks it imports
// statically), minified and gzipped, the largest packages in it, and the chunks loaded later by
// dynamic imports (mathjs, ml-regression, exceljs, vega).
//
//     npm run size                 # from the source (src/index.ts), and from dist/ when built
//     npm run size -- --dist       # from the built package only (run `npx tsup` first)
//     npm run size -- --check      # exit 1 when a budget is exceeded
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const distOnly = process.argv.includes("--dist");
const check = process.argv.includes("--check");

/** Budgets of issue #13, KB (1 KB = 1000 bytes) minified and gzipped, of what loads first. */
const BUDGETS: Readonly<Record<string, number>> = { app: 200, "fitModel alone": 60 };

const work = mkdtempSync(join(tmpdir(), "regionsim-size-"));
// With --dist, "regionsim" resolves as an installed package would (exports, `browser` condition).
mkdirSync(join(work, "node_modules"));
symlinkSync(ROOT, join(work, "node_modules", "regionsim"));
const app = join(work, "app.ts");
copyFileSync(join(ROOT, "test/fixtures/browser-app/app.ts"), app);
const entries: Readonly<Record<string, string>> = {
  app,
  "main entry": writeEntry("all.ts", 'export * from "regionsim";\n'),
  "fitModel alone": writeEntry("fit.ts", 'export { fitModel } from "regionsim";\n'),
};

function writeEntry(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const gz = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

/** The package (or src/ folder) an input of the bundle belongs to. */
function owner(input: string): string {
  const nm = input.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = input.slice(nm + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? input);
  }
  const src = input.indexOf("src/");
  if (src >= 0) return `regionsim ${input.slice(src).split("/").slice(0, 2).join("/")}`;
  if (input.startsWith("dist/")) return "regionsim (dist chunks)";
  return input.slice(input.lastIndexOf("/") + 1);
}

interface Measured {
  readonly eager: number;
  readonly eagerMin: number;
  readonly lazy: { file: string; gz: number; top: string }[];
  readonly top: [string, number][];
}

/** Outputs loaded with `entry` (static imports, transitively) and those loaded later. */
function measure(meta: Metafile, entryOut: string): Measured {
  const outputs = meta.outputs;
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const im of outputs[file]?.imports ?? [])
      if (im.kind === "import-statement") visit(im.path);
  };
  visit(entryOut);
  const byOwner = new Map<string, number>();
  let eagerMin = 0;
  let eagerGz = 0;
  for (const file of eager) {
    eagerMin += outputs[file]?.bytes ?? 0;
    eagerGz += gz(join(ROOT, file));
    for (const [input, info] of Object.entries(outputs[file]?.inputs ?? {}))
      byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + info.bytesInOutput);
  }
  // Chunks fetched later: reached by a dynamic import from what is loaded (a chunk emitted for a
  // dynamic import in code the bundler dropped is never fetched, so it is not counted).
  const later = new Set<string>();
  const reach = (file: string): void => {
    for (const im of outputs[file]?.imports ?? []) {
      if (eager.has(im.path) || later.has(im.path)) continue;
      later.add(im.path);
      reach(im.path);
    }
  };
  for (const file of eager) reach(file);
  const lazy = [...later]
    .filter((f) => f.endsWith(".js"))
    .map((file) => {
      const owners = new Map<string, number>();
      for (const [input, info] of Object.entries(outputs[file]?.inputs ?? {}))
        owners.set(owner(input), (owners.get(owner(input)) ?? 0) + info.bytesInOutput);
      const top =
        [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? file.slice(file.lastIndexOf("/") + 1);
      return { file: relative(work, join(ROOT, file)), gz: gz(join(ROOT, file)), top };
    })
    .filter((c) => c.gz > 200)
    .sort((a, b) => b.gz - a.gz);
  const top = [...byOwner]
    .filter(([, bytes]) => bytes >= 100)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return { eager: eagerGz, eagerMin, lazy, top };
}

let over = false;

/** Bundles every entry from the source or the built package and prints what it measures. */
async function report(fromDist: boolean): Promise<void> {
  console.log(
    `\n== From ${fromDist ? "the built package (dist/index.js, what an installed regionsim gives)" : "the source (src/index.ts, what dist/index.js is built from)"}`,
  );
  for (const [name, entry] of Object.entries(entries)) {
    const outdir = join(work, fromDist ? "dist" : "src", name.replace(/\W+/g, "-"));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "esm",
      splitting: true,
      minify: true,
      outdir,
      metafile: true,
      logLevel: "error",
      // The main entry as an app resolves it under the `browser` condition.
      ...(fromDist ? {} : { alias: { regionsim: join(ROOT, "src/index.ts") } }),
      absWorkingDir: ROOT,
    });
    const entryOut = Object.entries(result.metafile.outputs).find(
      ([, o]) => o.entryPoint !== undefined,
    )?.[0];
    if (entryOut === undefined) throw new Error(`size: no entry output for ${name}`);
    const m = measure(result.metafile, entryOut);
    const budget = BUDGETS[name];
    const within = budget === undefined || m.eager < budget * 1000;
    if (!within) over = true;
    const verdict =
      budget === undefined ? "" : ` (budget ${budget} KB: ${within ? "within" : "OVER"})`;
    console.log(
      `${name}: ${kb(m.eager)} gzipped, ${kb(m.eagerMin)} minified, loaded first${verdict}`,
    );
    console.log(`  minified, by package: ${m.top.map(([o, b]) => `${o} ${kb(b)}`).join(", ")}`);
    if (m.lazy.length > 0)
      console.log(
        `  loaded later (dynamic import), gzipped: ${m.lazy.map((c) => `${c.top} ${kb(c.gz)}`).join(", ")}`,
      );
  }
}

try {
  console.log(
    "Browser bundles by esbuild (platform browser, ES modules with splitting, minified); gzip level 9; 1 KB = 1000 bytes.",
  );
  if (!distOnly) await report(false);
  if (existsSync(join(ROOT, "dist/index.js"))) await report(true);
  else console.log("\n(no dist/: run `npx tsup` to measure the built package too)");
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (check && over) process.exit(1);
