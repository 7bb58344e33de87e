import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";

describe("findSeries", () => {
  it("findSeries reads a group's own series when its places are never all observed in one year", () => {
    // east is observed in 2020 and 2022, west in 2021 and 2023: their sum is only ever
    // part-projected, while "all" has GDP of its own for 2020–2023 (200 · 1.05^k)
    const data = [
      obs("east", "gdp", 2020, 100, "100M yuan"),
      obs("east", "gdp", 2022, 121, "100M yuan"),
      obs("west", "gdp", 2021, 52.5, "100M yuan"),
      obs("west", "gdp", 2023, 57.88125, "100M yuan"),
      ...[0, 1, 2, 3].map((k) => obs("all", "gdp", 2020 + k, 200 * 1.05 ** k, "100M yuan")),
    ];
    const pack = syntheticPack(data);
    const row = assessPack(
      { ...pack, targets: pack.targets.filter((t) => t.id === "gdp-level") },
      {
        id: "five",
        nameEn: "Five per cent",
        description: "Everything grows 5% a year.",
        models: [{ scope: "*", indicator: "*", spec: { kind: "cagr", rate: 0.05 }, reason: "5%" }],
      },
    ).rows[0];
    // all's own series: 200 · 1.05^5 = 255.2563… ≥ 250, latest 2023 = 231.525
    expect(row?.status).not.toBe("insufficient-data");
    expect(row?.latest).toMatchObject({ year: 2023 });
    expect(row?.latest?.value).toBeCloseTo(231.525, 9);
    expect(row?.projected).toBeCloseTo(200 * 1.05 ** 5, 9);
  });
});
