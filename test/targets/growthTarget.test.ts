import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Target } from "../../src/index.js";
import { growthTarget } from "../../src/targets/growthTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

describe("growthTarget.evaluate", () => {
  it("growthTarget.evaluate reports a target year not after its base year instead of throwing", () => {
    const pack = syntheticPack();
    const growth = pack.targets.find((t) => t.id === "east-growth") as Target;
    // a growth rate over 2020 → 2020 is undefined (zero years): a row, not a RangeError from cagr
    const row = assessPack({ ...pack, targets: [{ ...growth, year: 2020 }] }, "steady").rows[0];
    expect(row?.status).toBe("insufficient-data");
    expect(row?.notes).toEqual([
      "target year 2020 is not after the base year 2020: growth undefined",
    ]);
  });
});

describe("growthTarget.simulate", () => {
  const pack = syntheticPack();
  const context = contextOf(pack, "steady");
  const growth = pack.targets.find((t) => t.id === "east-growth") as TargetOfKind["growth"];

  it("growthTarget.simulate holds the value to the level the rate implies from the base year", () => {
    const { planner, asked } = recordingPlanner(context);
    // east's GDP is 100 in 2020: 8% a year to 2025 is 100 · 1.08^5
    expect(built(growthTarget.simulate(growth, planner), 2024)).toEqual({
      id: "east-growth",
      year: 2025,
      conditions: [
        {
          measure: { kind: "value", scope: "@east", indicator: "gdp" },
          comparator: ">=",
          threshold: 100 * (1 + 8 / 100) ** 5,
        },
      ],
    });
    expect(asked).toEqual(["east|gdp"]);
  });

  it("growthTarget.simulate needs an observed base-year value, and says so", () => {
    const { planner } = recordingPlanner(context);
    expect(growthTarget.simulate({ ...growth, baseYear: 2015 }, planner)).toEqual({
      simulated: false,
      reason: "no base-year value",
    });
    const refused = recordingPlanner(context, { refuse: ["east"] }).planner;
    expect(growthTarget.simulate(growth, refused)).toEqual({
      simulated: false,
      reason: "no simulated series",
    });
  });
});
