import { describe, expect, it } from "vitest";
import {
  derivePriceSeries,
  projectScenario,
  qujingPack,
  resolveScenario,
  seriesValue,
} from "../../src/index.js";
import {
  DEFLATOR_GROWTH,
  pricedObservations,
  pricedPack,
  pricedScenario,
} from "../helpers/pricedPack.js";

const of = (dataset: ReturnType<typeof derivePriceSeries>["dataset"], indicator: string) =>
  new Map(
    dataset.observations
      .filter((o) => o.place === "city" && o.indicator === indicator)
      .map((o) => [o.year, o]),
  );

describe("derivePriceSeries on Qujing's GDP and GDP index", () => {
  const { dataset, issues } = derivePriceSeries(qujingPack.dataset, 2020);
  const real = of(dataset, "gdp_real");
  const deflator = of(dataset, "gdp_deflator");

  it("chains GDP at constant 2020 prices from the 2020 level and the index", () => {
    // 2020: 2959.35 (CSMAR_GH); 2021 = 2959.35 × 112.0 / 100 = 3314.472;
    // 2019 = 2959.35 / (106.6 / 100) = 2776.1257035…
    expect(real.get(2020)?.value).toBe(2959.35);
    expect(real.get(2021)?.value).toBeCloseTo(3314.472, 9);
    expect(real.get(2019)?.value).toBeCloseTo(2776.1257035647, 9);
    // The index runs 2000–2023, so the chain reaches 1999 (divided by 2000's 108.2) and 2023.
    expect(Math.min(...real.keys())).toBe(1999);
    expect(Math.max(...real.keys())).toBe(2023);
    expect(real.get(2021)).toMatchObject({
      unit: "100M yuan",
      source: "CSMAR_GH+GP_GDP_INDEX",
      quality: "B",
      note: "gdp 2020 (CSMAR_GH) chained with gdp_index 2021; constant 2020 prices",
    });
    expect(issues).toEqual([]);
  });

  it("is break-free across the 2019 census revision, which the deflator carries instead", () => {
    // Nominal GDP jumps 2013.36 → 2637.59 (+31%) on the revised basis; real growth is the index's 9.6%.
    const step = (real.get(2019)?.value as number) / (real.get(2018)?.value as number);
    expect(step).toBeCloseTo(1.096, 12);
    const breaks = dataset.breaks.filter(
      (b) => b.indicator === "gdp_real" || b.indicator === "gdp_deflator",
    );
    expect(breaks.map((b) => [b.indicator, b.place, b.year])).toEqual([
      ["gdp_deflator", "city", 2019],
    ]);
    // The implicit deflator: 100 × 3802.2 / 3582.944232 = 106.1194… in 2022; 100 in 2020.
    expect(deflator.get(2020)?.value).toBe(100);
    expect(deflator.get(2022)?.value).toBeCloseTo((100 * 3802.2) / 3582.944232, 9);
    // Only years with both series: GDP at current prices and the index both start in 2000.
    expect(Math.min(...deflator.keys())).toBe(2000);
  });

  it("adds the two derived indicators, which say what they are derived from", () => {
    const added = dataset.indicators.filter((i) => i.priceCompanion !== undefined);
    expect(added.map((i) => [i.id, i.unit, i.aggregation.rule, i.priceCompanion])).toEqual([
      [
        "gdp_real",
        "100M yuan",
        "none",
        { of: "gdp", role: "real", index: "gdp_index", referenceYear: 2020 },
      ],
      [
        "gdp_deflator",
        "2020 = 100",
        "none",
        { of: "gdp", role: "deflator", index: "gdp_index", referenceYear: 2020 },
      ],
    ]);
  });

  it("replaces what an earlier call derived, and leaves its input unchanged", () => {
    const before = JSON.stringify(qujingPack.dataset);
    const again = derivePriceSeries(dataset, 2020).dataset;
    expect(again).toEqual(dataset);
    expect(JSON.stringify(qujingPack.dataset)).toBe(before);
    // A different reference year replaces the series: at 2021 prices, 2021 is the observed 3393.91.
    const at2021 = of(derivePriceSeries(dataset, 2021).dataset, "gdp_real");
    expect(at2021.get(2021)?.value).toBe(3393.91);
    expect(at2021.get(2022)?.value).toBeCloseTo(3393.91 * 1.081, 9);
  });
});

