import { describe, expect, it } from "vitest";
import { sigmaChartValues } from "../../src/analysis/sigmaChartValues.js";
import { sigmaConvergence } from "../../src/analysis/sigmaConvergence.js";
import { disparity } from "../../src/assessment/disparity.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import type { DisparityRow } from "../../src/schemas/assessment.js";

/** A disparity row as assessDisparity writes it, from values and weights by place. */
function row(
  year: number,
  values: Record<string, [number, number]>,
  extra: Partial<DisparityRow> = {},
): DisparityRow {
  const list = Object.entries(values).map(([place, [value, weight]]) => ({ place, value, weight }));
  return {
    indicator: "gdp_per_capita",
    compared: "gdp_per_capita",
    year,
    basis: "observed",
    measures:
      list.length < 2
        ? null
        : disparity(
            list.map((v) => v.value),
            list.map((v) => v.weight),
          ),
    values: list,
    leftOut: ["a", "b", "c", "d"].filter((p) => !(p in values)),
    lowest: null,
    highest: null,
    missing: [],
    break: null,
    ...extra,
  };
}

const CENTRE = { id: "core", members: ["a"] };

describe("sigmaConvergence", () => {
  // Four places whose gaps shrink: b, c, d catch up with a, year after year.
  const rows = [2001, 2002, 2003, 2004].map((year, t) =>
    row(year, { a: [100, 10], b: [40 + 10 * t, 10], c: [30 + 10 * t, 20], d: [50 + 5 * t, 5] }),
  );

  it("sigmaConvergence fits the CV's slope per year, negative when the gaps close", () => {
    const s = sigmaConvergence([...rows].reverse(), { centre: CENTRE });
    expect(s.rows.map((r) => r.year)).toEqual([2001, 2002, 2003, 2004]);
    expect(s.segments).toHaveLength(1);
    const cv = s.rows.map((r) => r.measures?.cv as number);
    // Sxx of 2001…2004 = 5; Sxy = −1.5 cv₁ − 0.5 cv₂ + 0.5 cv₃ + 1.5 cv₄.
    const slope = (-1.5 * cv[0]! - 0.5 * cv[1]! + 0.5 * cv[2]! + 1.5 * cv[3]!) / 5;
    expect(s.trends[0]?.cv.perYear).toBeCloseTo(slope, 14);
    expect(s.trends[0]?.converging).toBe(true);
    expect(s.rows[0]?.measures?.groups.map((g) => g.group)).toEqual(["core", "rest"]);
  });

  it("sigmaConvergence starts a segment at a break and where the places change, and fits no trend on fewer than 3 years", () => {
    const broken = [
      ...rows.slice(0, 2),
      { ...rows[2]!, break: { from: "gdp_per_capita", reason: "census" } },
      rows[3]!,
      row(2005, { a: [100, 10], b: [80, 10], c: [70, 20] }),
      row(2006, { a: [100, 10] }),
    ];
    const s = sigmaConvergence(broken, { centre: CENTRE });
    expect(s.segments.map((g) => [g.from, g.to, g.startsBecause])).toEqual([
      [2001, 2002, null],
      [2003, 2004, "series break: census"],
      [2005, 2005, "places compared change: − d"],
      [2006, 2006, "places compared change: − b, c"],
    ]);
    expect(s.trends).toEqual([]);
    expect(s.rows.at(-1)).toMatchObject({ n: 1, placeCount: 4, measures: null, segment: 4 });
    expect(s.rows[2]?.break?.reason).toBe("census");
  });

  it("sigmaConvergence keeps a row with a zero weight without the Theil split", () => {
    const s = sigmaConvergence([row(2001, { a: [100, 10], b: [50, 0], c: [40, 5] })], {
      centre: CENTRE,
    });
    expect(s.rows[0]?.measures?.between).toBeNull();
    expect(s.rows[0]?.measures?.within).toBeNull();
    expect(s.rows[0]?.measures?.theil).toBeGreaterThan(0);
  });

  it("sigmaConvergence refuses rows of several indicators, a year twice and other arguments", () => {
    const other = { ...rows[1]!, indicator: "urbanization" };
    expect(() => sigmaConvergence([rows[0]!, other], { centre: CENTRE })).toThrow(
      new ArgumentRangeError(
        "sigmaConvergence: rows must be of one indicator (got gdp_per_capita and urbanization)",
        { code: "out-of-range", path: "rows" },
      ),
    );
    expect(() => sigmaConvergence([rows[0]!, rows[0]!], { centre: CENTRE })).toThrow(
      "sigmaConvergence: rows must have one row per year (2001 twice)",
    );
    expect(() => sigmaConvergence([{ year: 2001 } as never], { centre: CENTRE })).toThrow(
      ArgumentTypeError,
    );
    expect(() => sigmaConvergence(rows, { centre: "a" } as never)).toThrow(
      'sigmaConvergence: options.centre must be a group { id, members } (got the string "a")',
    );
  });
});

describe("sigmaChartValues", () => {
  it("sigmaChartValues lists every measure of every year, and the breaks", () => {
    const s = sigmaConvergence(
      [
        row(2001, { a: [100, 10], b: [40, 10] }),
        row(2002, { a: [100, 10], b: [50, 10] }, { break: { from: "x", reason: "census" } }),
        row(2003, { a: [100, 10] }, { basis: "projected" }),
      ],
      { centre: CENTRE },
    );
    const v = sigmaChartValues(s);
    expect(v.points).toHaveLength(10);
    expect(v.points.filter((p) => p.year === 2002).map((p) => p.measure)).toEqual([
      "cv",
      "weightedCv",
      "theil",
      "between",
      "within",
    ]);
    // CV of 100 and 50: mean 75, SD 25 → 1/3.
    expect(v.points.find((p) => p.year === 2002 && p.measure === "cv")?.value).toBeCloseTo(
      1 / 3,
      14,
    );
    expect(v.breaks).toEqual([{ year: 2002, reason: "census" }]);
    expect(() => sigmaChartValues({ rows: 3 } as never)).toThrow(ArgumentTypeError);
  });
});
