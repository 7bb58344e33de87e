#!/usr/bin/env node
// Builds the example dashboard into out/web/index.html: dashboard.ts bundled for browsers by
// esbuild into one classic script, written into the page, so that the page is one file that
// opens from a file:// URL too (where module scripts and other files are refused). "regionsim" resolves to the sources' browser-safe main entry
// (src/index.ts; an app would get the package's `browser` entry). Usage: node examples/web/build.mjs [outdir]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const outdir = resolve(process.argv[2] ?? join(root, "out", "web"));
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: [join(here, "dashboard.ts")],
  bundle: true,
  platform: "browser",
  format: "iife",
  minify: true,
  target: "es2022",
  write: false,
  alias: { regionsim: join(root, "src", "index.ts") },
  // import.meta.url is read only where the runtime is Node (environmentPool.ts).
  logOverride: { "empty-import-meta": "silent" },
});
const script = result.outputFiles[0].text.replaceAll("</script", "<\\/script");
const page = readFileSync(join(here, "index.html"), "utf8");
const tag = '<script src="dashboard.js"></script>';
if (!page.includes(tag)) throw new Error(`examples/web/index.html has no ${tag}`);
// A function as replacement, so that "$&" and the like in the script stay as they are.
writeFileSync(
  join(outdir, "index.html"),
  page.replace(tag, () => `<script>${script}</script>`),
);
const gzipped = gzipSync(script).length;
console.log(
  `examples/web: built ${join(outdir, "index.html")} (script ${(script.length / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(0)} KB gzipped)`,
);
