import type { CityPanelRow } from "../io/readCityPanel.js";
import type { CountyPanelRow } from "../io/readCountyPanel.js";
import type { Indicator } from "../schemas/indicator.js";
import type { Issue, Result } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack, RegionPackInput, Source } from "../schemas/regionPack.js";
import { type Target, TargetSchema } from "../schemas/target.js";
import { validatePack } from "../schemas/validatePack.js";
import { checkBuildArgs } from "./internal/checkBuildArgs.js";
import { findCity, type PanelCity, panelCities, shownCity } from "./internal/findCity.js";
import { panelBreaks } from "./internal/panelBreaks.js";
import {
  type IndicatorMapping,
  type PlacedRow,
  panelObservations,
} from "./internal/panelObservations.js";
import { cityGroup, unitPlaces } from "./internal/panelPlaces.js";
import { panelScenarios } from "./internal/panelScenarios.js";
import { PANEL_SOURCES } from "./internal/panelSources.js";
import { type PanelUnit, panelUnits, unitKey } from "./internal/panelUnits.js";
import { STANDARD_INDICATORS } from "./standardIndicators.js";

/** Options of {@link buildPackFromPanel}. */
export interface BuildPackFromPanelOptions {
  /** The prefecture-level city: its GB/T 2260 code (`"530400"`) or name (`"玉溪市"`, `"玉溪"`). */
  readonly city: string;
  /** Rows of a prefecture panel (`readCityPanel`); the city's own rows give the group's series. */
  readonly prefectureRows?: readonly CityPanelRow[];
  /** The plan's targets, naming the pack's ids (`city`, `c530402`, `gdp`, …). */
  readonly targets?: RegionPackInput["targets"];
  /** The plan (titles, base year, issue year, end year); default: a placeholder (see below). */
  readonly plan?: RegionPack["plan"];
  /** File name put on issues about `rows` (the builder never opens it). */
  readonly file?: string;
  /** File name put on issues about `prefectureRows`. */
  readonly prefectureFile?: string;
}

const FN = "buildPackFromPanel";
const GROUP = "city";
/** A unit whose latest row is more than this many years before the city's latest is gone. */
const DEFUNCT_AFTER_YEARS = 2;

const same = (id: string): IndicatorMapping => ({ indicator: id });
/** County panel indicators → pack indicators. */
const COUNTY_MAPPINGS: Readonly<Record<string, IndicatorMapping>> = Object.fromEntries(
  [
    "gdp",
    "primary_va",
    "secondary_va",
    "tertiary_va",
    "population_hukou",
    "population_urban_resident",
    "population_rural_resident",
    "fixed_asset_investment",
  ].map((id) => [id, same(id)]),
);
const HUKOU_SPLIT =
  "household-registered population by agricultural status ends in 2013 and has a bad 2011 row " +
  "in the source (cn-panels README, caveat C2); not used";
const COUNTY_UNUSED: Readonly<Record<string, string>> = {
  population_hukou_agricultural: HUKOU_SPLIT,
  population_hukou_nonagricultural: HUKOU_SPLIT,
};
/** Prefecture panel indicators → the group's indicators. */
const CITY_MAPPINGS: Readonly<Record<string, IndicatorMapping>> = {
  ...Object.fromEntries(
    [
      "gdp",
      "primary_va",
      "secondary_va",
      "tertiary_va",
      "population_resident",
      "fixed_asset_investment",
    ].map((id) => [id, same(id)]),
  ),
  gdp_index_prev_year_100: same("gdp_index"),
};
const CITY_UNUSED: Readonly<Record<string, string>> = {
  fdi_used: "foreign direct investment has no county series and no standard indicator; not used",
  population_yearend_csmar:
    "CSMAR's year-end population mixes bases (cn-panels README: 2013–2019 conflict with the resident series); population_resident is used",
  population_nonagricultural:
    "non-agricultural population has no county series after 2013 and errors in the source (cn-panels README); not used",
};

