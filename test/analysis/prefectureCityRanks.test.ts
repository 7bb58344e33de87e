import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prefectureGdpRows } from "../../scripts/cn-panels.js";
import {
  isPrefectureCityByCategory,
  isPrefectureLevelCity,
  prefectureCityRanks,
} from "../../src/analysis/prefectureCityRanks.js";
import { readPrefecturePanel } from "../../src/io/readPrefecturePanel.js";

const row = (year: number, code: string, gdp: number | null, name = code) => ({
  year,
  code,
  name,
  gdp,
});

describe("prefectureCityRanks", () => {
  it("runs the example of its documentation", () => {
    const rows = [
      { year: 2020, code: "530100", name: "Kunming(city)", gdp: 6733.79 },
      { year: 2020, code: "530300", name: "Qujing(city)", gdp: 2959.35 },
      { year: 2020, code: "530400", name: "Yuxi(city)", gdp: 2058.1 },
    ];
    const r = prefectureCityRanks(rows, { code: "530300", rank: 2 });
    expect(r.ranks).toEqual([{ year: 2020, rank: 2, of: 3, gdp: 2959.35, gdpAtRank: 2959.35 }]);
    expect(r.kth).toEqual({ years: [2020], values: [2959.35] });
  });

  it("gives tied cities the better rank (competition ranking)", () => {
    // GDPs 50, 30, 30, 10: the two 30s both rank 2, the 10 ranks 4.
    const rows = [
      row(2020, "130400", 50),
      row(2020, "130100", 30),
      row(2020, "130200", 30),
      row(2020, "130300", 10),
    ];
    expect(prefectureCityRanks(rows, { code: "130200", rank: 3 }).ranks[0]).toEqual({
      year: 2020,
      rank: 2,
      of: 4,
      gdp: 30,
      gdpAtRank: 30,
    });
    expect(prefectureCityRanks(rows, { code: "130300", rank: 1 }).ranks[0]?.rank).toBe(4);
  });

  it("leaves out missing GDPs, non-cities and municipalities, and years with fewer than k cities", () => {
    const rows = [
      row(2019, "130100", 40),
      row(2019, "130200", null),
      row(2019, "532300", 90, "Chuxiong Yi Autonomous Prefecture"),
      row(2019, "310000", 500, "Shanghai"),
      row(2019, "130300", 20),
      row(2020, "130300", 25),
    ];
    const r = prefectureCityRanks(rows, { code: "130300", rank: 2 });
    expect(r.ranks).toEqual([
      { year: 2019, rank: 2, of: 2, gdp: 20, gdpAtRank: 20 },
      { year: 2020, rank: 1, of: 1, gdp: 25, gdpAtRank: null },
    ]);
    expect(r.kth).toEqual({ years: [2019], values: [20] });
  });

  it("throws on a bad rank or code, and on a code repeated in a year", () => {
    expect(() => prefectureCityRanks([], { code: "530300", rank: 0 })).toThrow(
      "prefectureCityRanks: options.rank must be a positive integer (got 0)",
    );
    expect(() => prefectureCityRanks([], { code: "53", rank: 70 })).toThrow(
      'prefectureCityRanks: options.code must be six digits such as "530300" (got the string "53")',
    );
    expect(() =>
      prefectureCityRanks([row(2020, "530300", 1), row(2020, "530300", 2)], {
        code: "530300",
        rank: 1,
      }),
    ).toThrow(
      "prefectureCityRanks: rows must not repeat a code in a year (got code 530300 and year 2020 twice)",
    );
  });

  it("accepts another universe", () => {
    const rows = [row(2020, "532300", 90), row(2020, "530300", 30)];
    const r = prefectureCityRanks(rows, { code: "530300", rank: 1, isCity: () => true });
    expect(r.ranks[0]?.rank).toBe(2);
  });

  it("agrees with an independent count over CRE_Gdpct.csv", () => {
    const text = readFileSync(
      new URL("../../data/china-prefecture-gdp/CRE_Gdpct.csv", import.meta.url),
      "utf8",
    );
    const panel = readPrefecturePanel(text);
    if (!panel.ok) throw new Error("CRE_Gdpct.csv did not read");
    const r = prefectureCityRanks(panel.value, { code: "530300", rank: 70 });
    const at = (year: number) => r.ranks.find((x) => x.year === year);
    // Independent computation (python3 3.x, csv module), same universe rule written afresh:
    //   def city(c): return re.fullmatch(r"\d{4}00", c) and not c.endswith("0000") \
    //       and c[:2] not in ("11","12","31","50") and (1 <= int(c[2:4]) <= 20 or 51 <= int(c[2:4]) <= 70)
    //   g = {r["Ctnm_id"]: float(r["Gdpct01"]) for r in rows if r["Sgnyea"] == y and city(r["Ctnm_id"])
    //        and r["Gdpct01"].strip()}
    //   len(g), 1 + sum(v > g["530300"] for v in g.values()), sorted(g.values(), reverse=True)[69]
    // gave: 2010 -> 290, 113, 1539.3576   2015 -> 289, 120, 2663.62   2019 -> 288, 101, 3372.6778
    //       2020 -> 286, 89, 3337.32      2021 -> 279, 84, 3727.92
    expect(at(2010)).toEqual({
      year: 2010,
      rank: 113,
      of: 290,
      gdp: 1005.5965,
      gdpAtRank: 1539.3576,
    });
    expect(at(2015)).toEqual({ year: 2015, rank: 120, of: 289, gdp: 1630.26, gdpAtRank: 2663.62 });
    expect(at(2019)).toEqual({
      year: 2019,
      rank: 101,
      of: 288,
      gdp: 2637.59,
      gdpAtRank: 3372.6778,
    });
    expect(at(2020)).toEqual({ year: 2020, rank: 89, of: 286, gdp: 2959.35, gdpAtRank: 3337.32 });
    expect(at(2021)).toEqual({ year: 2021, rank: 84, of: 279, gdp: 3393.91, gdpAtRank: 3727.92 });
    // Qujing has GDP rows from 1992 (python3: min year of rows with Ctnm_id 530300 -> 1992).
    expect(r.ranks[0]?.year).toBe(1992);
    expect(r.kth.years).toEqual(Array.from({ length: 32 }, (_, i) => 1990 + i));
  });
});

