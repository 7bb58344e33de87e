import { describe, expect, it } from "vitest";
import { segmentIds } from "../../../src/models/internal/segmentIds.js";

describe("segmentIds", () => {
  it("starts a new segment at the first year on or after each break", () => {
    expect(segmentIds([2017, 2018, 2019, 2020], [2019])).toEqual([0, 0, 1, 1]);
    expect(segmentIds([2015, 2016, 2017, 2018, 2019], [2016, 2019])).toEqual([0, 1, 1, 1, 2]);
  });

  it("puts a break that falls in a gap between the two observed years around it", () => {
    // No observation in 2018–2019: the break at 2019 separates 2017 from 2020.
    expect(segmentIds([2016, 2017, 2020, 2021], [2019])).toEqual([0, 0, 1, 1]);
  });

  it("ignores breaks outside the series' span and counts two breaks in one gap once", () => {
    expect(segmentIds([2017, 2018, 2019], [2010, 2017, 2030])).toEqual([0, 0, 0]);
    expect(segmentIds([2010, 2015, 2016], [2012, 2014])).toEqual([0, 1, 1]);
    expect(segmentIds([], [2019])).toEqual([]);
  });
});
