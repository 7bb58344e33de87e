import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError } from "../../src/internal/errors.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import {
  baseScenario,
  obs,
  syntheticObservations,
  syntheticPack,
} from "../helpers/syntheticPack.js";

// Expected numbers below are worked out by hand (python3 used as a calculator):
// east GDP 100·1.1^k, west 50·1.05^k, observed 2020–2023, projected at the same rates.
// 2025: east 100·1.1^5 = 161.051, west 50·1.05^5 = 63.814078125, city 224.865078125.
// Latest city GDP (2023) = 133.1 + 57.88125 = 190.98125.

const row = (id: string, scenario = "steady", pack = syntheticPack()) => {
  const found = assessPack(pack, scenario).rows.find((r) => r.targetId === id);
  if (found === undefined) throw new Error(`no row ${id}`);
  return found;
};

/** Yearly lab counts: one a year in east, none in west, in the given years. */
const labCounts = (years: number[]) =>
  years.flatMap((y) => [
    obs("east", "labs_new", y, 1, "count"),
    obs("west", "labs_new", y, 0, "count"),
  ]);

/** The steady scenario with lab counts on a path to one a year in east and none in west. */
const labScenario = {
  ...baseScenario,
  models: [
    ...(baseScenario.models ?? []),
    {
      scope: "east",
      indicator: "labs_new",
      spec: { kind: "path" as const, values: { "2025": 1 } },
      reason: "one a year",
    },
    {
      scope: "west",
      indicator: "labs_new",
      spec: { kind: "path" as const, values: { "2025": 0 } },
      reason: "none",
    },
  ],
};

