import { describe, expect, it } from "vitest";
import { theilDecomposition } from "../../src/analysis/theilDecomposition.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

// Qujing's nine places in 2018 (data/qujing/panel-observations.csv, CSMAR_CNT_GDP and
// CSMAR_CNT_POP): GDP in 100M yuan, year-end resident population in 10k persons.
const PLACES_2018 = [
  { place: "qilin", gdp: 651.86, pop: 78.1, centre: true },
  { place: "zhanyi", gdp: 205.81, pop: 45.51, centre: true },
  { place: "malong", gdp: 56.13, pop: 19.64, centre: true },
  { place: "xuanwei", gdp: 280.76, pop: 137.47, centre: false },
  { place: "huize", gdp: 190.02, pop: 96.02, centre: false },
  { place: "luliang", gdp: 175.68, pop: 64.69, centre: false },
  { place: "shizong", gdp: 119.08, pop: 41.09, centre: false },
  { place: "luoping", gdp: 178.63, pop: 57.88, centre: false },
  { place: "fuyuan", gdp: 155.35, pop: 75.14, centre: false },
];

// Hand computation (Python floats, written out; not the library):
//   y_i = 1e4 · GDP_i / pop_i (yuan per person): qilin 83464.79, zhanyi 45223.03, malong 28579.43,
//   xuanwei 20423.37, huize 19789.63, luliang 27157.21, shizong 28980.29, luoping 30862.13,
//   fuyuan 20674.74. Y = Σ GDP = 2013.32, N = Σ pop = 615.54.
//   T = Σ (GDP_i/Y) ln((GDP_i/Y)/(pop_i/N)) = 0.1556348414991804
//   centre (qilin, zhanyi, malong): Yᵍ/Y = 913.80/2013.32 = 0.4538771779945563,
//     Nᵍ/N = 143.25/615.54 = 0.23272248757188813, mean 63790.58, Tᵍ = 0.06496646953024077
//   rest: Yᵍ/Y = 0.5461228220054438, Nᵍ/N = 0.7672775124281119, mean 23280.61,
//     Tᵍ = 0.01584167527236024
//   between = 0.45388 ln(0.45388/0.23272) + 0.54612 ln(0.54612/0.76728) = 0.11749654323949013
//   within  = 0.45388 · 0.064966 + 0.54612 · 0.015842 = 0.038138298259690236
//   between + within = 0.15563484149918036 = T.
const HAND = {
  total: 0.1556348414991804,
  between: 0.11749654323949013,
  within: 0.038138298259690236,
  centre: {
    valueShare: 0.4538771779945563,
    weightShare: 0.23272248757188813,
    theil: 0.06496646953024077,
  },
  rest: {
    valueShare: 0.5461228220054438,
    weightShare: 0.7672775124281119,
    theil: 0.01584167527236024,
  },
};

const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(1e-13);

describe("theilDecomposition", () => {
  const values = PLACES_2018.map((p) => (1e4 * p.gdp) / p.pop);
  const weights = PLACES_2018.map((p) => p.pop);
  const groups = PLACES_2018.map((p) => (p.centre ? "central-city" : "rest"));

  it("theilDecomposition splits Qujing's 2018 Theil T between the central city and the rest as a hand computation does", () => {
    const d = theilDecomposition(values, weights, groups);
    close(d.total, HAND.total);
    close(d.between, HAND.between);
    close(d.within, HAND.within);
    const [centre, rest] = d.groups;
    expect(centre?.group).toBe("central-city");
    expect(centre?.n).toBe(3);
    close(centre?.valueShare ?? Number.NaN, HAND.centre.valueShare);
    close(centre?.weightShare ?? Number.NaN, HAND.centre.weightShare);
    close(centre?.theil ?? Number.NaN, HAND.centre.theil);
    expect(centre?.mean).toBeCloseTo((1e4 * 913.8) / 143.25, 8);
    expect(rest?.n).toBe(6);
    close(rest?.valueShare ?? Number.NaN, HAND.rest.valueShare);
    close(rest?.weightShare ?? Number.NaN, HAND.rest.weightShare);
    close(rest?.theil ?? Number.NaN, HAND.rest.theil);
  });

  it("theilDecomposition gives a group of one place no inequality within", () => {
    const d = theilDecomposition([2, 4, 8], [1, 1, 1], ["a", "b", "b"]);
    expect(d.groups[0]?.theil).toBe(0);
    // With one group the whole T is within it.
    const one = theilDecomposition([2, 4, 8], [1, 2, 3], ["g", "g", "g"]);
    expect(one.between).toBeCloseTo(0, 15);
    expect(one.within).toBeCloseTo(one.total, 15);
  });

  it("theilDecomposition refuses what is not a positive value, weight or a label", () => {
    expect(() => theilDecomposition([1], [1], ["a"])).toThrow(
      new ArgumentRangeError("theilDecomposition: needs at least 2 places (got 1)", {
        code: "out-of-range",
        path: "values",
      }),
    );
    expect(() => theilDecomposition([1, 2, 3], [1, 1, 1], ["a", "b"])).toThrow(
      "theilDecomposition: values, weights and groups differ in length (3, 3, 2)",
    );
    expect(() => theilDecomposition([1, 0, 3], [1, 1, 1], ["a", "b", "c"])).toThrow(
      "theilDecomposition: values[1] must be a positive finite number (got 0)",
    );
    expect(() => theilDecomposition([1, 2], [1, 0], ["a", "b"])).toThrow(ArgumentRangeError);
    expect(() => theilDecomposition([1, 2], [1, 1], ["a", 3 as unknown as string])).toThrow(
      ArgumentTypeError,
    );
  });
});
