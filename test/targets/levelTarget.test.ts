import { describe, expect, it } from "vitest";
import { levelTarget } from "../../src/targets/levelTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

const pack = syntheticPack();
const context = contextOf(pack, "steady");
const gdpLevel = pack.targets.find((t) => t.id === "gdp-level") as TargetOfKind["level"];

describe("levelTarget.simulate", () => {
  it("levelTarget.simulate asks for the scope's series and holds its value to the target", () => {
    const { planner, asked } = recordingPlanner(context);
    expect(built(levelTarget.simulate(gdpLevel, planner), 2024)).toEqual({
      id: "gdp-level",
      year: 2025,
      conditions: [
        {
          measure: { kind: "value", scope: "@all", indicator: "gdp" },
          comparator: ">=",
          threshold: 250,
        },
      ],
    });
    expect(asked).toEqual(["all|gdp"]);
  });

  it("levelTarget.simulate gives an about target its band's tolerance, ±2% unless it says", () => {
    const { planner } = recordingPlanner(context);
    const about = (tolerance?: number): TargetOfKind["level"] => ({
      ...gdpLevel,
      comparator: "about",
      ...(tolerance === undefined ? {} : { tolerance }),
    });
    const conditionOf = (target: TargetOfKind["level"]) => {
      const simulation = levelTarget.simulate(target, planner);
      const t = simulation.simulated ? simulation.build(2024) : undefined;
      return typeof t === "object" ? t.conditions[0] : undefined;
    };
    expect(conditionOf(about())).toMatchObject({ comparator: "about", tolerance: 0.02 });
    expect(conditionOf(about(0.05))).toMatchObject({ comparator: "about", tolerance: 0.05 });
    expect(conditionOf(gdpLevel)).not.toHaveProperty("tolerance");
  });

  it("levelTarget.simulate says why when the scope's series cannot be simulated", () => {
    const { planner } = recordingPlanner(context, { refuse: ["all"] });
    expect(levelTarget.simulate(gdpLevel, planner)).toEqual({
      simulated: false,
      reason: "no simulated series",
    });
    expect(levelTarget.reads(gdpLevel)).toEqual({
      series: [{ scope: "all", indicator: "gdp" }],
      references: [],
    });
  });
});
