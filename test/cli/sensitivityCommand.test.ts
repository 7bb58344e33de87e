import { describe, expect, it } from "vitest";
import { run } from "./runCliHarness.js";

const QUJING = { packs: "built-in" as const };

describe("regionsim sensitivity", () => {
  it("prints the tornado of the Qujing central city's GDP share, largest swing first", async () => {
    const r = await run(
      [
        "sensitivity",
        "--pack",
        "qujing",
        "--scenario",
        "trend",
        "--target",
        "central-city-gdp-share",
        "--method",
        "oat",
      ],
      QUJING,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Sensitivity of the gap of central-city-gdp-share (projected − target, %) under trend",
    );
    expect(lines[2]).toBe("One at a time (others at the growth the scenario implies): 11 runs");
    expect(lines[4]).toMatch(/^parameter\s+range\s+gap at min\s+gap at max\s+swing$/);
    expect(lines[5]).toMatch(/^growth:central-city:gdp\s/);
    expect(lines[6]).toMatch(/^growth:city:gdp\s/);
  });

  it("prints JSON with --json, the same for the same seed", async () => {
    const argv = [
      "sensitivity",
      "--pack",
      "qujing",
      "--scenario",
      "downside",
      "--target",
      "gdp-2035-double",
      "--method",
      "morris",
      "--samples",
      "3",
      "--seed",
      "5",
      "--json",
    ];
    const a = await run(argv, QUJING);
    expect(a.code).toBe(0);
    const parsed = JSON.parse(a.stdout);
    expect(parsed.method).toBe("morris");
    expect(parsed.result.trajectories).toBe(3);
    expect(parsed.parameters.map((p: { name: string }) => p.name)).toEqual([
      "growth:city:gdp",
      "shock:city:gdp",
    ]);
    expect((await run(argv, QUJING)).stdout).toBe(a.stdout);
  });

  it("refuses an unknown target or method, a sample size that is not a power of 2, and a target without a gap", async () => {
    const base = ["sensitivity", "--pack", "qujing", "--scenario", "trend"];
    const unknown = await run([...base, "--target", "gdp-2035"], QUJING);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'regionsim: unknown target "gdp-2035"; did you mean "gdp-2035-double"?',
    );
    const method = await run([...base, "--target", "gdp-2035-double", "--method", "sobl"], QUJING);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain(
      '--method must be one of oat, morris, sobol; did you mean "sobol"? (got "sobl")',
    );
    const samples = await run([...base, "--target", "gdp-2035-double", "--samples", "100"], QUJING);
    expect(samples.code).toBe(2);
    expect(samples.stderr).toContain("--samples must be a power of 2 for --method sobol");
    const noGap = await run([...base, "--target", "gdp-rank-top70"], QUJING);
    expect(noGap.code).toBe(1);
    expect(noGap.stderr).toBe(
      'regionsim: gdp-rank-top70 has no gap under "trend" (insufficient data; see its row in the assessment)\n',
    );
    const missing = await run(["sensitivity", "--pack", "qujing"], QUJING);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("regionsim: missing --scenario");
  });
});
