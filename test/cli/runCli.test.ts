import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { CliIo } from "../../src/cli/cliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import type { RegionPack } from "../../src/schemas/regionPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/cli/", import.meta.url));
const PACKAGE = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process from the CLI fixtures folder, on the synthetic pack unless `packs` says
 * otherwise (`"built-in"`: the packs shipped with the library).
 */
async function run(
  argv: string[],
  options: Partial<Omit<CliIo, "packs">> & { packs?: readonly RegionPack[] | "built-in" } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const { packs = [syntheticPack()], ...io } = options;
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: FIXTURES,
    env: {},
    ...(packs === "built-in" ? {} : { packs }),
    ...io,
  });
  return { code, stdout, stderr };
}

const ASSESS = ["assess", "--pack", "synthetic", "--scenario", "steady"];

describe("regionsim --help and --version", () => {
  it("prints the version from package.json", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: "" });
    expect((await run(["-v"])).stdout).toBe(`${PACKAGE.version}\n`);
  });

  it("prints the usage on stdout and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: regionsim <command> \[options\]/);
    for (const command of ["assess", "validate", "schema"])
      expect(r.stdout).toContain(`  ${command} `);
    expect(r.stderr).toBe("");
  });

  it("prints the help of each command", async () => {
    expect((await run(["assess", "--help"])).stdout).toMatch(/^Usage: regionsim assess --pack/);
    expect((await run(["validate", "-h"])).stdout).toMatch(/^Usage: regionsim validate <file>/);
    expect((await run(["help", "schema"])).stdout).toMatch(/^Usage: regionsim schema </);
  });
});

