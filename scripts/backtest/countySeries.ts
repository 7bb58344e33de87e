/**
 * The backtest's county series: one per county-level unit (县, 县级市, 区, 旗) of the shared
 * `county_panel.csv` (cn-panels, read with `readCountyPanel`), for GDP at current prices or the
 * tertiary industry's share of GDP, with the breaks a forecast is never scored across.
 *
 * Rules (docs/backtest.md, *County level*):
 * - A unit is the panel's `area_id` (CSMAR's id, which survives a re-coding), or its six-digit
 *   `code` where the row has no `area_id` (some 江西 units); the two never collide (eight digits
 *   against six). Every unit of the panel is county-level; districts of the four municipalities
 *   are county-level units too and are kept.
 * - GDP: the `gdp` rows (100M yuan); a value ≤ 0 is left out. Tertiary share: 100 ×
 *   `tertiary_va` / `gdp` in the years that have both, kept when strictly between 0 and 100.
 * - Breaks: 2019, the 4th economic census revision (the panel's README: levels from 2019 on
 *   are revised, earlier years were not). And a **jump**: between two consecutive observed years
 *   `a < b` not on either side of 2019, a change of GDP (or of tertiary value added, for the
 *   share) by more than a factor of 2 per year, |ln(v_b / v_a)| > (b − a) · ln 2, starts a new
 *   segment at `b`. Such a jump is a change of basis, not growth: a boundary change (綦江区
 *   absorbed 万盛 in 2011: ×5.4), a statistical correction (辽宁's counties in 2016), or a value
 *   in the wrong unit (181 units of 广东 and 安徽 have a 2021 value about 10⁻⁴ of their 2020
 *   one). The share series carries the breaks of both its parts.
 */
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import type { CountyPanelRow } from "../../src/io/readCountyPanel.js";

/** First year on the basis revised after the 4th national economic census (2018). */
export const COUNTY_CENSUS_BREAK = 2019;
/** The largest change a year (a factor) that is still read as growth, not as a change of basis. */
export const JUMP_FACTOR = 2;
/** The panel's unit of GDP and value added. */
const VALUE_UNIT = "100M yuan";

/** The county indicators the backtest scores. */
export type CountyIndicator = "gdp" | "tertiary";

/** A jump read as a break: the unit, the years either side and the values. */
export interface CountyJump {
  readonly id: string;
  readonly indicator: "gdp" | "tertiary_va";
  readonly from: number;
  readonly to: number;
  readonly before: number;
  readonly after: number;
}

/** The series and what the rules did. */
export interface CountySeriesResult {
  /** One series per unit with at least one value, ordered by id. */
  readonly series: BacktestSeries[];
  /** Units with a `gdp` row (before any rule). */
  readonly unitsWithGdp: number;
  /** Values left out: GDP ≤ 0, or a share outside (0, 100). */
  readonly valuesLeftOut: number;
  /** Jumps read as breaks (every unit and year, also those outside the scored years). */
  readonly jumps: readonly CountyJump[];
}

/** The id of a row's unit: `area_id`, else the code. */
export function countyUnitId(row: Pick<CountyPanelRow, "areaId" | "code">): string {
  return row.areaId !== "" ? row.areaId : row.code;
}

/** The province (the code's first two digits) of each unit with a code, by unit id. */
export function countyProvinces(rows: readonly CountyPanelRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) if (row.code !== "") out.set(countyUnitId(row), row.code.slice(0, 2));
  return out;
}

type YearValues = Map<number, number>;

/** The `indicator` rows by unit id; throws on a value in another unit or a repeated year. */
function byUnit(rows: readonly CountyPanelRow[], indicator: string): Map<string, YearValues> {
  const out = new Map<string, YearValues>();
  for (const row of rows) {
    if (row.indicator !== indicator) continue;
    const where = `county panel line ${row.line ?? "?"}`;
    if (row.unit !== VALUE_UNIT)
      throw new Error(`${where}: ${indicator} must be in ${VALUE_UNIT} (got ${row.unit})`);
    const id = countyUnitId(row);
    const values = out.get(id) ?? new Map<number, number>();
    if (values.has(row.year))
      throw new Error(`${where}: a second ${indicator} value for unit ${id} in ${row.year}`);
    values.set(row.year, row.value);
    out.set(id, values);
  }
  return out;
}

