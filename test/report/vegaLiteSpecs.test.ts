import { compile } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { facetColumns } from "../../src/report/internal/placeChartSpecs.js";
import { renderVegaLiteSvg } from "../../src/report/renderVegaLiteSvg.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "../../src/report/vegaLiteSpec.js";
import { vegaLiteSpecs } from "../../src/report/vegaLiteSpecs.js";
import type { Assessment } from "../../src/schemas/assessment.js";
import type { SimulationResult } from "../../src/simulation/simulationResult.js";

let assessment: Assessment;
let specs: Record<string, VegaLiteSpec>;

beforeAll(() => {
  assessment = assessPack(qujingPack, "trend");
  specs = vegaLiteSpecs(assessment, { pack: qujingPack });
});

/** The rows of a spec's inline data in one layer. */
function layer(spec: VegaLiteSpec | undefined, name: string) {
  return (spec?.data.values ?? []).filter((v) => v.layer === name);
}

/**
 * The trend assessment with the fixed-asset investment target taken as judged (off-track), as
 * it would be with more data: its series is projected (the city's, summed from the places),
 * but the pack's data cannot judge it. For the charts of a judged growth target on a group.
 */
function judgedInvestment(): Assessment {
  return {
    ...assessment,
    rows: assessment.rows.map((r) =>
      r.targetId === "fixed-asset-investment-growth"
        ? { ...r, status: "off-track", statusZh: "预计难以完成", missing: [] }
        : r,
    ),
  };
}

/** The mark types a spec draws (its layers', or its facet's layers'). */
function markTypes(spec: VegaLiteSpec): string[] {
  const inner = (spec.spec ?? spec) as { layer?: { mark: { type: string } }[] };
  return (inner.layer ?? []).map((l) => l.mark.type);
}