describe("derivePriceSeries on what it cannot chain", () => {
  it("warns when the reference year has no level, and derives nothing for that scope", () => {
    const pack = pricedPack({
      observations: pricedObservations().filter((o) => !(o.indicator === "gdp" && o.year === 2020)),
    });
    const { dataset, issues } = derivePriceSeries(pack.dataset, 2020);
    expect(dataset.observations.some((o) => o.indicator === "gdp_real")).toBe(false);
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "no-reference-level",
        message:
          "town has gdp_index but no gdp in 2020, the year whose prices its constant-price series is in: gdp_real is not derived for town",
        field: "town.gdp_real",
      },
    ]);
  });

  it("warns about index years a missing year cuts off", () => {
    const pack = pricedPack({
      observations: pricedObservations().filter(
        (o) => !(o.indicator === "gdp_index" && o.year === 2018),
      ),
    });
    const { dataset, issues } = derivePriceSeries(pack.dataset, 2020);
    // From 2020 back: 2019 (÷ the 2020 index), 2018 (÷ 2019's); 2017 would need 2018's index.
    const years = dataset.observations.filter((o) => o.indicator === "gdp_real").map((o) => o.year);
    expect(years).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(issues.map((i) => i.message)).toEqual([
      "gdp_index for town in 2016, 2017 not used: the chain from 2020 stops where a year is missing (it covers 2018–2022)",
    ]);
  });

  it("uses the indicator's own reference year before the one given", () => {
    const pack = pricedPack({ prices: { index: "gdp_index", referenceYear: 2018 } });
    const { dataset } = derivePriceSeries(pack.dataset, 2020);
    const real = dataset.observations.filter((o) => o.indicator === "gdp_real");
    // At 2018 prices, 2018 is nominal 2018: 100 / 1.0815² = 85.4963…
    expect(real.find((o) => o.year === 2018)?.value).toBeCloseTo(100 / 1.0815 ** 2, 9);
  });

  it("rejects a dataset or year of the wrong type, naming the parameter", () => {
    expect(() => derivePriceSeries(null as never, 2020)).toThrow(
      "derivePriceSeries: dataset must be a dataset as DatasetSchema validates it (got null)",
    );
    expect(() => derivePriceSeries(qujingPack.dataset, "2020" as never)).toThrow(
      'derivePriceSeries: referenceYear must be an integer (got the string "2020")',
    );
  });
});

describe("projectScenario on derived price series", () => {
  const pack = pricedPack();
  const { dataset } = derivePriceSeries(pack.dataset, 2020);
  const project = (scenario: typeof pricedScenario) =>
    projectScenario(dataset, resolveScenario(scenario, pack.scenarios));
  const series = (p: ReturnType<typeof project>, indicator: string) =>
    p.series.find((s) => s.scope === "town" && s.indicator === indicator);

  it("projects the real series with the scenario's model of the indicator", () => {
    const real = series(project(pricedScenario), "gdp_real");
    // Real GDP 2022 at 2020 prices: 100 × 1.05² = 110.25; the scenario's cagr 5% for gdp continues it.
    expect(real?.model?.requested).toEqual({ kind: "cagr", rate: 0.05 });
    expect(seriesValue(real as never, 2025)).toBeCloseTo(110.25 * 1.05 ** 3, 9);
  });

  it("projects the deflator by the drift of its log unless the scenario assumes one", () => {
    const plain = series(project(pricedScenario), "gdp_deflator");
    // The deflator rose exactly 3% a year: 100 × 1.03^(t − 2020); its drift continues that.
    expect(plain?.model?.requested).toEqual({ kind: "drift" });
    expect(seriesValue(plain as never, 2025)).toBeCloseTo(100 * (1 + DEFLATOR_GROWTH) ** 5, 9);
    const assumed = series(
      project({
        ...pricedScenario,
        deflators: [{ scope: "*", indicator: "gdp", rate: -0.02, reason: "falling prices" }],
      }),
      "gdp_deflator",
    );
    expect(assumed?.model?.reason).toBe("assumed deflator, -2% a year: falling prices");
    expect(seriesValue(assumed as never, 2025)).toBeCloseTo(100 * 1.03 ** 2 * 0.98 ** 3, 9);
  });

  it("reports a deflator assumption that matches no deflator", () => {
    const p = projectScenario(
      pack.dataset, // not derived: no deflator series
      resolveScenario(
        {
          ...pricedScenario,
          deflators: [{ scope: "town", indicator: "gdp", rate: 0.02, reason: "x" }],
        },
        pack.scenarios,
      ),
    );
    expect(p.issues.filter((i) => i.code === "deflator-ignored").map((i) => i.message)).toEqual([
      "deflator 1 (town gdp) ignored: no deflator of gdp is projected for town (it needs observations of gdp and of its price index in common years; see derivePriceSeries)",
    ]);
  });
});
