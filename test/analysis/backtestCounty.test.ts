import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBacktestArgs } from "../../scripts/backtest/args.js";
import {
  countyPanelSeries,
  countyUnitId,
  scoredUnits,
} from "../../scripts/backtest/countySeries.js";
import { findBlock } from "../../scripts/backtest/docBlock.js";
import { backtestRuns, blockId } from "../../scripts/backtest/runs.js";
import { backtest } from "../../src/analysis/backtest.js";
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import { type CountyPanelRow, readCountyPanel } from "../../src/io/readCountyPanel.js";

const FIXTURE = "test/fixtures/panels/county_backtest_extract.csv";
const read = readCountyPanel(readFileSync(FIXTURE, "utf8"), { file: FIXTURE });
const rows = read.ok ? read.value : [];
const PRE_BREAK = { origins: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017] };

const byId = (series: readonly BacktestSeries[], id: string): BacktestSeries => {
  const s = series.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no series ${id}`);
  return s;
};

/** A row made in code, for the rules the fixture does not exercise. */
const row = (
  areaId: string,
  year: number,
  indicator: string,
  value: number,
  unit = "100M yuan",
): CountyPanelRow => ({
  year,
  areaId,
  code: "530302",
  county: "",
  city: "",
  province: "",
  indicator,
  value,
  unit,
  source: "test",
});

describe("countyPanelSeries on the fixture extract (6 units, 2005–2021)", () => {
  it("reads the extract", () => {
    expect(read.ok).toBe(true);
  });

  it("makes one GDP series per unit: area_id, or the code where there is none", () => {
    const { series, unitsWithGdp } = countyPanelSeries(rows, "gdp");
    expect(unitsWithGdp).toBe(6);
    // 麒麟 20407471, 綦江 20407903, 怀远 20405500, 沾益 20407478, 漾濞 20407018; 信州 has no
    // area_id and is keyed on its code 361102 (six digits, sorted before the eight-digit ids).
    expect(series.map((s) => s.id)).toEqual([
      "20405500",
      "20407018",
      "20407471",
      "20407478",
      "20407903",
      "361102",
    ]);
    expect(countyUnitId({ areaId: "", code: "361102" })).toBe("361102");
    const qilin = byId(series, "20407471");
    expect(qilin.years).toEqual(Array.from({ length: 17 }, (_, i) => 2005 + i));
    expect(qilin.values[qilin.years.indexOf(2013)]).toBe(494.31);
  });

  it("keeps gaps as gaps", () => {
    const { series } = countyPanelSeries(rows, "gdp");
    expect(byId(series, "20407018").years).not.toContain(2011); // 漾濞: no 2011 row
    expect(byId(series, "361102").years).toEqual([2012, 2013, 2014, 2015, 2016, 2019, 2020, 2021]);
    expect(byId(series, "20407478").years).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
  });

  it("breaks every series at 2019, and at a change by more than a factor of 2 a year", () => {
    const { series, jumps } = countyPanelSeries(rows, "gdp");
    expect(byId(series, "20407471").breaks).toEqual([2019]);
    // 綦江 2010 → 2011: 49.2747 → 264.4078, ×5.37 (ln 1.68 > ln 2 = 0.69): a boundary change.
    expect(byId(series, "20407903").breaks).toEqual([2011, 2019]);
    // 怀远 2020 → 2021: 425.06 → 0.0356, a value in the wrong unit.
    expect(byId(series, "20405500").breaks).toEqual([2019, 2021]);
    // 信州 2016 → 2019 spans the census break: not tested as a jump.
    expect(byId(series, "361102").breaks).toEqual([2019]);
    expect(jumps.map((j) => [j.id, j.from, j.to])).toEqual([
      ["20405500", 2020, 2021],
      ["20407903", 2010, 2011],
    ]);
  });

  it("computes the tertiary share in % and carries the breaks of both parts", () => {
    const { series } = countyPanelSeries(rows, "tertiary");
    const qilin = byId(series, "20407471");
    // 麒麟 2013: tertiary_va 166.17, gdp 494.31 → 100 × 166.17 / 494.31 = 33.6166%.
    expect(qilin.values[qilin.years.indexOf(2013)]).toBeCloseTo(33.6166, 4);
    expect(byId(series, "20407903").breaks).toEqual([2011, 2019]);
    expect(byId(series, "20405500").breaks).toEqual([2019, 2021]);
  });

  it("leaves out GDP ≤ 0 and shares outside (0, 100), and ignores other indicators", () => {
    const made = [
      row("1", 2010, "gdp", 10),
      row("1", 2011, "gdp", 0),
      row("1", 2012, "gdp", 12),
      row("1", 2010, "tertiary_va", 4),
      row("1", 2012, "tertiary_va", 12), // 100%: not a share strictly inside (0, 100)
      row("1", 2010, "population_hukou", 5, "10k persons"),
    ];
    const gdp = countyPanelSeries(made, "gdp");
    expect(gdp.series[0]?.years).toEqual([2010, 2012]);
    expect(gdp.valuesLeftOut).toBe(1);
    const share = countyPanelSeries(made, "tertiary");
    expect(share.series[0]?.years).toEqual([2010]);
    expect(share.series[0]?.values).toEqual([40]);
    expect(share.valuesLeftOut).toBe(1);
  });

  it("refuses a value in another unit and a repeated year", () => {
    expect(() => countyPanelSeries([row("1", 2010, "gdp", 1e5, "10k yuan")], "gdp")).toThrow(
      /gdp must be in 100M yuan \(got 10k yuan\)/,
    );
    expect(() =>
      countyPanelSeries([row("1", 2010, "gdp", 1), row("1", 2010, "gdp", 2)], "gdp"),
    ).toThrow(/a second gdp value for unit 1 in 2010/);
  });
});

describe("the county backtest on the fixture never scores a forecast across a break", () => {
  const { series } = countyPanelSeries(rows, "gdp");
  const result = backtest(series, [{ kind: "drift" }, { kind: "theil-sen" }], {
    ...PRE_BREAK,
    horizon: 5,
    trainingYears: 3,
    keepForecasts: true,
  });
  const forecasts = result.models.flatMap((m) => m.forecasts ?? []);

  it("scores forecasts, none across a break of its series", () => {
    expect(forecasts.length).toBeGreaterThan(100);
    for (const f of forecasts) {
      const breaks = byId(series, f.series).breaks ?? [];
      expect(breaks.some((b) => b > f.origin && b <= f.year)).toBe(false);
    }
    expect(forecasts.some((f) => f.year >= 2019)).toBe(false);
  });

  it("scores 綦江 from 2008–2010 only up to 2010, and from 2011 on", () => {
    const qijiang = forecasts.filter((f) => f.series === "20407903");
    expect(qijiang.filter((f) => f.origin < 2011).every((f) => f.year <= 2010)).toBe(true);
    // From 2008: 2009 and 2010 (h = 1, 2); from 2009: 2010; none from 2010 — per model.
    expect(qijiang.filter((f) => f.origin < 2011).length).toBe(2 * 3);
    expect(qijiang.some((f) => f.origin >= 2011)).toBe(true);
  });

  it("does not score 怀远's 2021 after the break, but 麒麟's", () => {
    const post = backtest(series, [{ kind: "naive" }], {
      origins: [2019, 2020],
      horizon: 2,
      keepForecasts: true,
    });
    const years = (post.models[0]?.forecasts ?? []).map((f) => `${f.series}:${f.year}`);
    expect(years).toContain("20407471:2021");
    expect(years).toContain("20405500:2020");
    expect(years).not.toContain("20405500:2021");
  });

  it("counts the units with a scored forecast", () => {
    expect(scoredUnits(series, PRE_BREAK.origins, 5)).toBe(6);
    // Origin 2017, next value 2019 across the break: nothing to score; 2016 → 2017 is scored.
    const s = { id: "a", years: [2016, 2017, 2019], values: [1, 2, 3], breaks: [2019] };
    expect(scoredUnits([s], [2017], 5)).toBe(0);
    expect(scoredUnits([s], [2016], 5)).toBe(1);
  });
});

describe("npm run backtest's options", () => {
  it("defaults to the prefecture level on 10 years, two threads at most", () => {
    expect(parseBacktestArgs([], 8)).toEqual({
      level: "prefecture",
      window: 10,
      threads: 2,
      write: true,
      shared: undefined,
    });
    expect(parseBacktestArgs([], 1).threads).toBe(1);
  });

  it("parses --level, --window, --threads, --shared and --no-write, spaced or with =", () => {
    expect(
      parseBacktestArgs(["--level", "county", "--window=3", "--no-write", "--shared", "/s"], 2),
    ).toEqual({ level: "county", window: 3, threads: 2, write: false, shared: "/s" });
    expect(parseBacktestArgs(["--level=prefecture", "--threads", "1"], 2).threads).toBe(1);
  });

  it("refuses a wrong level, window or option", () => {
    const refuse = (argv: string[], message: string) =>
      expect(() => parseBacktestArgs(argv, 2)).toThrow(message);
    refuse(["--level", "city"], "--level must be prefecture or county (got city)");
    refuse(["--level"], "--level needs a value");
    refuse(["--level", "--window", "3"], "--level needs a value");
    refuse(["--window", "1"], "--window must be an integer from 2 to 40 (got 1)");
    refuse(["--window", "3.5"], "--window must be an integer from 2 to 40 (got 3.5)");
    refuse(["--window=abc"], "--window must be an integer from 2 to 40 (got abc)");
    refuse(["--window", "41"], "--window must be an integer from 2 to 40 (got 41)");
    refuse(["--threads", "0"], "--threads must be an integer from 1 to 64 (got 0)");
    refuse(["--level", "county", "--level", "county"], "--level is given twice");
    refuse(["--levels", "county"], "unknown option --levels");
    refuse(["county"], "unknown option county");
  });

  it("writes each level and window into its own block of docs/backtest.md", () => {
    expect(blockId("prefecture", 10)).toBe("backtest");
    expect(blockId("county", 10)).toBe("backtest:county");
    expect(blockId("prefecture", 3)).toBe("backtest:window-3");
    expect(blockId("county", 3)).toBe("backtest:county:window-3");
    const doc = readFileSync("docs/backtest.md", "utf8");
    for (const id of [
      "backtest",
      "backtest:county",
      "backtest:window-3",
      "backtest:county:window-3",
    ])
      expect(findBlock(doc, id)).toBeDefined();
  });

  it("finds a block's markers only on lines of their own", () => {
    const text = "See `<!-- b:begin -->` here.\n<!-- b:begin -->\nold\n<!-- b:end -->\nafter\n";
    const at = findBlock(text, "b");
    // The block starts after the 28 characters of the first line and its newline (29).
    expect(at).toEqual({ start: 29, stop: 29 + "<!-- b:begin -->\nold\n<!-- b:end -->".length });
    expect(findBlock("<!-- b:end -->\n<!-- b:begin -->\n", "b")).toBeUndefined();
    expect(findBlock("x <!-- b:begin -->\n<!-- b:end -->\n", "b")).toBeUndefined();
  });

  it("fits on the window, and compares naive, drift, theta, theil-sen and the autos on 3 years", () => {
    const short = backtestRuns("county", 3);
    expect(short.map((r) => [r.indicator, r.options.trainingYears])).toEqual([
      ["gdp", 3],
      ["tertiary", 3],
    ]);
    expect(short[0]?.specs.map((s) => s.kind)).toEqual([
      "naive",
      "drift",
      "theta",
      "theil-sen",
      "auto",
      "auto",
      "drift",
      "auto",
    ]);
    // The last two (drift and auto) are fitted with the leave-one-out panel.
    expect(short[0]?.panelSpecs).toEqual([6, 7]);
    expect(short[0]?.specs[5]).toEqual({ kind: "auto", method: "combine" });
    const full = backtestRuns("prefecture", 10);
    expect(full.map((r) => r.title)).toEqual([
      "GDP, pre-break, last 10 years of training",
      "GDP, pre-break, full history",
      "GDP, post-break",
      "Tertiary share (a rate), pre-break, last 10 years of training",
    ]);
    expect(full[0]?.specs.map((s) => s.kind)).toContain("theil-sen");
  });
});
