import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { assessPack } from "../../src/assessment/assessPack.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { ASSESS, builtIn, run } from "./runCliHarness.js";

describe("regionsim assess", () => {
  it("prints the table of every target and exits 0", async () => {
    const r = await run(ASSESS);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("测试市 Synthetic City · steady — Steady growth");
    for (const target of syntheticPack().targets)
      expect(lines.some((l) => l.startsWith(`${target.id} `))).toBe(true);
    expect(r.stdout).toContain("Data readiness");
  });

  it("prints with --json one JSON object that is the library's assessment", async () => {
    const r = await run([...ASSESS, "--json"]);
    expect(r.code).toBe(0);
    const parsed = AssessmentSchema.parse(JSON.parse(r.stdout));
    expect(parsed).toEqual(assessPack(syntheticPack(), "steady"));
  });

  it("prints JSON that validates against the published JSON Schema", async () => {
    const r = await run([...ASSESS, "--json"]);
    const schema = JSON.parse((await run(["schema", "assessment"])).stdout) as Record<
      string,
      unknown
    >;
    const fromJsonSchema = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    expect(fromJsonSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });

  it("adds observations from --data (CSV), which move the data year on", async () => {
    const before = AssessmentSchema.parse(JSON.parse((await run([...ASSESS, "--json"])).stdout));
    const r = await run([...ASSESS, "--json", "--data", "synthetic-2024.csv"]);
    expect(r.code).toBe(0);
    const after = AssessmentSchema.parse(JSON.parse(r.stdout));
    expect(before.asOf).toBe(2023);
    expect(after.asOf).toBe(2024);
  });

  it("exits 1 and lists the issues when --data has errors", async () => {
    const r = await run([...ASSESS, "--data", "synthetic-bad.csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("synthetic-bad.csv:2:1: place: unknown place; did you mean");
    expect(r.stderr).toContain("synthetic-bad.csv:3:3: year: out of range");
    expect(r.stderr).toMatch(/regionsim: synthetic-bad\.csv has 2 errors; nothing was assessed\n$/);
    expect(r.stderr).not.toContain("Usage:");
  });

  it("exits 1 with a one-line message when a file is missing", async () => {
    const r = await run([...ASSESS, "--data", "no-such.csv"]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: "regionsim: no-such.csv: file not found\n" });
  });

  it("runs a scenario file that extends a named scenario", async () => {
    const r = await run([
      "assess",
      "--pack",
      "synthetic",
      "--scenario",
      "synthetic-shock.json",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const shocked = AssessmentSchema.parse(JSON.parse(r.stdout));
    const steady = assessPack(syntheticPack(), "steady");
    expect(shocked.scenario).toBe("steady-shock");
    const level = (a: typeof steady) =>
      a.rows.find((row) => row.targetId === "gdp-level")?.projected;
    // East's GDP 10% lower from 2024 lowers the city's projected GDP.
    expect(level(shocked)).toBeLessThan(level(steady) as number);
  });

  it("shows the scenario's Chinese name in the title", async () => {
    const r = await run(["assess", "--pack", "synthetic", "--scenario", "synthetic-shock.json"]);
    expect(r.stdout.split("\n")[0]).toBe(
      "测试市 Synthetic City · steady-shock — Steady growth with a 2024 setback 稳定增长（2024年受冲击）",
    );
  });

  it("exits 1 for a scenario file with errors, listing them", async () => {
    const r = await run([
      "assess",
      "--pack",
      "synthetic",
      "--scenario",
      "synthetic-bad-scenario.json",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("synthetic-bad-scenario.json:2:9: id: invalid format");
    expect(r.stderr).toContain("models[0].scope: unknown place");
    expect(r.stderr).toContain(
      "regionsim: synthetic-bad-scenario.json has 2 errors; nothing was assessed",
    );
  });

  it("exits 1 for a scenario file that extends an unknown scenario", async () => {
    const r = await run([
      "assess",
      "--pack",
      "synthetic",
      "--scenario",
      "synthetic-extends-unknown.json",
    ]);
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'regionsim: synthetic-extends-unknown.json: extends: unknown scenario "nonexistent" (pack synthetic has: steady)\n',
    });
  });

  describe("--out", () => {
    let dir = "";
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "regionsim-cli-"));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("writes the Markdown, JSON and CSV reports and says so on stderr", async () => {
      const r = await run([...ASSESS, "--out", "reports"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        "wrote reports/synthetic-steady.md\nwrote reports/synthetic-steady.json\nwrote reports/synthetic-steady.csv\n",
      );
      const json = JSON.parse(
        await readFile(join(dir, "reports", "synthetic-steady.json"), "utf8"),
      );
      expect(AssessmentSchema.safeParse(json).success).toBe(true);
      expect(await readFile(join(dir, "reports", "synthetic-steady.md"), "utf8")).toMatch(
        /^# 测试市 Synthetic City · steady — Steady growth\n/,
      );
      expect(existsSync(join(dir, "reports", "synthetic-steady.csv"))).toBe(true);
    });

    it("refuses an empty --out as bad usage (it wrote into the working folder and said /<file>)", async () => {
      const r = await run([...ASSESS, "--out", ""], { cwd: dir });
      expect(r).toEqual({
        code: 2,
        stdout: "",
        stderr:
          'regionsim: --out must name a folder (got "")\n' +
          "Usage: regionsim assess --pack <id> --scenario <name|file.json> [options]\n" +
          'Run "regionsim assess --help" for more.\n',
      });
      expect(await readdir(dir)).toEqual([]);
    });

    it("exits 1 when the folder cannot be created, naming it as typed", async () => {
      // A file where the folder should be. The system's message named the absolute path.
      const r = await run([...ASSESS, "--out", "synthetic-2024.csv/reports"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^regionsim: cannot write to synthetic-2024\.csv\/reports: (ENOTDIR: not a directory|EEXIST: file already exists), mkdir 'synthetic-2024\.csv\/reports'\n$/,
      );
    });
  });

  it("simulates with --paths, and the rows carry probabilities", async () => {
    const r = await run([...ASSESS, "--paths", "200", "--seed", "3", "--json"]);
    expect(r.code).toBe(0);
    const a = AssessmentSchema.parse(JSON.parse(r.stdout));
    expect(a.rows.some((row) => row.probability !== null)).toBe(true);
  });
});

describe("regionsim assess on the built-in Qujing pack", () => {
  const qujing = async () => (await import("../../src/packs/index.js")).getPack("qujing");

  for (const scenario of ["trend", "plan", "downside"]) {
    it(`assesses every target under "${scenario}" as JSON that parses with AssessmentSchema`, async () => {
      const r = await builtIn(["assess", "--pack", "qujing", "--scenario", scenario, "--json"]);
      expect(r.code).toBe(0);
      const a = AssessmentSchema.parse(JSON.parse(r.stdout));
      expect(a.pack).toBe("qujing");
      expect(a.scenario).toBe(scenario);
      expect(a.rows.map((row) => row.targetId)).toEqual((await qujing()).targets.map((t) => t.id));
    });
  }

  it("prints the table with Chinese and English names", async () => {
    const r = await builtIn(["assess", "--pack", "qujing", "--scenario", "trend"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^曲靖市 Qujing · trend — /);
    expect(r.stdout).toMatch(/\nurbanization-resident +2025 +≥ 60%/);
    expect(r.stdout).toContain("常住人口城镇化率");
  });

  it("takes a GBK CSV with Chinese headers and names from --data, saying how it was read", async () => {
    // gbk-observations-zh.csv is observations-zh.csv saved as GB18030 (iconv -t gb18030).
    const assess = (file: string) =>
      builtIn([
        ...["assess", "--pack", "qujing", "--scenario", "trend", "--json"],
        ...["--data", `../good/${file}`],
      ]);
    const gbk = await assess("gbk-observations-zh.csv");
    const utf8 = await assess("observations-zh.csv");
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toBe(utf8.stdout);
    expect(gbk.stderr).toContain(
      "../good/gbk-observations-zh.csv: warning: not UTF-8: read as GB18030 (GBK)",
    );
  });

  it("takes observations with Chinese headers and names from --data", async () => {
    const r = await builtIn([
      ...["assess", "--pack", "qujing", "--scenario", "trend", "--json"],
      ...["--data", "../good/observations-zh.csv"],
    ]);
    expect(r.code).toBe(0);
    expect(AssessmentSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });
});
