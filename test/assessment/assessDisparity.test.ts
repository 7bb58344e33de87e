import { describe, expect, it } from "vitest";
import { assessDisparity } from "../../src/assessment/assessDisparity.js";
import { assessPack } from "../../src/assessment/assessPack.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { DisparityRow } from "../../src/schemas/assessment.js";
import { countyObservations, countyPack, countyScenario } from "../helpers/countyPack.js";
import {
  baseScenario,
  obs,
  syntheticObservations,
  syntheticPack,
} from "../helpers/syntheticPack.js";

describe("assessDisparity (through assessPack)", () => {
  it("assessPack reports the disparity of a recomputed rate across places, weighted by its denominator", () => {
    const rows = assessPack(syntheticPack(), "steady").disparity ?? [];
    const base = rows.find((r) => r.indicator === "urbanization" && r.year === 2020);
    // east 100·30/40 = 75%, west 100·20/60 = 33.33%, weights 40 and 60:
    // weighted mean 0.4·75 + 0.6·33.33 = 50; Gini = 2·0.4·0.6·41.67 / (2·50) = 0.2
    expect(base?.basis).toBe("observed");
    expect(base?.measures?.mean).toBeCloseTo(50, 12);
    expect(base?.measures?.gini).toBeCloseTo(0.2, 12);
    expect(base?.lowest).toBe("west");
    expect(base?.highest).toBe("east");
    const end = rows.find((r) => r.indicator === "urbanization" && r.year === 2025);
    expect(end?.basis).toBe("projected");
  });

  it("assessPack lists the observations a disparity row lacks and the places it leaves out", () => {
    const data = syntheticObservations().filter(
      (o) => !(o.place === "west" && o.indicator === "urban_population"),
    );
    data.push(obs("west", "urban_population", 2023, 20, "10k persons"));
    const rows = assessPack(syntheticPack(data), "steady").disparity ?? [];
    const base = rows.find((r) => r.indicator === "urbanization" && r.year === 2020);
    // west's urban population is observed only in 2023: 2020 (up to the data's last year) compares
    // observed values only, and east alone has them, too few to measure
    expect(base?.measures).toBeNull();
    expect(base?.basis).toBe("observed");
    expect(base?.values.map((v) => v.place)).toEqual(["east"]);
    expect(base?.leftOut).toEqual(["west"]);
    expect(base?.missing.map((m) => `${m.scope}|${m.indicator}|${m.years.join()}`)).toEqual([
      "west|urban_population|2020",
    ]);
  });
});

describe("assessDisparity and uninformative projections", () => {
  it("assessPack does not compare places on projections that only carry the last value forward", () => {
    // Urban and total population observed in 2020 only; with no model named, the library's
    // default (drift) falls back to a no-change forecast, which says nothing about 2025.
    const data = syntheticObservations().filter((o) => o.indicator !== "gdp" && o.year === 2020);
    const rows = assessPack(syntheticPack(data), { ...baseScenario, models: [] }).disparity ?? [];
    expect(
      rows.find((r) => r.indicator === "urbanization" && r.year === 2020)?.measures,
    ).not.toBeNull();
    expect(
      rows.find((r) => r.indicator === "urbanization" && r.year === 2025)?.measures,
    ).toBeNull();
  });
});

