import { describe, expect, it } from "vitest";
import { assessPack } from "../../../src/assessment/assessPack.js";
import { qujingPack } from "../../../src/packs/qujing/qujingPack.js";
import { qujingPlaces } from "../../../src/packs/qujing/qujingPlaces.js";
import { validatePack } from "../../../src/schemas/validatePack.js";

const observations = qujingPack.dataset.observations;
const PLACES = qujingPlaces.map((p) => p.id);
const CENTRAL = ["qilin", "zhanyi", "malong"];

/** The value of one place, indicator and year from one source (the series this file checks). */
function value(place: string, indicator: string, year: number, source: string): number {
  const o = observations.find(
    (x) => x.place === place && x.indicator === indicator && x.year === year && x.source === source,
  );
  if (o === undefined) throw new Error(`no ${place} ${indicator} ${year} from ${source}`);
  return o.value;
}
const yearsOf = (place: string, indicator: string, source: string) =>
  observations
    .filter((o) => o.place === place && o.indicator === indicator && o.source === source)
    .map((o) => o.year);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const placeSum = (indicator: string, year: number, source: string) =>
  PLACES.reduce((s, p) => s + value(p, indicator, year, source), 0);

describe("the county series of the Qujing pack", () => {
  it("covers the years the shared panels give for each place", () => {
    for (const p of PLACES) {
      const first = p === "zhanyi" ? 2016 : p === "malong" ? 2018 : 2000;
      for (const indicator of ["gdp", "primary_va", "secondary_va", "tertiary_va"])
        expect(yearsOf(p, indicator, "CSMAR_CNT_GDP"), `${p} ${indicator}`).toEqual(
          range(first, 2021),
        );
      // Zhanyi and Malong on their old county codes before the re-coding, joined on area_id.
      expect(yearsOf(p, "population_resident", "CSMAR_CNT_POP"), p).toEqual(range(2000, 2021));
      expect(Math.max(...yearsOf(p, "fixed_asset_investment", "CSMAR_CNT_FAI")), p).toBe(2017);
    }
    expect(yearsOf("city", "gdp_index", "GP_GDP_INDEX")).toEqual(range(2000, 2023));
    const cityGdp = new Set(
      observations.filter((o) => o.place === "city" && o.indicator === "gdp").map((o) => o.year),
    );
    expect([...cityGdp].sort()).toEqual(range(2000, 2023));
    // Reported years only (2001–2004 are interpolated in the source file and left out); 2024 is
    // ENWIKI_QJ's, the same figure.
    expect(yearsOf("city", "population_resident", "GP_POPULATION")).toEqual([
      2000,
      ...range(2005, 2023),
    ]);
  });

  it("adds the nine places up to the city's GDP in 2018, 2020 and 2021, not in 2019", () => {
    // Each of the ten published figures is rounded to 0.01 亿元 (±0.005): nine rounded parts can
    // miss their rounded total by at most 9 × 0.005 + 0.005 = 0.05. The shared panels' README
    // reports 2013.32 vs 2013.36 (2018), 2959.35 vs 2959.35 (2020), 3393.92 vs 3393.91 (2021).
    const TOLERANCE = 0.05 + 1e-9;
    for (const [year, city, sum] of [
      [2018, 2013.36, 2013.32],
      [2020, 2959.35, 2959.35],
      [2021, 3393.91, 3393.92],
    ] as const) {
      expect(value("city", "gdp", year, "CSMAR_GH")).toBe(city);
      expect(placeSum("gdp", year, "CSMAR_CNT_GDP")).toBeCloseTo(sum, 9);
      expect(
        Math.abs(placeSum("gdp", year, "CSMAR_CNT_GDP") - city),
        String(year),
      ).toBeLessThanOrEqual(TOLERANCE);
    }
    // 2019: 2641.79 against 2637.59 (README): the county table's census revision differs by 4.2.
    expect(placeSum("gdp", 2019, "CSMAR_CNT_GDP")).toBeCloseTo(2641.79, 9);
    expect(
      placeSum("gdp", 2019, "CSMAR_CNT_GDP") - value("city", "gdp", 2019, "CSMAR_GH"),
    ).toBeCloseTo(4.2, 9);
  });

  it("gives the central city about 44% of the city's GDP in 2018–2021", () => {
    // (651.86 + 205.81 + 56.13) / 2013.36 = 0.4539; (1038.83 + 353.62 + 109.62) / 3393.91 = 0.4426.
    const share = (year: number) =>
      CENTRAL.reduce((s, p) => s + value(p, "gdp", year, "CSMAR_CNT_GDP"), 0) /
      value("city", "gdp", year, "CSMAR_GH");
    expect(share(2018)).toBeCloseTo(0.4539, 4);
    expect(share(2021)).toBeCloseTo(0.4426, 4);
  });

  it("files the county population as resident population: the official per-capita GDP divides by it", () => {
    // CSMAR_GH's published GDP per capita (yuan) = 10^4 × GDP / mean of the year's and the previous
    // year's resident population. With the places' sums: 2015: 10^4 × 1630.26 / ((600.9 + 604.7) / 2)
    // = 27044.9 (published 27045); 2018: 10^4 × 2013.36 / ((612.2 + 615.54) / 2) = 32798.1 (32798).
    // A 户籍 population would not do: the city's 2019 户籍 figure is 666.74 (WZDQ_QJ), the places' sum 617.77.
    for (let year = 2011; year <= 2019; year++) {
      const mean =
        (placeSum("population_resident", year - 1, "CSMAR_CNT_POP") +
          placeSum("population_resident", year, "CSMAR_CNT_POP")) /
        2;
      const implied = (1e4 * value("city", "gdp", year, "CSMAR_GH")) / mean;
      const published = value("city", "gdp_per_capita", year, "CSMAR_GH");
      expect(Math.abs(implied / published - 1), String(year)).toBeLessThan(0.001);
    }
    expect(placeSum("population_resident", 2019, "CSMAR_CNT_POP")).toBeCloseTo(617.77, 9);
    // From 2020 the places add up to the census (576.58, GP_POPULATION) and to 2021's 570.1.
    expect(placeSum("population_resident", 2020, "CSMAR_CNT_POP")).toBeCloseTo(
      value("city", "population_resident", 2020, "GP_POPULATION"),
      9,
    );
    expect(placeSum("population_resident", 2021, "CSMAR_CNT_POP")).toBeCloseTo(
      value("city", "population_resident", 2021, "GP_POPULATION"),
      9,
    );
  });

  it("carries the GDP index as 100 + the real growth CSMAR_GH reports, 2010–2021", () => {
    for (let year = 2010; year <= 2021; year++)
      expect(value("city", "gdp_index", year, "GP_GDP_INDEX"), String(year)).toBeCloseTo(
        100 + value("city", "gdp_real_growth_pct", year, "CSMAR_GH"),
        9,
      );
  });

  it("validates, and now judges the central-city share with the county data", () => {
    const checked = validatePack(qujingPack);
    expect(checked.issues.filter((i) => i.severity === "error")).toEqual([]);
    const row = assessPack(qujingPack, "trend").rows.find(
      (r) => r.targetId === "central-city-gdp-share",
    );
    expect(row?.status).not.toBe("insufficient-data");
  });
});