/**
 * Builds a region pack for one prefecture-level city from a county panel in the shape of
 * cn-panels' `county_panel.csv` (rows of `readCountyPanel`), and optionally the city's own
 * series from a prefecture panel (`readCityPanel`). Pure: no file system.
 *
 * - **Places**: the city's county-level units. Rows are joined on the source's stable area id
 *   (a re-coded county, 江川县 530421 → 江川区 530403, is one place), else on the code; a unit
 *   belongs to the city of its latest code (the first four digits) and takes that code and its
 *   latest name: id `c530403`, `nameZh` 江川区, earlier names and codes as aliases. A unit whose
 *   latest row is more than two years older than the city's latest (abolished or merged) is left
 *   out, with a warning.
 * - **Group** `city`: every place; its own observations come from the prefecture panel's rows of
 *   the city's code: GDP, the three industries, real GDP growth (the index − 100), resident
 *   population and fixed-asset investment.
 * - **Indicators**: those of `STANDARD_INDICATORS` that have observations, and each industry's
 *   share of GDP when both are present. Rows of other indicators are left out with a warning.
 * - **Observations**: each row's value in the indicator's unit (a convertible unit is converted
 *   and noted; another is an error), source and quality from the panel's `source` (each listed in
 *   `sources` with the official publication and where it was read); a row reported under an
 *   earlier code notes it.
 * - **Breaks** (cn-panels README): GDP and value added at 2019 (census revision), household
 *   population at 2020 (census residents; the reason checks the places' sum against the city's
 *   resident population), fixed-asset investment at 2011 (definition change), where the data
 *   straddle them.
 * - **Scenarios** `trend` (backtested defaults by indicator kind), `plan` (paths to the level
 *   targets, growth at the growth targets' rates) and `downside` (output growth slowed each year
 *   by the gap between the median and the lower quartile of the city's recent yearly GDP growth).
 * - **Plan**: `options.plan`, or a placeholder: base year the most common base year of the
 *   targets, else the latest year of county GDP; end year the latest target year, else the end of
 *   the five-year-plan period after the base year (2021 → 2025).
 *
 * The pack is checked by `validatePack` (targets against the pack's ids, units and bounds).
 *
 * @param rows - county panel rows (every city's; only the named city's are used).
 * @param options - `city` (required), `prefectureRows`, `targets`, `plan`, `file`, `prefectureFile`.
 * @returns `{ ok: true, value: pack, issues }` with warnings (rows left out, duplicates), or
 *   `{ ok: false, issues }` when a row cannot be used (a unit that does not convert) or the pack
 *   does not validate (a target naming an unknown place).
 * @throws {ArgumentRangeError} (code `unknown-id`) `buildPackFromPanel: options.city must be a
 *   prefecture-level city of the panel, by code or name; did you mean 玉溪市 (530400)? (got the
 *   string "玉西市")`; for a name several cities share, `buildPackFromPanel: options.city names 2
 *   prefecture-level units of the panel: 重庆市 (500100, 26 places) and 重庆市 (500200, 12
 *   places); give the code (got the string "重庆市")`.
 * @throws {ArgumentTypeError} `buildPackFromPanel: rows must be an array of county panel rows
 *   (got nothing)`; `buildPackFromPanel: rows[3].value must be a finite number (got the string
 *   "1")`; `buildPackFromPanel: options.city must be a code or name (got nothing)`; an unknown
 *   option.
 * @example
 * const rows = [2020, 2021].flatMap((year, k) => [
 *   { year, areaId: "1", code: "530402", county: "红塔区", city: "玉溪市", province: "云南省",
 *     indicator: "gdp", value: 700 + k * 70, unit: "100M yuan", source: "CSMAR_CNT_GDP" },
 *   { year, areaId: "2", code: "530403", county: "江川区", city: "玉溪市", province: "云南省",
 *     indicator: "gdp", value: 100 + k * 10, unit: "100M yuan", source: "CSMAR_CNT_GDP" },
 * ]);
 * const built = buildPackFromPanel(rows, { city: "玉溪" });
 * built.value.dataset.places.map((p) => p.id); // ["c530402", "c530403"]
 * built.value.scenarios.map((s) => s.id); // ["trend", "plan", "downside"]
 * assessPack(built.value, "trend").projections.length; // 3 (the county table's GDP: two places and the city)
 */
