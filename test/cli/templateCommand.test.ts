// regionsim template: writes the fill-in workbook of what the assessment lacks, from a built-in
// pack or a pack file; bad usage exits 2 and bad output paths exit 1, each with one clear line.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateCommand } from "../../src/cli/templateCommand.js";
import { assessPack, qujingPack } from "../../src/index.js";
import { type Run, run } from "./runCliHarness.js";

let dir = "";
/** Runs the CLI on the built-in packs from the temporary folder. */
const inDir = (argv: string[]) => run(argv, { packs: "built-in", cwd: dir });

async function sheetNamesOf(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook.worksheets.map((w) => w.name);
}

/** A one-line message on stderr, no stack trace. */
function expectOneLine(r: Run, code: number, message: string): void {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n")[0]).toBe(`regionsim: ${message}`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const indicators = [...new Set(assessPack(qujingPack, "trend").readiness.map((n) => n.indicator))];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-template-"));
  await writeFile(join(dir, "qujing.json"), JSON.stringify(qujingPack));
  await mkdir(join(dir, "folder.xlsx"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("regionsim template", () => {
  it("writes needs.xlsx for Qujing's trend scenario and lists its sheets", async () => {
    const r = await inDir([
      "template",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--out",
      "needs.xlsx",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("wrote needs.xlsx\n");
    expect(await sheetNamesOf(join(dir, "needs.xlsx"))).toEqual(["README", ...indicators]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      // 26 of the 30 targets: urbanization-resident is judged with the county panel's summary.
      `needs.xlsx: ${indicators.length} sheets to fill for 26 insufficient-data targets of qujing ` +
        "under trend; then: regionsim assess --pack qujing --scenario trend --data needs.xlsx",
    );
    expect(lines).toHaveLength(1 + indicators.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}urbanization_hukou_pct +city \(at least 2 of 2015–2024\) → urbanization-hukou$/,
      ),
    );
  });

  it("takes a pack file and names it so in the README's command", async () => {
    const r = await inDir([
      "template",
      "--pack",
      "qujing.json",
      "--scenario",
      "plan",
      "--out",
      "plan-needs.xlsx",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "then: regionsim assess --pack qujing.json --scenario plan --data plan-needs.xlsx",
    );
    const planIndicators = new Set(
      assessPack(qujingPack, "plan").readiness.map((n) => n.indicator),
    );
    expect(await sheetNamesOf(join(dir, "plan-needs.xlsx"))).toEqual(["README", ...planIndicators]);
  });

  it("names the file as typed in the command that reads it back, folder included", async () => {
    await mkdir(join(dir, "w"), { recursive: true });
    const r = await inDir([
      "template",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--out",
      "w/needs.xlsx",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "then: regionsim assess --pack qujing --scenario trend --data w/needs.xlsx",
    );
  });

  it("replaces a file of the same name", async () => {
    await writeFile(join(dir, "old.xlsx"), "not a workbook");
    const r = await inDir([
      "template",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--out",
      "old.xlsx",
    ]);
    expect(r.code).toBe(0);
    expect((await sheetNamesOf(join(dir, "old.xlsx")))[0]).toBe("README");
  });

  it("prints its usage for --help", async () => {
    const r = await inDir(["template", "--help"]);
    expect(r).toEqual({ code: 0, stdout: `${templateCommand.usage}\n`, stderr: "" });
  });
});

describe("regionsim template with bad usage (exit 2)", () => {
  const base = ["template", "--pack", "qujing", "--scenario", "trend"];

  it("an unknown pack", async () => {
    expectOneLine(
      await inDir(["template", "--pack", "qujng", "--scenario", "trend", "--out", "x.xlsx"]),
      2,
      'unknown pack "qujng" (known: qujing; or give a pack .json file)',
    );
  });

  it("an unknown scenario, with the nearest one", async () => {
    expectOneLine(
      await inDir(["template", "--pack", "qujing", "--scenario", "trnd", "--out", "x.xlsx"]),
      2,
      'unknown scenario "trnd"; did you mean "trend"? (pack qujing has: trend, plan, downside)',
    );
  });

  it("--out missing, or not an .xlsx file", async () => {
    expectOneLine(await inDir(base), 2, "missing --out (the .xlsx file to write)");
    expectOneLine(
      await inDir([...base, "--out", "needs.csv"]),
      2,
      '--out must name an .xlsx file (got "needs.csv")',
    );
  });

  it("--pack or --scenario missing, or an extra argument", async () => {
    expectOneLine(
      await inDir(["template", "--scenario", "trend", "--out", "x.xlsx"]),
      2,
      "missing --pack",
    );
    expectOneLine(
      await inDir(["template", "--pack", "qujing", "--out", "x.xlsx"]),
      2,
      "missing --scenario",
    );
    expectOneLine(
      await inDir([...base, "--out", "x.xlsx", "extra"]),
      2,
      'unexpected argument "extra"',
    );
  });
});

describe("regionsim template with an --out it cannot write (exit 1)", () => {
  const base = ["template", "--pack", "qujing", "--scenario", "trend"];

  it("a folder that does not exist", async () => {
    expectOneLine(
      await inDir([...base, "--out", "nodir/needs.xlsx"]),
      1,
      "cannot write nodir/needs.xlsx: the folder nodir does not exist",
    );
  });

  it("a folder in the file's place", async () => {
    expectOneLine(
      await inDir([...base, "--out", "folder.xlsx"]),
      1,
      "cannot write folder.xlsx: it is a folder",
    );
  });

  it("a pack file that is not a pack", async () => {
    await writeFile(join(dir, "broken.json"), "{");
    const r = await inDir([
      "template",
      "--pack",
      "broken.json",
      "--scenario",
      "trend",
      "--out",
      "x.xlsx",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^regionsim: broken\.json is not a valid region pack/m);
  });
});
