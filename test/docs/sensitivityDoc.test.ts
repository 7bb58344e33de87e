// docs/sensitivity.md stays true: its lead example runs as written (with the package name
// pointing at the sources), and its validation tables are what scripts/sensitivity-validation.ts
// computes now.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  SENSITIVITY_DOC,
  sensitivityValidation,
  VALIDATION_BLOCK,
} from "../../scripts/sensitivity-validation.js";

const doc = readFileSync(SENSITIVITY_DOC, "utf8");

describe("docs/sensitivity.md", () => {
  it("the lead example runs and gives what its comments say", async () => {
    const code = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const index = pathToFileURL(join(SENSITIVITY_DOC, "..", "..", "src", "index.ts")).href;
    const body = (code as string).replace('from "regionsim"', `from ${JSON.stringify(index)}`);
    const dir = mkdtempSync(join(tmpdir(), "regionsim-doc-"));
    const file = join(dir, "example.mts");
    // The example is JavaScript as a reader would paste it; run it without type checks.
    writeFileSync(file, `// @ts-nocheck\n${body}\nexport { tornado, screening, sobol };\n`);
    const { tornado, screening, sobol } = await import(pathToFileURL(file).href);
    // growth moves the output by 3000 · (1.09⁵ − 1.03⁵) · 0.975 ≈ 1110, the shock by 5% of
    // 3000 · 1.06⁵ ≈ 201: growth first.
    expect(tornado.effects.map((e: { name: string }) => e.name)).toEqual(["growth", "shock"]);
    expect(screening.effects).toHaveLength(2);
    expect(Object.keys(sobol.indices[0]).sort()).toEqual(["name", "s1", "s1Conf", "st", "stConf"]);
  });

  it("shows the validation tables that the script computes now", async () => {
    const block = VALIDATION_BLOCK.exec(doc)?.[2];
    expect(block).toBe(await sensitivityValidation());
  });
});
