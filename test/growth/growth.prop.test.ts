import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossingYear } from "../../src/growth/crossingYear.js";
import { requiredGrowth } from "../../src/growth/requiredGrowth.js";
import { fitModel } from "../../src/models/fitModel.js";
import { projectModel } from "../../src/models/projectModel.js";

// Levels of regional economies: positive, from a few hundred thousand yuan to trillions.
const level = fc.double({ min: 1e-2, max: 1e6, noNaN: true });
const years = fc.integer({ min: 1, max: 30 });

describe("growth properties", () => {
  it("projecting with the required growth lands on the target", () => {
    fc.assert(
      fc.property(level, level, years, (latest, target, n) => {
        const rate = requiredGrowth(latest, target, n);
        fc.pre(rate > -0.99 && rate < 9.9); // the cagr model's admissible range
        const fitted = fitModel({ kind: "cagr", rate }, { years: [2020], values: [latest] });
        const path = projectModel(fitted, { toYear: 2020 + n });
        const end = path.values[path.values.length - 1] as number;
        // relative error of exp/log round trips: a few ulps per year
        expect(Math.abs(end - target) / target).toBeLessThan(1e-12 * n + 1e-13);
      }),
    );
  });

  it("the crossing year agrees with the path: met that year and in no year before", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.constantFrom("atLeast" as const, "atMost" as const),
        (values, threshold, direction) => {
          const ys = values.map((_, k) => 2021 + k);
          const year = crossingYear({ years: ys, values }, threshold, { direction });
          const meets = (v: number) => (direction === "atLeast" ? v >= threshold : v <= threshold);
          if (year === undefined) expect(values.some(meets)).toBe(false);
          else {
            const k = ys.indexOf(year);
            expect(meets(values[k] as number)).toBe(true);
            expect(values.slice(0, k).some(meets)).toBe(false);
          }
        },
      ),
    );
  });
});
