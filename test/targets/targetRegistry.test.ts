import { describe, expect, it } from "vitest";
import { TargetSchema } from "../../src/schemas/target.js";
import { targetDefinitionOf, targetRegistry } from "../../src/targets/targetRegistry.js";
import { syntheticTargets } from "../helpers/syntheticPack.js";

describe("targetRegistry", () => {
  it("targetRegistry has one definition for every kind of TargetSchema, under its kind", () => {
    const kinds = TargetSchema.options.map((option) => option.shape.kind.value);
    expect(Object.keys(targetRegistry).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) expect(targetRegistry[kind].kind).toBe(kind);
  });

  it("targetDefinitionOf binds a target to its kind's definition", () => {
    for (const target of syntheticTargets())
      expect(targetDefinitionOf(target).kind).toBe(target.kind);
    const share = syntheticTargets().find((t) => t.kind === "share");
    expect(share && targetDefinitionOf(share).reads()).toEqual({
      series: [
        { scope: "east", indicator: "gdp" },
        { scope: "all", indicator: "gdp" },
      ],
      references: [],
    });
  });
});