export function buildPackFromPanel(
  rows: readonly CountyPanelRow[],
  options: BuildPackFromPanelOptions,
): Result<RegionPack> {
  const o = checkBuildArgs(FN, rows, options) as unknown as BuildPackFromPanelOptions;
  const { units } = panelUnits(rows);
  const cities = panelCities(units.values());
  const city = findCity(FN, "options.city", o.city, cities);
  const issues: Issue[] = [];
  const at = (file: string | undefined) => (i: Issue) => (file === undefined ? i : { ...i, file });

  const cityLast = Math.max(...city.units.map((u) => u.lastYear));
  const kept = city.units.filter((u) => u.lastYear >= cityLast - DEFUNCT_AFTER_YEARS);
  for (const u of city.units)
    if (!kept.includes(u))
      issues.push(
        at(o.file)({
          severity: "warning",
          code: "unit-left-out",
          message: `${u.name} (${u.code}) has no row after ${u.lastYear}, while the city's data reach ${cityLast} (abolished or merged?): its ${u.rows} rows are left out`,
          received: JSON.stringify(u.code),
        }),
      );
  issues.push(...codelessIssues(rows, units, city, o.file));

  const keptKeys = new Set(kept.map((u) => u.key));
  const cityRows = rows.filter((r) => {
    const key = unitKey(r);
    return key !== undefined && keptKeys.has(key);
  });
  const cityPanelRows = (o.prefectureRows ?? []).filter((r) => r.code === city.code);
  const nameEn = englishName(cityPanelRows);
  const group0 = cityGroup(city, [], nameEn);
  const placed = unitPlaces(kept, cityRows, [group0.id, group0.nameZh, ...(group0.aliases ?? [])]);
  const placeOf = new Map(placed.map((p) => [p.unit.key, p]));
  const indicatorMap = new Map(STANDARD_INDICATORS.map((i) => [i.id, i]));
  const sourceMap = new Map(PANEL_SOURCES.map((s) => [s.key, s]));

  const countyPlaced: PlacedRow[] = cityRows.map((row) => {
    const { unit, place } = placeOf.get(unitKey(row) as string) as (typeof placed)[number];
    const earlier = row.code !== unit.code || (row.county !== "" && row.county !== unit.name);
    const as = `${row.county === "" ? "(no name)" : row.county} (${row.code === "" ? "no code" : row.code})`;
    return {
      row,
      place: place.id,
      preferred: row.code === unit.code,
      ...(earlier ? { note: `reported as ${as}` } : {}),
    };
  });
  const county = panelObservations(
    countyPlaced,
    COUNTY_MAPPINGS,
    COUNTY_UNUSED,
    indicatorMap,
    sourceMap,
    o.file,
  );
  const own = panelObservations(
    cityPanelRows.map((row) => ({ row, place: GROUP, preferred: true })),
    CITY_MAPPINGS,
    CITY_UNUSED,
    indicatorMap,
    sourceMap,
    o.prefectureFile,
  );
  issues.push(...county.issues, ...own.issues);
  if (o.prefectureRows !== undefined && cityPanelRows.length === 0)
    issues.push(
      at(o.prefectureFile)({
        severity: "warning",
        code: "city-not-in-panel",
        message: `the prefecture panel has no row of ${shownCity(city)}: the group city has no series of its own`,
        received: JSON.stringify(city.code),
      }),
    );
  const observations = [...county.observations, ...own.observations];

  const indicators = packIndicators(observations);
  const sources = packSources(observations, sourceMap, issues);
  const placeIds = placed.map((p) => p.place.id);
  const group = { ...group0, members: placeIds };
  const breaks = panelBreaks(observations, placeIds, GROUP);
  const targets = o.targets ?? [];
  const parsedTargets = targets.flatMap((t) => {
    const r = TargetSchema.safeParse(t);
    return r.success ? [r.data] : [];
  });
  const plan = o.plan ?? defaultPlan(parsedTargets, observations);
  const toYear = Math.max(2035, ...parsedTargets.map((t) => t.year ?? 0));
  const lastYear = new Map<string, number>();
  for (const obs of observations)
    lastYear.set(obs.indicator, Math.max(obs.year, lastYear.get(obs.indicator) ?? obs.year));
  const { series: cityGdp, what: cityGdpWhat } = cityGdpSeries(observations, placeIds);
  const scenarios = panelScenarios({
    indicators,
    targets: parsedTargets,
    cityGdp,
    cityGdpWhat,
    gdpBreaks: breaks.filter((b) => b.indicator === "gdp").map((b) => b.year),
    lastYear,
    toYear,
  });

  const pack: RegionPackInput = {
    schemaVersion: "1.0",
    id: `cn-${city.code}`,
    nameZh: group.nameZh,
    nameEn: group.nameEn,
    plan,
    dataset: {
      places: placed.map((p) => p.place),
      groups: [group],
      indicators,
      observations,
      breaks,
    },
    targets: [...targets],
    references: [],
    scenarios,
    sources,
  };
  const validated = validatePack(pack);
  const all = [...issues, ...validated.issues];
  if (!validated.ok || all.some((i) => i.severity === "error")) return { ok: false, issues: all };
  return { ok: true, value: validated.pack, issues: all };
}