describe("isPrefectureLevelCity", () => {
  it("runs the examples of its documentation", () => {
    expect(
      isPrefectureLevelCity({ year: 2020, code: "530300", name: "Qujing(city)", gdp: 2959.35 }),
    ).toBe(true);
    expect(
      isPrefectureLevelCity({
        year: 2020,
        code: "532300",
        name: "Chuxiong Yi Autonomous Prefecture",
        gdp: 1500,
      }),
    ).toBe(false);
    expect(
      isPrefectureLevelCity({ year: 2020, code: "500000", name: "Chongqing", gdp: 25000 }),
    ).toBe(false);
  });

  it("follows the GB/T 2260 code ranges, not the names", () => {
    const is = (code: string, name = "") =>
      isPrefectureLevelCity({ year: 2020, code, name, gdp: 1 });
    expect(is("440300", "Shenzhen")).toBe(true); // no "(city)" in the name
    expect(is("220200", "Jilin(province)")).toBe(true); // the city of Jilin
    expect(is("632500", "Hainan(province)")).toBe(false); // Hainan Tibetan Autonomous Prefecture
    expect(is("540300", "Changdu Region")).toBe(true); // a city since 2014, name not updated
    expect(is("652100", "Turpan Prefecture")).toBe(false); // code not updated
    expect(is("429000", "County Under the Direct Control of the Province")).toBe(false);
    expect(is("110100", "Beijing districts")).toBe(false);
    expect(is("530000", "Yunnan")).toBe(false);
    expect(is("500101", "Wanzhou District")).toBe(false);
    expect(is("152200", "Xinganmeng")).toBe(false);
  });
});

