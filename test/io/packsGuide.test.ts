// docs/packs.md is true: its minimal pack is valid and assesses as the guide says, and the error
// output it shows is what validate prints for that pack with a misspelt target scope.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessPack, readPackJson } from "../../src/index.js";
import { run } from "../cli/runCliHarness.js";

const GUIDE = readFileSync(new URL("../../docs/packs.md", import.meta.url), "utf8");
/** The fenced blocks of the guide in a language, in order. */
const blocks = (lang: string) =>
  [...GUIDE.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((m) => m[1] ?? "");
const PACK = blocks("json")[0] ?? "";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-guide-"));
  await writeFile(join(dir, "demo.json"), PACK);
  await writeFile(join(dir, "pack.json"), PACK.replace('"scope": "city"', '"scope": "ctiy"'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("docs/packs.md", () => {
  it("has a minimal pack that reads without any issue and assesses as the guide says", () => {
    const read = readPackJson(PACK, { file: "demo.json" });
    expect(read.issues).toEqual([]);
    if (!read.ok) throw new Error("the guide's pack is not valid");
    const row = assessPack(read.value, "steady").rows[0];
    // 106 × 1.06^4 = 133.823… (1.06^4 = 1.26247696), above the target of 130.
    expect(row?.projected).toBeCloseTo(106 * 1.06 ** 4, 6);
    expect(row?.status).toBe("on-track");
  });

  it("shows the output validate prints for that pack with a misspelt scope", async () => {
    const r = await run(["validate", "pack.json"], { packs: "built-in", cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.replaceAll("pack.json", "demo.json")).toBe(blocks("text")[0]);
  });

  it("runs the minimal pack with --pack", async () => {
    const r = await run(["assess", "--pack", "demo.json", "--scenario", "steady", "--json"], {
      packs: "built-in",
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows[0].status).toBe("on-track");
  });
});
