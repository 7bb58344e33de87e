#!/usr/bin/env node
// Runs every examples/*.ts with tsx, one after the other, from the repository root, then every
// examples/*.ipynb with scripts/run-notebook.ts (its code cells under Deno, its charts checked),
// and exits non-zero if any of them does. Usage: node scripts/run-examples.mjs [name-filter]
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const filter = process.argv[2] ?? "";
const examples = readdirSync(join(root, "examples"))
  .filter((name) => /\.(ts|ipynb)$/.test(name) && name.includes(filter))
  .sort(
    (a, b) => Number(a.endsWith(".ipynb")) - Number(b.endsWith(".ipynb")) || a.localeCompare(b),
  );

if (examples.length === 0) {
  console.error(`run-examples: no example in examples/ matches "${filter}"`);
  process.exit(1);
}

const failed = [];
for (const name of examples) {
  console.log(`\n=== examples/${name}`);
  const started = performance.now();
  const args = name.endsWith(".ipynb")
    ? [tsx, join("scripts", "run-notebook.ts"), join("examples", name)]
    : [tsx, join("examples", name)];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`=== examples/${name}: ok (${seconds} s)`);
  } else {
    const why = result.error?.message ?? result.signal ?? `exit code ${result.status}`;
    console.log(`=== examples/${name}: FAILED (${why})`);
    failed.push(name);
  }
}

console.log(`\n${examples.length - failed.length} of ${examples.length} examples passed.`);
if (failed.length > 0) {
  console.error(`run-examples: failed: ${failed.join(", ")}`);
  process.exit(1);
}