/** Jumps of a positive series (consecutive observed years, never across the census break). */
function jumpsOf(
  id: string,
  indicator: CountyJump["indicator"],
  values: YearValues | undefined,
): CountyJump[] {
  if (values === undefined) return [];
  const points = [...values].filter(([, v]) => v > 0).sort((p, q) => p[0] - q[0]);
  const out: CountyJump[] = [];
  for (let k = 1; k < points.length; k++) {
    const [a, before] = points[k - 1] as [number, number];
    const [b, after] = points[k] as [number, number];
    if (a < COUNTY_CENSUS_BREAK && b >= COUNTY_CENSUS_BREAK) continue;
    if (Math.abs(Math.log(after / before)) > (b - a) * Math.log(JUMP_FACTOR))
      out.push({ id, indicator, from: a, to: b, before, after });
  }
  return out;
}

/**
 * One series per county-level unit of the panel rows (see the module's rules), with its breaks.
 *
 * @param rows - rows of `county_panel.csv` as `readCountyPanel` returns them (any indicators).
 * @param indicator - `"gdp"` (a level, 100M yuan) or `"tertiary"` (the share of GDP, %).
 * @throws {Error} when a `gdp` or `tertiary_va` row is not in 100M yuan, or a unit has two values
 *   of one indicator in a year.
 * @example
 * const { series } = countyPanelSeries(rows, "gdp");
 * series[0]; // { id: "20407471", years: [2000, …], values: […], breaks: [2019] }
 */
export function countyPanelSeries(
  rows: readonly CountyPanelRow[],
  indicator: CountyIndicator,
): CountySeriesResult {
  const gdp = byUnit(rows, "gdp");
  const tertiary = indicator === "tertiary" ? byUnit(rows, "tertiary_va") : undefined;
  const series: BacktestSeries[] = [];
  const jumps: CountyJump[] = [];
  let valuesLeftOut = 0;
  for (const id of [...gdp.keys()].sort()) {
    const levels = gdp.get(id) as YearValues;
    const unitJumps = [
      ...jumpsOf(id, "gdp", levels),
      ...(tertiary === undefined ? [] : jumpsOf(id, "tertiary_va", tertiary.get(id))),
    ];
    const points: [number, number][] = [];
    for (const [year, level] of levels) {
      if (tertiary === undefined) {
        if (level > 0) points.push([year, level]);
        else valuesLeftOut++;
        continue;
      }
      const part = tertiary.get(id)?.get(year);
      if (part === undefined) continue;
      const share = (100 * part) / level;
      if (level > 0 && share > 0 && share < 100) points.push([year, share]);
      else valuesLeftOut++;
    }
    if (points.length === 0) continue;
    points.sort((p, q) => p[0] - q[0]);
    jumps.push(...unitJumps);
    const breaks = [...new Set([COUNTY_CENSUS_BREAK, ...unitJumps.map((j) => j.to)])].sort(
      (a, b) => a - b,
    );
    series.push({
      id,
      years: points.map((p) => p[0]),
      values: points.map((p) => p[1]),
      breaks,
    });
  }
  return { series, unitsWithGdp: gdp.size, valuesLeftOut, jumps };
}

/**
 * The number of series with at least one forecast the backtest scores from `origins` up to
 * `horizon` years ahead: the origin observed, and a later year within the horizon observed with
 * no break in (origin, year] — the rule of `backtest` itself.
 *
 * @example
 * scoredUnits([{ id: "a", years: [2017, 2019], values: [1, 2], breaks: [2019] }], [2017], 5); // 0
 */
export function scoredUnits(
  series: readonly BacktestSeries[],
  origins: readonly number[],
  horizon: number,
): number {
  const scorable = (s: BacktestSeries, origin: number): boolean => {
    if (!s.years.includes(origin)) return false;
    for (let h = 1; h <= horizon; h++) {
      const year = origin + h;
      if ((s.breaks ?? []).some((b) => b > origin && b <= year)) return false;
      if (s.years.includes(year)) return true;
    }
    return false;
  };
  return series.filter((s) => origins.some((o) => scorable(s, o))).length;
}
