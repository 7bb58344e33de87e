/**
 * Writes `data/qujing/panel-observations.csv`: Qujing's rows of the shared China panels
 * (`county_panel.csv`, `prefecture_panel.csv`; see `shared/data/cn-panels/README.md`) as
 * observations of the Qujing pack, in the columns of `data/qujing/observations.csv`
 * (place,indicator,year,value,unit,source,quality,note; UTF-8, CRLF line ends).
 *
 * What is carried, and how (the mapping is in `scripts/qujing-panel-map.ts`; documented in
 * `data/qujing/PANEL-SOURCES.md`):
 *
 * - the nine places, joined on CSMAR's `area_id` (so 沾益县 530328 → 沾益区 530303 in 2016 and
 *   马龙县 530321 → 马龙区 530304 in 2018 stay one place): `gdp`, `primary_va`, `secondary_va`,
 *   `tertiary_va` (source key CSMAR_CNT_GDP), the population column (CSMAR_CNT_POP, published as
 *   年末户籍人口 but, for Qujing's places, the year-end resident population: it is filed as
 *   `population_resident`), `fixed_asset_investment` (CSMAR_CNT_FAI);
 * - the city (written `qujing`, as `observations.csv` does): `gdp` and the three industries
 *   (GP_INDUSTRY), the real GDP index `gdp_index` (GP_GDP_INDEX), `population_resident`
 *   (GP_POPULATION).
 *
 * Units are already the pack's (100M yuan, 10k persons, previous year = 100): each value is the
 * panel's number unchanged, except that G-P values stored in single precision (`360.200012`) are
 * written as the shortest decimal with the same single-precision value (`360.2`), the source
 * file's value kept in the note. A row is left out when `observations.csv` already holds the same
 * figure (equal at the precision of the less precise of the two) for the same place, indicator
 * and year from a source graded at least as well; otherwise it is kept, and its note names every
 * row of `observations.csv` for that place, indicator and year (same figure or a source
 * conflict).
 *
 * Run with `npm run extract:qujing [-- SHARED]` (SHARED: the shared folder, default
 * `$REGIONSIM_SHARED` or `../shared`). A test checks that the committed file equals this
 * script's output when the panels are present, and runs the extraction on committed extracts.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { readObservationsCsv } from "../src/io/readObservationsCsv.js";
import { qujingGroups } from "../src/packs/qujing/qujingGroups.js";
import { qujingIndicators } from "../src/packs/qujing/qujingIndicators.js";
import { qujingPlaces } from "../src/packs/qujing/qujingPlaces.js";
import { formatIssue } from "../src/schemas/issue.js";
import type { Observation } from "../src/schemas/observation.js";
import {
  CN_PANEL_FILES,
  COUNTY_COLUMNS,
  cnPanelPaths,
  type PanelRecord,
  PREFECTURE_COLUMNS,
  readTidyPanel,
  repoRoot,
  sharedDir,
} from "./cn-panels.js";
import {
  CITY_CODE,
  CITY_MAP,
  CITY_NAME,
  CITY_ORDER,
  CITY_PLACE,
  COUNTY_MAP,
  type Mapping,
  PLACE_ORDER,
  QUJING_AREA_IDS,
  SINGLE_PRECISION_SOURCES,
  UNITS,
} from "./qujing-panel-map.js";

/** Paths, relative to the repository root, of the existing and the written observations. */
export const extractPaths = {
  observations: "data/qujing/observations.csv",
  panelObservations: "data/qujing/panel-observations.csv",
} as const;

/** A row of the output, before it is written. */
export interface PanelObservation {
  readonly place: string;
  readonly indicator: string;
  readonly year: number;
  /** The value as written (a decimal string). */
  readonly value: string;
  readonly unit: string;
  readonly source: string;
  readonly quality: "A" | "B";
  readonly note: string;
}

