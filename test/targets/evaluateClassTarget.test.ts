import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import type { Target } from "../../src/index.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

// Population is observed 2020–2023: east 40 (small: < 50), west 60 (medium: 50–100), in 10k.
const classTarget = (year: number, west: "medium" | "large"): Target => ({
  id: "classes",
  nameZh: "城市规模",
  nameEn: "City sizes",
  kind: "class",
  scope: "all",
  indicator: "population",
  comparator: ">=",
  value: 2,
  unit: "class",
  year,
  baseYear: 2020,
  classes: [
    { scope: "east", atLeast: "small" },
    { scope: "west", atLeast: west },
  ],
  provenance: { kind: "plan", quote: "测试" },
});

describe("evaluateClassTarget", () => {
  it("evaluateClassTarget judges an observed target year as history: achieved or off-track", () => {
    const met = assessPack({ ...syntheticPack(), targets: [classTarget(2023, "medium")] }, "steady")
      .rows[0];
    expect(met?.projected).toBe(2);
    expect(met?.status).toBe("achieved");
    // west (60) is not large (≥ 100): 1 of 2, and 2023 is observed, so no growth can help
    const missed = assessPack(
      { ...syntheticPack(), targets: [classTarget(2023, "large")] },
      "steady",
    ).rows[0];
    expect(missed?.projected).toBe(1);
    expect(missed?.status).toBe("off-track");
  });

  it("evaluateClassTarget's observed target year is left out of the simulation instead of breaking it", async () => {
    const base = syntheticPack();
    const gdpLevel = base.targets.find((t) => t.id === "gdp-level") as Target;
    const pack = { ...base, targets: [classTarget(2023, "medium"), gdpLevel] };
    const { assessment, skipped } = await simulatePack(pack, "steady", {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(skipped).toContainEqual({
      targetId: "classes",
      reason: "not evaluable deterministically",
    });
    expect(assessment.rows[0]?.status).toBe("achieved");
  });
});
