import { compile } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
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

/** The mark types a spec draws (its layers', or its facet's layers'). */
function markTypes(spec: VegaLiteSpec): string[] {
  const inner = (spec.spec ?? spec) as { layer?: { mark: { type: string } }[] };
  return (inner.layer ?? []).map((l) => l.mark.type);
}

describe("vegaLiteSpecs", () => {
  it("gives a fan chart per projected level or growth target, the share, the places and the disparity", () => {
    expect(Object.keys(specs)).toEqual([
      "fan-urbanization-resident.vl.json",
      "fan-fixed-asset-investment-growth.vl.json",
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

  it("draws a group's history summed from its places, and the series' breaks", () => {
    // The city has no fixed-asset investment of its own: the nine places' sum, 2000–2017
    // (the county yearbook stopped publishing levels after 2017); the definition changed in 2011.
    const fan = specs["fan-fixed-asset-investment-growth.vl.json"];
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
    const fan = vegaLiteSpecs(assessment, { pack })["fan-fixed-asset-investment-growth.vl.json"];
    expect(layer(fan, "threshold")[0]?.value).toBeCloseTo(3221.02, 9);
    // Without that value, no threshold is drawn.
    expect(layer(specs["fan-fixed-asset-investment-growth.vl.json"], "threshold")).toEqual([]);
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
    const row = assessment.rows.find((r) => r.targetId === "fixed-asset-investment-growth");
    const withRun: Assessment = {
      ...assessment,
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