// Expected measures below come from NumPy, with y the per-capita values and w the weights:
//   p = w / w.sum(); mu = (p*y).sum(); np.sqrt((p*(y-mu)**2).sum())/mu      (weighted CV)
//   s = p*y/mu; (s*np.log(y/mu)).sum()                                       (Theil T)
//   (p[:,None]*p[None,:]*abs(y[:,None]-y[None,:])).sum()/(2*mu)             (Gini)
describe("assessDisparity over the places with data, on a spliced population basis", () => {
  const rows = (assessPack(countyPack(), "steady").disparity ?? []).filter(
    (r) => r.indicator === "gdp_per_capita",
  );
  const at = (year: number) => rows.find((r) => r.year === year) as DisparityRow;

  it("gives a row to every year with data, then the projected years through the plan's end", () => {
    // GDP of the places is observed 2016–2021: observed rows; 2022–2025 projected (plan end 2025)
    expect(rows.map((r) => `${r.year}:${r.basis}`)).toEqual([
      "2016:observed",
      "2017:observed",
      "2018:observed",
      "2019:observed",
      "2020:observed",
      "2021:observed",
      "2022:projected",
      "2023:projected",
      "2024:projected",
      "2025:projected",
    ]);
  });

  it("compares per hukou person before 2020 and per resident from 2020, marking the break once", () => {
    expect(rows.map((r) => r.compared)).toEqual([
      ...Array(4).fill("gdp_per_capita_hukou"),
      ...Array(6).fill("gdp_per_capita"),
    ]);
    expect(rows.filter((r) => r.break != null).map((r) => r.year)).toEqual([2020]);
    expect(at(2020).break).toEqual({
      from: "gdp_per_capita_hukou",
      reason: "county population is per hukou to 2019 and per resident from the 2020 census",
    });
    // the earlier basis has no rows of its own
    const all = assessPack(countyPack(), "steady").disparity ?? [];
    expect(all.some((r) => r.indicator === "gdp_per_capita_hukou")).toBe(false);
  });

  it("marks an observed year where a declared series break of the compared indicator's parts starts", () => {
    const plain = countyPack({ splice: false });
    const pack = {
      ...plain,
      dataset: {
        ...plain.dataset,
        breaks: [
          { indicator: "population_resident", place: "b", year: 2021, reason: "census re-basing" },
          { indicator: "gdp", year: 2021, reason: "GDP revision" },
          // a break of an indicator the comparison does not read, and one in a projected year
          { indicator: "population_hukou", place: "a", year: 2021, reason: "not read" },
          { indicator: "gdp", year: 2024, reason: "projected years are not marked" },
        ],
      },
    };
    const rows = (assessPack(pack, "steady").disparity ?? []).filter(
      (r) => r.indicator === "gdp_per_capita",
    );
    const marked = rows.filter((r) => r.break != null);
    expect(marked.map((r) => r.year)).toEqual([2021]);
    expect(marked[0]?.break).toEqual({
      from: "gdp_per_capita",
      reason:
        "population_resident of b changes basis in 2021: census re-basing; " +
        "gdp changes basis in 2021: GDP revision",
    });
    // the input pack is not changed
    expect(pack.dataset.breaks).toHaveLength(4);
    const text = formatAssessmentText(assessPack(pack, "steady")).replace(/\s+/g, " ");
    expect(text).toContain(
      "gdp_per_capita: a break in 2021, levels before and after are not comparable (population_resident of b",
    );
  });

  it("measures 2016 over the two places with data, weighted by hukou population, and lists the third", () => {
    // a: 1e4·100/40 = 25000 yuan, weight 40; b: 1e4·50/60 = 8333.3, weight 60; c has no data.
    // mean = 0.4·25000 + 0.6·8333.3 = 15000 (= 1e4·150/100);
    // weighted CV = √(0.4·10000² + 0.6·6666.7²)/15000 = 0.544331;
    // Theil = (2/3)·ln(25000/15000) + (1/3)·ln(8333.3/15000) = 0.144622;
    // Gini = 2·0.4·0.6·16666.7/(2·15000) = 0.266667; max/min = 3
    const r = at(2016);
    expect(r.values.map((v) => [v.place, v.weight])).toEqual([
      ["a", 40],
      ["b", 60],
    ]);
    expect(r.leftOut).toEqual(["c"]);
    expect(r.measures?.n).toBe(2);
    expect(r.measures?.mean).toBeCloseTo(15000, 9);
    expect(r.measures?.weightedCv).toBeCloseTo(0.5443310539518174, 12);
    expect(r.measures?.theil).toBeCloseTo(0.1446215275432875, 12);
    expect(r.measures?.gini).toBeCloseTo(0.2666666666666666, 12);
    expect(r.measures?.maxMinRatio).toBeCloseTo(3, 12);
    expect(r.missing.map((m) => `${m.scope}|${m.indicator}|${m.years.join()}`)).toEqual([
      "c|gdp|2016",
      "c|population_hukou|2016",
    ]);
    expect(r.missing[0]?.why).toBe(
      "gdp_per_capita_hukou of every place in 2016, for regional disparity",
    );
  });

  it("measures 2020 on residents over all three places (NumPy)", () => {
    // y = 1e4·[100·1.08⁴, 50·1.05⁴, 20·1.1²] / [45, 50, 12], w = [45, 50, 12]
    const r = at(2020);
    expect(r.leftOut).toEqual([]);
    expect(r.values.map((v) => v.weight)).toEqual([45, 50, 12]);
    expect(r.measures?.mean).toBeCloseTo(20656.46808411215, 8);
    expect(r.measures?.weightedCv).toBeCloseTo(0.41183517959435195, 12);
    expect(r.measures?.theil).toBeCloseTo(0.08602378163970405, 12);
    expect(r.measures?.gini).toBeCloseTo(0.21530346500144737, 12);
    expect(r.lowest).toBe("b");
    expect(r.highest).toBe("a");
  });

  it("projects the disparity of 2025 from the projected GDP and population (NumPy)", () => {
    // GDP grows 8%, 5% and 10% a year from 2021, population flat:
    // y = 1e4·[100·1.08⁹, 50·1.05⁹, 20·1.1⁷] / [45, 50, 12], w = [45, 50, 12]
    const r = at(2025);
    expect(r.basis).toBe("projected");
    expect(r.measures?.weightedCv).toBeCloseTo(0.4612213935516577, 12);
    expect(r.measures?.theil).toBeCloseTo(0.11039962904200411, 12);
    expect(r.measures?.gini).toBeCloseTo(0.24121693826157498, 12);
    expect(r.measures?.maxMinRatio).toBeCloseTo(2.8635026804270005, 12);
  });

  it("without a declared earlier basis, the hukou years have no resident population and say so", () => {
    const plain = (assessPack(countyPack({ splice: false }), "steady").disparity ?? []).filter(
      (r) => r.indicator === "gdp_per_capita",
    );
    // rows for gdp_per_capita_hukou exist on their own then
    expect(
      (assessPack(countyPack({ splice: false }), "steady").disparity ?? []).some(
        (r) => r.indicator === "gdp_per_capita_hukou" && r.year === 2016 && r.measures !== null,
      ),
    ).toBe(true);
    const r2016 = plain.find((r) => r.year === 2016);
    expect(r2016?.compared).toBe("gdp_per_capita");
    expect(r2016?.measures).toBeNull();
    expect(r2016?.leftOut).toEqual(["a", "b", "c"]);
    expect(plain.every((r) => r.break == null)).toBe(true);
  });
});

