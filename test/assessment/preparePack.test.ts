// preparePack: many assessments of one pack reuse what they share, and give exactly what
// assessPack gives (test/assessment/goldenAssessments.test.ts pins those results bit for bit; here
// the prepared pack is compared with assessPack of a fresh copy of the pack, whose memos are
// empty, so every number is computed again).
import { describe, expect, it } from "vitest";
import { copyDisparityRow } from "../../src/assessment/assessDisparity.js";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessPack,
  preparePack,
  qujingPack,
  type RegionPack,
  type ScenarioInput,
} from "../../src/index.js";
import { goldenCases } from "../helpers/goldenAssessments.js";

/** Every object and array reachable from a value. */
function objectsOf(value: unknown, out = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || out.has(value)) return out;
  out.add(value);
  for (const v of Object.values(value)) objectsOf(v, out);
  return out;
}

/** The city's GDP growing at `rate` a year on top of the trend scenario (its places' GDP too). */
const cityGrowth = (rate: number): ScenarioInput => ({
  id: "city-growth",
  nameEn: "City growth",
  description: "trend, with the city's GDP at a given rate",
  extends: "trend",
  models: [{ scope: "city", indicator: "gdp", spec: { kind: "cagr", rate }, reason: "test" }],
});

/** A copy of a pack as a new object: checked and projected from scratch. */
const fresh = (pack: RegionPack): RegionPack => structuredClone(pack);

describe("preparePack", () => {
  it("gives assessPack's results for every pinned case, in any order and again", () => {
    const cases = goldenCases().filter((c) => c.simulate === undefined);
    for (const round of [0, 1])
      for (const c of round === 0 ? cases : [...cases].reverse()) {
        const options = c.data === undefined ? {} : { data: c.data };
        const prepared = preparePack(c.pack).assess(c.scenario, options);
        expect(JSON.stringify(prepared), `${c.id}, round ${round}`).toBe(
          JSON.stringify(assessPack(fresh(c.pack), c.scenario, options)),
        );
      }
  });

  it("recomputes only what an assumption changes: variants equal fresh assessments", () => {
    const prepared = preparePack(qujingPack);
    for (const rate of [0.03, 0.05, 0.03, 0.07]) {
      const variant = cityGrowth(rate);
      expect(JSON.stringify(prepared.assess(variant)), `rate ${rate}`).toBe(
        JSON.stringify(assessPack(fresh(qujingPack), variant)),
      );
    }
    // A variant changes what it should: the city's GDP in 2035 grows with the rate.
    const gdp2035 = (rate: number) =>
      prepared
        .assess(cityGrowth(rate))
        .projections?.find((p) => p.scope === "city" && p.indicator === "gdp")
        ?.values.at(-1);
    expect(gdp2035(0.05)).toBeGreaterThan(gdp2035(0.03) as number);
  });

  it("follows a scenario object the caller changes between calls", () => {
    const prepared = preparePack(qujingPack);
    const scenario = cityGrowth(0.03);
    const before = JSON.stringify(prepared.assess(scenario));
    const model = scenario.models?.[0];
    if (model === undefined || model.spec.kind !== "cagr") throw new Error("no cagr model");
    (model.spec as { rate: number }).rate = 0.06;
    const after = JSON.stringify(prepared.assess(scenario));
    expect(after).not.toBe(before);
    expect(after).toBe(JSON.stringify(assessPack(fresh(qujingPack), cityGrowth(0.06))));
  });

  it("hands out results that the caller may change without changing later ones", () => {
    const prepared = preparePack(qujingPack);
    const first = prepared.assess("trend");
    const expected = JSON.stringify(first);
    const row = first.disparity?.[0];
    const target = first.rows[0];
    const projected = first.projections?.[0];
    if (row === undefined || target === undefined || projected === undefined)
      throw new Error("no disparity row, target row or projection");
    (row.values as { value: number }[])[0] = { value: -1 } as never;
    (row as { year: number }).year = 1900;
    (target.notes as string[]).push("changed");
    (projected.values as number[])[0] = -1;
    const place = first.placeTable?.[0];
    if (place === undefined) throw new Error("no place table row");
    (place as { scope: string }).scope = "changed";
    (first.rows[1] as { status: string }).status = "changed";
    expect(JSON.stringify(prepared.assess("trend"))).toBe(expected);
    expect(JSON.stringify(assessPack(qujingPack, "trend"))).toBe(expected);
  });

  it("hands out copies of a projection's issues and discrepancies, which serve many calls", () => {
    const prepared = preparePack(qujingPack);
    const late: ScenarioInput = {
      id: "late-override",
      nameEn: "Late override",
      description: "trend with an override after the projection",
      extends: "trend",
      overrides: [{ scope: "qilin", indicator: "gdp", year: 2040, value: 9000, reason: "test" }],
    };
    const first = prepared.assess(late);
    const expected = JSON.stringify(first);
    const issue = first.issues[0];
    const discrepancy = first.discrepancies[0];
    if (issue === undefined || discrepancy === undefined)
      throw new Error("expected an issue and a discrepancy");
    (issue as { message: string }).message = "changed";
    (discrepancy.placesWithData as string[]).push("changed");
    expect(JSON.stringify(prepared.assess(late))).toBe(expected);
  });

  it("copies disparity rows whole: equal, sharing no object or array", () => {
    const rows = assessPack(qujingPack, "trend").disparity ?? [];
    // Rows of every shape: with measures and without, breaks, places left out, data needs.
    expect(rows.some((r) => r.break !== null && r.break !== undefined)).toBe(true);
    expect(rows.some((r) => r.measures === null)).toBe(true);
    expect(rows.some((r) => r.missing.length > 0)).toBe(true);
    for (const row of rows) {
      const copy = copyDisparityRow(row);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(row));
      const shared = [...objectsOf(copy)].filter((o) => objectsOf(row).has(o));
      expect(shared).toEqual([]);
    }
  });

  it("names the prepared pack and takes data and strict as assessPack does", () => {
    const prepared = preparePack(qujingPack);
    expect(prepared.id).toBe("qujing");
    const data = [
      {
        place: "qilin",
        indicator: "gdp",
        year: 2023,
        value: -1,
        unit: "100M yuan",
        source: "me",
        quality: "A" as const,
      },
    ];
    expect(JSON.stringify(prepared.assess("trend", { data }))).toBe(
      JSON.stringify(assessPack(fresh(qujingPack), "trend", { data })),
    );
    expect(() => prepared.assess("trend", { data, strict: true })).toThrow(
      "assess: options.data must be valid observations (options.data[0].value: negative value for the level indicator gdp (expected at least 0, got -1))",
    );
  });

  it("refuses what is not a pack, and scenarios and options as assessPack does", () => {
    expect(() => preparePack(null as never)).toThrow(ArgumentTypeError);
    expect(() => preparePack(null as never)).toThrow(
      /^preparePack: pack must be a region pack \(got null\)$/,
    );
    const prepared = preparePack(qujingPack);
    expect(() => prepared.assess(undefined as never)).toThrow(ArgumentTypeError);
    expect(() => prepared.assess(undefined as never)).toThrow(
      /^assess: scenario must be a scenario id of the pack \("trend", "plan", "downside"\) or a scenario object \(got nothing\)$/,
    );
    expect(() => prepared.assess("trnd")).toThrow(ArgumentRangeError);
    expect(() => prepared.assess("trnd")).toThrow(/did you mean "trend"\?/);
    expect(() => prepared.assess("trend", { dta: [] } as never)).toThrow(
      /^assess: options\.dta is not an option; did you mean data\?/,
    );
  });
});
