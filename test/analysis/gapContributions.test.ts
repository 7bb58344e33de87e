// gapContributions shares a target's projected gap among the places of its scope: the target is
// decomposed in proportion to the places' base-year terms, and each place contributes its
// projected term minus its part of the target. Expected numbers are worked out by hand below.
import { describe, expect, it } from "vitest";
import {
  type GapContributionsResult,
  gapContributions,
} from "../../src/analysis/gapContributions.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { countyPack } from "../helpers/countyPack.js";
import { syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";

function decomposed(c: ReturnType<typeof gapContributions>): GapContributionsResult {
  if (!c.ok) throw new Error(`not decomposed: ${c.reason}`);
  return c;
}

const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

describe("gapContributions on a level target summed over places", () => {
  const pack = syntheticPack();
  const c = decomposed(gapContributions(pack, assessPack(pack, "steady"), "gdp-level"));

  it("shares the target in proportion to the 2020 values and compares each place's projection", () => {
    // GDP of all ≥ 250 in 2025. Base 2020: east 100, west 50 (Σ 150), so the target splits
    // 250 × 100/150 = 166.6667 and 250 × 50/150 = 83.3333 (each place × 5/3, as the whole).
    // Projected 2025 (cagr 10% and 5% from 2020): east 100 × 1.1^5 = 161.051,
    // west 50 × 1.05^5 = 63.814078125.
    // Contributions: 161.051 − 166.6667 = −5.6157; 63.8141 − 83.3333 = −19.5193.
    expect(c.method).toBe("level");
    expect(c.places.map((p) => p.place)).toEqual(["east", "west"]);
    const [east, west] = c.places;
    expect(east?.base).toBe(100);
    expect(east?.target).toBeCloseTo(166.666667, 5);
    expect(east?.projected).toBeCloseTo(161.051, 9);
    expect(east?.contribution).toBeCloseTo(-5.615667, 5);
    expect(west?.target).toBeCloseTo(83.333333, 5);
    expect(west?.projected).toBeCloseTo(63.814078125, 9);
    expect(west?.contribution).toBeCloseTo(-19.519255, 5);
    expect(east?.missing).toBeNull();
  });

  it("adds up to the row's gap: Σ contributions = Σ projected − target = the gap", () => {
    // −5.6157 + (−19.5193) = −25.1349 = 161.051 + 63.8141 − 250 = 224.8651 − 250.
    expect(c.total.target).toBeCloseTo(250, 9);
    expect(c.total.contribution).toBeCloseTo(-25.134922, 5);
    expect(c.gap).toBeCloseTo(-25.134922, 5);
    expect(sum(c.places.map((p) => p.contribution))).toBeCloseTo(c.gap, 9);
    expect(c.residual).toBeCloseTo(0, 9);
  });

  it("gives each place the growth a year it still needs from its latest value to its target", () => {
    // east 2023: 133.1, target 166.6667 in two years: (166.6667 / 133.1)^(1/2) − 1 = 11.90%;
    // west 2023: 57.88125 → 83.3333: (1.439723)^(1/2) − 1 = 19.99%.
    const [east, west] = c.places;
    expect(east?.latest).toEqual({ year: 2023, value: expect.closeTo(133.1, 9) });
    expect(east?.requiredGrowth).toBeCloseTo(0.119014, 5);
    expect(east?.impliedGrowth).toBeCloseTo(0.1, 9);
    expect(west?.requiredGrowth).toBeCloseTo(0.199887, 5);
  });
});

describe("gapContributions on a rate (a ratio weighted by population)", () => {
  const pack = syntheticPack();
  const c = decomposed(gapContributions(pack, assessPack(pack, "steady"), "urbanization"));

  it("counts each place's urban residents per hundred of the group's residents", () => {
    // Urbanization of all = 100 × (30 + 20) / (40 + 60) = 50%, flat; target 60%.
    // Terms: east 100 × 30 / 100 = 30 points, west 100 × 20 / 100 = 20 points (Σ 50).
    // Place targets 30 × 60/50 = 36 and 20 × 60/50 = 24; contributions −6 and −4: Σ −10 = gap.
    expect(c.method).toBe("weighted");
    expect(c.places.map((p) => p.base)).toEqual([30, expect.closeTo(20, 9)]);
    expect(c.places.map((p) => p.target)).toEqual([expect.closeTo(36, 9), expect.closeTo(24, 9)]);
    expect(c.places.map((p) => p.contribution)).toEqual([
      expect.closeTo(-6, 9),
      expect.closeTo(-4, 9),
    ]);
    expect(c.gap).toBeCloseTo(-10, 9);
    expect(c.residual).toBeCloseTo(0, 9);
  });
});

describe("gapContributions on a share target", () => {
  const pack = countyPack();
  const c = decomposed(gapContributions(pack, assessPack(pack, "steady"), "core-share"));

  it("counts each place's points of the whole and reconciles with the row's gap", () => {
    // 2020: a = 100 × 1.08^4 = 136.048896, c = 20 × 1.1^2 = 24.2, city (own) = a + b + c with
    // b = 50 × 1.05^4 = 60.7753125: 221.0242085. Base terms 100·a/city = 61.5538, 100·c/city
    // = 10.9490. The core's 65% splits as 65 × a/(a + c) = 55.1840 and 65 × c/(a + c) = 9.8160.
    // 2025: a = 100 × 1.08^9 = 199.900, c = 20 × 1.1^7 = 38.974, the city's own series 200 ×
    // 1.06^3 = 238.2032: terms 83.9201 and 16.3618. Contributions 28.7361 and 6.5458, Σ 35.2819.
    expect(c.method).toBe("share");
    expect(c.places.map((p) => p.place)).toEqual(["a", "c"]);
    const [a, cc] = c.places;
    expect(a?.base).toBeCloseTo(61.553844, 5);
    expect(a?.target).toBeCloseTo(55.18402, 4);
    expect(cc?.target).toBeCloseTo(9.81598, 4);
    expect(a?.projected).toBeCloseTo(83.920142, 5);
    expect(a?.contribution).toBeCloseTo(28.736122, 5);
    expect(cc?.contribution).toBeCloseTo(6.545824, 5);
    expect(c.total.contribution + c.residual).toBeCloseTo(c.gap, 9);
    expect(c.residual).toBeCloseTo(0, 9);
  });
});

describe("gapContributions, places without data", () => {
  it("lists a place without a base-year value as such and leaves it in the residual", () => {
    const observations = syntheticObservations().filter(
      (o) => !(o.place === "west" && o.indicator === "gdp" && o.year === 2020),
    );
    const pack = syntheticPack(observations);
    const c = decomposed(gapContributions(pack, assessPack(pack, "steady"), "gdp-level"));
    const west = c.places.find((p) => p.place === "west");
    expect(west).toMatchObject({ contribution: null, target: null });
    expect(west?.missing).toBe("no observation of gdp in 2020");
    // The target goes to east alone (250 × 100/100): 161.051 − 250 = −88.949; the residual is
    // the gap less that, i.e. west's projected 63.8141: −25.1349 − (−88.949) = 63.8141.
    expect(c.places.find((p) => p.place === "east")?.contribution).toBeCloseTo(-88.949, 9);
    expect(c.residual).toBeCloseTo(63.814078125, 6);
    expect(c.notes.join(" ")).toContain("west is in the residual");
  });
});

describe("gapContributions on Qujing's trend assessment", () => {
  const a = assessPack(qujingPack, "trend");

  it("shares the central city's share among Qilin, Zhanyi and Malong, adding up to the gap", () => {
    const c = decomposed(gapContributions(qujingPack, a, "central-city-gdp-share"));
    expect(c.places.map((p) => p.place)).toEqual(["qilin", "zhanyi", "malong"]);
    const row = a.rows.find((r) => r.targetId === "central-city-gdp-share");
    expect(sum(c.places.map((p) => p.contribution)) + c.residual).toBeCloseTo(
      row?.gap?.absolute ?? Number.NaN,
      9,
    );
  });

  it("shares the GDP doubling at current prices among the nine places from their 2020 GDP", () => {
    // The nine places' 2020 GDP (CSMAR county tables) add up to the city's 2959.35.
    const c = decomposed(gapContributions(qujingPack, a, "gdp-2035-double"));
    expect(c.judgement).toBe("nominal");
    expect(c.places).toHaveLength(9);
    expect(c.total.base).toBeCloseTo(2959.35, 6);
    // Every place's target is its 2020 GDP doubled (5918.7 / 2959.35 = 2).
    for (const p of c.places) expect(p.target).toBeCloseTo(2 * (p.base as number), 6);
    expect(c.total.contribution + c.residual).toBeCloseTo(c.gap, 6);
  });

  it("says why growth and ungraded targets are not shared", () => {
    expect(gapContributions(qujingPack, a, "trade-growth")).toEqual({
      ok: false,
      targetId: "trade-growth",
      reason: "the target was not judged (insufficient-data)",
    });
    expect(gapContributions(qujingPack, a, "gdp-rank-top70")).toMatchObject({ ok: false });
  });
});

describe("gapContributions, arguments", () => {
  const pack = syntheticPack();
  const a = assessPack(pack, "steady");

  it("refuses a target the assessment does not have, naming the nearest", () => {
    expect(() => gapContributions(pack, a, "gdp-levl")).toThrow(
      new ArgumentRangeError(
        'gapContributions: targetId must be a target of the assessment; did you mean "gdp-level"? (got the string "gdp-levl")',
        { code: "unknown-id", path: "targetId" },
      ),
    );
    expect(() => gapContributions(pack, a, 3 as never)).toThrow(
      "gapContributions: targetId must be a string (got 3)",
    );
  });

  it("refuses a pack that is not the assessment's, and what is not an assessment", () => {
    expect(() => gapContributions(qujingPack, a, "gdp-level")).toThrow(
      'gapContributions: the assessment is of the pack "synthetic", not "qujing"',
    );
    expect(() => gapContributions(null as never, a, "gdp-level")).toThrow(
      "gapContributions: pack must be a region pack (got null)",
    );
    expect(() => gapContributions(pack, { ...a, asOf: Number.NaN }, "gdp-level")).toThrow(
      ArgumentTypeError,
    );
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify(a);
    gapContributions(pack, a, "gdp-level");
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe("gapContributions, the assessment argument", () => {
  it("names what it expected for nothing, a list and a broken assessment", () => {
    expect(() => gapContributions(qujingPack, null as never, "gdp-2035-double")).toThrow(
      "gapContributions: assessment must be an assessment (got null)",
    );
    expect(() => gapContributions(qujingPack, [] as never, "gdp-2035-double")).toThrow(
      /^gapContributions: assessment must be an assessment \(got /,
    );
    expect(() =>
      gapContributions(qujingPack, { pack: "qujing" } as never, "gdp-2035-double"),
    ).toThrow(/^gapContributions: the assessment does not match AssessmentSchema \(scenario: /);
  });
});
