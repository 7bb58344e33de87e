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

describe("shareTarget.evaluate: growth differential of the part over the rest", () => {
  it("gives the differential east needs over west to reach 70% of all, and the one the scenario implies", () => {
    const e = shareTarget.evaluate(eastShare, context);
    // latest 2023: east 100·1.1³ = 133.1, west 50·1.05³ = 57.88125; share 69.694%
    // r0 = 133.1 / 57.88125 = 2.2995357; r* = 70 / 30 = 2.3333333; 2 years to 2025:
    // d = (2.3333333 / 2.2995357)^(1/2) − 1 = 0.0073220 (Python: (70/30/(133.1/57.88125))**0.5 - 1)
    expect(e.latest?.year).toBe(2023);
    expect(e.requiredDifferential).toBeCloseTo(Math.sqrt(70 / 30 / (133.1 / 57.88125)) - 1, 12);
    expect(e.requiredDifferential).toBeCloseTo(0.007321992112073961, 12);
    // the scenario grows east 10% and west 5% a year: the odds east/west grow 1.1/1.05 a year,
    // so the implied differential is 1.1 / 1.05 − 1 = 0.0476190
    expect(e.impliedDifferential).toBeCloseTo(1.1 / 1.05 - 1, 12);
  });

  it("gives no differential for a ratio that is not a part of a whole (a share of 100% or more)", () => {
    // east's GDP over west's: 230% in 2023, so there is no "rest"
    const ratio: TargetOfKind["share"] = { ...eastShare, denominator: { scope: "west" } };
    const e = shareTarget.evaluate(ratio, context);
    expect(e.projected).not.toBeNull();
    expect(e.requiredDifferential).toBeNull();
    expect(e.impliedDifferential).toBeNull();
  });
});