describe("assessDisparity's years and options", () => {
  const pack = countyPack();
  const projection = projectScenario(
    pack.dataset,
    resolveScenario(countyScenario, pack.scenarios),
    pack.references,
  );

  it("gives only the years asked for without options, as before", () => {
    const rows = assessDisparity(pack.dataset, projection, [2019, 2025]);
    expect(rows.map((r) => `${r.indicator}:${r.year}:${r.basis}`)).toEqual([
      "gdp_per_capita:2019:observed",
      "gdp_per_capita:2025:projected",
    ]);
    // 2019 over a, b and c on hukou (NumPy: y = 1e4·[100·1.08³, 50·1.05³, 22]/[40, 60, 10])
    expect(rows[0]?.measures?.gini).toBeCloseTo(0.2810451457739842, 12);
  });

  it("projects no year when no place has data, and keeps the years asked for", () => {
    const data = countyObservations().filter((o) => o.place === "city");
    const empty = countyPack({ observations: data });
    const p = projectScenario(empty.dataset, resolveScenario(countyScenario, empty.scenarios));
    const rows = assessDisparity(empty.dataset, p, [2020], {
      everyYearWithData: true,
      projectedThrough: 2025,
    });
    expect(rows.map((r) => r.year)).toEqual([2020]);
    expect(rows[0]?.leftOut).toEqual(["a", "b", "c"]);
  });

  it("rejects unknown and ill-typed options with the function's own errors", () => {
    expect(() =>
      assessDisparity(pack.dataset, projection, [2020], { projectedTo: 2025 } as never),
    ).toThrow(
      "assessDisparity: options.projectedTo is not an option; did you mean projectedThrough?",
    );
    expect(() =>
      assessDisparity(pack.dataset, projection, [2020], { everyYearWithData: "yes" } as never),
    ).toThrow(
      'assessDisparity: options.everyYearWithData must be true or false (got the string "yes")',
    );
    expect(() =>
      assessDisparity(pack.dataset, projection, [2020], { projectedThrough: 2025.5 }),
    ).toThrow("assessDisparity: options.projectedThrough must be an integer (got 2025.5)");
  });
});