describe("assessPack", () => {
  it("assessPack sums the places for a group level target and finds it off track", () => {
    const r = row("gdp-level");
    expect(r.projected).toBeCloseTo(224.865078125, 9);
    expect(r.met).toBe(false);
    expect(r.gap?.absolute).toBeCloseTo(-25.134921875, 9);
    expect(r.latest).toMatchObject({ year: 2023 });
    expect(r.latest?.value).toBeCloseTo(190.98125, 9);
    // required: (250 / 190.98125)^(1/2) − 1 = 0.144128064…; implied: (224.865… / 190.98125)^(1/2) − 1 = 0.085089700…
    expect(r.requiredGrowth).toBeCloseTo(0.14412806438732617, 12);
    expect(r.impliedGrowth).toBeCloseTo(0.08508970059780041, 12);
    // shortfall 5.9 points a year > 2 → off track
    expect(r.status).toBe("off-track");
    expect(r.statusZh).toBe("预计难以完成");
    // 序时进度: 3 of 5 years elapsed
    expect(r.expectedProgress).toBeCloseTo(0.6, 12);
    // log progress: ln(190.98125/150) / ln(250/150) = 0.47288…
    expect(r.actualProgress).toBeCloseTo(Math.log(190.98125 / 150) / Math.log(250 / 150), 12);
  });

  it("assessPack reports a growth target in % a year and on track when the projection meets it", () => {
    const r = row("east-growth");
    expect(r.projected).toBeCloseTo(10, 9); // east grows 10% a year throughout
    expect(r.gap?.absolute).toBeCloseTo(2, 9);
    expect(r.met).toBe(true);
    expect(r.status).toBe("on-track");
    // 8% a year from 100 reaches 100·1.08^5 = 146.93280768 in 2025; east's path passes it in 2025
    // (2024: 146.41 < 146.93; 2025: 161.05)
    expect(r.firstYearMet).toBe(2025);
  });

  it("assessPack judges an about-share target against its ±2% band", () => {
    const r = row("east-share");
    // 100 · 161.051 / 224.865078125 = 71.6211700…%; band 70 ± 1.4 → missed by overshooting
    expect(r.projected).toBeCloseTo(71.62117005579387, 9);
    expect(r.met).toBe(false);
    // east would need (0.7 · 224.865… / 133.1)^(1/2) − 1 = 0.0874793… a year instead of 0.10
    expect(r.requiredGrowth).toBeCloseTo(0.08747930086434974, 12);
    expect(r.impliedGrowth).toBeCloseTo(0.1, 12);
    expect(r.status).toBe("needs-acceleration");
  });

  it("assessPack recomputes a group rate from its numerator and denominator", () => {
    const r = row("urbanization");
    // 100 · (30 + 20) / (40 + 60) = 50%, flat under the scenario
    expect(r.projected).toBeCloseTo(50, 12);
    expect(r.met).toBe(false);
  });

  it("assessPack marks a target without data insufficient and names the observations it needs", () => {
    const assessment = assessPack(syntheticPack(), "steady");
    const r = assessment.rows.find((x) => x.targetId === "labs");
    expect(r?.status).toBe("insufficient-data");
    expect(r?.statusZh).toBe("数据不足");
    expect(r?.missing).toEqual([
      expect.objectContaining({
        scope: "all",
        indicator: "labs_new",
        years: [2021, 2022, 2023],
        minCount: 3,
      }),
    ]);
    expect(assessment.readiness.map((n) => `${n.scope}|${n.indicator}`)).toEqual(["all|labs_new"]);
  });

  it("assessPack output validates against the assessment schema and survives a JSON round trip", () => {
    const assessment = assessPack(syntheticPack(), "steady");
    const parsed = AssessmentSchema.parse(JSON.parse(JSON.stringify(assessment)));
    expect(parsed).toEqual(assessment);
  });

  it("assessPack counts observed years of a count target and projects the rest", () => {
    const data = [...syntheticObservations(), ...labCounts([2021, 2022, 2023])];
    const found = assessPack(syntheticPack(data), labScenario).rows.find(
      (x) => x.targetId === "labs",
    );
    if (found === undefined) throw new Error("no labs row");
    const r = found;
    // 3 observed (one a year in east) + 2 projected years of 1 = 5 ≥ 5
    expect(r.projected).toBe(5);
    expect(r.met).toBe(true);
    expect(r.firstYearMet).toBe(2025);
    expect(r.actualProgress).toBeCloseTo(3 / 5, 12);
  });

  it("assessPack lets user data replace the pack's observation for the same place, indicator and year", () => {
    const assessment = assessPack(syntheticPack(), "steady", {
      data: [obs("east", "gdp", 2023, 200, "100M yuan")],
    });
    const r = assessment.rows.find((x) => x.targetId === "gdp-level");
    // 2025: east 200·1.1² = 242, west 63.814078125 → 305.814078125 ≥ 250
    expect(r?.projected).toBeCloseTo(305.814078125, 9);
    expect(r?.met).toBe(true);
  });

  it("assessPack applies a growth shock over its span and keeps the lost level", () => {
    const scenario = {
      ...baseScenario,
      id: "shocked",
      shocks: [
        {
          scope: "east",
          indicator: "gdp",
          type: "growth" as const,
          size: -0.1,
          from: 2024,
          to: 2024,
          reason: "a bad year",
        },
      ],
    };
    const r = assessPack(syntheticPack(), scenario).rows.find((x) => x.targetId === "gdp-level");
    // east 2025 = 161.051 · 0.9 = 144.9459; city = 144.9459 + 63.814078125
    expect(r?.projected).toBeCloseTo(144.9459 + 63.814078125, 9);
  });

  it("assessPack applies a temporary level shock between from and to only, and ignores one dated in observed years", () => {
    const scenario = {
      ...baseScenario,
      id: "level",
      shocks: [
        {
          scope: "east",
          indicator: "gdp",
          type: "level" as const,
          size: -0.1,
          from: 2024,
          to: 2024,
          reason: "one bad year",
        },
        {
          scope: "west",
          indicator: "gdp",
          type: "level" as const,
          size: 0.5,
          from: 2022,
          reason: "already in the data",
        },
        {
          scope: "nowhere",
          indicator: "gdp",
          type: "level" as const,
          size: 0.5,
          from: 2024,
          reason: "typo",
        },
      ],
    };
    const assessment = assessPack(syntheticPack(), scenario);
    const r = assessment.rows.find((x) => x.targetId === "gdp-level");
    // 2025: east back on its path (161.051), west unshocked (63.814078125)
    expect(r?.projected).toBeCloseTo(224.865078125, 9);
    expect(assessment.issues).toContainEqual(
      expect.objectContaining({ code: "shock-ignored", field: "shocks[2]" }),
    );
  });

  it("assessPack reads a group's own series when it is more recent than the sum of its places", () => {
    // places observed in 2020 only; the city's own GDP observed to 2023 (200 in 2023)
    const data = syntheticObservations().filter((o) => o.indicator !== "gdp" || o.year === 2020);
    data.push(
      ...[2020, 2021, 2022, 2023].map((y, k) =>
        obs("all", "gdp", y, 150 + (50 * k) / 3, "100M yuan"),
      ),
    );
    const r = assessPack(syntheticPack(data), "steady").rows.find(
      (x) => x.targetId === "gdp-level",
    );
    expect(r?.latest).toMatchObject({ year: 2023, value: 200 });
  });

  it("assessPack notes on a target's row where the sources of its series disagree", () => {
    const data = [
      ...syntheticObservations(),
      obs("east", "gdp", 2021, 999, "100M yuan", "C", "WEAK"),
    ];
    const r = assessPack(syntheticPack(data), "steady").rows.find(
      (x) => x.targetId === "east-growth",
    );
    // east 2021 = 100·1.1 = 110.00000000000001 (TEST, A) is used; the C value is reported beside it
    expect(r?.notes).toContain(
      "sources differ for east gdp: 2021: used 110.00000000000001 (TEST, A); also reported 999 (WEAK, C)",
    );
  });

  it("assessPack rejects an unknown scenario id with the known ones", () => {
    const call = () => assessPack(syntheticPack(), "nope");
    expect(call).toThrow(ArgumentRangeError);
    expect(call).toThrow(
      'assessPack: scenario must be a scenario id of the pack ("steady"); did you mean "steady"? (got the string "nope")',
    );
  });

  it("assessPack counts a yearly series observed up to its own last year and projects the rest", () => {
    // labs observed 2021–2022 only, while other data reach 2023: 2023–2025 are projected (path
    // to 1 a year in east, 0 in west), so the total is 2 + 3 = 5, not "2023 missing"
    const data = [...syntheticObservations(), ...labCounts([2021, 2022])];
    const scenario = labScenario;
    const r = assessPack(syntheticPack(data), scenario).rows.find((x) => x.targetId === "labs");
    expect(r?.projected).toBe(5);
    expect(r?.missing).toEqual([]);
  });

  it("assessPack gives a target of 0 an absolute gap only, and the row still validates", () => {
    const base = syntheticPack();
    const labs = base.targets.find((t) => t.id === "labs");
    if (labs === undefined || labs.kind !== "count") throw new Error("fixture changed");
    const data = [...syntheticObservations(), ...labCounts([2021, 2022, 2023])];
    const pack = {
      ...syntheticPack(data),
      targets: [{ ...labs, comparator: "<=" as const, value: 0 }],
    };
    const scenario = labScenario;
    const assessment = assessPack(pack, scenario);
    const r = assessment.rows[0];
    // 3 labs observed (east, one a year) against "at most 0": the gap is +3 (and more projected)
    expect(r?.gap?.absolute).toBeGreaterThanOrEqual(3);
    expect(r?.gap?.relative).toBeNull();
    expect(() => AssessmentSchema.parse(assessment)).not.toThrow();
  });

  it("assessPack does not mutate the pack", () => {
    const pack = syntheticPack();
    const before = JSON.stringify(pack);
    assessPack(pack, "steady", { data: [obs("east", "gdp", 2023, 200, "100M yuan")] });
    expect(JSON.stringify(pack)).toBe(before);
  });
});
