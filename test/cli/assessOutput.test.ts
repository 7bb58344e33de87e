// What `regionsim assess` gives out: the simulation's detail in --json and --out, --only judged.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Assessment, AssessmentSchema } from "../../src/schemas/assessment.js";
import { ASSESS, builtIn, run } from "./runCliHarness.js";

describe("regionsim assess --paths --json", () => {
  let a: Assessment;
  beforeAll(async () => {
    const r = await run([...ASSESS, "--paths", "400", "--seed", "5", "--json"]);
    expect(r.code).toBe(0);
    a = AssessmentSchema.parse(JSON.parse(r.stdout));
  });

  it("carries, per simulated target, the probability the row shows, and the run's seed and paths", () => {
    const sim = a.simulation;
    expect(sim).toMatchObject({ paths: 400, seed: 5 });
    const simulated = a.rows.filter((r) => r.probability !== null);
    expect(simulated.length).toBeGreaterThan(0);
    expect(sim?.targets?.map((t) => [t.targetId, t.probability])).toEqual(
      simulated.map((r) => [r.targetId, r.probability]),
    );
  });

  it("gives the first-year-met distribution, adding up to 1 with never", () => {
    for (const t of a.simulation?.targets ?? []) {
      const total = t.firstYearMet.probabilities.reduce((s, p) => s + p, t.firstYearMet.never);
      expect(total).toBeCloseTo(1, 9);
      expect(t.firstYearMet.years).toHaveLength(t.firstYearMet.probabilities.length);
    }
  });

  it("gives the measure at every quantile level, and the fan of the measured series by year", () => {
    const levels = a.simulation?.quantiles ?? [];
    expect(levels.length).toBeGreaterThan(2);
    const baseYear = a.simulation?.baseYear ?? 0;
    const withFan = (a.simulation?.targets ?? []).filter((t) => t.fan !== null);
    expect(withFan.length).toBeGreaterThan(0);
    for (const t of a.simulation?.targets ?? []) {
      expect(t.measure).toHaveLength(levels.length);
      // Quantiles never decrease with the level.
      for (let k = 1; k < t.measure.length; k++)
        expect(t.measure[k]).toBeGreaterThanOrEqual(t.measure[k - 1] as number);
      if (t.fan === null) continue;
      expect(t.fan.years[0]).toBe(baseYear + 1);
      expect(t.fan.quantiles).toHaveLength(t.fan.years.length);
      for (const q of t.fan.quantiles) expect(q).toHaveLength(levels.length);
      const row = a.rows.find((r) => r.targetId === t.targetId);
      expect([t.fan.scope, t.fan.indicator]).toEqual([row?.scope, row?.indicator]);
    }
  });
});

describe("regionsim assess --paths --out", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "regionsim-cli-out-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the detail into the JSON and the simulated band into the CSV and Markdown", async () => {
    const r = await run([...ASSESS, "--paths", "400", "--out", "r"], { cwd: dir });
    expect(r.code).toBe(0);
    const json = AssessmentSchema.parse(
      JSON.parse(await readFile(join(dir, "r", "synthetic-steady.json"), "utf8")),
    );
    expect(json.simulation?.targets?.length).toBeGreaterThan(0);
    const csv = (await readFile(join(dir, "r", "synthetic-steady.csv"), "utf8")).split("\r\n");
    const header = csv[0]?.split(",") ?? [];
    for (const column of [
      "simulated_median",
      "simulated_lower",
      "simulated_upper",
      "simulated_level",
    ])
      expect(header).toContain(column);
    // The default levels (2.5, 5, 10, 25, 50, 75, 90, 95, 97.5%) hold the 10–90% band: the 80%
    // band of the rows' intervals.
    const level = header.indexOf("simulated_level");
    expect(csv.slice(1).some((line) => line.split(",")[level] === "0.8")).toBe(true);
    const md = await readFile(join(dir, "r", "synthetic-steady.md"), "utf8");
    expect(md).toContain("| Simulated (median [band]) |");
    expect(md).toContain("Simulated: the median and the central 80% band");
  });
});

describe("regionsim assess --only judged", () => {
  it("leaves the insufficient-data rows out of the table, keeping the readiness list", async () => {
    const all = await builtIn(["assess", "--pack", "qujing", "--scenario", "trend"]);
    const judged = await builtIn([
      "assess",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--only",
      "judged",
    ]);
    expect(judged.code).toBe(0);
    // Under trend the two GDP targets, the central city's GDP share and the resident urbanization
    // rate (with the county panel's summary) are judged; the other 26
    // are insufficient-data.
    expect(judged.stdout).toContain(
      "26 insufficient-data targets are not shown; the data readiness list says what they need.",
    );
    expect(all.stdout).toMatch(/^urbanization-hukou +2025 /m);
    expect(judged.stdout).not.toMatch(/^urbanization-hukou +2025 /m);
    expect(judged.stdout).toMatch(/^ {2}urbanization-hukou {2}/m);
    expect(judged.stdout).toMatch(/^gdp-2035-double /m);
    // GDP at constant prices (the 2035 doubling's basis) and at current prices end in 2023,
    // although other series of the pack (resident population) reach 2024.
    expect(judged.stdout).toContain("Data as of 2023 ·");
  });
});