/** A panel row left out because `observations.csv` already has its figure. */
export interface SkippedRow {
  readonly row: PanelObservation;
  /** The existing row that holds the figure: `value (SOURCE, quality)`. */
  readonly because: string;
}

/** Result of {@link extractQujingPanels}. */
export interface QujingPanelExtract {
  /** The CSV text to write (UTF-8, CRLF line ends, header first). */
  readonly csv: string;
  readonly rows: readonly PanelObservation[];
  readonly skipped: readonly SkippedRow[];
}

/** Texts {@link extractQujingPanels} reads, and the names its messages give them. */
export interface ExtractInput {
  readonly county: string;
  readonly prefecture: string;
  /** Text of `data/qujing/observations.csv`. */
  readonly existing: string;
  readonly files?: { readonly county?: string; readonly prefecture?: string };
}

/**
 * The shortest decimal whose single-precision value equals that of `x`: `360.200012` → `"360.2"`.
 * Used for values a source stored as 32-bit floats and printed with nine digits.
 */
export function shortestSingle(x: number): string {
  const target = Math.fround(x);
  for (let digits = 1; digits <= 9; digits++) {
    const s = String(Number(x.toPrecision(digits)));
    if (Math.fround(Number(s)) === target) return s;
  }
  return String(x);
}

/** Number of decimals of a number's shortest representation (`1005.6` → 1). */
function decimals(x: number): number {
  const s = String(x);
  const e = s.indexOf("e");
  if (e >= 0) return Math.max(0, -Number(s.slice(e + 1)));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Whether two values are one figure: equal when rounded to the fewer decimals of the two. */
export function sameFigure(a: number, b: number): boolean {
  const p = Math.min(decimals(a), decimals(b));
  return Math.abs(a - b) <= 0.5 * 10 ** -p * (1 + 1e-9);
}

const QUALITY_RANK = { A: 0, B: 1, C: 2 } as const;

/** The number in a panel cell, or an error naming file and line. */
function cellNumber(r: PanelRecord, column: string, file: string): number {
  const text = r.cells[column] as string;
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x)) {
    throw new Error(`${file}:${r.line}: ${column} must be a number (got "${text}")`);
  }
  return x;
}

function unitOf(r: PanelRecord, file: string, indicator: string): string {
  const unit = UNITS[r.cells.unit as string];
  if (unit === undefined) {
    throw new Error(`${file}:${r.line}: unit "${r.cells.unit}" has no conversion to the pack`);
  }
  const expected = qujingIndicators.find((i) => i.id === indicator)?.unit;
  if (expected !== unit) {
    throw new Error(
      `${file}:${r.line}: ${indicator} is in "${expected}" in the pack, the panel gives "${unit}"`,
    );
  }
  return unit;
}

function mappingOf(
  map: Readonly<Record<string, Mapping | null>>,
  r: PanelRecord,
  file: string,
): Mapping | null {
  const id = r.cells.indicator as string;
  if (!Object.hasOwn(map, id)) {
    throw new Error(
      `${file}:${r.line}: indicator "${id}" of Qujing is neither carried nor left out on purpose`,
    );
  }
  const m = map[id] as Mapping | null;
  if (m !== null && r.cells.source !== m.source) {
    throw new Error(
      `${file}:${r.line}: ${id} should come from ${m.source} (got ${r.cells.source})`,
    );
  }
  return m;
}

