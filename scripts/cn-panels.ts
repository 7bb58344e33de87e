/**
 * Where the project's shared China panels live and how the scripts read them: the tidy
 * `county_panel.csv` and `prefecture_panel.csv` of `shared/data/cn-panels/` (described in its
 * README). The package never reads them: `scripts/extract-qujing-panels.ts` copies Qujing's rows
 * into `data/qujing/panel-observations.csv`, and `scripts/embed-data.ts` computes the rank
 * aggregates from the prefecture panel. Tests use the small extracts in `test/fixtures/cn-panels/`
 * and compare with the full panels only when they are present.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PrefectureGdpRow } from "../src/analysis/prefectureCityRanks.js";

/** Repository root (the parent of `scripts/`). */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Environment variable that names the shared folder when no argument does. */
export const SHARED_ENV = "REGIONSIM_SHARED";

/** Paths of the two panels inside the shared folder. */
export const CN_PANEL_FILES = {
  county: "data/cn-panels/county_panel.csv",
  prefecture: "data/cn-panels/prefecture_panel.csv",
} as const;

/**
 * The shared folder: `arg` if given (relative to the working directory), else the environment
 * variable `REGIONSIM_SHARED`, else `../shared` relative to the repository root.
 *
 * @example
 * sharedDir("/work/shared"); // "/work/shared"
 */
export function sharedDir(arg?: string): string {
  const given = arg ?? process.env[SHARED_ENV];
  if (given !== undefined && given !== "") return isAbsolute(given) ? given : resolve(given);
  return resolve(repoRoot, "../shared");
}

/** The two panel paths under `shared`, and whether both exist. */
export function cnPanelPaths(shared: string): {
  county: string;
  prefecture: string;
  present: boolean;
} {
  const county = join(shared, CN_PANEL_FILES.county);
  const prefecture = join(shared, CN_PANEL_FILES.prefecture);
  return { county, prefecture, present: existsSync(county) && existsSync(prefecture) };
}

/** The county panel's path under `shared`; throws when it is not there. */
export function countyPanelPath(shared: string): string {
  const { county } = cnPanelPaths(shared);
  if (!existsSync(county))
    throw new Error(`${county} not found: pass --shared DIR or set REGIONSIM_SHARED`);
  return county;
}

/** One data row of a tidy panel, by column name, with its 1-based line number. */
export interface PanelRecord {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads a tidy panel CSV (UTF-8, optional BOM, LF or CRLF, no quoted fields: the panels have
 * none) whose header is exactly `columns`, in order.
 *
 * @param text - the file's text.
 * @param file - the file's name, for messages.
 * @param columns - the expected header.
 * @returns every data row, in file order.
 * @throws {Error} `FILE:LINE: …` when the header differs, a row has another number of fields,
 *   or a field is quoted.
 * @example
 * readTidyPanel("a,b\n1,2\n", "x.csv", ["a", "b"]); // [{ line: 2, cells: { a: "1", b: "2" } }]
 */
export function readTidyPanel(
  text: string,
  file: string,
  columns: readonly string[],
): PanelRecord[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const header = lines[0] ?? "";
  if (header !== columns.join(",")) {
    throw new Error(`${file}:1: header must be ${columns.join(",")} (got ${header})`);
  }
  const out: PanelRecord[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as string;
    if (line.includes('"')) throw new Error(`${file}:${k + 1}: quoted fields are not expected`);
    const fields = line.split(",");
    if (fields.length !== columns.length) {
      throw new Error(
        `${file}:${k + 1}: expected ${columns.length} fields, got ${fields.length}: ${line}`,
      );
    }
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => {
      cells[c] = fields[i] as string;
    });
    out.push({ line: k + 1, cells });
  }
  return out;
}

/** Header of `county_panel.csv`. */
export const COUNTY_COLUMNS = [
  "year",
  "area_id",
  "code",
  "county",
  "city",
  "province",
  "indicator",
  "value",
  "unit",
  "source",
] as const;

/** Header of `prefecture_panel.csv`. */
export const PREFECTURE_COLUMNS = [
  "year",
  "code",
  "city",
  "province",
  "category",
  "indicator",
  "value",
  "unit",
  "source",
] as const;

/**
 * The GDP rows of `prefecture_panel.csv` as rows for `prefectureCityRanks`: year, code, the
 * Chinese name as published, GDP (100M yuan) and the panel's `category`. Every GDP row is kept
 * (the universe predicate decides which are cities).
 *
 * @throws {Error} `FILE:LINE: …` when the header is not the panel's, or a year or value is not a
 *   number.
 */
export function prefectureGdpRows(text: string, file: string): PrefectureGdpRow[] {
  const out: PrefectureGdpRow[] = [];
  for (const r of readTidyPanel(text, file, PREFECTURE_COLUMNS)) {
    if (r.cells.indicator !== "gdp") continue;
    const year = Number(r.cells.year);
    const gdp = Number(r.cells.value);
    if (!Number.isInteger(year) || r.cells.value === "" || !Number.isFinite(gdp)) {
      throw new Error(
        `${file}:${r.line}: year and value must be numbers (got ${r.cells.year}, ${r.cells.value})`,
      );
    }
    if (r.cells.unit !== "100M yuan") {
      throw new Error(`${file}:${r.line}: GDP must be in 100M yuan (got ${r.cells.unit})`);
    }
    out.push({
      year,
      code: r.cells.code as string,
      name: r.cells.city as string,
      gdp,
      category: r.cells.category as string,
    });
  }
  return out;
}
