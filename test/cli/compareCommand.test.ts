// regionsim compare: the scenarios side by side, as a table, JSON, or a report in any format.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/analysis/compareScenarios.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { formatComparisonText } from "../../src/report/formatAssessmentText.js";
import { builtIn, run } from "./runCliHarness.js";

const USAGE_LINE =
  "Usage: regionsim compare --pack <id> --scenarios <a,b,…> [options]\n" +
  'Run "regionsim compare --help" for more.\n';

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-compare-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("regionsim compare", () => {
  it("prints the comparison of the judged targets, as compareScenarios gives it", async () => {
    const r = await builtIn(["compare", "--pack", "qujing", "--scenarios", "trend,plan,downside"]);
    expect(r.code).toBe(0);
    const c = await compareScenarios(qujingPack, ["trend", "plan", "downside"]);
    expect(r.stdout).toBe(formatComparisonText(c.assessments, "judged"));
    expect(r.stdout).toContain("gdp-2035-double");
    expect(r.stdout).not.toContain("trade-growth");
    expect(r.stdout).toMatch(/\d+ targets no scenario can judge \(insufficient-data\) not shown/);
  });

  it("prints JSON with the same seed for every scenario", async () => {
    const r = await builtIn([
      "compare",
      "--pack",
      "qujing",
      "--scenarios",
      "trend,plan",
      "--paths",
      "300",
      "--seed",
      "4",
      "--workers",
      "1",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scenarios).toEqual(["trend", "plan"]);
    for (const a of json.assessments) expect(a.simulation).toMatchObject({ paths: 300, seed: 4 });
    const gdp = json.rows.find((row: { targetId: string }) => row.targetId === "gdp-2035-double");
    expect(gdp.cells[1].probabilityChange).toBeCloseTo(
      gdp.cells[1].probability - gdp.cells[0].probability,
      15,
    );
  });

  it("writes the report of the scenarios in a format, the comparison first", async () => {
    const out = join(dir, "c.md");
    const r = await builtIn([
      "compare",
      "--pack",
      "qujing",
      "--scenarios",
      "trend,plan",
      "--format",
      "md",
      "--out",
      out,
      "--date",
      "2026-03-31",
    ]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: `wrote ${out}\n` });
    const md = await readFile(out, "utf8");
    expect(md.indexOf("## 情景比较 Scenarios compared")).toBeLessThan(
      md.indexOf("## qujing · trend"),
    );
    expect(md.trimEnd().split("\n").at(-1)).toMatch(/ · 2026-03-31$/);
    const folder = join(dir, "charts");
    const v = await builtIn([
      "compare",
      "--pack",
      "qujing",
      "--scenarios",
      "trend,plan",
      "--format",
      "vega-lite",
      "--out",
      folder,
    ]);
    expect(v.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(["compare-gaps.vl.json", "plan", "trend"]);
  });

  it("refuses fewer than two scenarios, a repeated one and options that do not go together", async () => {
    const usage = (message: string) => ({
      code: 2,
      stdout: "",
      stderr: `regionsim: ${message}\n${USAGE_LINE}`,
    });
    const q = ["compare", "--pack", "qujing"];
    expect(await builtIn([...q, "--scenarios", "trend"])).toEqual(
      usage('--scenarios needs two or more scenarios to compare (got "trend")'),
    );
    expect(await builtIn([...q, "--scenarios", "trend,trend"])).toEqual(
      usage('--scenarios names "trend" twice'),
    );
    expect(await builtIn([...q, "--scenarios", "trend,,plan"])).toEqual(
      usage('--scenarios has an empty name (got "trend,,plan")'),
    );
    expect(await builtIn([...q, "--scenarios", "trend,plan", "--out", "x.md"])).toEqual(
      usage("--out needs --format"),
    );
    expect(await builtIn([...q, "--scenarios", "trend,plan", "--seed", "2"])).toEqual(
      usage("--seed needs --paths"),
    );
    expect((await builtIn([...q, "--scenarios", "trend,plna"])).stderr.split("\n")[0]).toBe(
      'regionsim: unknown scenario "plna" (pack qujing has: trend, plan, downside; or give a scenario .json file)',
    );
    expect((await run(["compare", "--help"])).stdout).toContain("--scenarios <list>");
  });
});
