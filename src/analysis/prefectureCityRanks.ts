import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOptions,
  checkPresent,
  checkString,
} from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";

/** What {@link prefectureCityRanks} needs of one unit and year of a prefecture GDP panel. */
export interface PrefectureGdpRow {
  readonly year: number;
  /** Six-digit administrative code (GB/T 2260), e.g. `"530300"`. */
  readonly code: string;
  /** Name of the unit as published (used only to describe the universe). */
  readonly name: string;
  /** GDP at current prices (any unit, the same for every row), or `null` when missing. */
  readonly gdp: number | null;
  /**
   * The source's classification of the unit, where it has one: `prefecture_panel.csv` of the
   * shared China panels writes 地级市, 副省级市 or 直辖市 (empty when the code is unknown).
   * Read only by {@link isPrefectureCityByCategory}.
   */
  readonly category?: string;
}

/** A city's position in one year. */
export interface PrefectureCityRank {
  readonly year: number;
  /** 1 + the number of cities with a strictly larger GDP (tied cities share the better rank). */
  readonly rank: number;
  /** Number of prefecture-level cities with a GDP that year. */
  readonly of: number;
  /** The city's GDP. */
  readonly gdp: number;
  /** GDP of the city in position `k` (the requested rank) that year, or `null` when fewer than `k` cities have data. */
  readonly gdpAtRank: number | null;
}

/** Result of {@link prefectureCityRanks}. */
export interface PrefectureCityRanks {
  /** The code asked for. */
  readonly code: string;
  /** The rank asked for (`k`). */
  readonly k: number;
  /** The city's rank in each year in which it has a GDP, by year. */
  readonly ranks: PrefectureCityRank[];
  /** GDP of the `k`-th city in each year with at least `k` cities, by year. */
  readonly kth: { readonly years: number[]; readonly values: number[] };
}

/** Options of {@link prefectureCityRanks}. */
export interface PrefectureCityRanksOptions {
  /** Six-digit code of the city whose ranks are wanted, e.g. `"530300"` (Qujing). */
  readonly code: string;
  /** The rank `k` whose GDP is reported each year, e.g. `70` for "top 70". */
  readonly rank: number;
  /**
   * Which rows belong to the universe; defaults to {@link isPrefectureLevelCity} (by code, for the
   * CSMAR table); {@link isPrefectureCityByCategory} for a panel that classifies its units.
   */
  readonly isCity?: (row: PrefectureGdpRow) => boolean;
}

/** Province codes of the four municipalities (Beijing, Tianjin, Shanghai, Chongqing). */
const MUNICIPALITY_PROVINCES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);

/**
 * Whether a unit of a prefecture GDP panel is a prefecture-level city (地级市), the universe of
 * rankings such as "全国地级城市70强".
 *
 * Rule, by the GB/T 2260 administrative code: the code is six digits ending in `00` but not in
 * `0000` (a province), the province (first two digits) is not one of the four municipalities
 * (11 Beijing, 12 Tianjin, 31 Shanghai, 50 Chongqing), and the prefecture digits (third and
 * fourth) are 01–20 or 51–70, the ranges GB/T 2260 gives to prefecture-level cities; 21–50 are
 * prefectures (地区), autonomous prefectures (自治州) and leagues (盟), 90 the counties
 * administered directly by a province. The code is used rather than the name because the names
 * in the CSMAR table do not reliably mark cities: Shenzhen, Xiamen, Xiangyang and a dozen other
 * cities have no "(city)" in their name, `Jilin(province)` is the city of Jilin and
 * `Hainan(province)` (632500) the Hainan Tibetan Autonomous Prefecture. On `CRE_Gdpct.csv` the
 * rule and the names disagree only on units whose names lag a conversion to city status while
 * their codes do not: Haidong Prefecture (630200, a city since 2013), Changdu Region (540300,
 * 2014), Linzhi District (540400, 2015) and Shannan Region (540500, 2016) are kept. Units whose
 * code was not updated on conversion stay out: Turpan (652100), Kumul (652200), Naqu (542400)
 * and `Danzhou(city)` (469003, Hainan's county-level code). None of these is near the top 100
 * by GDP, so they change `of`, not the rank of a large city.
 *
 * @param row - a panel row; only `code` is read.
 * @returns `true` for a prefecture-level city.
 * @throws {ArgumentTypeError} `isPrefectureLevelCity: row must be a panel row { year, code, name,
 *   gdp } (got null)` or `isPrefectureLevelCity: row.code must be a string (got 530300)`.
 * @example
 * isPrefectureLevelCity({ year: 2020, code: "530300", name: "Qujing(city)", gdp: 2959.35 }); // true
 * isPrefectureLevelCity({ year: 2020, code: "532300", name: "Chuxiong Yi Autonomous Prefecture", gdp: 1500 }); // false
 * isPrefectureLevelCity({ year: 2020, code: "500000", name: "Chongqing", gdp: 25000 }); // false
 */
