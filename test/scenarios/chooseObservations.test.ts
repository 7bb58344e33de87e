import { describe, expect, it } from "vitest";
import { chooseObservations } from "../../src/scenarios/chooseObservations.js";
import { obs } from "../helpers/syntheticPack.js";

describe("chooseObservations", () => {
  const list = [
    obs("east", "gdp", 2021, 112, "u", "B", "yearbook"),
    obs("east", "gdp", 2020, 100, "u", "C", "estimate"),
    obs("east", "gdp", 2021, 110, "u", "A", "NBS"),
    obs("east", "gdp", 2021, 110, "u", "B", "bulletin"),
  ];

  it("chooseObservations uses the best grade of each year and notes the other values reported", () => {
    const chosen = chooseObservations(list, false);
    // 2020 has only a quality C figure, not admitted
    expect(chosen.used.map((p) => [p.year, p.value, p.source])).toEqual([[2021, 110, "NBS"]]);
    expect(chosen.unused.map((p) => [p.year, p.source])).toEqual([
      [2020, "estimate"],
      [2021, "yearbook"],
      [2021, "bulletin"],
    ]);
    // the bulletin agrees with the value used, so only the yearbook is a conflict
    expect(chosen.notes).toEqual(["2021: used 110 (NBS, A); also reported 112 (yearbook, B)"]);
  });

  it("chooseObservations admits quality C when asked", () => {
    expect(chooseObservations(list, true).used.map((p) => [p.year, p.quality])).toEqual([
      [2020, "C"],
      [2021, "A"],
    ]);
  });
});