/** Qujing's county rows as observations of the nine places. */
function countyRows(text: string, file: string): PanelObservation[] {
  const out: PanelObservation[] = [];
  for (const r of readTidyPanel(text, file, COUNTY_COLUMNS)) {
    const c = r.cells;
    const place = QUJING_AREA_IDS[c.area_id as string];
    if (place === undefined) {
      if (c.city === CITY_NAME) {
        throw new Error(
          `${file}:${r.line}: ${c.county} (area_id ${c.area_id}) of ${CITY_NAME} is not one of the pack's places`,
        );
      }
      continue;
    }
    const p = qujingPlaces.find((x) => x.id === place);
    const names = [p?.nameZh, ...(p?.aliases ?? [])];
    if (c.city !== CITY_NAME || !names.includes(c.county)) {
      throw new Error(
        `${file}:${r.line}: area_id ${c.area_id} is ${c.county} of ${c.city}, not ${p?.nameZh}`,
      );
    }
    const m = mappingOf(COUNTY_MAP, r, file);
    if (m === null) continue;
    const year = cellNumber(r, "year", file);
    const value = cellNumber(r, "value", file);
    let note = `${m.note}; code ${c.code} ${c.county}`;
    if (m.indicator === "population_resident" && year >= 2020) note += "; 7th-census basis";
    if (m.indicator === "fixed_asset_investment" && year <= 2010) note += "; pre-2011 definition";
    out.push({
      place,
      indicator: m.indicator,
      year,
      value: String(value),
      unit: unitOf(r, file, m.indicator),
      source: m.source,
      quality: m.quality,
      note,
    });
  }
  return out;
}

