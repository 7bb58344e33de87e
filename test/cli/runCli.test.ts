import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RegionPack } from "../../src/schemas/regionPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { ASSESS, FIXTURES, run } from "./runCliHarness.js";

const PACKAGE = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

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
      // The number is taken as the value, so that the option's check names what is wrong.
      'regionsim: --paths must be a whole number from 1 to 100,000,000 (got "-5")',
    ],
    [
      "a value for a flag",
      [...ASSESS, "--json=yes"],
      "regionsim: option --json does not take a value",
    ],
    [
      "an unknown pack",
      ["assess", "--pack", "nope", "--scenario", "steady"],
      'regionsim: unknown pack "nope" (known: synthetic; or give a pack .json file)',
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
    [
      "--data of an unknown type",
      [...ASSESS, "--data", "x.txt"],
      "--data must be a .csv, .json or .xlsx",
    ],
    ["validate without a file", ["validate"], "regionsim: missing the file to validate"],
    [
      "validate with a bad --kind",
      ["validate", "synthetic-2024.csv", "--kind", "csv"],
      "--kind must be observations, scenario, targets or pack",
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

  it("exits 70 before printing or writing an assessment of a pack that does not match its schema", async () => {
    // A pack id with a capital and a space: the runner would copy it into the assessment, which
    // --json would print as is and --out reported as a folder that "cannot be written to";
    // assessPack refuses the pack on entry.
    const misnamed = { ...syntheticPack(), id: "Synthetic Pack" };
    const r = await run(
      ["assess", "--pack", "Synthetic Pack", "--scenario", "steady", "--json", "--out", "reports"],
      { packs: [misnamed] },
    );
    expect(r).toEqual({
      code: 70,
      stdout: "",
      stderr:
        "regionsim: internal error: assessPack: pack must be a region pack " +
        "(pack.id: an id of lower-case letters, digits, '-' or '_')\n" +
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
