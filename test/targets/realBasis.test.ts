// Targets judged at constant prices (basis "real") on the priced pack of test/helpers: real growth
// 5% a year, deflator +3% a year, nominal GDP 100 in 2020 growing 8.15% a year to 2022.
import { describe, expect, it } from "vitest";
import {
  type AssessmentRow,
  AssessmentSchema,
  assessPack,
  evaluateTarget,
  simulatePack,
  type Target,
  validatePack,
} from "../../src/index.js";
import { pricedObservations, pricedPack, pricedScenario } from "../helpers/pricedPack.js";
import { contextOf } from "./recordingPlanner.js";

const rowOf = (rows: readonly AssessmentRow[], id: string) =>
  rows.find((r) => r.targetId === id) as AssessmentRow;

describe("a growth target at constant prices", () => {
  const rows = assessPack(pricedPack(), "steady").rows;
  const real = rowOf(rows, "growth-real");

  it("is judged on real growth: 5% a year against 6%", () => {
    // Real GDP at 2020 prices: 100 (2020), 110.25 (2022, the latest), and the scenario's 5% a year
    // to 2025: 110.25 × 1.05³ = 127.628…, a growth of exactly 5% a year from 2020.
    expect(real.basis).toBe("real");
    expect(real.projected).toBeCloseTo(5, 9);
    expect(real.gap?.absolute).toBeCloseTo(-1, 9);
    expect(real.latest).toMatchObject({ year: 2022, source: "TEST" });
    expect(real.latest?.value).toBeCloseTo(110.25, 9);
    // Required from 2022: (100 × 1.06⁵ / 110.25)^(1/3) − 1 = 0.066720…; implied 0.05: within the
    // 2-point margin, so the miss needs acceleration.
    expect(real.requiredGrowth).toBeCloseTo(0.06672, 5);
    expect(real.impliedGrowth).toBeCloseTo(0.05, 9);
    expect(real.status).toBe("needs-acceleration");
    expect(real.notes[0]).toBe(
      "judged at constant 2020 prices (real, 可比价): gdp chained with gdp_index; the judgement at current prices is given beside it",
    );
  });

  it("has the judgement at current prices beside it: 8.15% a year, met", () => {
    // Current prices = the real projection × the deflator, which keeps rising 3% a year:
    // 1.05 × 1.03 = 1.0815, so nominal growth 2020–2025 is 8.15% a year.
    expect(real.nominal?.projected).toBeCloseTo(8.15, 9);
    expect(real.nominal?.gap?.absolute).toBeCloseTo(2.15, 9);
    expect(real.nominal?.met).toBe(true);
    expect(real.nominal?.status).toBe("on-track");
    expect(real.nominal?.statusZh).toBe("符合序时进度");
    expect(real.nominal?.latest?.year).toBe(2022);
    expect(real.nominal?.latest?.value).toBeCloseTo(100 * 1.0815 ** 2, 9);
    expect(real.nominal?.notes).toEqual([
      "projected as the constant-price projection × the deflator, +3.0% a year 2022–2025: its past average growth within series breaks (the drift of its log), the library's default for a deflator; a scenario's deflators entry replaces it",
    ]);
  });

  it("a target without a basis has neither field, as before", () => {
    const plain = rowOf(rows, "growth-nominal");
    expect(plain.basis).toBeUndefined();
    expect(plain.nominal).toBeUndefined();
    expect(plain.indicator).toBe("gdp");
  });

  it("a scenario's deflator changes the judgement at current prices, not the real one", () => {
    const falling = assessPack(pricedPack(), {
      ...pricedScenario,
      id: "falling",
      deflators: [{ scope: "*", indicator: "gdp", rate: -0.02, reason: "prices fall" }],
    }).rows;
    const withDeflator = rowOf(falling, "growth-real");
    // Real: unchanged.
    for (const key of ["projected", "gap", "latest", "requiredGrowth", "impliedGrowth", "status"])
      expect(withDeflator[key as keyof AssessmentRow], key).toEqual(
        real[key as keyof AssessmentRow],
      );
    // Current prices: 1.0815² (2020–2022 observed) × (1.05 × 0.98)³ (2023–2025) over 5 years:
    // exp((2 ln 1.0815 + 3 ln 1.029) / 5) − 1 = 0.049692…, below 6%: missed. Required from 2022:
    // (100 × 1.06⁵ / 116.964225)^(1/3) − 1 = 0.045907…; implied 1.05 × 0.98 − 1 = 0.029.
    expect(withDeflator.nominal?.projected).toBeCloseTo(4.9692, 3);
    expect(withDeflator.nominal?.met).toBe(false);
    expect(withDeflator.nominal?.requiredGrowth).toBeCloseTo(0.045907, 5);
    expect(withDeflator.nominal?.impliedGrowth).toBeCloseTo(0.029, 9);
    expect(withDeflator.nominal?.status).toBe("needs-acceleration");
  });
});

