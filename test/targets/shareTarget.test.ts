import { describe, expect, it } from "vitest";
import { shareTarget } from "../../src/targets/shareTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

// east and west have new labs every year: a count on the linear scale, which may be 0
const pack = syntheticPack([
  ...syntheticObservations(),
  ...[2021, 2022, 2023].flatMap((y) => [
    obs("east", "labs_new", y, 2, "count"),
    obs("west", "labs_new", y, 1, "count"),
  ]),
]);
const context = contextOf(pack, "steady");
const eastShare = pack.targets.find((t) => t.id === "east-share") as TargetOfKind["share"];

describe("shareTarget.simulate", () => {
  it("shareTarget.simulate holds 100 × numerator / denominator to the target, both sides asked for in turn", () => {
    const { planner, asked } = recordingPlanner(context);
    expect(built(shareTarget.simulate(eastShare, planner), 2024)).toEqual({
      id: "east-share",
      year: 2025,
      conditions: [
        {
          measure: {
            kind: "ratio",
            numerator: { scope: "@east", indicator: "gdp" },
            denominator: { scope: "@all", indicator: "gdp" },
            scale: 100,
          },
          comparator: "about",
          threshold: 70,
          tolerance: 0.02,
        },
      ],
    });
    expect(asked).toEqual(["east|gdp", "all|gdp"]);
  });

  it("shareTarget.simulate takes a group's rate recomputed from log-scale parts as positive", () => {
    // all's urbanization is logit-scale, but the ratio of urban to total population of its places
    const { planner } = recordingPlanner(context);
    const rate: TargetOfKind["share"] = {
      ...eastShare,
      scope: "all",
      indicator: "urbanization",
      denominator: {},
    };
    expect(shareTarget.simulate(rate, planner).simulated).toBe(true);
  });

  it("shareTarget.simulate refuses a side that is not positive on every path, naming it", () => {
    const { planner, asked } = recordingPlanner(context);
    const labs: TargetOfKind["share"] = { ...eastShare, indicator: "labs_new" };
    expect(shareTarget.simulate(labs, planner)).toEqual({
      simulated: false,
      reason: "a share is simulated only from log-scale (positive) series: labs_new is linear",
    });
    // both sides are still asked for (the planner may say why one of them cannot be simulated)
    expect(asked).toEqual(["east|labs_new", "all|labs_new"]);
    const refused = recordingPlanner(context, { refuse: ["all"] }).planner;
    expect(shareTarget.simulate(eastShare, refused)).toEqual({
      simulated: false,
      reason: "no simulated series",
    });
  });
});
