/**
 * Writes `src/analysis/internal/growthPercentiles.generated.ts`: the percentiles 1–99 of the
 * five-year compound growth rates of GDP across China's county-level units and prefecture-level
 * cities, which `solveTarget` uses to say how plausible a required growth is. Only these
 * aggregates are embedded, never the panels' rows (see `shared/data/cn-panels/README.md`: the
 * panels are third-party compilations without a data licence).
 *
 * Tables, each over non-overlapping five-year windows:
 *
 * - `county-gdp-nominal`: GDP at current prices of every county-level unit (县, 县级市, 区) of
 *   `county_panel.csv` (CSMAR_CNT_GDP), joined across re-codings on `area_id`; windows 2003–2008,
 *   2008–2013 and 2013–2018 — none crosses the 2019 break (the 4th economic census revised levels
 *   from 2019 on), and 2019–2021 is too short for a five-year window;
 * - `prefecture-gdp-nominal`: GDP at current prices of prefecture-level cities
 *   (`isPrefectureCityByCategory`: 地级市 and 副省级市, names ending in 州, 地区 or 盟 left out) of
 *   `prefecture_panel.csv` (GP_INDUSTRY), the same windows;
 * - `prefecture-gdp-real`: real GDP growth of the same cities, chained from the published GDP
 *   index (previous year = 100, GP_GDP_INDEX): `(Π index/100)^(1/5) − 1` over the five years of
 *   the window, which the level revision does not affect; windows 2003–2008 … 2018–2023.
 *
 * A unit counts in a window when it has a positive value at both ends (the real table: all five
 * indices). Percentiles are R's type 7 (linear interpolation between order statistics, NumPy's
 * default), rounded to 1e-5 (a thousandth of a percentage point).
 *
 * Run with `npm run embed-growth-percentiles [-- SHARED]` (SHARED: the shared folder, default
 * `$REGIONSIM_SHARED` or `../shared`). Without the panels the script says so and leaves the
 * module as it is. A test (`test/analysis/growthPercentiles.test.ts`) checks that the committed
 * module equals what this script produces where the panels are present.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { isPrefectureCityByCategory } from "../src/analysis/prefectureCityRanks.js";
import {
  COUNTY_COLUMNS,
  cnPanelPaths,
  PREFECTURE_COLUMNS,
  readTidyPanel,
  repoRoot,
  sharedDir,
} from "./cn-panels.js";

/** The generated module, relative to the repository root. */
export const growthPercentilesModule = "src/analysis/internal/growthPercentiles.generated.ts";

/** Five-year windows of levels that stay before the 2019 break. */
const LEVEL_WINDOWS = [
  [2003, 2008],
  [2008, 2013],
  [2013, 2018],
] as const;
/** Five-year windows of the real growth index (not affected by the level revision). */
const INDEX_WINDOWS = [...LEVEL_WINDOWS, [2018, 2023]] as const;

/** Values by unit and year. */
type Panel = Map<string, Map<number, number>>;

function put(panel: Panel, unit: string, year: number, value: number): void {
  const years = panel.get(unit) ?? new Map<number, number>();
  years.set(year, value);
  panel.set(unit, years);
}

/** R's type-7 quantile of sorted values at probability `p`. */
function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** The rates of one window as a table row: units and percentiles 1–99. */
function windowRow(from: number, to: number, rates: number[]): string {
  const sorted = [...rates].sort((x, y) => x - y);
  const percentiles = Array.from({ length: 99 }, (_, k) =>
    Number(quantile7(sorted, (k + 1) / 100).toFixed(5)),
  );
  return `      { from: ${from}, to: ${to}, units: ${sorted.length}, percentiles: [${percentiles.join(", ")}] },`;
}

/** Five-year CAGRs of levels between the window's ends. */
function levelRates(panel: Panel, from: number, to: number): number[] {
  const out: number[] = [];
  for (const years of panel.values()) {
    const a = years.get(from);
    const b = years.get(to);
    if (a !== undefined && b !== undefined && a > 0 && b > 0)
      out.push(Math.expm1(Math.log(b / a) / (to - from)));
  }
  return out;
}

/** Five-year real CAGRs chained from the yearly index (previous year = 100). */
function indexRates(panel: Panel, from: number, to: number): number[] {
  const out: number[] = [];
  for (const years of panel.values()) {
    let log = 0;
    let complete = true;
    for (let y = from + 1; y <= to; y++) {
      const i = years.get(y);
      if (i === undefined || !(i > 0)) complete = false;
      else log += Math.log(i / 100);
    }
    if (complete) out.push(Math.expm1(log / (to - from)));
  }
  return out;
}

