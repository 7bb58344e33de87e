/**
 * Writes `src/packs/qujing/panelSummaries.generated.ts`: the summaries of the national county
 * panel (`preparePanel`) that the Qujing pack hands to its fits as `{ panel }` (empirical-Bayes
 * shrinkage of a short series' growth toward comparable units; docs/models.md, *Borrowing
 * strength*). Only the summaries are embedded — a mean and a between-unit variance of growth, a
 * prior of volatility and counts of units — never a row of the panel (see
 * `shared/data/cn-panels/README.md`: the panels are third-party compilations without a data
 * licence).
 *
 * Series (`county_panel.csv`, county-level units 县 / 县级市 / 区 joined across re-codings on
 * `area_id`, as the county backtest reads them), years 2012–2021 (the panel's last ten years with
 * data; older growth belongs to the boom the 2010s left behind):
 *
 * - `gdp` (log scale): GDP at current prices (CSMAR_CNT_GDP), with the backtest's breaks — 2019
 *   (the 4th economic census revised levels from 2019 on) and a change by more than a factor 2 a
 *   year (a change of basis) — so growth is never read across a break.
 * - `urbanization_resident_pct` (logit scale on [0, 100]): 100 × population_urban_resident /
 *   (population_urban_resident + population_rural_resident) (CSMAR_CNT_POP) in the years with
 *   both, kept when strictly between 0 and 100, with a break at 2020 (the 2020–2021 figures rest
 *   on the 7th census) and, as for GDP, where the urban–rural ratio U/R changes by more than a
 *   factor 2 a year (a reclassification, not urbanization). On the logit scale a yearly change is the urban–rural growth difference
 *   (URGD) of the United Nations (1974), *Methods for Projections of Urban and Rural Population*
 *   (Manual VIII): logit(p) = ln(U/R), so the summary's mean growth is the comparable counties'
 *   mean URGD, which the script prints beside the UN's constant norm (`urgd`'s default, 0.0275).
 *
 * Comparable units (`comparableUnits`, docs/models.md): county-level units other than the place
 * itself; Yunnan's first, within a factor 4 of the place's GDP in 2021, then Yunnan's, then the
 * nation's within that factor, then the nation's — the first scope with at least 30 units. The
 * city's urbanization rate (the target urbanization-resident) is read against counties too (no
 * prefecture-level panel has the urban/rural split), with the urban–rural ratio U/R as the size
 * (each unit's in its latest year; Qujing's at the 2020 census, 49.03% urban): the rule ends at
 * the nation's units of similar ratio, because no Yunnan county reports the split. A unit counts when it has a change within a
 * segment in the window.
 *
 * Run with `npm run embed-panel-summary [-- SHARED]` (SHARED: the shared folder, default
 * `$REGIONSIM_SHARED` or `../shared`). Without the panel the script says so and leaves the module
 * as it is. A test (`test/packs/qujingPanelSummaries.test.ts`) checks that the committed module
 * equals what this script produces where the panel is present.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { readCountyPanel } from "../src/io/readCountyPanel.js";
import { comparableUnits, type PanelUnit, preparePanel } from "../src/models/preparePanel.js";
import type { Series } from "../src/models/types.js";
import { qujingPlaces } from "../src/packs/qujing/qujingPlaces.js";
// A change of the urban–rural ratio by more than JUMP_FACTOR a year is a change of basis, as for
// the county GDP series.
import { countyPanelSeries, countyUnitId, JUMP_FACTOR } from "./backtest/countySeries.js";
import { cnPanelPaths, repoRoot, sharedDir } from "./cn-panels.js";
import { QUJING_AREA_IDS } from "./qujing-panel-map.js";

/** The generated module, relative to the repository root. */
export const panelSummariesModule = "src/packs/qujing/panelSummaries.generated.ts";

/** Years of the panel the summaries read. */
export const SUMMARY_FROM = 2012;
export const SUMMARY_TO = 2021;
/** The year whose GDP is a unit's size. */
const SIZE_YEAR = 2021;
/** The province of Qujing, as the panel writes it. */
const PROVINCE = "云南省";
/** First year of the urban/rural split on the 7th census basis. */
const URBAN_CENSUS_BREAK = 2020;
/** Qujing's resident urbanization rate at the 7th census (2020), %: the size the rule compares. */
const QUJING_URBANIZATION_2020 = 49.03;
/** `urgd`'s default norm (a fraction a year), printed beside the panel's mean URGD. */
const UN_NORM = 0.0275;

/** A series cut to the summary's years, its breaks kept where they fall inside. */
function inWindow(s: Series): Series {
  const keep = s.years.map((y) => y >= SUMMARY_FROM && y <= SUMMARY_TO);
  const years = s.years.filter((_, k) => keep[k]);
  const first = years[0] ?? 0;
  return {
    years,
    values: s.values.filter((_, k) => keep[k]),
    breaks: (s.breaks ?? []).filter((b) => b > first && b <= SUMMARY_TO),
  };
}

