import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Target } from "../../src/index.js";
import { intervalAt } from "../../src/targets/targetContext.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";

const plan = { kind: "plan" as const, quote: "测试" };

// Population is observed 2020–2023 in both places (east 40, west 60), except west in 2022.
function packWithout2022West(targets: Target[]) {
  const data = syntheticObservations().filter(
    (o) => !(o.place === "west" && o.indicator === "population" && o.year === 2022),
  );
  return { ...syntheticPack(data), targets };
}

describe("projectionNeed", () => {
  it("projectionNeed names the target year when it is not observed but later years are", () => {
    const level: Target = {
      id: "west-pop",
      nameZh: "西县人口",
      nameEn: "West population",
      kind: "level",
      scope: "west",
      indicator: "population",
      comparator: ">=",
      value: 50,
      unit: "10k persons",
      year: 2022,
      baseYear: 2020,
      provenance: plan,
    };
    const row = assessPack(packWithout2022West([level]), "steady").rows[0];
    expect(row?.status).toBe("insufficient-data");
    // west's 2022 value is what is missing (2023 is observed, so nothing is projected for 2022)
    expect(row?.missing).toEqual([
      expect.objectContaining({ scope: "west", indicator: "population", years: [2022] }),
    ]);
  });

  it("projectionNeed keeps a class target from counting a place without a value as too small", () => {
    const classes: Target = {
      id: "classes",
      nameZh: "城市规模",
      nameEn: "City sizes",
      kind: "class",
      scope: "all",
      indicator: "population",
      comparator: ">=",
      value: 2,
      unit: "class",
      year: 2022,
      baseYear: 2020,
      classes: [
        { scope: "east", atLeast: "small" },
        { scope: "west", atLeast: "medium" },
      ],
      provenance: plan,
    };
    // west has no 2022 value: the target cannot be judged (before the fix it counted 1 of 2
    // places and was reported off-track)
    const row = assessPack(packWithout2022West([classes]), "steady").rows[0];
    expect(row?.status).toBe("insufficient-data");
    expect(row?.missing).toEqual([
      expect.objectContaining({ scope: "west", indicator: "population", years: [2022] }),
    ]);
  });
});

describe("findSeries", () => {
  it("findSeries reads a group's own series when its places are never all observed in one year", () => {
    // east is observed in 2020 and 2022, west in 2021 and 2023: their sum is only ever
    // part-projected, while "all" has GDP of its own for 2020–2023 (200 · 1.05^k)
    const data = [
      obs("east", "gdp", 2020, 100, "100M yuan"),
      obs("east", "gdp", 2022, 121, "100M yuan"),
      obs("west", "gdp", 2021, 52.5, "100M yuan"),
      obs("west", "gdp", 2023, 57.88125, "100M yuan"),
      ...[0, 1, 2, 3].map((k) => obs("all", "gdp", 2020 + k, 200 * 1.05 ** k, "100M yuan")),
    ];
    const pack = syntheticPack(data);
    const row = assessPack(
      { ...pack, targets: pack.targets.filter((t) => t.id === "gdp-level") },
      {
        id: "five",
        nameEn: "Five per cent",
        description: "Everything grows 5% a year.",
        models: [{ scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.05 }, reason: "5%" }],
      },
    ).rows[0];
    // all's own series: 200 · 1.05^5 = 255.2563… ≥ 250, latest 2023 = 231.525
    expect(row?.status).not.toBe("insufficient-data");
    expect(row?.latest).toMatchObject({ year: 2023 });
    expect(row?.latest?.value).toBeCloseTo(231.525, 9);
    expect(row?.projected).toBeCloseTo(200 * 1.05 ** 5, 9);
  });
});

describe("intervalAt", () => {
  it("intervalAt reports no interval when a bound overflowed to Infinity", () => {
    const series = {
      scope: "east",
      indicator: "gdp",
      basis: "observed" as const,
      observed: [],
      unused: [],
      years: [2024, 2025],
      values: [1, 2],
      lower: [0.5, 0.1],
      upper: [2, Number.POSITIVE_INFINITY],
      informative: true,
      notes: [],
    };
    expect(intervalAt(series, 2024, 0.8)).toEqual({ lower: 0.5, upper: 2, level: 0.8 });
    expect(intervalAt(series, 2025, 0.8)).toBeNull();
  });
});
