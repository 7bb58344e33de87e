// regionsim solve: prints the solution of a target (or its JSON), writes the solved scenario that
// regionsim assess reads back; bad usage exits 2, a target it cannot solve exits 1.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solveTarget } from "../../src/analysis/solveTarget.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { builtIn, type Run, run } from "./runCliHarness.js";

const USAGE_LINE =
  "Usage: regionsim solve --pack <id> --scenario <name|file.json> --target <id> [options]\n" +
  'Run "regionsim solve --help" for more.\n';

const SOLVE = ["solve", "--pack", "synthetic", "--scenario", "steady"];

let dir = "";
const inDir = (argv: string[]) => run(argv, { cwd: dir });

/** A usage error: exit 2, nothing on stdout, the message then the usage's first line. */
function expectUsage(r: Run, message: string): void {
  expect(r).toEqual({ code: 2, stdout: "", stderr: `regionsim: ${message}\n${USAGE_LINE}` });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-solve-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("regionsim solve", () => {
  it("prints each place's required growth and the check, as solveTarget gives them", async () => {
    const r = await run([...SOLVE, "--target", "gdp-level", "--rule", "same-uplift"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const s = await solveTarget(syntheticPack(), "steady", "gdp-level", { rule: "same-uplift" });
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("测试市 Synthetic City · gdp-level");
    expect(lines[1]).toBe(
      "Solved from scenario steady: the projection just meets the target (rule same-uplift)",
    );
    expect(r.stdout).toContain("Target: gdp-level · all gdp ≥ 250 100M yuan in 2025 (level)");
    const east = lines.find((l) => l.startsWith("east "));
    expect(east?.split(/\s{2,}/).slice(0, 5)).toEqual([
      "east",
      "2023",
      `${(100 * (s.places[0]?.rate as number)).toFixed(2)}%`,
      "10.00%",
      `+${(100 * (s.places[0]?.uplift as number)).toFixed(2)}`,
    ]);
    expect(r.stdout).toMatch(
      /Check: assessed under the solved scenario, gdp-level projects 250\.\d 100M yuan \(target ≥ 250 100M yuan\): \+0\.\d\d% on the target's level, met\./,
    );
  });

  it("--json prints the solution; --write-scenario writes a scenario assess reproduces", async () => {
    const r = await inDir([
      ...SOLVE,
      "--target",
      "gdp-level",
      "--json",
      "--write-scenario",
      "solved.json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("wrote solved.json\n");
    const solution = JSON.parse(r.stdout);
    expect(solution).toMatchObject({ targetId: "gdp-level", lever: "places", rule: "same-growth" });
    const written = JSON.parse(await readFile(join(dir, "solved.json"), "utf8"));
    expect(written).toEqual(solution.scenario);
    const assessed = await inDir([
      "assess",
      "--pack",
      "synthetic",
      "--scenario",
      join(dir, "solved.json"),
      "--json",
    ]);
    expect(assessed.code).toBe(0);
    const row = JSON.parse(assessed.stdout).rows.find(
      (x: { targetId: string }) => x.targetId === "gdp-level",
    );
    expect(row.met).toBe(true);
    expect(row.projected).toBeCloseTo(solution.check.projected, 9);
  });

  it("--probability prints the simulated probability at the solution with its standard error", async () => {
    const r = await run([
      ...SOLVE,
      "--target",
      "gdp-level",
      "--probability",
      "0.8",
      "--paths",
      "2000",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Solved from scenario steady: the probability of attainment is 0.8");
    // At least 0.8 and within max(0.002, 2/2000) above it; √(0.8 · 0.2 / 2000) = 0.0089.
    expect(r.stdout).toMatch(
      /\nProbability: 0\.80[0-2] ± 0\.009 \(standard error; 2,000 paths, seed 1\)\.\n/,
    );
  }, 60_000);

  it("solves Qujing's 2035 doubling: the city's real growth, its places at current prices", async () => {
    const r = await builtIn([
      "solve",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--target",
      "gdp-2035-double",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Target: gdp-2035-double · city gdp ≥ 5,918.7 100M yuan in 2035 (level, at constant prices)",
    );
    expect(r.stdout).toContain(
      "Places: gdp (nominal), growth a year from each place's latest observation to 2035",
    );
    expect(
      r.stdout
        .split("\n")
        .filter((l) =>
          /^(qilin|zhanyi|malong|xuanwei|huize|luliang|shizong|luoping|fuyuan) /.test(l),
        ),
    ).toHaveLength(9);
  }, 60_000);

  it("an unknown target is bad usage naming the nearest; a count target is bad input", async () => {
    expectUsage(
      await run([...SOLVE, "--target", "gdp-levl"]),
      'unknown target "gdp-levl" of pack synthetic; did you mean "gdp-level"?',
    );
    const count = await run([...SOLVE, "--target", "labs"]);
    expect(count.code).toBe(1);
    expect(count.stdout).toBe("");
    expect(count.stderr).toMatch(
      /^regionsim: cannot solve: labs is a count target, and a count adds up/,
    );
  });

  it("refuses a missing target, a bad rule or probability, and simulation options without --probability", async () => {
    expectUsage(await run(SOLVE), "missing --target");
    expectUsage(
      await run([...SOLVE, "--target", "gdp-level", "--rule", "same"]),
      '--rule must be same-growth, same-uplift, gap-share (got "same")',
    );
    expectUsage(
      await run([...SOLVE, "--target", "gdp-level", "--probability", "80"]),
      '--probability must be a number strictly between 0 and 1, e.g. 0.8 (got "80")',
    );
    expectUsage(
      await run([...SOLVE, "--target", "gdp-level", "--paths", "1000"]),
      "--paths needs --probability",
    );
    expectUsage(
      await run([...SOLVE, "--target", "east-share", "--probability", "0.8"]),
      '--probability does not apply to east-share, an "about" target: the probability of landing within its band rises and then falls with growth',
    );
  });
});