/** Whether a series has a change between consecutive points within one segment. */
function hasChange(s: Series): boolean {
  for (let k = 1; k < s.years.length; k++) {
    const a = s.years[k - 1] as number;
    const b = s.years[k] as number;
    if (!(s.breaks ?? []).some((x) => x > a && x <= b)) return true;
  }
  return false;
}

/** Rounds for the module (12 significant digits: far below any difference that matters). */
const round = (x: number) => Number(x.toPrecision(12));

/** The entries of the module, and lines that say what they rest on. */
export function summariseCountyPanel(text: string): { entries: object[]; log: string[] } {
  const read = readCountyPanel(text, { file: "county_panel.csv" });
  if (!read.ok)
    throw new Error(`county_panel.csv does not read: ${JSON.stringify(read.issues[0])}`);
  const rows = read.value;
  const province = new Map<string, string>();
  for (const r of rows) province.set(countyUnitId(r), r.province);
  const log: string[] = [];
  const entries: object[] = [];

  // GDP, per place.
  const gdp = countyPanelSeries(rows, "gdp").series;
  const gdpUnits: PanelUnit[] = [];
  for (const s of gdp) {
    const series = inWindow(s);
    if (!hasChange(series)) continue;
    const k = s.years.indexOf(SIZE_YEAR);
    gdpUnits.push({
      id: s.id,
      level: "county",
      province: province.get(s.id) ?? "",
      ...(k < 0 ? {} : { size: s.values[k] as number }),
      series,
    });
  }
  const placeIds = Object.fromEntries(Object.entries(QUJING_AREA_IDS).map(([a, p]) => [p, a]));
  for (const place of qujingPlaces) {
    const id = placeIds[place.id] as string;
    const own = gdpUnits.find((u) => u.id === id);
    if (own?.size === undefined) throw new Error(`${place.id}: no GDP in ${SIZE_YEAR}`);
    const chosen = comparableUnits(
      { id, level: "county", province: PROVINCE, size: own.size },
      gdpUnits,
    );
    const summary = preparePanel(
      chosen.units.map((u) => u.series),
      { scale: "log" },
    );
    const where =
      chosen.scope === "province"
        ? `Yunnan's county-level units${chosen.sized ? ` with a ${SIZE_YEAR} GDP within a factor 4 of ${place.nameEn.split(" ")[0]}'s (${own.size} 亿元)` : ""}`
        : `China's county-level units${chosen.sized ? ` with a ${SIZE_YEAR} GDP within a factor 4 of ${place.nameEn.split(" ")[0]}'s (${own.size} 亿元)` : ""}`;
    const note = `national county panel (CSMAR county tables, county_panel.csv): GDP at current prices, log scale, ${SUMMARY_FROM}–${SUMMARY_TO} within segments (never across the 2019 census break); ${chosen.units.length} comparable units: ${where}; growth from ${summary.growth.units}, volatility from ${summary.volatility.units}`;
    entries.push({ indicator: "gdp", scope: place.id, summary: roundSummary(summary), note });
    log.push(
      `gdp ${place.id}: ${chosen.scope}${chosen.sized ? " sized" : ""}, ${chosen.units.length} units, μ ${summary.growth.mean.toFixed(4)} τ² ${summary.growth.betweenVariance.toExponential(3)} s0² ${summary.volatility.priorVariance.toExponential(3)} ν0 ${summary.volatility.priorDf.toFixed(2)}`,
    );
  }

  // Urbanization rate, for the city and any place.
  const urban = new Map<string, Map<number, number>>();
  const rural = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const into =
      r.indicator === "population_urban_resident"
        ? urban
        : r.indicator === "population_rural_resident"
          ? rural
          : undefined;
    if (into === undefined) continue;
    const id = countyUnitId(r);
    const years = into.get(id) ?? new Map<number, number>();
    years.set(r.year, r.value);
    into.set(id, years);
  }
  const rateUnits: PanelUnit[] = [];
  for (const id of [...urban.keys()].sort()) {
    const points: [number, number][] = [];
    for (const [year, u] of urban.get(id) as Map<number, number>) {
      const r = rural.get(id)?.get(year);
      if (r === undefined || year < SUMMARY_FROM || year > SUMMARY_TO) continue;
      const rate = (100 * u) / (u + r);
      if (rate > 0 && rate < 100) points.push([year, rate]);
    }
    points.sort((p, q) => p[0] - q[0]);
    const breaks = new Set([URBAN_CENSUS_BREAK]);
    for (let k = 1; k < points.length; k++) {
      const [a, pa] = points[k - 1] as [number, number];
      const [b, pb] = points[k] as [number, number];
      const change = Math.abs(Math.log(pb / (100 - pb)) - Math.log(pa / (100 - pa)));
      if (change > (b - a) * Math.log(JUMP_FACTOR)) breaks.add(b);
    }
    const series = inWindow({
      years: points.map((p) => p[0]),
      values: points.map((p) => p[1]),
      breaks: [...breaks].sort((x, y) => x - y),
    });
    const last = points[points.length - 1];
    if (last !== undefined && hasChange(series))
      rateUnits.push({
        id,
        level: "county",
        province: province.get(id) ?? "",
        size: last[1] / (100 - last[1]),
        series,
      });
  }
  const odds = QUJING_URBANIZATION_2020 / (100 - QUJING_URBANIZATION_2020);
  const chosen = comparableUnits(
    { id: "qujing", level: "county", province: PROVINCE, size: odds },
    rateUnits,
  );
  const bounds = [0, 100] as const;
  const summary = preparePanel(
    chosen.units.map((u) => u.series),
    { scale: "logit", bounds },
  );
  const yunnan = rateUnits.filter((u) => u.province === PROVINCE).length;
  const note = `national county panel (CSMAR county tables, county_panel.csv): resident urbanization rate 100 × urban / (urban + rural resident population), logit scale (a yearly change is the UN urban–rural growth difference), ${SUMMARY_FROM}–${SUMMARY_TO} within segments (2020, the 7th census, starts a new one); ${chosen.units.length} comparable units: China's county-level units with the urban/rural split (${yunnan} in Yunnan; none for Qujing)${chosen.sized ? ` and an urban–rural ratio U/R in their latest year within a factor 4 of Qujing's in 2020 (${QUJING_URBANIZATION_2020}% urban: ${odds.toFixed(3)})` : ""}; growth from ${summary.growth.units}, volatility from ${summary.volatility.units}`;
  entries.push({
    indicator: "urbanization_resident_pct",
    scope: "*",
    summary: roundSummary(summary),
    note,
  });
  log.push(
    `urbanization: ${chosen.scope}${chosen.sized ? " sized" : ""}, ${chosen.units.length} units (${yunnan} in Yunnan), mean URGD ${summary.growth.mean.toFixed(4)} a year (UN norm ${UN_NORM}), τ² ${summary.growth.betweenVariance.toExponential(3)}, s0² ${summary.volatility.priorVariance.toExponential(3)}, ν0 ${summary.volatility.priorDf.toFixed(2)}`,
  );
  return { entries, log };
}

