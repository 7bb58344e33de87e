import { describe, expect, it } from "vitest";
import { ArgumentRangeError, ArgumentTypeError, chainIndex } from "../../src/index.js";

// Qujing's GDP index (previous year = 100), from ../shared/data/cn-panels/prefecture_panel.csv.
const QUJING_INDEX = {
  years: [2018, 2019, 2020, 2021, 2022, 2023],
  values: [108.5, 109.6, 106.6, 112.0, 108.1, 107.5],
};

describe("chainIndex", () => {
  it("chainIndex keeps the reference year's level and chains later years forwards", () => {
    // Qujing's GDP in 2020 is 2959.35 (100M yuan, CSMAR_GH). At 2020 prices:
    // 2021 = 2959.35 × 112.0 / 100 = 3314.472
    // 2022 = 3314.472 × 108.1 / 100 = 3582.944232
    // 2023 = 3582.944232 × 107.5 / 100 = 3851.66504940
    const real = chainIndex(QUJING_INDEX, 2020, 2959.35);
    const at = (year: number) => real.values[real.years.indexOf(year)];
    expect(at(2020)).toBe(2959.35);
    expect(at(2021)).toBeCloseTo(3314.472, 9);
    expect(at(2022)).toBeCloseTo(3582.944232, 9);
    expect(at(2023)).toBeCloseTo(3851.6650494, 9);
  });

  it("chainIndex divides earlier years back by the index of the year after them", () => {
    // 2019 = 2959.35 / 1.066 = 2776.12570356…; 2018 = 2776.12570356 / 1.096 = 2532.96140836…;
    // 2017 = 2532.96140836 / 1.085 = 2334.52664365… (the 2018 index is the step 2017 → 2018).
    const real = chainIndex(QUJING_INDEX, 2020, 2959.35);
    expect(real.years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(real.values[0]).toBeCloseTo(2334.526644, 5);
    expect(real.values[1]).toBeCloseTo(2532.961408, 5);
    expect(real.values[2]).toBeCloseTo(2776.125704, 5);
  });

  it("chainIndex gives the same real growth whatever the reference year", () => {
    const at2020 = chainIndex(QUJING_INDEX, 2020, 2959.35);
    const at2018 = chainIndex(QUJING_INDEX, 2018, 2013.36);
    // Growth 2018 → 2023 is the product of the indices 2019–2023 either way:
    // 1.096 × 1.066 × 1.12 × 1.081 × 1.075 = 1.52063…
    const growth = (r: { years: number[]; values: number[] }) =>
      (r.values[r.years.indexOf(2023)] as number) / (r.values[r.years.indexOf(2018)] as number);
    expect(growth(at2020)).toBeCloseTo(1.096 * 1.066 * 1.12 * 1.081 * 1.075, 12);
    expect(growth(at2018)).toBeCloseTo(growth(at2020), 12);
  });

  it("chainIndex stops at the first missing year on each side", () => {
    // 2016 is missing: 2015's index cannot be reached from 2020 (the growth 2015 → 2016 is unknown).
    const real = chainIndex(
      { years: [2015, 2017, 2018, 2021], values: [107.4, 110.0, 108.5, 112.0] },
      2020,
      100,
    );
    // 2019 needs the 2020 index, which is missing too: the chain holds 2020 and 2021 only.
    expect(real.years).toEqual([2020, 2021]);
    expect(real.values).toEqual([100, 112.00000000000001]);
  });

  it("chainIndex rejects what is not an index, naming the parameter", () => {
    expect(() => chainIndex({ years: [2021], values: [0] }, 2020, 100)).toThrow(ArgumentRangeError);
    expect(() => chainIndex({ years: [2021], values: [0] }, 2020, 100)).toThrow(
      "chainIndex: index.values[0] must be a positive finite number (previous year = 100) (got 0)",
    );
    expect(() =>
      chainIndex({ years: [2021], values: ["108" as unknown as number] }, 2020, 100),
    ).toThrow(ArgumentTypeError);
    expect(() => chainIndex({ years: [2022, 2021], values: [1, 1] }, 2020, 100)).toThrow(
      "chainIndex: index.years must be increasing (got 2021 after 2022 at index.years[1])",
    );
    expect(() => chainIndex({ years: [2021], values: [101, 102] }, 2020, 100)).toThrow(
      "chainIndex: index.years and index.values differ in length (1 years, 2 values)",
    );
    expect(() => chainIndex(QUJING_INDEX, 2020, -1)).toThrow(
      "chainIndex: referenceValue must be a positive finite number (got -1)",
    );
    expect(() => chainIndex(QUJING_INDEX, 2020.5, 1)).toThrow(
      "chainIndex: referenceYear must be an integer (got 2020.5)",
    );
    expect(() => chainIndex(undefined as never, 2020, 1)).toThrow(
      "chainIndex: index must be an object { years, values } (got nothing)",
    );
  });
});
