// Qujing's GDP index and the 2035 doubling judged at constant 2020 prices.
import { describe, expect, it } from "vitest";
import { assessPack, qujingPack, simulatePack } from "../../../src/index.js";

// Read from the pack (not from the module that holds the rows), so the checks stay true wherever
// the pack's data put them.
const qujingGdpIndexObservations = qujingPack.dataset.observations.filter(
  (o) => o.indicator === "gdp_index",
);

describe("Qujing's GDP index", () => {
  it("agrees with CSMAR's real growth (GDPYoY + 100) in every year both give, 2010–2021", () => {
    // Two compilations of the yearbooks: the G-P prefecture file (the index rows) and CSMAR's city
    // table (gdp_real_growth_pct, CSMAR_GH). 2024's −0.9% (quality C, news) has no index row.
    const csmar = qujingPack.dataset.observations.filter(
      (o) => o.indicator === "gdp_real_growth_pct" && o.source === "CSMAR_GH",
    );
    expect(csmar.map((o) => o.year)).toEqual([
      2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021,
    ]);
    for (const o of csmar) {
      const index = qujingGdpIndexObservations.find((i) => i.year === o.year);
      expect(index?.value, String(o.year)).toBeCloseTo(100 + o.value, 10);
    }
  });

  it("is an indicator of the city, previous year = 100, not aggregated, and GDP's price index", () => {
    expect(qujingGdpIndexObservations.every((o) => o.place === "city")).toBe(true);
    expect(qujingGdpIndexObservations.map((o) => o.year)).toEqual(
      Array.from({ length: 24 }, (_, k) => 2000 + k),
    );
    expect(qujingPack.dataset.indicators.find((i) => i.id === "gdp_index")).toMatchObject({
      unit: "previous year = 100",
      aggregation: { rule: "none" },
    });
    expect(qujingPack.dataset.indicators.find((i) => i.id === "gdp")?.prices?.index).toBe(
      "gdp_index",
    );
  });
});

describe("gdp-2035-double at constant 2020 prices", () => {
  const trend = assessPack(qujingPack, "trend");
  const row = trend.rows.find((r) => r.targetId === "gdp-2035-double");

  it("is judged on real GDP, from its latest value in 2023", () => {
    // 2959.35 × 1.120 × 1.081 × 1.075 = 3851.6650494 (100M yuan at 2020 prices).
    expect(row?.basis).toBe("real");
    expect(row?.target).toBeCloseTo(5918.7, 10);
    expect(row?.latest?.year).toBe(2023);
    expect(row?.latest?.value).toBeCloseTo(3851.6650494, 6);
    // Required from 2023: (5918.7 / 3851.6650494)^(1/12) − 1 = 0.036449…
    expect(row?.requiredGrowth).toBeCloseTo(0.036449, 5);
    expect(row?.status).not.toBe("insufficient-data");
  });

  it("has the judgement at current prices beside it, from GDP's latest value in 2023", () => {
    expect(row?.nominal?.latest).toEqual({ year: 2023, value: 4048.91, source: "GP_INDUSTRY" });
    expect(row?.nominal?.projected).not.toBeNull();
    expect(row?.nominal?.notes[0]).toMatch(
      /^projected as the constant-price projection × the deflator/,
    );
  });

  it("under downside's flat prices, is real GDP times the 2023 deflator at current prices", () => {
    const downside = assessPack(qujingPack, "downside").rows.find(
      (r) => r.targetId === "gdp-2035-double",
    );
    // The deflator of 2023: 100 × 4048.91 / (2959.35 × 1.12 × 1.081 × 1.075 = 3851.665…)
    // = 105.1210…, held flat from then on.
    const deflator2023 = (100 * 4048.91) / (2959.35 * 1.12 * 1.081 * 1.075);
    expect(downside?.nominal?.projected).toBeCloseTo(
      ((downside?.projected as number) * deflator2023) / 100,
      6,
    );
  });

  it("is simulated on GDP at constant prices", async () => {
    const { plan } = await simulatePack(qujingPack, "trend", { paths: 1024, seed: 1, workers: 0 });
    const doubling = plan.targets.find((t) => t.id === "gdp-2035-double");
    expect(doubling?.conditions).toEqual([
      {
        measure: { kind: "value", scope: "city-own", indicator: "gdp_real" },
        comparator: ">=",
        threshold: 5918.7,
      },
    ]);
  });
});