/** Qujing's city rows; the resident population's note quotes CSMAR's year-end figure where it differs. */
function cityRows(text: string, file: string): PanelObservation[] {
  const records = readTidyPanel(text, file, PREFECTURE_COLUMNS).filter(
    (r) => r.cells.code === CITY_CODE,
  );
  const csmarPopulation = new Map<number, number>();
  for (const r of records)
    if (r.cells.indicator === "population_yearend_csmar")
      csmarPopulation.set(cellNumber(r, "year", file), cellNumber(r, "value", file));
  const out: PanelObservation[] = [];
  for (const r of records) {
    const m = mappingOf(CITY_MAP, r, file);
    if (m === null) continue;
    const year = cellNumber(r, "year", file);
    const raw = cellNumber(r, "value", file);
    const value = SINGLE_PRECISION_SOURCES.has(m.source) ? shortestSingle(raw) : String(raw);
    let note = m.note;
    if (value !== String(raw))
      note += `; the source file stores ${r.cells.value} (single precision)`;
    const csmar = csmarPopulation.get(year);
    if (m.indicator === "population_resident" && csmar !== undefined && Math.abs(csmar - raw) > 0.5)
      note += `; census-revised: CSMAR CRE_Eplwagct gives ${csmar} (pre-census basis, the sum of the places)`;
    out.push({
      place: CITY_PLACE,
      indicator: m.indicator,
      year,
      value,
      unit: unitOf(r, file, m.indicator),
      source: m.source,
      quality: m.quality,
      note,
    });
  }
  return out;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Place id of an existing observation as the output writes it (`city` → `qujing`). */
const written = (place: string) => (place === "city" ? CITY_PLACE : place);

/**
 * Qujing's observations from the two panels, checked against `observations.csv` (see the module
 * comment for the rules).
 *
 * @throws {Error} `FILE:LINE: …` for a panel row that cannot be carried: an unknown Qujing unit
 *   or indicator, a source or unit that is not the expected one, a value that is not a number,
 *   or a place, indicator and year given twice; or when `observations.csv` does not read.
 */
export function extractQujingPanels(input: ExtractInput): QujingPanelExtract {
  const countyFile = input.files?.county ?? CN_PANEL_FILES.county;
  const prefectureFile = input.files?.prefecture ?? CN_PANEL_FILES.prefecture;
  const meta = { places: qujingPlaces, groups: qujingGroups, indicators: qujingIndicators };
  const read = readObservationsCsv(input.existing, meta, { file: extractPaths.observations });
  if (!read.ok) throw new Error(read.issues.map(formatIssue).join("\n"));
  const existing = new Map<string, Observation[]>();
  for (const o of read.value) {
    const key = `${written(o.place)}|${o.indicator}|${o.year}`;
    existing.set(key, [...(existing.get(key) ?? []), o]);
  }

  const all = [
    ...cityRows(input.prefecture, prefectureFile),
    ...countyRows(input.county, countyFile),
  ];
  const seen = new Set<string>();
  for (const o of all) {
    const key = `${o.place}|${o.indicator}|${o.year}`;
    if (seen.has(key))
      throw new Error(`${o.place} ${o.indicator} ${o.year} is in the panels twice`);
    seen.add(key);
  }
  const placeRank = new Map([CITY_PLACE, ...qujingPlaces.map((p) => p.id)].map((p, k) => [p, k]));
  const order = (o: PanelObservation) =>
    (o.place === CITY_PLACE ? CITY_ORDER : PLACE_ORDER).indexOf(o.indicator);
  all.sort(
    (a, b) =>
      (placeRank.get(a.place) as number) - (placeRank.get(b.place) as number) ||
      order(a) - order(b) ||
      a.year - b.year,
  );

  const rows: PanelObservation[] = [];
  const skipped: SkippedRow[] = [];
  for (const o of all) {
    const others = existing.get(`${o.place}|${o.indicator}|${o.year}`) ?? [];
    const value = Number(o.value);
    const holder = others.find(
      (e) => sameFigure(e.value, value) && QUALITY_RANK[e.quality] <= QUALITY_RANK[o.quality],
    );
    if (holder !== undefined) {
      skipped.push({ row: o, because: `${holder.value} (${holder.source}, ${holder.quality})` });
      continue;
    }
    if (others.length === 0) {
      rows.push(o);
      continue;
    }
    const said = others.map(
      (e) =>
        `${e.value} (${e.source}, ${e.quality}${sameFigure(e.value, value) ? ", the same figure" : ", a source conflict"})`,
    );
    rows.push({ ...o, note: `${o.note}; also in observations.csv: ${said.join(", ")}` });
  }

  const header = "place,indicator,year,value,unit,source,quality,note";
  const lines = rows.map((o) =>
    [o.place, o.indicator, String(o.year), o.value, o.unit, o.source, o.quality, o.note]
      .map(csvField)
      .join(","),
  );
  return { csv: `${[header, ...lines].join("\r\n")}\r\n`, rows, skipped };
}

/** The extraction from the panels under `shared` and the repository's `observations.csv`. */
export function extractFromShared(shared: string, root: string = repoRoot): QujingPanelExtract {
  const paths = cnPanelPaths(shared);
  return extractQujingPanels({
    county: readFileSync(paths.county, "utf8"),
    prefecture: readFileSync(paths.prefecture, "utf8"),
    existing: readFileSync(join(root, extractPaths.observations), "utf8"),
  });
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const shared = sharedDir(process.argv[2]);
  const paths = cnPanelPaths(shared);
  if (!paths.present) {
    console.error(
      `extract:qujing: the panels are not under ${shared} (${CN_PANEL_FILES.county}, ${CN_PANEL_FILES.prefecture}); pass the shared folder as an argument or set REGIONSIM_SHARED`,
    );
    process.exit(1);
  }
  const result = extractFromShared(shared);
  const out = join(repoRoot, extractPaths.panelObservations);
  writeFileSync(out, result.csv, "utf8");
  console.log(`read ${paths.county} (sha256 ${sha256(readFileSync(paths.county, "utf8"))})`);
  console.log(
    `read ${paths.prefecture} (sha256 ${sha256(readFileSync(paths.prefecture, "utf8"))})`,
  );
  console.log(
    `wrote ${relative(process.cwd(), out)}: ${result.rows.length} rows (sha256 ${sha256(result.csv)})`,
  );
  console.log(`left out ${result.skipped.length} rows whose figure observations.csv already has:`);
  for (const s of result.skipped)
    console.log(
      `  ${s.row.place} ${s.row.indicator} ${s.row.year} ${s.row.value} (${s.row.source}): ${s.because}`,
    );
}
