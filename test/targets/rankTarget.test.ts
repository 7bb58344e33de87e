import { describe, expect, it } from "vitest";
import { rankTarget } from "../../src/targets/rankTarget.js";
import type { TargetOfKind } from "../../src/targets/targetDefinition.js";
import { obs, syntheticObservations, syntheticPack } from "../helpers/syntheticPack.js";
import { built, contextOf, recordingPlanner } from "./recordingPlanner.js";

const pack = syntheticPack([
  ...syntheticObservations(),
  ...[2021, 2022, 2023].map((y) => obs("all", "labs_new", y, 3, "count")),
]);
const context = contextOf(pack, "steady");
const rank: TargetOfKind["rank"] = {
  id: "top10",
  nameZh: "前十",
  nameEn: "Top 10",
  kind: "rank",
  scope: "all",
  indicator: "gdp",
  reference: "tenth",
  comparator: "<=",
  value: 10,
  unit: "rank",
  year: null,
  baseYear: 2020,
  provenance: { kind: "plan", quote: "测试" },
};

describe("rankTarget.simulate", () => {
  it("rankTarget.simulate holds the scope's value at least the reference's, over the simulated years", () => {
    const { planner, asked } = recordingPlanner(context, { references: ["tenth"] });
    const simulation = rankTarget.simulate(rank, planner);
    const expected = (from: number) => ({
      id: "top10",
      // no year: due in the plan's last year; met in any year from the base year on
      year: 2025,
      window: { from, to: 2035 },
      conditions: [
        {
          measure: {
            kind: "ratio",
            numerator: { scope: "@all", indicator: "gdp" },
            denominator: { scope: "ref-tenth", indicator: "tenth" },
            scale: 1,
          },
          comparator: ">=",
          threshold: 1,
        },
      ],
    });
    expect(built(simulation, 2024)).toEqual(expected(2024));
    expect(built(simulation, 2019)).toEqual(expected(2021));
    expect(asked).toEqual(["all|gdp", "ref:tenth"]);
    expect(rankTarget.reads(rank)).toEqual({
      series: [{ scope: "all", indicator: "gdp" }],
      references: ["tenth"],
    });
  });

  it("rankTarget.simulate needs the reference series and a log-scale indicator, and says so", () => {
    const { planner } = recordingPlanner(context);
    expect(rankTarget.simulate(rank, planner)).toEqual({
      simulated: false,
      reason: 'no reference series "tenth"',
    });
    const withReference = recordingPlanner(context, { references: ["tenth"] }).planner;
    expect(rankTarget.simulate({ ...rank, indicator: "labs_new" }, withReference)).toEqual({
      simulated: false,
      reason: "a rank is simulated only for a log-scale indicator: labs_new is not",
    });
    const refused = recordingPlanner(context, { refuse: ["all"], references: ["tenth"] }).planner;
    expect(rankTarget.simulate(rank, refused)).toEqual({
      simulated: false,
      reason: "no simulated series",
    });
  });
});
