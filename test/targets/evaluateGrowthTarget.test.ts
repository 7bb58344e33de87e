import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Target } from "../../src/index.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

describe("evaluateGrowthTarget", () => {
  it("evaluateGrowthTarget reports a target year not after its base year instead of throwing", () => {
    const pack = syntheticPack();
    const growth = pack.targets.find((t) => t.id === "east-growth") as Target;
    // a growth rate over 2020 → 2020 is undefined (zero years): a row, not a RangeError from cagr
    const row = assessPack({ ...pack, targets: [{ ...growth, year: 2020 }] }, "steady").rows[0];
    expect(row?.status).toBe("insufficient-data");
    expect(row?.notes).toEqual([
      "target year 2020 is not after the base year 2020: growth undefined",
    ]);
  });
});