export function isPrefectureLevelCity(row: PrefectureGdpRow): boolean {
  const r = checkObject(
    "isPrefectureLevelCity",
    "row",
    row,
    "a panel row { year, code, name, gdp }",
  );
  const code = checkString("isPrefectureLevelCity", "row.code", r.code);
  if (!/^\d{4}00$/.test(code) || code.endsWith("0000")) return false;
  if (MUNICIPALITY_PROVINCES.has(code.slice(0, 2))) return false;
  const prefecture = Number(code.slice(2, 4));
  return (prefecture >= 1 && prefecture <= 20) || (prefecture >= 51 && prefecture <= 70);
}

/** Categories of a prefecture panel that are prefecture-level cities. */
const CITY_CATEGORIES: ReadonlySet<string> = new Set(["地级市", "副省级市"]);
/** Endings of the names of prefectures (地区), autonomous prefectures (…州) and leagues (盟). */
const NON_CITY_NAME = /(州|地区|盟)$/u;

/**
 * Whether a unit of a prefecture panel that classifies its units (`category`) is a
 * prefecture-level city, the universe of rankings such as "全国地级城市70强": the category is
 * 地级市 or 副省级市 (not 直辖市, not empty), and the name (Chinese, as published) does not end in
 * 州, 地区 or 盟. The name test is needed because the panel files autonomous prefectures
 * (楚雄彝族自治州), prefectures (阿克苏地区) and leagues (锡林郭勒盟) under 地级市; a city's name
 * ends in 市 (广州市, 杭州市), so 州 at the end marks an autonomous prefecture. This is the rule of
 * the shared panels' README (`shared/data/cn-panels/README.md`, "Ranking prefecture-level cities
 * by GDP"), with which Qujing ranks 85th in 2021, 75th in 2022 and 72nd in 2023.
 *
 * @param row - a panel row; `category` and `name` are read.
 * @returns `true` for a prefecture-level city.
 * @throws {ArgumentTypeError} `isPrefectureCityByCategory: row must be a panel row { year, code,
 *   name, gdp, category } (got null)`; `isPrefectureCityByCategory: row.category must be the
 *   panel's category, a string such as "地级市" (got nothing)` (a panel without categories
 *   needs {@link isPrefectureLevelCity}); `row.name` not a string likewise.
 * @example
 * isPrefectureCityByCategory({ year: 2023, code: "530300", name: "曲靖市", gdp: 4048.91, category: "地级市" }); // true
 * isPrefectureCityByCategory({ year: 2023, code: "532300", name: "楚雄彝族自治州", gdp: 1800, category: "地级市" }); // false
 * isPrefectureCityByCategory({ year: 2023, code: "500000", name: "重庆市", gdp: 30000, category: "直辖市" }); // false
 */
export function isPrefectureCityByCategory(row: PrefectureGdpRow): boolean {
  const fn = "isPrefectureCityByCategory";
  const r = checkObject(fn, "row", row, "a panel row { year, code, name, gdp, category }");
  const category = checkString(fn, "row.category", r.category, {
    expected: 'the panel\'s category, a string such as "地级市"',
  });
  const name = checkString(fn, "row.name", r.name);
  return CITY_CATEGORIES.has(category.trim()) && !NON_CITY_NAME.test(name.trim());
}

/**
 * Ranks prefecture-level cities by GDP in each year of a panel, and reports where one city
 * stands and how large the `k`-th city is.
 *
 * For each year, the universe is the rows that pass `isCity` (by default
 * {@link isPrefectureLevelCity}) and have a GDP; a rank is a rank among the units with data that
 * year, so `of` varies when the panel misses units. Cities are ordered by GDP, largest first;
 * the city's rank is 1 + the number of cities with a strictly larger GDP, so tied cities share
 * the better rank (competition ranking, "1224"). `gdpAtRank` is the GDP in position `k` of that
 * order, which is what a city must exceed (or equal) to be in the top `k`.
 *
 * @param rows - panel rows (e.g. from `readPrefecturePanel`), in any order.
 * @param options - `code` of the city, `rank` k, optional `isCity` universe predicate.
 * @returns the city's ranks and the `k`-th city's GDP, both by year.
 * @throws {ArgumentTypeError} rows or options of the wrong type or missing, e.g.
 *   `prefectureCityRanks: options.rank must be a positive integer (got the string "70")`,
 *   `prefectureCityRanks: rows[3].gdp must be a finite number or null (got the string "1,234")`,
 *   `prefectureCityRanks: options.isCity must be a function of a row (got true)`, or an unknown
 *   option.
 * @throws {ArgumentRangeError} `prefectureCityRanks: options.rank must be a positive integer
 *   (got 0)`, `prefectureCityRanks: options.code must be six digits such as "530300" (got the
 *   string "53")`, or `prefectureCityRanks: rows must not repeat a code in a year (got code 530300
 *   and year 2020 twice)` (the reader reports that as bad data first).
 * @example
 * const rows = [
 *   { year: 2020, code: "530100", name: "Kunming(city)", gdp: 6733.79 },
 *   { year: 2020, code: "530300", name: "Qujing(city)", gdp: 2959.35 },
 *   { year: 2020, code: "530400", name: "Yuxi(city)", gdp: 2058.10 },
 * ];
 * const r = prefectureCityRanks(rows, { code: "530300", rank: 2 });
 * r.ranks; // [{ year: 2020, rank: 2, of: 3, gdp: 2959.35, gdpAtRank: 2959.35 }]
 * r.kth; // { years: [2020], values: [2959.35] }
 */
