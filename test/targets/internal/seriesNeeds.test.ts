import { describe, expect, it } from "vitest";
import { assessPack } from "../../../src/assessment/assessPack.js";
import type { Target } from "../../../src/index.js";
import { syntheticObservations, syntheticPack } from "../../helpers/syntheticPack.js";

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
