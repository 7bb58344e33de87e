import { describe, expect, it } from "vitest";
import { solveTarget } from "../../src/analysis/solveTarget.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

// The synthetic pack (test/helpers/syntheticPack.ts): east's GDP grows 10% a year from 100 in
// 2020 and west's 5% from 50, observed 2020–2023, so in 2023 east = 100 · 1.1³ = 133.1 and
// west = 50 · 1.05³ = 57.88125 (sum 190.98125); the scenario "steady" keeps those rates, so in
// 2025 east = 133.1 · 1.21 = 161.051 and west = 57.88125 · 1.1025 = 63.8140781 (sum 224.8650781).
// The group "all" has no observations of its own: its GDP is the sum of its places.
const pack = syntheticPack();
const EAST = 133.1;
const WEST = 57.88125;
const EAST_TREND = 161.051;
const WEST_TREND = 63.8140781;

/** The target's row when the pack is assessed under the solution's scenario. */
function assessed(solution: Awaited<ReturnType<typeof solveTarget>>) {
  const row = assessPack(pack, solution.scenario).rows.find(
    (r) => r.targetId === solution.targetId,
  );
  if (row === undefined || row.projected === null) throw new Error("no row");
  return row;
}

describe("solveTarget on a group read from the sum of its places (gdp-level: all ≥ 250 in 2025)", () => {
  it("same-growth: both places grow at one rate, and the sum lands within +0.5% of 250", async () => {
    const s = await solveTarget(pack, "steady", "gdp-level", { rule: "same-growth" });
    expect(s.lever).toBe("places");
    expect(s.rule).toBe("same-growth");
    const [east, west] = s.places;
    expect(east?.rate).toBe(west?.rate);
    // (133.1 + 57.88125) · (1 + r)² must lie in [250, 250 · 1.005] (2023 → 2025).
    const total = (EAST + WEST) * (1 + (east?.rate as number)) ** 2;
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(250 * 1.005);
    const row = assessed(s);
    expect(row.met).toBe(true);
    expect(row.projected).toBeCloseTo(total, 9);
    expect(s.check.projected).toBeCloseTo(total, 9);
  });

  it("same-uplift: each place grows at its own trend (10%, 5%) plus one uplift", async () => {
    const s = await solveTarget(pack, "steady", "gdp-level", { rule: "same-uplift" });
    const [east, west] = s.places;
    // Rates are written to 6 decimals, rounded up: the uplifts agree to 1e-6.
    expect((east?.rate as number) - 0.1).toBeCloseTo((west?.rate as number) - 0.05, 6);
    expect(east?.uplift).toBeCloseTo(west?.uplift as number, 6);
    const total =
      EAST * (1 + (east?.rate as number)) ** 2 + WEST * (1 + (west?.rate as number)) ** 2;
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(250 * 1.005);
    expect(assessed(s).met).toBe(true);
  });

  it("gap-share: each place adds to its trend level its share of the gap (shares of 2023)", async () => {
    const s = await solveTarget(pack, "steady", "gdp-level", { rule: "gap-share" });
    const [east, west] = s.places;
    const levelE = EAST * (1 + (east?.rate as number)) ** 2;
    const levelW = WEST * (1 + (west?.rate as number)) ** 2;
    // The places' trend total is 224.8650781, so the gap to about 250.6 (≈ +0.25%) is about
    // 25.8; it is split 133.1 : 57.88125 (shares 0.69692 : 0.30308), so east's addition over
    // its trend is 133.1 / 57.88125 = 2.29954 times west's.
    expect((levelE - EAST_TREND) / (levelW - WEST_TREND)).toBeCloseTo(EAST / WEST, 3);
    expect(levelE + levelW).toBeGreaterThanOrEqual(250);
    expect(levelE + levelW).toBeLessThanOrEqual(250 * 1.005);
    expect(assessed(s).met).toBe(true);
  });

  it("the three rules give three different allocations", async () => {
    const rates = await Promise.all(
      (["same-growth", "same-uplift", "gap-share"] as const).map(async (rule) =>
        (await solveTarget(pack, "steady", "gdp-level", { rule })).places.map((p) => p.rate),
      ),
    );
    expect(new Set(rates.map((r) => r.join(","))).size).toBe(3);
  });
});