export function prefectureCityRanks(
  rows: readonly PrefectureGdpRow[],
  options: PrefectureCityRanksOptions,
): PrefectureCityRanks {
  const { code, k, isCity } = checkRanksOptions(options);
  const byYear = new Map<number, Map<string, number>>();
  checkArrayOf(FN, "rows", rows, checkRow, "an array of panel rows { year, code, name, gdp }");
  for (const row of rows) {
    if (row.gdp === null || !isCity(row)) continue;
    let year = byYear.get(row.year);
    if (year === undefined) {
      year = new Map();
      byYear.set(row.year, year);
    }
    if (year.has(row.code)) {
      throw new ArgumentRangeError(
        `${FN}: rows must not repeat a code in a year (got code ${row.code} and year ${row.year} twice)`,
        { code: "out-of-range", path: "rows" },
      );
    }
    year.set(row.code, row.gdp);
  }
  const ranks: PrefectureCityRank[] = [];
  const kth = { years: [] as number[], values: [] as number[] };
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const gdpByCode = byYear.get(year) as Map<string, number>;
    const sorted = [...gdpByCode.values()].sort((a, b) => b - a);
    const atRank = sorted.length >= k ? (sorted[k - 1] as number) : null;
    if (atRank !== null) {
      kth.years.push(year);
      kth.values.push(atRank);
    }
    const gdp = gdpByCode.get(code);
    if (gdp === undefined) continue;
    let larger = 0;
    for (const g of sorted) {
      if (g > gdp) larger++;
      else break;
    }
    ranks.push({ year, rank: larger + 1, of: sorted.length, gdp, gdpAtRank: atRank });
  }
  return { code, k, ranks, kth };
}

const FN = "prefectureCityRanks";

/** A row: an integer year, a string code and name, a finite GDP or null. */
function checkRow(at: string, row: unknown): PrefectureGdpRow {
  const r = checkObject(FN, at, row, "a panel row { year, code, name, gdp }");
  checkNumber(FN, `${at}.year`, r.year, { integer: true });
  checkString(FN, `${at}.code`, r.code);
  checkString(FN, `${at}.name`, r.name);
  if (r.category !== undefined) checkString(FN, `${at}.category`, r.category);
  if (r.gdp !== null) checkNumber(FN, `${at}.gdp`, r.gdp, { expected: "a finite number or null" });
  return row as PrefectureGdpRow;
}

/** The options: `code` six digits, `rank` a positive integer, `isCity` a function if given. */
function checkRanksOptions(options: unknown): {
  code: string;
  k: number;
  isCity: (row: PrefectureGdpRow) => boolean;
} {
  checkPresent(FN, "options", options, "an object such as { code, rank }");
  const o = checkOptions(FN, "options", options, ["code", "rank", "isCity"]);
  const k = checkNumber(FN, "options.rank", o.rank, { integer: true, positive: true });
  const expected = 'six digits such as "530300"';
  const code = checkString(FN, "options.code", o.code, { expected });
  if (!/^\d{6}$/.test(code))
    throw new ArgumentRangeError(
      `${FN}: options.code must be ${expected} (got ${describeValue(code)})`,
      {
        code: "out-of-range",
        path: "options.code",
      },
    );
  const isCity = o.isCity ?? isPrefectureLevelCity;
  if (typeof isCity !== "function")
    throw new ArgumentTypeError(
      `${FN}: options.isCity must be a function of a row (got ${describeValue(isCity)})`,
      { code: "invalid-type", path: "options.isCity" },
    );
  return { code, k, isCity: isCity as (row: PrefectureGdpRow) => boolean };
}
