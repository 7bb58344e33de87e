import { describe, expect, it } from "vitest";
import { linkSegments } from "../../../src/models/internal/linkSegments.js";

describe("linkSegments", () => {
  it("imputes the step across a break as the mean within-segment step and keeps the last segment", () => {
    // Steps within segments: 1 (2017→18), 3 (2019→20), 2 (2020→21): mean 2 a year. The jump
    // 2018→2019 (2 → 10) becomes 2, so the first segment moves up by 6.
    const linked = linkSegments([2017, 2018, 2019, 2020, 2021], [1, 2, 10, 13, 15], [2019]);
    expect(linked.y).toEqual([7, 8, 10, 13, 15]);
    expect(linked.stepPerYear).toBe(2);
  });

  it("fills missing years by linear interpolation", () => {
    const linked = linkSegments([2018, 2021], [1, 4], []);
    expect(linked.years).toEqual([2018, 2019, 2020, 2021]);
    expect(linked.y).toEqual([1, 2, 3, 4]);
    expect(linked.interpolated).toBe(2);
  });

  it("uses the step per year when the break spans a gap", () => {
    // Mean step 1 a year; across 2017 → 2020 (three years) the imputed change is 3.
    const linked = linkSegments([2016, 2017, 2020, 2021], [0, 1, 50, 51], [2019]);
    expect(linked.y.slice(0, 2)).toEqual([46, 47]);
  });
});