describe("solveTarget on a place and on a share", () => {
  it("a place's growth target moves that place: east-growth ≥ 8% a year 2020–2025", async () => {
    const s = await solveTarget(pack, "steady", "east-growth");
    expect(s.lever).toBe("scope");
    expect(s.places.map((p) => p.scope)).toEqual(["east"]);
    // 8% a year from 100 in 2020 is 100 · 1.08⁵ = 146.932808 in 2025; from 133.1 in 2023 that
    // needs (146.932808 / 133.1)^(1/2) − 1 = 5.0673% a year (east's trend, 10%, more than meets
    // it: the solution is the least growth that still does).
    const low = Math.sqrt(146.932808 / EAST) - 1;
    const high = Math.sqrt((146.932808 * 1.005) / EAST) - 1;
    expect(s.parameter).toBeGreaterThanOrEqual(low - 1e-9);
    expect(s.parameter).toBeLessThanOrEqual(high);
    expect(s.places[0]?.trend).toBeCloseTo(0.1, 12);
    expect(assessed(s).met).toBe(true);
  });

  it("a share is solved as the part's edge over the rest: east ≈ 70% of all in 2025", async () => {
    const s = await solveTarget(pack, "steady", "east-share");
    expect(s.lever).toBe("edge");
    // Odds east/west: 133.1 / 57.88125 = 2.299535 in 2023; 70/30 = 2.333333 in 2025; so east
    // must grow (2.333333 / 2.299535)^(1/2) − 1 = 0.7323% a year faster than west (which keeps
    // its 5%); at 70.35% (+0.5%) the edge is (2.372681 / 2.299535)^(1/2) − 1 = 1.578%.
    expect(s.parameter).toBeGreaterThanOrEqual(0.007323);
    expect(s.parameter).toBeLessThanOrEqual(0.01578);
    // Written rates are rounded up to 6 decimals.
    expect(s.places[0]?.rate).toBeCloseTo(1.05 * (1 + s.parameter) - 1, 5);
    const row = assessed(s);
    expect(row.met).toBe(true);
    expect(row.projected).toBeGreaterThanOrEqual(70);
    expect(row.projected).toBeLessThanOrEqual(70 * 1.005);
  });

  it("writes a scenario that extends the base with cagr entries from the year after the data", async () => {
    const s = await solveTarget(pack, "steady", "gdp-level");
    expect(s.scenario).toMatchObject({ id: "steady-solved", extends: "steady" });
    expect(s.scenario.models?.map((m) => [m.scope, m.indicator, m.spec.kind, m.from])).toEqual([
      ["east", "gdp", "cagr", 2024],
      ["west", "gdp", "cagr", 2024],
    ]);
  });
});

describe("solveTarget refuses what it cannot solve", () => {
  const refuses = async (
    targetId: string,
    options: Record<string, unknown>,
    kind: typeof ArgumentRangeError | typeof ArgumentTypeError,
    message: RegExp,
  ) => {
    const error = await solveTarget(pack, "steady", targetId, options as never).catch((e) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toMatch(message);
  };

  it("an unknown target id, naming the nearest", () =>
    refuses(
      "gdp-levl",
      {},
      ArgumentRangeError,
      /^solveTarget: targetId must be the id of a target of the pack; did you mean "gdp-level"/,
    ));

  it("a count target, a rate, and a probability outside (0, 1) or for an about target", async () => {
    await refuses("labs", {}, ArgumentRangeError, /labs is a count target, and a count adds up/);
    await refuses("urbanization", {}, ArgumentRangeError, /reads urbanization, a rate \(%\)/);
    await refuses(
      "gdp-level",
      { probability: 1 },
      ArgumentRangeError,
      /strictly between 0 and 1 \(0\.8 = 80%\) \(got 1\)/,
    );
    await refuses(
      "gdp-level",
      { probability: "0.8" },
      ArgumentTypeError,
      /options\.probability must be/,
    );
    await refuses(
      "east-share",
      { probability: 0.8 },
      ArgumentRangeError,
      /left out for an "about" target/,
    );
  });

  it("an unknown rule or option", async () => {
    await refuses(
      "gdp-level",
      { rule: "same" },
      ArgumentRangeError,
      /options\.rule must be "same-growth", "same-uplift" or "gap-share"; did you mean "same-growth"\?/,
    );
    await refuses(
      "gdp-level",
      { rul: "same-growth" },
      ArgumentTypeError,
      /options\.rul is not an option; did you mean rule\?/,
    );
  });
});