/** A number cell of a panel row, or a thrown error naming the line. */
function numberCell(file: string, line: number, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value))
    throw new Error(`${file}:${line}: value must be a number (got ${text})`);
  return value;
}

/** Renders the generated module from the texts of the county and prefecture panels. */
export function renderGrowthPercentiles(countyText: string, prefectureText: string): string {
  const county: Panel = new Map();
  for (const r of readTidyPanel(countyText, "county_panel.csv", COUNTY_COLUMNS)) {
    if (r.cells.indicator !== "gdp") continue;
    put(
      county,
      r.cells.area_id as string,
      Number(r.cells.year),
      numberCell("county_panel.csv", r.line, r.cells.value),
    );
  }
  const prefectureGdp: Panel = new Map();
  const prefectureIndex: Panel = new Map();
  for (const r of readTidyPanel(prefectureText, "prefecture_panel.csv", PREFECTURE_COLUMNS)) {
    const { indicator, code, city, category } = r.cells as Readonly<Record<string, string>> & {
      readonly code: string;
      readonly city: string;
      readonly category: string;
    };
    if (indicator !== "gdp" && indicator !== "gdp_index_prev_year_100") continue;
    const year = Number(r.cells.year);
    const value = numberCell("prefecture_panel.csv", r.line, r.cells.value);
    if (!isPrefectureCityByCategory({ year, code, name: city, gdp: value, category })) continue;
    put(indicator === "gdp" ? prefectureGdp : prefectureIndex, code, year, value);
  }
  const table = (
    id: string,
    scope: string,
    basis: string,
    description: string,
    rows: readonly string[],
  ) => [
    "  {",
    `    id: "${id}",`,
    `    scope: "${scope}",`,
    `    basis: "${basis}",`,
    `    description: ${JSON.stringify(description)},`,
    "    windows: [",
    ...rows,
    "    ],",
    "  },",
  ];
  return [
    "// biome-ignore-all format: generated by scripts/embed-growth-percentiles.ts; do not edit by hand.",
    "// Regenerate with `npm run embed-growth-percentiles` where the shared China panels are present;",
    "// a test checks that this file matches them. Aggregates only: no row of the panels.",
    "",
    'import type { GrowthPercentileTable } from "./growthPercentiles.js";',
    "",
    "/**",
    " * Percentiles 1–99 (R type 7) of five-year compound growth of GDP a year, as fractions, by",
    " * five-year window: China's county-level units at current prices (CSMAR county tables), and",
    " * prefecture-level cities at current prices (GP_INDUSTRY) and at constant prices (chained",
    " * GP_GDP_INDEX). Level windows end by 2018, before the 2019 economic-census break.",
    " */",
    "export const GROWTH_PERCENTILE_TABLES: readonly GrowthPercentileTable[] = [",
    ...table(
      "county-gdp-nominal",
      "county",
      "nominal",
      "county-level units' GDP at current prices (CSMAR county tables)",
      LEVEL_WINDOWS.map(([a, b]) => windowRow(a, b, levelRates(county, a, b))),
    ),
    ...table(
      "prefecture-gdp-nominal",
      "prefecture",
      "nominal",
      "prefecture-level cities' GDP at current prices (city yearbooks, GP_INDUSTRY)",
      LEVEL_WINDOWS.map(([a, b]) => windowRow(a, b, levelRates(prefectureGdp, a, b))),
    ),
    ...table(
      "prefecture-gdp-real",
      "prefecture",
      "real",
      "prefecture-level cities' real GDP growth, chained from the GDP index (GP_GDP_INDEX)",
      INDEX_WINDOWS.map(([a, b]) => windowRow(a, b, indexRates(prefectureIndex, a, b))),
    ),
    "];",
    "",
  ].join("\n");
}

/** The module's text from the panels under `shared`, or why it cannot be made there. */
export function growthPercentilesFrom(
  shared: string,
): { readonly content: string } | { readonly skipped: string } {
  const panels = cnPanelPaths(shared);
  if (!panels.present)
    return {
      skipped: `${growthPercentilesModule}: the shared panels are not under ${shared}; pass the shared folder as an argument or set REGIONSIM_SHARED`,
    };
  return {
    content: renderGrowthPercentiles(
      readFileSync(panels.county, "utf8"),
      readFileSync(panels.prefecture, "utf8"),
    ),
  };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const made = growthPercentilesFrom(sharedDir(process.argv[2]));
  if ("skipped" in made) console.error(`not regenerated: ${made.skipped}`);
  else {
    const path = join(repoRoot, growthPercentilesModule);
    writeFileSync(path, made.content, "utf8");
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
}