describe("a level target at constant prices (a doubling)", () => {
  it("compares real GDP with the value at base-year prices", () => {
    const row = rowOf(assessPack(pricedPack(), "steady").rows, "double-real");
    // Real GDP 2030 at 2020 prices: 110.25 × 1.05⁸ = 162.889…, against 200 (double 2020).
    expect(row.projected).toBeCloseTo(110.25 * 1.05 ** 8, 9);
    expect(row.gap?.absolute).toBeCloseTo(110.25 * 1.05 ** 8 - 200, 9);
    // Required (200 / 110.25)^(1/8) − 1 = 0.07730…, implied 0.05: more than 2 points: off track.
    expect(row.status).toBe("off-track");
    // At current prices, 100 × 1.0815² × 1.0815⁸ = 218.4…: met.
    expect(row.nominal?.projected).toBeCloseTo(100 * 1.0815 ** 10, 6);
    expect(row.nominal?.status).toBe("on-track");
  });

  it("gives the same judgement whatever year's prices the real series is in", () => {
    // At 2018 prices the series is 85.4963… × 1.05^(t − 2018); the target (200 at 2020 prices) is
    // restated through the 2020 deflator (106.09 at 2018 = 100) and the row brought back.
    const at2018 = assessPack(
      pricedPack({ prices: { index: "gdp_index", referenceYear: 2018 } }),
      "steady",
    ).rows;
    const at2020 = assessPack(pricedPack(), "steady").rows;
    for (const id of ["double-real", "growth-real"]) {
      const a = rowOf(at2018, id);
      const b = rowOf(at2020, id);
      expect(a.projected, id).toBeCloseTo(b.projected as number, 9);
      expect(a.gap?.absolute, id).toBeCloseTo(b.gap?.absolute as number, 9);
      expect(a.latest?.value, id).toBeCloseTo(b.latest?.value as number, 9);
      expect(a.status, id).toBe(b.status);
      expect(a.nominal?.projected, id).toBeCloseTo(b.nominal?.projected as number, 9);
    }
    // Both rows speak of their base year's prices, whatever the series' own.
    expect(rowOf(at2018, "double-real").notes[0]).toMatch(/^judged at constant 2020 prices/);
    expect(rowOf(at2018, "growth-real").notes[0]).toMatch(/^judged at constant 2020 prices/);
  });
});

describe("a target at constant prices without the data for them", () => {
  it("names the index it needs when there is none", () => {
    const pack = pricedPack({
      observations: pricedObservations().filter((o) => o.indicator !== "gdp_index"),
    });
    const row = rowOf(assessPack(pack, "steady").rows, "growth-real");
    expect(row.status).toBe("insufficient-data");
    expect(row.missing.map((n) => [n.scope, n.indicator, n.minCount])).toEqual([
      ["town", "gdp_index", 2],
    ]);
    expect(row.nominal?.status).toBe("insufficient-data");
  });

  it("names the reference year's level when it is missing", () => {
    const pack = pricedPack({
      observations: pricedObservations().filter((o) => !(o.indicator === "gdp" && o.year === 2020)),
    });
    const a = assessPack(pack, "steady");
    const row = rowOf(a.rows, "growth-real");
    expect(row.missing.map((n) => [n.indicator, n.years])).toEqual([["gdp", [2020]]]);
    expect(a.issues.map((i) => i.code)).toContain("no-reference-level");
  });

  it("says why when the dataset holds no derived series", () => {
    // evaluateTarget on a projection of the pack's own dataset (not derived): insufficient data.
    const pack = pricedPack();
    const target = pack.targets.find((t) => t.id === "growth-real") as Target;
    const e = evaluateTarget(target, contextOf(pack, "steady"));
    expect(e.met).toBeNull();
    expect(e.notes).toEqual([
      "judged at constant prices, but the data hold no constant-price series of gdp: derive it with derivePriceSeries (assessPack and simulatePack do)",
    ]);
  });
});

describe("a target at constant prices in the Monte Carlo simulation", () => {
  it("is simulated on the real series", async () => {
    const { plan, assessment } = await simulatePack(pricedPack(), "steady", {
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    const measures = plan.targets.map((t) => [t.id, t.conditions[0]?.measure]);
    expect(measures).toEqual([
      ["growth-real", { kind: "value", scope: "town", indicator: "gdp_real" }],
      ["double-real", { kind: "value", scope: "town", indicator: "gdp_real" }],
      ["growth-nominal", { kind: "value", scope: "town", indicator: "gdp" }],
    ]);
    // The real growth target's threshold: 100 × 1.06⁵ at 2020 prices.
    expect(plan.targets[0]?.conditions[0]?.threshold).toBeCloseTo(100 * 1.06 ** 5, 9);
    expect(AssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(rowOf(assessment.rows, "growth-real").nominal?.status).toBe("on-track");
  });
});

describe("validation of a target's basis", () => {
  const pack = pricedPack();
  const raw = JSON.parse(JSON.stringify(pack));

  it("suggests the nearest basis for a typo", () => {
    raw.targets[0].basis = "reel";
    const issues = validatePack(raw).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: "targets[0].basis",
        message: 'not an allowed value; did you mean "real"?',
        expected: '"real" or "nominal"',
        received: '"reel"',
      }),
    );
  });

  it("refuses a target at constant prices on an indicator without a price index", () => {
    const issues = validatePack(pricedPack({ prices: null })).issues;
    expect(issues.filter((i) => i.code === "no-price-index").map((i) => i.field)).toEqual([
      "targets[0].basis",
      "targets[1].basis",
    ]);
    expect(issues[0]?.message).toBe(
      'a target at constant prices needs a price index, and the indicator gdp has none (add prices: { index: "<id of its index, previous year = 100>" } to its definition, or judge the target at current prices: basis "nominal")',
    );
    expect(() => assessPack(pricedPack({ prices: null }), "steady")).toThrow(
      /assessPack: pack is not a valid region pack \(targets\[0\]\.basis: a target at constant prices needs a price index/,
    );
  });
});
