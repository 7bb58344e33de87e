import { describe, expect, it } from "vitest";
import { withinSegmentSteps } from "../../../src/models/internal/withinSegmentSteps.js";

describe("withinSegmentSteps", () => {
  it("drops the step across a break and records gaps", () => {
    const steps = withinSegmentSteps([2015, 2017, 2018, 2019], [1, 3, 4, 9], [2019]);
    expect(steps).toEqual([
      { dy: 2, dt: 2, index: 1 },
      { dy: 1, dt: 1, index: 2 },
    ]);
  });
});