describe("bad usage exits 2 with a message and a short usage on stderr", () => {
  const cases: [string, string[], string][] = [
    ["no command", [], "regionsim: missing command"],
    ["an unknown command", ["frobnicate"], 'regionsim: unknown command "frobnicate"'],
    ["an unknown global option", ["--frob"], 'regionsim: unknown option "--frob"'],
    ["an unknown option", [...ASSESS, "--frob"], 'regionsim: unknown option "--frob"'],
    ["a missing --pack", ["assess", "--scenario", "steady"], "regionsim: missing --pack"],
    ["a missing --scenario", ["assess", "--pack", "synthetic"], "regionsim: missing --scenario"],
    ["an option without its value", ["assess", "--pack"], "regionsim: option --pack needs a value"],
    [
      "a negative number given as a separate word",
      [...ASSESS, "--paths", "-5"],
      'regionsim: option --paths needs a value; one starting with "-" is written --paths=-…',
    ],
    [
      "a value for a flag",
      [...ASSESS, "--json=yes"],
      "regionsim: option --json does not take a value",
    ],
    [
      "an unknown pack",
      ["assess", "--pack", "nope", "--scenario", "steady"],
      'regionsim: unknown pack "nope" (known: synthetic)',
    ],
    [
      "an unknown scenario name",
      ["assess", "--pack", "synthetic", "--scenario", "boom"],
      'regionsim: unknown scenario "boom" (pack synthetic has: steady; or give a scenario .json file)',
    ],
    ["a stray argument", [...ASSESS, "extra"], 'regionsim: unexpected argument "extra"'],
    ["--paths not a number", [...ASSESS, "--paths", "many"], "--paths must be a whole number"],
    [
      "--paths zero",
      [...ASSESS, "--paths", "0"],
      "--paths must be a whole number from 1 to 100,000,000",
    ],
    [
      "--paths above the engine's limit",
      [...ASSESS, "--paths", "200000000"],
      '--paths must be a whole number from 1 to 100,000,000 (got "200000000")',
    ],
    [
      "--seed beyond a safe integer",
      [...ASSESS, "--paths", "10", "--seed", "99999999999999999999"],
      "--seed must be a whole number of at least 0, below 2^53",
    ],
    ["--seed without --paths", [...ASSESS, "--seed", "7"], "regionsim: --seed needs --paths"],
    ["--data of an unknown type", [...ASSESS, "--data", "x.txt"], "--data must be a .csv or .json"],
    ["validate without a file", ["validate"], "regionsim: missing the file to validate"],
    [
      "validate with a bad --kind",
      ["validate", "synthetic-2024.csv", "--kind", "csv"],
      "--kind must be observations, scenario or targets",
    ],
    ["schema without a name", ["schema"], "regionsim: missing the document name"],
    ["schema of an unknown document", ["schema", "places"], 'unknown document "places"'],
  ];
  for (const [what, argv, message] of cases) {
    it(`for ${what}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(message);
      expect(r.stderr).toMatch(
        /\nUsage: regionsim .*\nRun "regionsim (\w+ )?--help" for more\.\n$/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

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

describe("regionsim validate", () => {
  it("prints ok and exits 0 for a clean file", async () => {
    const r = await run(["validate", "synthetic-2024.csv"]);
    expect(r).toEqual({
      code: 0,
      stdout: "synthetic-2024.csv: observations (pack synthetic): ok\n",
      stderr: "",
    });
  });

  it("prints every error with its position on stdout and exits 1", async () => {
    const r = await run(["validate", "synthetic-bad.csv", "--pack", "synthetic"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^synthetic-bad\.csv:2:1: place: unknown place/);
    expect(lines[1]).toMatch(/^synthetic-bad\.csv:3:3: year: out of range/);
    expect(lines[2]).toBe("synthetic-bad.csv: observations (pack synthetic): 2 errors, 0 warnings");
  });

  it("prints warnings but exits 0 when there is no error", async () => {
    const r = await run(["validate", "synthetic-conflict.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("synthetic-conflict.csv:3: warning: conflicting sources");
    expect(r.stdout).toContain(
      "synthetic-conflict.csv: observations (pack synthetic): 0 errors, 1 warning",
    );
  });

  it("validates scenario files, detected or named with --kind", async () => {
    expect((await run(["validate", "synthetic-shock.json"])).stdout).toBe(
      "synthetic-shock.json: scenario (pack synthetic): ok\n",
    );
    const bad = await run(["validate", "synthetic-bad-scenario.json", "--kind", "scenario"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("synthetic-bad-scenario.json:2:9: id: invalid format");
  });

  it("checks that a scenario extends a scenario of the pack, as assess does", async () => {
    // "nonexistent" starts at line 5, column 14 of the fixture (counted in Python).
    expect(await run(["validate", "synthetic-extends-unknown.json"])).toEqual({
      code: 1,
      stdout:
        'synthetic-extends-unknown.json:5:14: extends: unknown scenario (expected a scenario of the pack: steady, got "nonexistent")\n' +
        "synthetic-extends-unknown.json: scenario (pack synthetic): 1 error, 0 warnings\n",
      stderr: "",
    });
  });

  it("names the kind of a JSON file with a syntax error from the keys before it, or says it is unknown", async () => {
    const dir = await mkdtemp(join(tmpdir(), "regionsim-validate-"));
    try {
      await writeFile(join(dir, "shock.json"), '{"id": "s", "extends": "steady", "shocks": [,]}');
      await writeFile(join(dir, "broken.json"), '[{"id": "s",}]');
      // Columns counted in Python: text.index("[,") + 2 = 45 (the comma); text.index(",}") + 2 = 13
      // (a trailing comma is reported at the brace it comes before).
      expect(await run(["validate", "shock.json"], { cwd: dir })).toEqual({
        code: 1,
        stdout:
          'shock.json:1:45: unexpected character ",", expected a value\n' +
          "shock.json: scenario (pack synthetic): 1 error, 0 warnings\n",
        stderr: "",
      });
      expect(await run(["validate", "broken.json"], { cwd: dir })).toEqual({
        code: 1,
        stdout:
          "broken.json:1:13: trailing comma before '}'\n" +
          "broken.json: kind unknown (pack synthetic): 1 error, 0 warnings\n",
        stderr: "",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 for a missing file", async () => {
    const r = await run(["validate", "no-such.csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("no-such.csv: file not found");
  });
});

describe("regionsim schema", () => {
  const samples: Record<string, { good: unknown; bad: unknown }> = {
    observations: {
      good: [
        {
          place: "east",
          indicator: "gdp",
          year: 2024,
          value: 1,
          unit: "100M yuan",
          source: "T",
          quality: "A",
        },
      ],
      bad: [
        {
          place: "east",
          indicator: "gdp",
          year: 2024,
          value: 1,
          unit: "100M yuan",
          source: "T",
          quality: "D",
        },
      ],
    },
    targets: {
      good: { targets: syntheticPack().targets },
      bad: { targets: [{ id: "x", kind: "level" }] },
    },
    scenario: {
      // defaults (models, shocks, …) may be left out of an input scenario
      good: { id: "s", nameEn: "S", description: "d", extends: "steady" },
      bad: { id: "s", nameEn: "S" },
    },
    assessment: { good: assessPack(syntheticPack(), "steady"), bad: { pack: "x" } },
  };

  for (const name of ["observations", "targets", "scenario", "assessment"]) {
    it(`prints a draft 2020-12 JSON Schema for ${name} that accepts a good document and rejects a bad one`, async () => {
      const r = await run(["schema", name]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const schema = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.title).toBe(`regionsim ${name}`);
      const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
      const sample = samples[name] as { good: unknown; bad: unknown };
      expect(validator.safeParse(sample.good).success).toBe(true);
      expect(validator.safeParse(sample.bad).success).toBe(false);
    });
  }
});

describe("internal errors", () => {
  // A pack that passes no schema: the runner fails inside, which is a bug, not bad input.
  const broken = { ...syntheticPack(), dataset: undefined } as unknown as RegionPack;

  it("exits 70 with a this-is-a-bug hint and no stack trace", async () => {
    const r = await run(ASSESS, { packs: [broken] });
    expect(r.code).toBe(70);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^regionsim: internal error: /);
    expect(r.stderr).toContain("This is a bug in regionsim");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 70 before printing or writing an assessment that does not match its schema", async () => {
    // A pack id with a capital and a space: the runner copies it into the assessment, which
    // --json would print as is and --out reported as a folder that "cannot be written to".
    const misnamed = { ...syntheticPack(), id: "Synthetic Pack" };
    const r = await run(
      ["assess", "--pack", "Synthetic Pack", "--scenario", "steady", "--json", "--out", "reports"],
      { packs: [misnamed] },
    );
    expect(r).toEqual({
      code: 70,
      stdout: "",
      stderr:
        "regionsim: internal error: assess: the assessment does not match AssessmentSchema " +
        "(pack: an id of lower-case letters, digits, '-' or '_')\n" +
        "This is a bug in regionsim; please report it with the command you ran " +
        "(set REGIONSIM_DEBUG=1 to print the stack trace).\n",
    });
    expect(existsSync(join(FIXTURES, "reports"))).toBe(false);
  });

  it("prints the stack trace when REGIONSIM_DEBUG=1", async () => {
    const r = await run(ASSESS, { packs: [broken], env: { REGIONSIM_DEBUG: "1" } });
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe("the built-in Qujing pack", () => {
  const builtIn = (argv: string[]) => run(argv, { packs: "built-in" });
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

  it("takes observations with Chinese headers and names from --data", async () => {
    const r = await builtIn([
      ...["assess", "--pack", "qujing", "--scenario", "trend", "--json"],
      ...["--data", "../good/observations-zh.csv"],
    ]);
    expect(r.code).toBe(0);
    expect(AssessmentSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });

  it("validates a good file (exit 0) and a bad one (exit 1), defaulting to the only pack", async () => {
    const good = await builtIn(["validate", "../good/observations-zh.csv"]);
    expect(good).toEqual({
      code: 0,
      stdout: "../good/observations-zh.csv: observations (pack qujing): ok\n",
      stderr: "",
    });
    const bad = await builtIn(["validate", "../bad/unknown-place.csv", "--pack", "qujing"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      "../bad/unknown-place.csv:2:1: place: unknown place; did you mean qilin",
    );
    expect(bad.stdout).toContain("observations (pack qujing): 2 errors, 0 warnings");
  });
});
