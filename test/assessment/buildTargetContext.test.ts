import { describe, expect, it } from "vitest";
import { buildTargetContext } from "../../src/assessment/buildTargetContext.js";
import { targetContext } from "../../src/index.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const pack = syntheticPack();
const projection = projectScenario(
  pack.dataset,
  resolveScenario("steady", pack.scenarios),
  pack.references,
);

describe("buildTargetContext", () => {
  it("buildTargetContext carries the projection, the data and the plan's base and end years", () => {
    const context = buildTargetContext(pack, pack.dataset, projection);
    expect(context.projection).toBe(projection);
    expect(context.dataset).toBe(pack.dataset);
    expect(context.plan).toEqual({ baseYear: 2020, endYear: 2025 });
  });

  it("buildTargetContext ends a plan without an end year five years after its base year", () => {
    const { endYear: _, ...plan } = pack.plan;
    const context = buildTargetContext({ ...pack, plan }, pack.dataset, projection);
    expect(context.plan).toEqual({ baseYear: 2020, endYear: 2025 });
    const later = buildTargetContext(
      { ...pack, plan: { ...plan, baseYear: 2021 } },
      pack.dataset,
      projection,
    );
    expect(later.plan).toEqual({ baseYear: 2021, endYear: 2026 });
  });

  it("targetContext, its deprecated name in the package root, is the same function", () => {
    expect(targetContext).toBe(buildTargetContext);
  });
});
