import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SOLVE_RULES } from "../../src/analysis/solveResult.js";
import { solveTarget } from "../../src/analysis/solveTarget.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

// The synthetic pack (test/helpers/syntheticPack.ts): east and west, 133.1 and 57.88125 in 2023
// (sum 190.98125), the group "all" read from their sum.
const base = syntheticPack();

/** The pack with one more target on the group's GDP in 2025: `comparator value`. */
function withTarget(comparator: ">=" | "<=", value: number) {
  const target = {
    ...(base.targets[0] as (typeof base.targets)[number]),
    id: "t",
    comparator,
    value,
  };
  return { ...base, targets: [...base.targets, target] };
}

describe("solveTarget, for any reachable level and any rule", () => {
  it("writes a scenario under which the assessed projection lies within 0.5% on the meeting side", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(">=" as const, "<=" as const),
        // From 60% to 250% of the latest sum: growth from about −22% to +58% a year over 2 years.
        fc.double({ min: 115, max: 480, noNaN: true }),
        fc.constantFrom(...SOLVE_RULES),
        async (comparator, value, rule) => {
          const pack = withTarget(comparator, value);
          const s = await solveTarget(pack, "steady", "t", { rule });
          const row = assessPack(pack, s.scenario).rows.find((r) => r.targetId === "t");
          const ratio = (row?.projected as number) / value;
          expect(row?.met).toBe(true);
          if (comparator === ">=") {
            expect(ratio).toBeGreaterThanOrEqual(1 - 1e-12);
            expect(ratio).toBeLessThanOrEqual(1.005 + 1e-6);
          } else {
            expect(ratio).toBeLessThanOrEqual(1 + 1e-12);
            expect(ratio).toBeGreaterThanOrEqual(0.995 - 1e-6);
          }
          // The places' answer adds up to what the assessment projects.
          const sum = s.places.reduce((t, p) => t + p.level, 0);
          expect(sum / (row?.projected as number)).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it("returns or throws its own argument error whatever a JavaScript caller passes", async () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, Number.NaN, -1, 2));
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, anyValue, async (targetId, probability, rule) => {
        const error = await solveTarget(base, "steady", targetId as string, {
          probability: probability as number,
          rule: rule as never,
          paths: 200,
        }).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error === undefined) return;
        expect(error instanceof ArgumentTypeError || error instanceof ArgumentRangeError).toBe(
          true,
        );
        const { message, path } = error as ArgumentRangeError;
        expect(message.startsWith("solveTarget: ")).toBe(true);
        expect(["targetId", "options.probability", "options.rule"]).toContain(path);
        expect(message).toContain(path);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
