import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessPack } from "../../src/assessment/assessPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { run } from "./runCliHarness.js";

describe("regionsim schema", () => {
  const samples: Record<string, { good: unknown; bad: unknown }> = {
    observations: {
      good: [
        {
          place: "east",
          indicator: "gdp",
          year: 2024,
          value: 1,
          unit: "100M yuan",
          source: "T",
          quality: "A",
        },
      ],
      bad: [
        {
          place: "east",
          indicator: "gdp",
          year: 2024,
          value: 1,
          unit: "100M yuan",
          source: "T",
          quality: "D",
        },
      ],
    },
    targets: {
      good: { targets: syntheticPack().targets },
      bad: { targets: [{ id: "x", kind: "level" }] },
    },
    scenario: {
      // defaults (models, shocks, …) may be left out of an input scenario
      good: { id: "s", nameEn: "S", description: "d", extends: "steady" },
      bad: { id: "s", nameEn: "S" },
    },
    assessment: { good: assessPack(syntheticPack(), "steady"), bad: { pack: "x" } },
  };

  for (const name of ["observations", "targets", "scenario", "assessment"]) {
    it(`prints a draft 2020-12 JSON Schema for ${name} that accepts a good document and rejects a bad one`, async () => {
      const r = await run(["schema", name]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const schema = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.title).toBe(`regionsim ${name}`);
      const validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
      const sample = samples[name] as { good: unknown; bad: unknown };
      expect(validator.safeParse(sample.good).success).toBe(true);
      expect(validator.safeParse(sample.bad).success).toBe(false);
    });
  }
});
