import { describe, expect, it } from "vitest";
import { convergence } from "../../src/analysis/convergence.js";
import { disparityCommand } from "../../src/cli/disparityCommand.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { builtIn, run } from "./runCliHarness.js";

const QUJING = ["disparity", "--pack", "qujing", "--scenario", "trend"];

describe("regionsim disparity", () => {
  it("prints the σ table by year with n/N, segments and break marks, the trends and the β table", async () => {
    const r = await builtIn(QUJING);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Convergence of gdp_per_capita (yuan) across the places of qujing, scenario trend, through 2025",
    );
    // 2018: CV 0.560, W-CV 0.627, T 0.1556 = 0.1175 + 0.0381 (hand computation in
    // test/analysis/theilDecomposition.test.ts).
    expect(lines).toContain("2018  observed   9/9    3  0.560  0.627  0.1556   0.1175  0.0381");
    expect(lines.find((l) => l.startsWith("2000 "))).toMatch(/^2000 {2}observed {3}7\/9 {4}1 {2}/);
    expect(lines.find((l) => l.startsWith("2019 "))).toMatch(/\| break$/);
    expect(lines.find((l) => l.startsWith("2020 "))).toMatch(/\| break$/);
    expect(lines.find((l) => l.startsWith("2025 "))).toMatch(/^2025 {2}projected {2}9\/9 {4}5 {2}/);
    expect(lines).toContain("  1  2000–2015: 7 of 9 places (no data: zhanyi, malong)");
    expect(r.stdout).toMatch(/seg 1 2000–2015 observed \(16 years\): CV −0\.0102\/yr/);
    // β on the seven places, 2000–2018: −0.00920 (closed form −0.0091983…), n = 7.
    expect(lines.find((l) => l.startsWith("unconditional"))).toMatch(
      /^unconditional {2}2000–2018 {2}7 {2}−0\.00920 {2}0\.00490 {2}−1\.88 {2}0\.119 {2}0\.413 {2}0\.0101 {4}68\.9 yr$/,
    );
    expect(r.stdout).not.toContain("conditional    ");
    expect(r.stdout).toContain("  - n = 7 places:");
  });

  it("--json prints the result of convergence, and --control adds the conditional regression", async () => {
    const r = await builtIn([...QUJING, "--json", "--control", "fixed_asset_investment/gdp"]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    const direct = convergence(qujingPack, "trend", {
      controls: [{ indicator: "fixed_asset_investment", per: "gdp" }],
    });
    expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(printed.beta.conditional.controls).toEqual(["fixed_asset_investment/gdp"]);
    const text = await builtIn([...QUJING, "--control", "fixed_asset_investment/gdp"]);
    expect(text.stdout).toMatch(/\nconditional {4}2000–2018 {2}7 {2}−0\.00928/);
    expect(text.stdout).toContain("  control fixed_asset_investment/gdp: 0.00429");
  });

  it("--window, --centre and --through reach convergence", async () => {
    const r = await builtIn([
      ...QUJING,
      "--json",
      "--window",
      "2000-2021",
      "--centre",
      "qilin",
      "--through",
      "2030",
    ]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed.beta.window).toMatchObject({ from: 2000, to: 2021, chosen: "given" });
    expect(printed.beta.window.crossesBreaks).toHaveLength(2);
    expect(printed.sigma.centre).toEqual({ id: "qilin", members: ["qilin"] });
    expect(printed.through).toBe(2030);
  });

  it("bad options are usage errors (exit 2) naming the option", async () => {
    const cases: [string[], string][] = [
      [
        ["--indicator", "gdp_percap"],
        "regionsim: --indicator must be an indicator places are compared on",
      ],
      [["--centre", "qiln"], 'did you mean "qilin"?'],
      [["--through", "2040"], "regionsim: --through must be an integer ≤ 2035 (got 2040)"],
      [
        ["--window", "2000"],
        'regionsim: --window must be two years from-to, the first before the second (got "2000")',
      ],
      [
        ["--window", "2000-2030"],
        "regionsim: --window must be two observed years of gdp_per_capita",
      ],
      [["--control", "fai"], "regionsim: --control must be an indicator of the pack"],
      [["--control", "a//b"], "regionsim: --control must list indicator ids"],
    ];
    for (const [extra, message] of cases) {
      const r = await builtIn([...QUJING, ...extra]);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr, extra.join(" ")).toContain(message);
      expect(r.stderr).toContain("Usage: regionsim disparity");
    }
    expect((await builtIn(["disparity", "--pack", "qujing"])).stderr).toContain(
      "missing --scenario",
    );
    expect((await run(["disparity", "--scenario", "steady"])).code).toBe(2);
  });

  it("a pack without a central-city group needs --centre", async () => {
    const r = await run(["disparity", "--pack", "synthetic", "--scenario", "steady"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "regionsim: --centre must be given: the pack has no group central-city (its groups and places: all, east, west)",
    );
    const ok = await run([
      "disparity",
      "--pack",
      "synthetic",
      "--scenario",
      "steady",
      "--centre",
      "east",
      "--indicator",
      "urbanization",
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("no window of observed years without a series break has 3 places");
  });

  it("--help prints the usage", async () => {
    const r = await run(["disparity", "--help"]);
    expect(r.stdout).toBe(`${disparityCommand.usage}\n`);
  });
});