describe("vegaLiteSpecs", () => {
  it("gives a fan chart per judged level or growth target, the share, the places and the disparity", () => {
    expect(Object.keys(specs)).toEqual([
      "fan-urbanization-resident.vl.json",
      "fan-gdp-2035-double.vl.json",
      "share-central-city-gdp-share.vl.json",
      "places-gdp.vl.json",
      "disparity-gdp_per_capita.vl.json",
      "convergence-gdp_per_capita.vl.json",
      "disparity-primary_share_pct.vl.json",
      "disparity-secondary_share_pct.vl.json",
      "disparity-tertiary_share_pct.vl.json",
    ]);
  });

  it("every spec compiles with vega-lite and has inline data and marks", () => {
    for (const [name, spec] of Object.entries(specs)) {
      expect(spec.$schema, name).toBe(VEGA_LITE_SCHEMA);
      expect(spec.data.values.length, name).toBeGreaterThan(0);
      expect(markTypes(spec).length, name).toBeGreaterThan(0);
      // biome-ignore lint/suspicious/noExplicitAny: vega-lite's TopLevelSpec is not ours to type
      const compiled = compile(spec as any, { logger: silentLogger });
      expect(compiled.spec.marks?.length ?? 0, name).toBeGreaterThan(0);
      // Survives JSON (a notebook receives it as JSON).
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
  });

  it("splits each year's Theil T between the central city and the rest, and within them", () => {
    const spec = specs["convergence-gdp_per_capita.vl.json"];
    const rows = (assessment.disparity ?? []).filter(
      (r) => r.indicator === "gdp_per_capita" && r.measures !== null,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const parts = (spec?.data.values ?? []).filter((v) => v.year === row.year);
      expect(parts.map((p) => p.part).sort()).toEqual(["between 中心与其他之间", "within 组内"]);
      // Between + within is the year's Theil T (the decomposition is exact).
      const sum = parts.reduce((a, p) => a + (p.value as number), 0);
      expect(sum).toBeCloseTo(row.measures?.theil ?? Number.NaN, 12);
      expect(parts[0]?.basis).toBe(row.basis);
    }
    // Shares of a sector are rates, not levels: no convergence chart for them.
    expect(specs["convergence-primary_share_pct.vl.json"]).toBeUndefined();
  });

  it("draws the level target as a rule at its value and its year", () => {
    const fan = specs["fan-gdp-2035-double.vl.json"];
    const row = assessment.rows.find((r) => r.targetId === "gdp-2035-double");
    expect(layer(fan, "threshold").map((v) => v.value)).toEqual([row?.target]);
    expect(layer(fan, "year").map((v) => v.year)).toEqual([2035]);
    // Without a run the band is the model's 80% interval of the constant-price projection.
    const bands = layer(fan, "band");
    expect(new Set(bands.map((b) => b.band))).toEqual(new Set(["80% model interval"]));
    const projection = assessment.projections?.find(
      (p) => p.scope === "city" && p.indicator === "gdp_real",
    );
    expect(bands.map((b) => b.lower)).toEqual(projection?.lower);
  });

  it("marks the pack's series breaks of the charted series half a year before they start", () => {
    // Qujing's urbanization rate has no declared break; GDP per capita breaks at 2019 (the 4th
    // economic census), and the disparity rows say where the comparison changes basis.
    const gdpBreaks = qujingPack.dataset.breaks.filter((b) => b.indicator === "gdp_per_capita");
    expect(gdpBreaks.map((b) => b.year)).toContain(2019);
    const disparity = specs["disparity-gdp_per_capita.vl.json"];
    const marked = layer(disparity, "break").map((v) => v.year);
    const expected = (assessment.disparity ?? [])
      .filter((r) => r.indicator === "gdp_per_capita" && r.break != null)
      .map((r) => r.year - 0.5);
    expect(marked).toEqual(expected);
    expect(marked.length).toBeGreaterThan(0);
  });

  it("draws no fan chart for a target the assessment cannot judge, though its series is projected", () => {
    // The city's fixed-asset investment is summed from its places only to 2017 ("theta" needs 3
    // points from 2015 on): the projection carries the series, from a fit on old data, but the
    // target cannot be judged. (The resident urbanization rate, with one A/B value, is judged
    // with the county panel's summary.)
    for (const [id, indicator] of [
      ["fixed-asset-investment-growth", "fixed_asset_investment"],
    ] as const) {
      const row = assessment.rows.find((r) => r.targetId === id);
      expect(row?.status).toBe("insufficient-data");
      expect(
        assessment.projections?.some((p) => p.scope === "city" && p.indicator === indicator),
      ).toBe(true);
      expect(specs[`fan-${id}.vl.json`]).toBeUndefined();
    }
  });

  it("draws a group's history summed from its places, and the series' breaks", () => {
    // The city has no fixed-asset investment of its own: the nine places' sum, 2000–2017
    // (the county yearbook stopped publishing levels after 2017); the definition changed in 2011.
    const fan = vegaLiteSpecs(judgedInvestment(), { pack: qujingPack })[
      "fan-fixed-asset-investment-growth.vl.json"
    ];
    const observed = layer(fan, "line").filter((v) => v.series === "observed 实际");
    const places = qujingPack.dataset.places.map((p) => p.id);
    const in2017 = qujingPack.dataset.observations.filter(
      (o) =>
        o.indicator === "fixed_asset_investment" && o.year === 2017 && places.includes(o.place),
    );
    expect(new Set(in2017.map((o) => o.place)).size).toBe(9);
    const last = observed.at(-1);
    expect(last?.year).toBe(2017);
    expect(last?.value).toBeCloseTo(
      in2017.reduce((a, o) => a + o.value, 0),
      9,
    );
    const breaks = qujingPack.dataset.breaks.filter(
      (b) => b.indicator === "fixed_asset_investment" && b.place === undefined,
    );
    expect(breaks.map((b) => b.year)).toEqual([2011]);
    expect(layer(fan, "break").map((v) => v.year)).toEqual([2010.5]);
    // The subtitle says the line is summed, and over which years.
    expect(fan?.title.subtitle?.at(-1)).toBe(
      `实际值为所辖地区合计 · observed: the sum of its places (${observed[0]?.year}–2017)`,
    );
  });

  it("draws a growth target as the level it implies from the base-year value", () => {
    // A pack with the city's 2020 investment observed (2000, an invented figure for this test
    // only): the target of 10% a year from 2020 to 2025 is 2000 × 1.1^5 = 3221.02 in 2025.
    const base = qujingPack.dataset.observations.find(
      (o) => o.indicator === "fixed_asset_investment",
    );
    if (base === undefined) throw new Error("the pack has no fixed-asset investment");
    const pack = {
      ...qujingPack,
      dataset: {
        ...qujingPack.dataset,
        observations: [
          ...qujingPack.dataset.observations,
          { ...base, place: "city", year: 2020, value: 2000 },
        ],
      },
    };
    const judged = judgedInvestment();
    const fan = vegaLiteSpecs(judged, { pack })["fan-fixed-asset-investment-growth.vl.json"];
    expect(layer(fan, "threshold")[0]?.value).toBeCloseTo(3221.02, 9);
    // Without that value, no threshold is drawn.
    const without = vegaLiteSpecs(judged, { pack: qujingPack });
    expect(layer(without["fan-fixed-asset-investment-growth.vl.json"], "threshold")).toEqual([]);
  });

  it("draws a target at constant prices on the real series derived from the pack, back to 1999", () => {
    // Qujing's GDP at 2020 prices (docs/real-and-nominal.md): 2959.35 in 2020 (GDP at current
    // prices), chained with the GDP index (previous year = 100) both ways: 2021 = 2959.35 × 1.12
    // = 3314.472; 2023 = 3314.472 × 1.081 × 1.075 = 3851.67 (the row's latest value); 2019 =
    // 2959.35 / 1.066 = 2776.13. The index starts in 2000, so the series starts in 1999.
    const fan = specs["fan-gdp-2035-double.vl.json"];
    const observed = layer(fan, "line").filter((v) => v.series === "observed 实际");
    const at = (year: number) => observed.find((v) => v.year === year)?.value;
    expect(observed[0]?.year).toBe(1999);
    expect(observed.at(-1)?.year).toBe(2023);
    expect(observed).toHaveLength(2023 - 1999 + 1);
    expect(at(2020)).toBeCloseTo(2959.35, 9);
    expect(at(2021)).toBeCloseTo(2959.35 * 1.12, 9);
    expect(at(2023)).toBeCloseTo(2959.35 * 1.12 * 1.081 * 1.075, 9);
    expect(at(2019)).toBeCloseTo(2959.35 / 1.066, 9);
    // The projection starts from the last observation, 2023.
    const projected = layer(fan, "line").filter((v) => v.series === "projected 预测");
    expect(projected[0]).toMatchObject({ year: 2023, value: at(2023) });
    // GDP at current prices breaks at 2019 (the 4th economic census); the real series does not.
    expect(qujingPack.dataset.breaks.some((b) => b.indicator === "gdp" && b.year === 2019)).toBe(
      true,
    );
    expect(layer(fan, "break")).toEqual([]);
    // The subtitle says what the line is, and the axis names the series.
    expect(fan?.title.subtitle).toEqual([
      "曲靖市 Qujing City · ≥ 5,919 100M yuan, real (2035)",
      "实际值 1999–2023：2020年地区生产总值按地区生产总值指数(上年=100)链式推算",
      "observed: GDP at constant 2020 prices (chained index)",
    ]);
    const layers = (fan?.layer ?? []) as { encoding: { y: { title?: unknown } } }[];
    const y = layers[1]?.encoding.y.title;
    expect(y).toEqual(["地区生产总值(2020年不变价)", "GDP at constant 2020 prices", "(100M yuan)"]);
  });

  it("restates a level target at constant prices to the series' prices when they differ", () => {
    // GDP at 2021 prices instead of 2020's: the doubling of 2020 is 2 × GDP 2020 at 2021 prices,
    // 2 × 3393.91 / 1.12 = 6060.55 (GDP 2021 at current prices over the 2021 index), not the
    // target's 5918.7 at 2020 prices.
    const pack = {
      ...qujingPack,
      dataset: {
        ...qujingPack.dataset,
        indicators: qujingPack.dataset.indicators.map((i) =>
          i.id === "gdp" ? { ...i, prices: { index: "gdp_index", referenceYear: 2021 } } : i,
        ),
      },
    };
    const a = assessPack(pack, "trend");
    const fan = vegaLiteSpecs(a, { pack })["fan-gdp-2035-double.vl.json"];
    expect(layer(fan, "threshold")[0]?.value).toBeCloseTo((2 * 3393.91) / 1.12, 6);
    const observed = layer(fan, "line").filter((v) => v.series === "observed 实际");
    expect(observed.find((v) => v.year === 2021)?.value).toBeCloseTo(3393.91, 9);
  });

  it("computes the central city's share as the sum of its members / the city × 100 where all are observed", () => {
    const share = specs["share-central-city-gdp-share.vl.json"];
    const observed = layer(share, "line").filter((v) => v.series === "observed 实际");
    // One value a year: the best-graded observation (A before B), the first among equals.
    const value = (place: string, year: number) =>
      qujingPack.dataset.observations
        .filter((o) => o.place === place && o.indicator === "gdp" && o.year === year)
        .filter((o) => o.quality !== "C")
        .sort((a, b) => a.quality.localeCompare(b.quality))[0]?.value;
    // Malong's GDP starts in 2018 and the places' end in 2021: 2018–2021.
    expect(observed.map((v) => v.year)).toEqual([2018, 2019, 2020, 2021]);
    for (const point of observed) {
      const year = point.year as number;
      // The central city has no GDP of its own: its members' sum (Qilin, Zhanyi, Malong).
      const members = ["qilin", "zhanyi", "malong"].map((m) => value(m, year));
      const part = members.every((v) => v !== undefined)
        ? members.reduce((a, b) => (a ?? 0) + (b ?? 0), 0)
        : undefined;
      const whole = value("city", year);
      expect(part, `${year}`).toBeDefined();
      expect(point.value).toBeCloseTo((100 * (part ?? Number.NaN)) / (whole ?? Number.NaN), 10);
    }
    expect(layer(share, "threshold").map((v) => v.value)).toEqual([65]);
  });

  it("takes the 50/80/95% bands from a simulation's quantiles at those levels", () => {
    // A run of two years: levels 0.025 … 0.975; the 80% band is quantiles 0.1 and 0.9.
    const simulation = {
      quantiles: [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975],
      series: [
        {
          scope: "city-own",
          indicator: "gdp_real",
          kind: "place",
          years: [2024, 2025],
          quantiles: [
            [1, 2, 3, 4, 5, 6, 7],
            [11, 12, 13, 14, 15, 16, 17],
          ],
        },
      ],
    } as unknown as SimulationResult;
    const fan = vegaLiteSpecs(assessment, { pack: qujingPack, simulation })[
      "fan-gdp-2035-double.vl.json"
    ];
    const bands = layer(fan, "band");
    expect(bands).toEqual([
      { layer: "band", year: 2024, lower: 1, upper: 7, band: "95%" },
      { layer: "band", year: 2025, lower: 11, upper: 17, band: "95%" },
      { layer: "band", year: 2024, lower: 2, upper: 6, band: "80%" },
      { layer: "band", year: 2025, lower: 12, upper: 16, band: "80%" },
      { layer: "band", year: 2024, lower: 3, upper: 5, band: "50%" },
      { layer: "band", year: 2025, lower: 13, upper: 15, band: "50%" },
    ]);
    // The projected line is the simulated median after the latest observation.
    const projected = layer(fan, "line").filter((v) => v.series === "projected 预测");
    expect(projected.slice(1).map((v) => v.value)).toEqual([4, 14]);
  });

  it("reads the bands and a growth target's threshold from the quantiles an assessment carries", () => {
    // As `regionsim assess --paths` writes it: per target, its threshold in the measure's unit
    // (for a growth target, the level it implies) and the fan of the series it measures.
    const judged = judgedInvestment();
    const row = judged.rows.find((r) => r.targetId === "fixed-asset-investment-growth");
    const withRun: Assessment = {
      ...judged,
      simulation: {
        paths: 1000,
        seed: 7,
        baseYear: 2017,
        quantiles: [0.025, 0.25, 0.5, 0.75, 0.975],
        targets: [
          {
            targetId: "fixed-asset-investment-growth",
            evaluatedYear: 2025,
            probability: 0.4,
            standardError: 0.0155,
            threshold: 2500,
            measure: [1, 2, 3, 4, 5],
            firstYearMet: { years: [2025], probabilities: [0.4], never: 0.6 },
            fan: {
              scope: "city",
              indicator: "fixed_asset_investment",
              years: [2025],
              quantiles: [[100, 200, 300, 400, 500]],
            },
          },
        ],
      },
    };
    expect(row?.kind).toBe("growth");
    const fan = vegaLiteSpecs(withRun, { pack: qujingPack })[
      "fan-fixed-asset-investment-growth.vl.json"
    ];
    expect(layer(fan, "threshold").map((v) => v.value)).toEqual([2500]);
    // Levels 0.1 and 0.9 were not computed: the 95% and 50% bands only.
    expect(layer(fan, "band")).toEqual([
      { layer: "band", year: 2025, lower: 100, upper: 500, band: "95%" },
      { layer: "band", year: 2025, lower: 200, upper: 400, band: "50%" },
    ]);
  });

  it("works without a pack, charting each row's latest observation as its history", () => {
    const bare = vegaLiteSpecs(assessment);
    const fan = bare["fan-gdp-2035-double.vl.json"];
    const row = assessment.rows.find((r) => r.targetId === "gdp-2035-double");
    const observed = layer(fan, "line").filter((v) => v.series === "observed 实际");
    expect(observed.map((v) => [v.year, v.value])).toEqual([
      [row?.latest?.year, row?.latest?.value],
    ]);
    // The subtitle says the observed line is that one value.
    expect(fan?.title.subtitle?.at(-1)).toBe(
      `实际值仅有最新观测 · observed: the latest value only (${row?.latest?.year})`,
    );
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify(assessment);
    vegaLiteSpecs(assessment, { pack: qujingPack });
    expect(JSON.stringify(assessment)).toBe(before);
  });

  it("refuses what is not an assessment or its options, naming the parameter", () => {
    expect(() => vegaLiteSpecs(null as unknown as Assessment)).toThrow(ArgumentTypeError);
    expect(() => vegaLiteSpecs(assessment, { pak: 1 } as never)).toThrow(
      "vegaLiteSpecs: options.pak is not an option; did you mean pack?",
    );
    expect(() => vegaLiteSpecs(assessment, { simulation: 3 } as never)).toThrow(
      "vegaLiteSpecs: options.simulation must be a simulation result (got 3)",
    );
    expect(() => vegaLiteSpecs(assessment, { pack: {} } as never)).toThrow(/^vegaLiteSpecs: /);
  });
});

describe("vegaLiteSpecs: the charts read as the dashboard does", () => {
  it("joins the projected share to the last observed one, as the fan charts do", () => {
    const share = layer(specs["share-central-city-gdp-share.vl.json"], "line");
    const observed = share.filter((v) => v.series === "observed 实际");
    const projected = share.filter((v) => v.series === "projected 预测");
    // Observed 2018–2021 (Malong's GDP starts in 2018, the places' end in 2021); the projected
    // line starts at 2021's observed share, then 2022 on.
    expect(observed.at(-1)?.year).toBe(2021);
    expect(projected[0]).toEqual({ ...observed.at(-1), series: "projected 预测" });
    expect(projected[1]?.year).toBe(2022);
    // In year order, the joining point just before the first projected year.
    const years = share.map((v) => v.year as number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it("joins each projected disparity measure to its last observed value", () => {
    const rows = (assessment.disparity ?? []).filter((r) => r.indicator === "gdp_per_capita");
    const lastObserved = rows.filter((r) => r.basis === "observed").at(-1);
    expect(lastObserved?.measures).not.toBeNull();
    const lines = layer(specs["disparity-gdp_per_capita.vl.json"], "line");
    for (const measure of new Set(lines.map((v) => v.measure))) {
      const projected = lines.filter((v) => v.measure === measure && v.basis === "projected 预测");
      const observed = lines.filter((v) => v.measure === measure && v.basis === "observed 实际");
      expect(projected[0]?.year, String(measure)).toBe(lastObserved?.year);
      expect(projected[0]?.value, String(measure)).toBe(observed.at(-1)?.value);
      expect(projected[1]?.year, String(measure)).toBe((lastObserved?.year ?? 0) + 1);
    }
  });

  it("names the indicators as the pack does, Chinese and English, not by their ids", () => {
    expect(specs["places-gdp.vl.json"]?.title.text).toEqual([
      "各县（市、区）地区生产总值",
      "GDP by place (100M yuan)",
    ]);
    expect(specs["disparity-gdp_per_capita.vl.json"]?.title.text).toEqual([
      "区域差距：人均地区生产总值",
      "GDP per capita: disparity between places",
    ]);
    const share = specs["share-central-city-gdp-share.vl.json"];
    expect(share?.title.subtitle).toEqual([
      "曲靖中心城市占曲靖市 · ≈ 65% (2025)",
      "Central city (Qilin, Zhanyi, Malong) in Qujing City",
    ]);
    for (const [name, spec] of Object.entries(specs))
      expect(JSON.stringify(spec.title), name).not.toMatch(/gdp_|\bgdp\b/);
  });

  it("writes the target's number as the dashboard does (5,919, not 5918.7)", () => {
    const fan = specs["fan-gdp-2035-double.vl.json"];
    // 2 × 2959.35 = 5918.7, shown with about four significant digits and grouped thousands.
    expect(fan?.title.subtitle?.[0]).toContain("≥ 5,919 100M yuan, real");
    expect(layer(fan, "threshold")[0]?.label).toBe("target 目标 5,919");
    expect(JSON.stringify(fan?.title)).not.toContain("5918.7");
  });

  it("lays the small multiples out without an empty panel: 9 places in 3 × 3", () => {
    const places = specs["places-gdp.vl.json"];
    const panels = new Set(layer(places, "line").map((v) => v.place)).size;
    expect(panels).toBe(9);
    expect(places?.columns).toBe(3);
  });

  it("spreads other counts over as few rows as four columns allow, each panel with its x-axis when a row has gaps", () => {
    // n → columns: rows = ⌈n / 4⌉, columns = ⌈n / rows⌉.
    const expected: Record<number, number> = {
      1: 1,
      2: 2,
      3: 3,
      4: 4,
      5: 3,
      6: 3,
      7: 4,
      8: 4,
      9: 3,
      10: 4,
      12: 4,
      13: 4,
    };
    for (const [n, columns] of Object.entries(expected))
      expect(facetColumns(Number(n)), `${n} panels`).toBe(columns);
    // Seven places: 4 + 3 panels; the compiled chart has no footer row of shared x-axes (which
    // would draw a bare axis under the gap), each panel has its own.
    const seven = new Set(
      (assessment.placeTable ?? []).filter((r) => r.kind === "place").map((r) => r.scope),
    );
    const kept = [...seven].slice(0, 7);
    const fewer: Assessment = {
      ...assessment,
      placeTable: (assessment.placeTable ?? []).filter(
        (r) => r.kind !== "place" || kept.includes(r.scope),
      ),
    };
    const spec = vegaLiteSpecs(fewer, { pack: qujingPack })["places-gdp.vl.json"];
    expect(spec?.columns).toBe(4);
    // biome-ignore lint/suspicious/noExplicitAny: vega-lite's TopLevelSpec is not ours to type
    const compiled = compile(spec as any, { logger: silentLogger }).spec as {
      marks: { name?: string; axes?: { scale: string }[] }[];
    };
    expect(compiled.marks.some((m) => m.name === "column_footer")).toBe(false);
    const cell = compiled.marks.find((m) => m.name === "cell");
    expect(cell?.axes?.some((a) => a.scale === "x")).toBe(true);
    // Nine in 3 × 3 keep the shared axes under the last row, which is full.
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const nine = compile(specs["places-gdp.vl.json"] as any, { logger: silentLogger }).spec as {
      marks: { name?: string }[];
    };
    expect(nine.marks.some((m) => m.name === "column_footer")).toBe(true);
  });
});

const silentLogger = {
  level: () => silentLogger,
  error: () => silentLogger,
  warn: () => silentLogger,
  info: () => silentLogger,
  debug: () => silentLogger,
};

describe("renderVegaLiteSvg", () => {
  it("renders every chart to SVG with marks and its Chinese title as text", async () => {
    for (const [name, spec] of Object.entries(specs)) {
      const svg = await renderVegaLiteSvg(spec);
      expect(svg.startsWith("<svg"), name).toBe(true);
      expect(svg, name).toMatch(/<path [^>]*d="M/);
      expect(svg, name).toMatch(/role-mark/);
      expect(svg, name).toMatch(/[\u4e00-\u9fff]/);
      expect(svg, name).not.toMatch(/NaN|undefined/);
    }
  });

  it("refuses a value that is not a spec, and a spec vega-lite cannot compile", async () => {
    await expect(renderVegaLiteSvg(undefined as never)).rejects.toThrow(
      "renderVegaLiteSvg: spec must be a Vega-Lite spec object (got nothing)",
    );
    await expect(
      renderVegaLiteSvg({ $schema: VEGA_LITE_SCHEMA, mark: "nope" } as never),
    ).rejects.toThrow(/^renderVegaLiteSvg: spec is not a valid Vega-Lite spec \(/);
  });
});
