import { describe, expect, it } from "vitest";
import { mergeObservations } from "../../src/assessment/mergeObservations.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";

describe("mergeObservations", () => {
  const { dataset } = syntheticPack();

  it("mergeObservations returns the dataset itself when there is nothing to add", () => {
    expect(mergeObservations(dataset, [])).toBe(dataset);
  });

  it("mergeObservations replaces the pack's observation of the same place, indicator and year", () => {
    const user = obs("east", "gdp", 2023, 200, "100M yuan");
    const merged = mergeObservations(dataset, [user]);
    const at = merged.observations.filter(
      (o) => o.place === "east" && o.indicator === "gdp" && o.year === 2023,
    );
    expect(at).toEqual([user]);
    expect(merged.observations).toHaveLength(dataset.observations.length);
    expect(merged.places).toBe(dataset.places);
  });

  it("mergeObservations adds observations of new years after the pack's, and leaves the dataset alone", () => {
    const before = structuredClone(dataset);
    const user = obs("west", "gdp", 2024, 60, "100M yuan");
    const merged = mergeObservations(dataset, [user]);
    expect(merged.observations.at(-1)).toBe(user);
    expect(merged.observations).toHaveLength(dataset.observations.length + 1);
    expect(dataset).toEqual(before);
  });
});
