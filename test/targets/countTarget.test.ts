import { describe, expect, it } from "vitest";
import { countTarget } from "../../src/targets/countTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

// 3 new labs a year in the city (east 2, west 1) observed in 2021–2023
const pack = syntheticPack([
  ...syntheticObservations(),
  ...[2021, 2022, 2023].flatMap((y) => [
    obs("east", "labs_new", y, 2, "count"),
    obs("west", "labs_new", y, 1, "count"),
  ]),
]);
const context = contextOf(pack, "steady");
const labs = pack.targets.find((t) => t.id === "labs") as TargetOfKind["count"];
const measure = (from: number) => ({
  kind: "cumulative" as const,
  scope: "@all",
  indicator: "labs_new",
  from,
});

describe("countTarget.simulate", () => {
  it("countTarget.simulate sums the simulated years against what the observed years leave to do", () => {
    const { planner, asked } = recordingPlanner(context);
    const simulation = countTarget.simulate(labs, planner);
    // from 2024: 5 − (3 + 3 + 3) = −4 still needed
    expect(built(simulation, 2024)).toEqual({
      id: "labs",
      year: 2025,
      conditions: [{ measure: measure(2024), comparator: ">=", threshold: -4 }],
    });
    // from 2022: 5 − 3 = 2 still needed
    expect(built(simulation, 2022)).toEqual({
      id: "labs",
      year: 2025,
      conditions: [{ measure: measure(2022), comparator: ">=", threshold: 2 }],
    });
    expect(asked).toEqual(["all|labs_new"]);
  });

  it("countTarget.simulate holds an about count to the band of the whole target, as two conditions", () => {
    const { planner } = recordingPlanner(context);
    const about: TargetOfKind["count"] = { ...labs, comparator: "about", value: 100 };
    // 100 ± 2% is 98–102; 9 observed: 89–93 still needed from 2024
    expect(built(countTarget.simulate(about, planner), 2024)).toEqual({
      id: "labs",
      year: 2025,
      conditions: [
        { measure: measure(2024), comparator: ">=", threshold: 89 },
        { measure: measure(2024), comparator: "<=", threshold: 93 },
      ],
    });
  });

  it("countTarget.simulate says which year has no value before the simulation starts", () => {
    const { planner } = recordingPlanner(context);
    // the builder refuses with the reason, once it knows where the simulation starts
    expect(built(countTarget.simulate({ ...labs, baseYear: 2015 }, planner), 2024)).toBe(
      "no value of labs_new in 2016",
    );
    const refused = recordingPlanner(context, { refuse: ["all"] }).planner;
    expect(countTarget.simulate(labs, refused)).toEqual({
      simulated: false,
      reason: "no simulated series",
    });
  });
});
