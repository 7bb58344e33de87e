import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("writes its chart with --chart, as a Vega-Lite spec or an SVG", async () => {
    const dir = await mkdtemp(join(tmpdir(), "regionsim-sensitivity-"));
    try {
      const base = ["sensitivity", "--pack", "qujing", "--scenario", "trend"];
      const args = [...base, "--target", "central-city-gdp-share", "--method", "oat"];
      const spec = join(dir, "t.vl.json");
      const r = await run([...args, "--chart", spec], QUJING);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`wrote ${spec}\n`);
      const json = JSON.parse(await readFile(spec, "utf8"));
      expect(json.title.text[0]).toBe("目标差距的敏感性（逐一变动）");
      expect(json.data.values.map((v: { name: string }) => v.name)).toEqual([
        "growth:central-city:gdp",
        "growth:city:gdp",
      ]);
      const svg = join(dir, "t.svg");
      expect((await run([...args, "--chart", svg], QUJING)).code).toBe(0);
      expect(await readFile(svg, "utf8")).toMatch(/^<svg[\s\S]*role-mark[\s\S]*<\/svg>$/);
      const bad = await run([...args, "--chart", join(dir, "t.png")], QUJING);
      expect(bad.code).toBe(2);
      expect(bad.stderr.split("\n")[0]).toBe(
        `regionsim: --chart must name a .vl.json or .svg file (got "${join(dir, "t.png")}")`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
