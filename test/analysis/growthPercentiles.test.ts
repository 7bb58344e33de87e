import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cnPanelPaths, repoRoot, sharedDir } from "../../scripts/cn-panels.js";
import {
  growthPercentilesFrom,
  growthPercentilesModule,
} from "../../scripts/embed-growth-percentiles.js";
import { GROWTH_PERCENTILE_TABLES } from "../../src/analysis/internal/growthPercentiles.generated.js";
import {
  growthPercentile,
  growthPercentileTable,
} from "../../src/analysis/internal/growthPercentiles.js";

/** The shared panels (REGIONSIM_SHARED, else ../shared); not in the repository. */
const panels = cnPanelPaths(sharedDir());
const SKIP_REASON = `skipped: the shared panels are not under ${sharedDir()} (set REGIONSIM_SHARED)`;

const county = growthPercentileTable("county", "nominal");
const real = growthPercentileTable("prefecture", "real");

describe("the national tables of five-year GDP growth", () => {
  it.skipIf(!panels.present)(
    `equal what scripts/embed-growth-percentiles.ts computes from the shared panels (${panels.present ? "panels present" : SKIP_REASON})`,
    () => {
      const made = growthPercentilesFrom(sharedDir());
      expect("content" in made).toBe(true);
      if (!("content" in made)) return;
      expect(readFileSync(join(repoRoot, growthPercentilesModule), "utf8")).toBe(made.content);
    },
  );

  it("agree with an independent Python computation of the latest windows", () => {
    // python3 over the CSVs with csv.DictReader, statistics.quantiles(rates, n=100,
    // method="inclusive") (R type 7): county GDP joined on area_id, both 2013 and 2018 positive,
    // (v2018/v2013)^(1/5) − 1: 1667 units, p1 −0.10555, p50 0.08141, p90 0.11879, p99 0.16773;
    // prefecture-level cities (地级市/副省级市, names not ending in 州/地区/盟) with all five
    // GDP indices 2019–2023, exp(Σ ln(i/100) / 5) − 1: 292 cities, p1 0.01393, p50 0.05256,
    // p90 0.06693, p99 0.08788.
    const c = county?.windows.at(-1);
    expect(c).toMatchObject({ from: 2013, to: 2018, units: 1667 });
    expect([0, 49, 89, 98].map((k) => c?.percentiles[k])).toEqual([
      -0.10555, 0.08141, 0.11879, 0.16773,
    ]);
    const r = real?.windows.at(-1);
    expect(r).toMatchObject({ from: 2018, to: 2023, units: 292 });
    expect([0, 49, 89, 98].map((k) => r?.percentiles[k])).toEqual([
      0.01393, 0.05256, 0.06693, 0.08788,
    ]);
  });

  it("hold 99 rising percentiles per window, and windows that never cross the 2019 GDP break", () => {
    for (const table of GROWTH_PERCENTILE_TABLES)
      for (const w of table.windows) {
        expect(w.percentiles).toHaveLength(99);
        expect([...w.percentiles].sort((a, b) => a - b)).toEqual(w.percentiles);
        expect(w.to - w.from).toBe(5);
        if (table.basis === "nominal") expect(w.from >= 2019 || w.to <= 2018).toBe(true);
      }
  });

  it("give a rate's percentile rank by linear interpolation, 0 below the 1st and 100 above the 99th", () => {
    if (county === undefined) throw new Error("no county table");
    const q = county.windows.at(-1)?.percentiles ?? [];
    expect(growthPercentile(q[49] as number, county).percentile).toBe(50);
    // Halfway between the 90th and the 91st percentile: 90.5.
    const mid = ((q[89] as number) + (q[90] as number)) / 2;
    expect(growthPercentile(mid, county).percentile).toBeCloseTo(90.5, 9);
    expect(growthPercentile(-0.5, county).percentile).toBe(0);
    expect(growthPercentile(0.5, county).percentile).toBe(100);
    expect(growthPercentile(0.05, county).window).toEqual({ from: 2013, to: 2018, units: 1667 });
  });

  it("have no county table at constant prices (the county panel has current prices only)", () => {
    expect(growthPercentileTable("county", "real")).toBeUndefined();
  });
});
