import { describe, expect, it } from "vitest";
import { MAX_TARGET_YEAR, MIN_TARGET_YEAR, TargetSchema } from "../../src/schemas/target.js";

const level = {
  id: "gdp-2025",
  nameZh: "地区生产总值",
  nameEn: "GDP",
  scope: "city",
  indicator: "gdp",
  kind: "level",
  comparator: ">=",
  value: 4500,
  unit: "100M yuan",
  year: 2025,
  baseYear: 2020,
  provenance: { kind: "plan", quote: "地区生产总值达到4500亿元" },
};
const issues = (target: unknown) =>
  (TargetSchema.safeParse(target).error?.issues ?? []).map((i) => [i.path.join("."), i.code]);

describe("TargetSchema's years", () => {
  it("accepts years from 1949 to 2100", () => {
    expect([MIN_TARGET_YEAR, MAX_TARGET_YEAR]).toEqual([1949, 2100]);
    expect(issues({ ...level, baseYear: 1949, year: 2100 })).toEqual([]);
  });
  it("refuses a base year before 1949 and a year after 2100", () => {
    expect(issues({ ...level, baseYear: 1948 })).toEqual([["baseYear", "too_small"]]);
    expect(issues({ ...level, year: 2101 })).toEqual([["year", "too_big"]]);
  });
  it("refuses a year that is not after the base year, with what was expected", () => {
    const result = TargetSchema.safeParse({ ...level, year: 2020 });
    expect(result.error?.issues).toEqual([
      {
        code: "custom",
        path: ["year"],
        message: "the target year is not after its base year",
        params: { code: "year-not-after-base", expected: "a year after the base year 2020" },
      },
    ]);
  });
  it("a rank target without a year has no year to compare", () => {
    const rank = { ...level, kind: "rank", year: null, reference: "gdp-70th", unit: "rank" };
    expect(issues(rank)).toEqual([]);
  });
});