describe("isPrefectureCityByCategory", () => {
  // GDP rows of 2014 and 2023 copied unchanged from the shared prefecture_panel.csv (G-P,
  // GP_INDUSTRY): six cities (two 副省级市), the municipality Chongqing, three autonomous
  // prefectures (州), a prefecture (地区) and a league (盟), all but Chongqing filed as 地级市.
  const file = "test/fixtures/cn-panels/prefecture_panel-ranks-extract.csv";
  const rows = prefectureGdpRows(
    readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"),
    file,
  );

  it("runs the examples of its documentation", () => {
    expect(
      isPrefectureCityByCategory({
        year: 2023,
        code: "530300",
        name: "曲靖市",
        gdp: 4048.91,
        category: "地级市",
      }),
    ).toBe(true);
    expect(
      isPrefectureCityByCategory({
        year: 2023,
        code: "532300",
        name: "楚雄彝族自治州",
        gdp: 1800,
        category: "地级市",
      }),
    ).toBe(false);
    expect(
      isPrefectureCityByCategory({
        year: 2023,
        code: "500000",
        name: "重庆市",
        gdp: 30000,
        category: "直辖市",
      }),
    ).toBe(false);
  });

  it("keeps 地级市 and 副省级市 and leaves out 直辖市 and names ending in 州, 地区 or 盟", () => {
    const kept = [...new Set(rows.filter(isPrefectureCityByCategory).map((r) => r.name))].sort();
    const left = [
      ...new Set(rows.filter((r) => !isPrefectureCityByCategory(r)).map((r) => r.name)),
    ];
    expect(kept).toEqual(["成都市", "曲靖市", "昆明市", "杭州市", "玉溪市", "鄂尔多斯市"].sort());
    expect(left.sort()).toEqual(
      [
        "重庆市",
        "楚雄彝族自治州",
        "红河哈尼族彝族自治州",
        "伊犁哈萨克自治州",
        "阿克苏地区",
        "锡林郭勒盟",
      ].sort(),
    );
  });

  it("ranks the extract as counted by hand", () => {
    const r = prefectureCityRanks(rows, {
      code: "530300",
      rank: 5,
      isCity: isPrefectureCityByCategory,
    });
    // 2014 cities: 成都 10056.59 > 杭州 9206.16 > 鄂尔多斯 4055.49 > 昆明 3712.99 > 曲靖 1548.46 >
    // 玉溪 1184.73: Qujing 5th of 6, and the 5th city's GDP is Qujing's. 伊犁哈萨克自治州 (1562.0784)
    // is larger than Qujing: counted, it would push Qujing to 6th of 7; Chongqing likewise.
    // 2023: 成都 22074.7 > 杭州 20059 > 昆明 7864.76 > 鄂尔多斯 5849.86 > 曲靖 4048.91 > 玉溪 2564.8.
    expect(r.ranks).toEqual([
      { year: 2014, rank: 5, of: 6, gdp: 1548.46, gdpAtRank: 1548.46 },
      { year: 2023, rank: 5, of: 6, gdp: 4048.91, gdpAtRank: 4048.91 },
    ]);
    // The code rule of isPrefectureLevelCity counts Yili (654000) and Chongqing out as well, but
    // keeps nothing the category rule drops here: the two rules agree on this extract.
    expect(prefectureCityRanks(rows, { code: "530300", rank: 5 }).ranks).toEqual(r.ranks);
    // Without the name rule (category alone), Yili is counted in 2014 and Qujing falls to 6th of 8
    // (Yili, Honghe, Chuxiong, Aksu and Xilingol are all filed as 地级市): the name rule matters.
    const byCategoryOnly = prefectureCityRanks(rows, {
      code: "530300",
      rank: 5,
      isCity: (row) => row.category === "地级市" || row.category === "副省级市",
    });
    expect(byCategoryOnly.ranks[0]).toMatchObject({ year: 2014, rank: 6, of: 11 });
  });

  it("throws on a row without a category, naming the rule it needs instead", () => {
    expect(() =>
      isPrefectureCityByCategory({ year: 2020, code: "530300", name: "Qujing(city)", gdp: 1 }),
    ).toThrow(
      'isPrefectureCityByCategory: row.category must be the panel\'s category, a string such as "地级市" (got nothing)',
    );
    expect(() => isPrefectureCityByCategory(null as never)).toThrow(
      "isPrefectureCityByCategory: row must be a panel row { year, code, name, gdp, category } (got null)",
    );
  });
});
