import { type SimulationPlan, SimulationPlanSchema } from "regionsim";
import { describe, expect, it } from "vitest";

const plan: SimulationPlan = {
  baseYear: 2020,
  years: 2,
  places: ["a"],
  groups: [],
  targets: [],
  indicators: [{ id: "gdp", scale: "log", aggregation: { rule: "sum" }, phi: 0, rho: 0 }],
  baseline: [[[Math.log(105), Math.log(110.25)]]],
  sigma: [[0.02]],
};

describe("SimulationPlanSchema", () => {
  it("SimulationPlanSchema accepts the TSDoc example and keeps it as it is", () => {
    expect(SimulationPlanSchema.parse(plan).years).toBe(2);
    expect(SimulationPlanSchema.parse(plan)).toEqual(plan);
    // A plan is JSON: it survives a round trip.
    expect(SimulationPlanSchema.parse(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it("SimulationPlanSchema requires a tolerance for an `about` condition", () => {
    const about = {
      ...plan,
      targets: [
        {
          id: "t",
          year: 2022,
          conditions: [
            {
              measure: { kind: "value", scope: "a", indicator: "gdp" },
              comparator: "about",
              threshold: 1,
            },
          ],
        },
      ],
    };
    const parsed = SimulationPlanSchema.safeParse(about);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["targets", 0, "conditions", 0, "tolerance"]);
  });

  it("SimulationPlanSchema rejects persistence outside (−1, 1) and a negative sigma", () => {
    expect(
      SimulationPlanSchema.safeParse({ ...plan, indicators: [{ ...plan.indicators[0]!, phi: 1 }] })
        .success,
    ).toBe(false);
    expect(SimulationPlanSchema.safeParse({ ...plan, sigma: [[-0.1]] }).success).toBe(false);
  });
});