function roundSummary(s: ReturnType<typeof preparePanel>): object {
  return {
    kind: s.kind,
    scale: s.scale,
    ...(s.bounds === undefined ? {} : { bounds: [...s.bounds] }),
    growth: {
      mean: round(s.growth.mean),
      betweenVariance: round(s.growth.betweenVariance),
      units: s.growth.units,
    },
    volatility: {
      priorDf: round(s.volatility.priorDf),
      priorVariance: round(s.volatility.priorVariance),
      units: s.volatility.units,
    },
  };
}

/** Renders the generated module from the county panel's text. */
export function renderPanelSummaries(countyText: string): { content: string; log: string[] } {
  const { entries, log } = summariseCountyPanel(countyText);
  const content = [
    "// biome-ignore-all format: generated by scripts/embed-panel-summary.ts; do not edit by hand.",
    "// Regenerate with `npm run embed-panel-summary` where the shared China panels are present;",
    "// a test checks that this file matches them. Summaries only: no row of the panel.",
    "",
    'import type { DatasetPanel } from "../../schemas/datasetPanel.js";',
    "",
    "/**",
    ` * What China's county-level units show about growth, ${SUMMARY_FROM}–${SUMMARY_TO} (preparePanel summaries of`,
    " * the national county panel): GDP per place, among the units comparable to it, and the",
    " * resident urbanization rate. The pack's fits borrow strength from them (docs/qujing-pack.md).",
    " */",
    "export const qujingPanelSummaries: DatasetPanel[] = [",
    ...entries.map((e) => `  ${JSON.stringify(e)},`),
    "];",
    "",
  ].join("\n");
  return { content, log };
}

/** The module's text from the panel under `shared`, or why it cannot be made there. */
export function panelSummariesFrom(
  shared: string,
): { readonly content: string; readonly log: string[] } | { readonly skipped: string } {
  const panels = cnPanelPaths(shared);
  if (!panels.present)
    return {
      skipped: `${panelSummariesModule}: the shared panels are not under ${shared}; pass the shared folder as an argument or set REGIONSIM_SHARED`,
    };
  return renderPanelSummaries(readFileSync(panels.county, "utf8"));
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const made = panelSummariesFrom(sharedDir(process.argv[2]));
  if ("skipped" in made) console.error(`not regenerated: ${made.skipped}`);
  else {
    for (const line of made.log) console.log(line);
    const path = join(repoRoot, panelSummariesModule);
    writeFileSync(path, made.content, "utf8");
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
}
