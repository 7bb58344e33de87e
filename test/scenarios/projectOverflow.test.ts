import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";

describe("projection out of range", () => {
  it("assessPack reports a projection that overflows as a model failure and the target as needing data, without throwing", () => {
    // east grows 10% a year: 1.7e308 · 1.1 passes Number.MAX_VALUE (1.8e308) in 2024
    const assessment = assessPack(syntheticPack(), "steady", {
      data: [obs("east", "gdp", 2023, 1.7e308, "100M yuan")],
    });
    expect(assessment.issues).toContainEqual(
      expect.objectContaining({
        code: "model-failed",
        message:
          "east gdp: could not project with cagr: the projection leaves the range of numbers in 2024 (check the data's magnitude and unit)",
      }),
    );
    const row = assessment.rows.find((r) => r.targetId === "gdp-level");
    expect(row?.status).toBe("insufficient-data");
    expect(row?.missing[0]?.why).toContain("could not project with cagr");
  });
});
