import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Target } from "../../src/index.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import { classTarget as classDefinition } from "../../src/targets/classTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

// Population is observed 2020–2023: east 40 (small: < 50), west 60 (medium: 50–100), in 10k.
const classTarget = (year: number, west: "medium" | "large"): Target => ({
  id: "classes",
  nameZh: "城市规模",
  nameEn: "City sizes",
  kind: "class",
  scope: "all",
  indicator: "population",
  comparator: ">=",
  value: 2,
  unit: "class",
  year,
  baseYear: 2020,
  classes: [
    { scope: "east", atLeast: "small" },
    { scope: "west", atLeast: west },
  ],
  provenance: { kind: "plan", quote: "测试" },
});

describe("classTarget.evaluate", () => {
  it("classTarget.evaluate judges an observed target year as history: achieved or off-track", () => {
    const met = assessPack({ ...syntheticPack(), targets: [classTarget(2023, "medium")] }, "steady")
      .rows[0];
    expect(met?.projected).toBe(2);
    expect(met?.status).toBe("achieved");
    // west (60) is not large (≥ 100): 1 of 2, and 2023 is observed, so no growth can help
    const missed = assessPack(
      { ...syntheticPack(), targets: [classTarget(2023, "large")] },
      "steady",
    ).rows[0];
    expect(missed?.projected).toBe(1);
    expect(missed?.status).toBe("off-track");
  });

  it("classTarget.evaluate: a class target's observed target year is left out of the simulation instead of breaking it", async () => {
    const base = syntheticPack();
    const gdpLevel = base.targets.find((t) => t.id === "gdp-level") as Target;
    const pack = { ...base, targets: [classTarget(2023, "medium"), gdpLevel] };
    const { assessment, skipped } = await simulatePack(pack, "steady", {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(skipped).toContainEqual({
      targetId: "classes",
      reason: "not evaluable deterministically",
    });
    expect(assessment.rows[0]?.status).toBe("achieved");
  });
});

describe("classTarget.simulate", () => {
  const context = contextOf(syntheticPack(), "steady");
  const target = classTarget(2025, "medium") as TargetOfKind["class"];

  it("classTarget.simulate holds every listed place to its class's lower bound", () => {
    const { planner, asked } = recordingPlanner(context);
    expect(built(classDefinition.simulate(target, planner), 2024)).toEqual({
      id: "classes",
      year: 2025,
      conditions: [
        {
          measure: { kind: "value", scope: "@east", indicator: "population" },
          comparator: ">=",
          threshold: 0,
        },
        {
          measure: { kind: "value", scope: "@west", indicator: "population" },
          comparator: ">=",
          threshold: 50,
        },
      ],
    });
    expect(asked).toEqual(["east|population", "west|population"]);
  });

  it("classTarget.simulate stops at the first place it cannot simulate, and simulates only 'every place'", () => {
    const { planner, asked } = recordingPlanner(context, { refuse: ["east"] });
    expect(classDefinition.simulate(target, planner)).toEqual({
      simulated: false,
      reason: "no simulated series for every place",
    });
    expect(asked).toEqual(["east|population"]);
    const all = recordingPlanner(context).planner;
    expect(classDefinition.simulate({ ...target, value: 1 }, all)).toEqual({
      simulated: false,
      reason: "only 'every listed place reaches its class' can be simulated",
    });
  });
});
