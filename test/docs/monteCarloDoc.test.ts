// The lead example of docs/monte-carlo.md runs as written (with the package name pointing at the
// sources), and its results have the shape the comments describe.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("docs/monte-carlo.md", () => {
  it("the lead example runs and gives a probability, first years met and fan quantiles", async () => {
    const doc = readFileSync(join(ROOT, "docs", "monte-carlo.md"), "utf8");
    const code = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const index = pathToFileURL(join(ROOT, "src", "index.ts")).href;
    const body = (code as string)
      .replace('from "regionsim"', `from ${JSON.stringify(index)}`)
      .replace(
        'onProgress: (p) => console.log(p.completedPaths, "/", p.totalPaths),',
        "onProgress: (p) => progress.push(p.completedPaths),",
      )
      .replace(/\nresult\.targets\[0\]\.probability;[\s\S]*$/, "\n");
    const dir = mkdtempSync(join(tmpdir(), "regionsim-doc-"));
    const file = join(dir, "example.mts");
    writeFileSync(file, `const progress: number[] = [];\n${body}\nexport { result, progress };\n`);
    const { result, progress } = (await import(pathToFileURL(file).href)) as {
      result: Awaited<ReturnType<typeof import("../../src/index.js").simulate>>;
      progress: number[];
    };
    expect(result.paths).toBe(100_000);
    const first = result.targets[0];
    expect(first?.probability).toBeGreaterThanOrEqual(0);
    expect(first?.probability).toBeLessThanOrEqual(1);
    expect(first?.firstYearMet.years.length).toBeGreaterThan(0);
    expect(result.series[0]?.quantiles[4]).toHaveLength(3);
    expect(progress[progress.length - 1]).toBe(100_000);
  });
});