/** Warnings for rows of the city's name that cannot be placed: no code in any of their rows. */
function codelessIssues(
  rows: readonly CountyPanelRow[],
  units: ReadonlyMap<string, PanelUnit>,
  city: PanelCity,
  file: string | undefined,
): Issue[] {
  if (city.name === "") return [];
  const lost = rows.filter((r) => {
    if (r.city !== city.name) return false;
    const key = unitKey(r);
    return key === undefined || units.get(key)?.code === "";
  });
  if (lost.length === 0) return [];
  const first = lost[0] as CountyPanelRow;
  return [
    {
      severity: "warning",
      code: "row-without-code",
      message: `${lost.length} row${lost.length === 1 ? "" : "s"} of ${city.name} belong to no unit with a code (neither the row nor any row of its area id has one): left out`,
      ...(first.line === undefined ? {} : { line: first.line }),
      ...(file === undefined ? {} : { file }),
    },
  ];
}

/** The English name CSMAR rows give the city (`"Yuxi(city)"` → `"Yuxi"`), if any. */
function englishName(rows: readonly CityPanelRow[]): string | undefined {
  for (const r of rows) {
    const m = /^([A-Za-z][A-Za-z' -]*?)\s*\((?:city|City)\)\s*$/.exec(r.city);
    if (m !== null) return m[1];
  }
  return undefined;
}

/**
 * The standard indicators observed, and the industry shares whose two parts are observed; GDP
 * names the GDP index as its price index (`prices`, so that GDP at constant prices is derived and
 * targets may be judged on it) when the index is observed.
 */
function packIndicators(observations: readonly Observation[]): Indicator[] {
  const seen = new Set(observations.map((o) => o.indicator));
  return STANDARD_INDICATORS.filter((i) => {
    if (seen.has(i.id)) return true;
    const a = i.aggregation;
    return a.rule === "ratio" && seen.has(a.numerator) && seen.has(a.denominator);
  }).map((i) =>
    i.id === "gdp" && seen.has("gdp_index") ? { ...i, prices: { index: "gdp_index" } } : i,
  );
}

/** The sources the observations cite; an unknown source id is listed as given, with a warning. */
function packSources(
  observations: readonly Observation[],
  known: ReadonlyMap<string, Source>,
  issues: Issue[],
): Source[] {
  const keys = [...new Set(observations.map((o) => o.source))];
  return keys.map((key) => {
    const source = known.get(key);
    if (source !== undefined) return source;
    issues.push({
      severity: "warning",
      code: "unknown-source",
      message: `source ${JSON.stringify(key)} is not a cn-panels source: listed as given, graded B; describe it in the pack's sources`,
      received: JSON.stringify(key),
    });
    return { key, title: `${key} (as the panel names it)`, quality: "B" };
  });
}

/**
 * The placeholder plan: base year the targets' most common base year, else the latest year of
 * county GDP (else of any observation); end year the latest target year, else the end of the
 * five-year-plan period after the base year (periods end in years divisible by 5).
 */
function defaultPlan(targets: readonly Target[], observations: readonly Observation[]) {
  const counts = new Map<number, number>();
  for (const t of targets) counts.set(t.baseYear, (counts.get(t.baseYear) ?? 0) + 1);
  const fromTargets = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const county = observations.filter((o) => o.place !== GROUP);
  const gdpYears = county.filter((o) => o.indicator === "gdp").map((o) => o.year);
  const years = gdpYears.length > 0 ? gdpYears : observations.map((o) => o.year);
  const baseYear = fromTargets ?? (years.length > 0 ? Math.max(...years) : 2020);
  const targetYears = targets.map((t) => t.year).filter((y): y is number => y !== null);
  const endYear = targetYears.length > 0 ? Math.max(...targetYears) : baseYear - (baseYear % 5) + 5;
  return {
    titleZh: "未指定规划（由面板数据生成）",
    titleEn: "No plan given (pack built from a panel)",
    baseYear,
    issued: baseYear + 1,
    endYear,
  };
}

/** The city's GDP: its own series if it has one, else its places' sum in years all have one. */
function cityGdpSeries(
  observations: readonly Observation[],
  placeIds: readonly string[],
): { series: { year: number; value: number }[]; what: string } {
  const gdp = observations.filter((o) => o.indicator === "gdp");
  const own = gdp.filter((o) => o.place === GROUP);
  if (own.length > 0)
    return { series: own.map((o) => ({ year: o.year, value: o.value })), what: "its own series" };
  const byYear = new Map<number, Map<string, number>>();
  for (const o of gdp) {
    const m = byYear.get(o.year) ?? new Map<string, number>();
    m.set(o.place, o.value);
    byYear.set(o.year, m);
  }
  const series = [...byYear]
    .filter(([, m]) => placeIds.every((p) => m.has(p)))
    .map(([year, m]) => ({ year, value: placeIds.reduce((s, p) => s + (m.get(p) as number), 0) }));
  return { series, what: "the sum of its places" };
}
