import { describe, expect, it } from "vitest";
import { findDiscrepancies } from "../../src/scenarios/findDiscrepancies.js";
import type { ScopeSeries } from "../../src/scenarios/scopeSeries.js";

const observedSeries = (
  scope: string,
  basis: ScopeSeries["basis"],
  points: readonly (readonly [number, number])[],
): ScopeSeries => ({
  scope,
  indicator: "gdp",
  basis,
  observed: points.map(([year, value]) => ({ year, value, source: "T", quality: "A" })),
  unused: [],
  years: [],
  values: [],
  informative: true,
  notes: [],
});

describe("findDiscrepancies", () => {
  it("findDiscrepancies compares a group's own observations with its places' sum, year by year", () => {
    const own = observedSeries("all", "observed", [
      [2021, 0],
      [2022, 200],
      [2023, 210],
    ]);
    const places = observedSeries("all", "places", [
      [2021, 5],
      [2022, 190],
    ]);
    // 2021: own value 0 has no relative difference; 2023: no aggregate observed
    expect(findDiscrepancies([own], [places], new Map([["all", ["east", "west"]]]))).toEqual([
      {
        scope: "all",
        indicator: "gdp",
        year: 2022,
        observed: 200,
        aggregated: 190,
        relative: -0.05,
        placesWithData: ["east", "west"],
      },
    ]);
  });
});
