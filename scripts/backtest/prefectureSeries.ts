/**
 * The backtest's prefecture series: one per prefecture-level unit of the CSMAR CRE_Gdpct table
 * (`data/china-prefecture-gdp/CRE_Gdpct.csv`, read with `readPrefecturePanel`), for GDP at
 * current prices or the tertiary industry's share of GDP, with the 2019 census break.
 */
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import type { PanelRow } from "../../src/io/readPrefecturePanel.js";

/** First year on the basis revised after the 4th national economic census (2018). */
export const CENSUS_BREAK = 2019;
/** Province codes of the four municipalities (Beijing, Tianjin, Shanghai, Chongqing). */
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/** The prefecture indicators the backtest scores. */
export type PrefectureIndicator = "gdp" | "tertiary";

const VALUE: Readonly<Record<PrefectureIndicator, (row: PanelRow) => number | null>> = {
  gdp: (row) => row.gdp,
  tertiary: (row) => row.tertiarySharePct,
};

/**
 * Whether a code is a prefecture-level unit (city, prefecture, autonomous prefecture, league): a
 * six-digit code ending in 00 (not 0000), outside the four municipalities, and not a group of
 * counties administered by the province (prefecture digits 90).
 *
 * @example
 * isPrefectureLevelUnit("530300"); // true
 * isPrefectureLevelUnit("500100"); // false (Chongqing, a municipality)
 */
export function isPrefectureLevelUnit(code: string): boolean {
  return (
    /^\d{4}00$/.test(code) &&
    !code.endsWith("0000") &&
    !MUNICIPALITIES.has(code.slice(0, 2)) &&
    code.slice(2, 4) !== "90"
  );
}

/**
 * One series per prefecture-level unit (by code) of the indicator, with the census break; years
 * whose value is missing or outside the indicator's domain (GDP ≤ 0, a share outside (0, 100))
 * are left out.
 */
export function panelSeries(
  rows: readonly PanelRow[],
  indicator: PrefectureIndicator,
): BacktestSeries[] {
  const inDomain = (x: number) => (indicator === "gdp" ? x > 0 : x > 0 && x < 100);
  const byCode = new Map<string, { year: number; value: number }[]>();
  for (const row of rows) {
    const value = VALUE[indicator](row);
    if (!isPrefectureLevelUnit(row.code) || value === null || !inDomain(value)) continue;
    const list = byCode.get(row.code) ?? [];
    list.push({ year: row.year, value });
    byCode.set(row.code, list);
  }
  return [...byCode.keys()].sort().map((code) => {
    const points = (byCode.get(code) ?? []).sort((a, b) => a.year - b.year);
    return {
      id: code,
      years: points.map((p) => p.year),
      values: points.map((p) => p.value),
      breaks: [CENSUS_BREAK],
    };
  });
}
