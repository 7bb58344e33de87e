import { describe, expect, it } from "vitest";
import { intervalAt } from "../../../src/targets/internal/seriesPath.js";

describe("intervalAt", () => {
  it("intervalAt reports no interval when a bound overflowed to Infinity", () => {
    const series = {
      scope: "east",
      indicator: "gdp",
      basis: "observed" as const,
      observed: [],
      unused: [],
      years: [2024, 2025],
      values: [1, 2],
      lower: [0.5, 0.1],
      upper: [2, Number.POSITIVE_INFINITY],
      informative: true,
      notes: [],
    };
    expect(intervalAt(series, 2024, 0.8)).toEqual({ lower: 0.5, upper: 2, level: 0.8 });
    expect(intervalAt(series, 2025, 0.8)).toBeNull();
  });
});
