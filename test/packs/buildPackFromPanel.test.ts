// buildPackFromPanel on the committed Yuxi extract (test/fixtures/panels/README.md): every
// expected number below is read off the extract's rows or computed from them, with the
// arithmetic in the comment.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { readCityPanel } from "../../src/io/readCityPanel.js";
import { type CountyPanelRow, readCountyPanel } from "../../src/io/readCountyPanel.js";
import { readTargetsJson } from "../../src/io/readTargetsJson.js";
import { buildPackFromPanel } from "../../src/packs/buildPackFromPanel.js";
import { formatIssue } from "../../src/schemas/issue.js";
import type { RegionPack } from "../../src/schemas/regionPack.js";
import { validatePack } from "../../src/schemas/validatePack.js";

const FIXTURES = new URL("../fixtures/panels/", import.meta.url);
const text = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");
const county = readCountyPanel(text("yuxi_county_panel.csv"), { file: "yuxi_county_panel.csv" });
const city = readCityPanel(text("yuxi_prefecture_panel.csv"));
if (!county.ok || !city.ok) throw new Error("the Yuxi extract does not read");
const ROWS = county.value;
const PREFECTURE = city.value;

function built(options: Parameters<typeof buildPackFromPanel>[1]): RegionPack {
  const r = buildPackFromPanel(ROWS, options);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}
const YUXI = built({ city: "530400", prefectureRows: PREFECTURE });
const value = (pack: RegionPack, place: string, indicator: string, year: number) =>
  pack.dataset.observations.find(
    (o) => o.place === place && o.indicator === indicator && o.year === year,
  );

/** A county panel row for the small cases. */
const row = (over: Partial<CountyPanelRow>): CountyPanelRow => ({
  year: 2020,
  areaId: "1",
  code: "530402",
  county: "红塔区",
  city: "玉溪市",
  province: "云南省",
  indicator: "gdp",
  value: 100,
  unit: "100M yuan",
  source: "CSMAR_CNT_GDP",
  ...over,
});

describe("buildPackFromPanel on the Yuxi extract", () => {
  it("makes the city's nine county-level units its places and the city its group", () => {
    expect(YUXI.id).toBe("cn-530400");
    // The English name from the CSMAR row's "Yuxi(city)".
    expect([YUXI.nameZh, YUXI.nameEn]).toEqual(["玉溪市", "Yuxi"]);
    expect(YUXI.dataset.places.map((p) => `${p.id} ${p.nameZh} ${p.kind}`)).toEqual([
      "c530402 红塔区 district",
      "c530403 江川区 district",
      "c530423 通海县 county",
      "c530424 华宁县 county",
      "c530425 易门县 county",
      "c530426 峨山彝族自治县 county",
      "c530427 新平彝族傣族自治县 county",
      "c530428 元江哈尼族彝族傣族自治县 county",
      "c530481 澄江市 county-level-city",
    ]);
    const [group] = YUXI.dataset.groups;
    expect(group?.id).toBe("city");
    expect(group?.members).toEqual(YUXI.dataset.places.map((p) => p.id));
    expect(group?.aliases).toEqual(["玉溪市", "玉溪", "530400", "Yuxi", "全市"]);
    // 麒麟区 (曲靖市) is in the extract but not in Yuxi.
    expect(YUXI.dataset.observations.some((o) => o.value === 905.88)).toBe(false);
  });

  it("joins re-coded counties on area_id, their earlier names and codes as aliases", () => {
    const jiangchuan = YUXI.dataset.places.find((p) => p.id === "c530403");
    expect(jiangchuan?.aliases).toEqual(["江川", "530403", "江川县", "530421"]);
    // FAI 2011 of area 20407483 is reported under 江川县 530421 (line 50 of the extract).
    expect(value(YUXI, "c530403", "fixed_asset_investment", 2011)).toMatchObject({
      value: 17.56,
      source: "CSMAR_CNT_FAI",
      quality: "A",
      note: "reported as 江川县 (530421)",
    });
    // GDP 2020 under the new code 530403 carries no note.
    expect(value(YUXI, "c530403", "gdp", 2020)).toEqual({
      place: "c530403",
      indicator: "gdp",
      year: 2020,
      value: 146.74,
      unit: "100M yuan",
      source: "CSMAR_CNT_GDP",
      quality: "A",
    });
    // 澄江县 530422 → 澄江市 530481 (2019): FAI 2009–2012 and GDP 2019–2021 are one place.
    const chengjiang = YUXI.dataset.observations.filter((o) => o.place === "c530481");
    expect(chengjiang.filter((o) => o.indicator === "fixed_asset_investment")).toHaveLength(4);
    expect(chengjiang.filter((o) => o.indicator === "gdp").map((o) => o.year)).toEqual([
      2019, 2020, 2021,
    ]);
  });

  it("keeps the indicators present with the standard definitions, and adds industry shares", () => {
    expect(YUXI.dataset.indicators.map((i) => i.id)).toEqual([
      "gdp",
      "primary_va",
      "secondary_va",
      "tertiary_va",
      "primary_share_pct",
      "secondary_share_pct",
      "tertiary_share_pct",
      "gdp_per_capita",
      "gdp_index",
      "population_hukou",
      "population_resident",
      "fixed_asset_investment",
    ]);
    // 272 county rows − 2 of 麒麟区 − 1 of population_hukou_agricultural = 269;
    // 61 prefecture rows − 2 of fdi_used − 1 of population_yearend_csmar = 58.
    expect(YUXI.dataset.observations).toHaveLength(269 + 58);
  });

  it("gives the city its own series, the GDP index as GDP's price index", () => {
    // GP_GDP_INDEX 2021: 109.1 (previous year = 100), as the panel gives it.
    expect(value(YUXI, "city", "gdp_index", 2021)).toMatchObject({
      value: 109.1,
      unit: "previous year = 100",
      source: "GP_GDP_INDEX",
      quality: "B",
    });
    expect(YUXI.dataset.indicators.find((i) => i.id === "gdp")?.prices).toEqual({
      index: "gdp_index",
    });
    expect(value(YUXI, "city", "population_resident", 2024)?.value).toBe(226.6);
    expect(value(YUXI, "city", "gdp", 2023)?.value).toBe(2564.8);
  });

  it("cites each source with the publication and where it was read", () => {
    expect(YUXI.sources.map((s) => `${s.key} ${s.quality}`).sort()).toEqual([
      "CSMAR_CNT_FAI A",
      "CSMAR_CNT_GDP A",
      "CSMAR_CNT_POP A",
      "CSMAR_CRE_INVCSCT A",
      "GP_GDP_INDEX B",
      "GP_INDUSTRY B",
      "GP_POPULATION B",
    ]);
    const gdp = YUXI.sources.find((s) => s.key === "CSMAR_CNT_GDP");
    expect(gdp?.title).toContain("中国县域统计年鉴");
    expect(gdp?.where).toContain("fae78dd38092fe43ddefb7d8e7ba46956aaa4db7");
  });

  it("declares the census, population and investment breaks with this city's figures", () => {
    expect(YUXI.dataset.breaks.map((b) => `${b.indicator}@${b.year}`)).toEqual([
      "gdp@2019",
      "primary_va@2019",
      "secondary_va@2019",
      "tertiary_va@2019",
      "population_hukou@2020",
      "fixed_asset_investment@2011",
    ]);
    const [gdp] = YUXI.dataset.breaks;
    // 1949.71 / 1493.04 − 1 = 30.587%; the GDP index of 2019 is 106.8.
    expect(gdp?.reason).toContain(
      "goes from 1493.04 (2018) to 1949.71 (2019), 30.59% at current prices, while its real growth was 6.8%",
    );
    // 58.87 + 25.33 + 28.99 + 19.04 + 15.17 + 14.39 + 26.28 + 19.56 + 17.32 = 224.95, the
    // city's resident population of 2020 (GP_POPULATION).
    expect(YUXI.dataset.breaks[4]?.reason).toContain(
      "sum to 224.95 against the city's resident population of 224.95: they are census residents",
    );
  });

  it("reports what it leaves out, naming the line of the first row", () => {
    const r = buildPackFromPanel(ROWS, {
      city: "玉溪",
      prefectureRows: PREFECTURE,
      file: "yuxi_county_panel.csv",
      prefectureFile: "yuxi_prefecture_panel.csv",
    });
    expect(r.issues.map(formatIssue)).toEqual([
      'yuxi_county_panel.csv:20: warning: indicator: 1 row of population_hukou_agricultural left out: household-registered population by agricultural status ends in 2013 and has a bad 2011 row in the source (cn-panels README, caveat C2); not used (got "population_hukou_agricultural")',
      'yuxi_prefecture_panel.csv:2: warning: indicator: 1 row of population_yearend_csmar left out: CSMAR\'s year-end population mixes bases (cn-panels README: 2013–2019 conflict with the resident series); population_resident is used (got "population_yearend_csmar")',
      'yuxi_prefecture_panel.csv:3: warning: indicator: 2 rows of fdi_used left out: foreign direct investment has no county series and no standard indicator; not used (got "fdi_used")',
    ]);
  });

  it("passes validatePack and assesses under the trend scenario", () => {
    expect(validatePack(YUXI).ok).toBe(true);
    const assessment = assessPack(YUXI, "trend");
    expect(assessment.rows).toEqual([]);
    // The group's own GDP beside the sum of its places: 890.16 + 146.74 + 172.26 + 119.48 +
    // 132.52 + 117.62 + 213.86 + 124.26 + 140.64 = 2057.54 in 2020, against 2058.14.
    const d2020 = assessment.discrepancies.find((d) => d.indicator === "gdp" && d.year === 2020);
    expect(d2020?.observed).toBe(2058.14);
    expect(d2020?.aggregated).toBeCloseTo(2057.54, 9);
    // Disparity across the nine places in every year with county data — the industry shares
    // in the extract's 2017–2021 (value added), GDP per capita in 2015–2021 (GDP and population)
    // — then projected through the plan's end (2025).
    const years = (indicator: string, from: number) => [
      ...Array.from({ length: 2022 - from }, (_, k) => `${indicator} ${from + k} observed`),
      ...[2022, 2023, 2024, 2025].map((y) => `${indicator} ${y} projected`),
    ];
    expect(assessment.disparity?.map((d) => `${d.indicator} ${d.year} ${d.basis}`)).toEqual([
      ...years("primary_share_pct", 2017),
      ...years("secondary_share_pct", 2017),
      ...years("tertiary_share_pct", 2017),
      ...years("gdp_per_capita", 2015),
    ]);
    // The county table: GDP of every place and of the city, as in the Qujing pack.
    expect(assessment.placeTable?.map((r) => `${r.indicator} ${r.scope}`)).toEqual(
      [
        ...(assessment.placeTable?.filter((r) => r.kind === "place").map((r) => r.scope) ?? []),
        "city",
      ].map((scope) => `gdp ${scope}`),
    );
    expect(assessment.placeTable?.filter((r) => r.kind === "place")).toHaveLength(9);
  });

  it("takes the plan from targets and judges them under trend, plan and downside", () => {
    const read = readTargetsJson(text("yuxi_targets.json"), YUXI.dataset);
    if (!read.ok) throw new Error(read.issues.map(formatIssue).join("\n"));
    const pack = built({ city: "玉溪市", prefectureRows: PREFECTURE, targets: read.value });
    // Base year: the targets' most common (2020, two of three); end: the latest target year.
    expect(pack.plan).toMatchObject({ baseYear: 2020, endYear: 2035 });
    const plan = pack.scenarios.find((s) => s.id === "plan");
    expect(plan?.models.map((m) => `${m.scope} ${m.indicator} ${JSON.stringify(m.spec)}`)).toEqual([
      'city gdp {"kind":"path","values":{"2035":4116.28}}',
      'c530402 gdp {"kind":"cagr","rate":0.05}',
    ]);
    expect(plan?.description).toContain("gdp-growth-2035"); // a growth target beside a level one
    const row = (scenario: string, id: string) =>
      assessPack(pack, scenario).rows.find((r) => r.targetId === id);
    // Plan: 红塔区 grows 5% a year from 1034.27 (2021): 1034.27 × 1.05^4 = 1257.1616…, exactly
    // 5% a year over 2021–2025.
    expect(row("plan", "hongta-growth-2025")?.projected).toBeCloseTo(5, 9);
    expect(row("plan", "gdp-2035-double")?.projected).toBeCloseTo(4116.28, 6);
    // Downside = trend with every year from 2024 to 2035 (12 years) shocked by −0.001027…:
    // the 2035 level is (1 − 0.001027…)^12 of the trend's.
    const size = pack.scenarios.find((s) => s.id === "downside")?.shocks[0]?.size as number;
    const trend2035 = row("trend", "gdp-2035-double")?.projected as number;
    const down2035 = row("downside", "gdp-2035-double")?.projected as number;
    expect(down2035 / trend2035).toBeCloseTo((1 + size) ** 12, 9);
  });

  it("reads the downside's slowdown from the city's own GDP growth", () => {
    const downside = YUXI.scenarios.find((s) => s.id === "downside");
    // GP_INDUSTRY GDP 2015–2023: 1244.52, 1311.88, 1415.14, 1493.04, 1949.71, 2058.14, 2352.3,
    // 2520.6, 2564.8. Growth 2016–2023 without 2019 (the census break): 0.054125, 0.078711,
    // 0.055048, 0.055613, 0.142925, 0.071547, 0.017536. NumPy (quantile, linear = Hyndman &
    // Fan 7): median 0.0556134, lower quartile 0.0545864, gap 0.0010269777243886447.
    expect(downside?.shocks.map((s) => [s.indicator, s.from, s.to])).toEqual([
      ["gdp", 2024, 2035],
      ["primary_va", 2024, 2035],
      ["secondary_va", 2024, 2035],
      ["tertiary_va", 2024, 2035],
    ]);
    expect(downside?.shocks[0]?.size).toBeCloseTo(-0.0010269777243886447, 12);
    expect(downside?.shocks[0]?.type).toBe("growth");
  });

  it("without the prefecture panel: no group series, and no slowdown from too few years", () => {
    const pack = built({ city: "玉溪" });
    expect(pack.nameEn).toBe("玉溪市 (530400)");
    expect(pack.dataset.observations.some((o) => o.place === "city")).toBe(false);
    // The places' GDP sums only where all nine have one, 2019–2021: two growth rates.
    expect(pack.scenarios.find((s) => s.id === "downside")?.shocks).toEqual([]);
    // The population break is declared, without the census check.
    expect(
      pack.dataset.breaks.find((b) => b.indicator === "population_hukou")?.reason,
    ).not.toContain("sum to");
    // Base year: the last year of county GDP; end: the end of the five-year plan after it.
    expect(pack.plan).toMatchObject({ baseYear: 2021, issued: 2022, endYear: 2025 });
  });
});

describe("buildPackFromPanel: names, units, duplicates and contracts", () => {
  it("joins a county re-coded under a new code on its area id, with the newer name", () => {
    const rows = [
      row({ year: 2014, areaId: "7", code: "530421", county: "江川县", value: 60 }),
      row({ year: 2015, areaId: "7", code: "530403", county: "江川区", value: 72.49 }),
      row({ year: 2015, areaId: "8", code: "530423", county: "通海县", value: 93.15 }),
    ];
    const r = buildPackFromPanel(rows, { city: "玉溪市" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.dataset.places.map((p) => [p.id, p.nameZh, p.aliases])).toEqual([
      ["c530403", "江川区", ["江川", "江川县", "530421", "530403"]],
      ["c530423", "通海县", ["通海", "530423"]],
    ]);
    expect(r.value.dataset.observations.filter((o) => o.place === "c530403")).toEqual([
      expect.objectContaining({ year: 2014, value: 60, note: "reported as 江川县 (530421)" }),
      expect.not.objectContaining({ note: expect.anything() }),
    ]);
  });

  it("suggests the nearest cities for an unknown one, and names every city of an ambiguous name", () => {
    const call = (city: string) => () => buildPackFromPanel(ROWS, { city });
    expect(call("玉西")).toThrow(ArgumentRangeError);
    expect(call("玉西")).toThrow(
      'buildPackFromPanel: options.city must be a prefecture-level city of the panel, by code or name; did you mean 玉溪市 (530400) or 曲靖市 (530300)? (got the string "玉西")',
    );
    expect(call("530401")).toThrow("did you mean 玉溪市 (530400)");
    // 思茅地区 (532700) became 普洱市 (530800): its old code names the city its units are in now.
    const moved = [
      row({ year: 2002, code: "532701", county: "翠云区", city: "思茅地区" }),
      row({ code: "530802", county: "思茅区", city: "普洱市" }),
    ];
    expect(() => buildPackFromPanel(moved, { city: "532700" })).toThrow(
      'buildPackFromPanel: options.city must be a prefecture-level city of the panel, by code or name; 532700 is an earlier code of units now in 普洱市 (530800) (got the string "532700")',
    );
    // county_panel.csv files 重庆市's districts under 5001xx and its counties under 5002xx.
    const chongqing = { city: "重庆市", province: "重庆市" };
    const twin = [
      row({ areaId: "1", code: "500101", county: "万州区", ...chongqing }),
      row({ areaId: "2", code: "500229", county: "城口县", ...chongqing }),
    ];
    expect(() => buildPackFromPanel(twin, { city: "重庆" })).toThrow(
      'buildPackFromPanel: options.city names 2 prefecture-level units of the panel: 重庆市 (500100, 1 places) and 重庆市 (500200, 1 places); give the code (got the string "重庆")',
    );
    expect(buildPackFromPanel(twin, { city: "500200" }).ok).toBe(true);
    // Units under the province itself (济源市 419001) form 河南省直辖县级行政区划 (419000).
    const jiyuan = row({ code: "419001", county: "济源市", city: "", province: "河南省" });
    const r = buildPackFromPanel([jiyuan], { city: "419000" });
    expect(r.ok && r.value.nameZh).toBe("河南省直辖县级行政区划");
  });

  it("converts a convertible unit with a note, and refuses another", () => {
    const rows = [
      row({ value: 7_000_000, unit: "万元", line: 2 }),
      row({ indicator: "population_hukou", unit: "km2", value: 51.63, line: 3 }),
    ];
    const r = buildPackFromPanel(rows, { city: "530400", file: "p.csv" });
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual([
      'p.csv:3: unit: unit of population_hukou cannot be converted to 10k persons (expected a unit of the same quantity as 10k persons, got "km2")',
    ]);
    const ok = buildPackFromPanel(rows.slice(0, 1), { city: "530400" });
    if (!ok.ok) throw new Error("expected a pack");
    // 7,000,000 万元 = 700 亿元.
    expect(ok.value.dataset.observations[0]).toMatchObject({
      value: 700,
      unit: "100M yuan",
      note: "converted from 7000000 万元",
    });
  });

  it("leaves out a value outside the indicator's range, with a warning at its line", () => {
    // A negative rural population, as county_panel.csv has for one unit of 邵阳市 (430500).
    const rows = [
      row({ line: 2 }),
      row({
        indicator: "population_rural_resident",
        unit: "10k persons",
        value: -2826.45,
        line: 3,
      }),
    ];
    const r = buildPackFromPanel(rows, { city: "530400" });
    if (!r.ok) throw new Error("expected a pack");
    expect(r.value.dataset.indicators.map((i) => i.id)).toEqual(["gdp"]);
    expect(r.issues.map(formatIssue)).toEqual([
      "3: warning: value: population_rural_resident of c530402 in 2020 is outside the range of population_rural_resident: left out (expected 0 to Infinity, got -2826.45)",
    ]);
  });

  it("keeps a row given twice once, and prefers the row under the unit's latest code", () => {
    const rows = [
      row({ year: 2015, areaId: "7", code: "530421", county: "江川县", value: 70, line: 2 }),
      row({ year: 2015, areaId: "7", code: "530403", county: "江川区", value: 72.49, line: 3 }),
      row({ year: 2016, areaId: "7", code: "530403", county: "江川区", value: 81.09, line: 4 }),
      row({ year: 2016, areaId: "7", code: "530403", county: "江川区", value: 81.09, line: 5 }),
    ];
    const r = buildPackFromPanel(rows, { city: "530400" });
    if (!r.ok) throw new Error("expected a pack");
    expect(r.value.dataset.observations.map((o) => [o.year, o.value])).toEqual([
      [2015, 72.49],
      [2016, 81.09],
    ]);
    expect(r.issues.map(formatIssue)).toEqual([
      "3: warning: gdp of c530403 in 2015 from CSMAR_CNT_GDP has two values (lines 2 and 3): 70 and 72.49; kept 72.49",
      "5: warning: gdp of c530403 in 2016 from CSMAR_CNT_GDP appears twice with the same value (lines 4 and 5); kept once",
    ]);
  });

  it("leaves out a unit that stopped reporting years before the city, and says so", () => {
    const rows = [
      row({ year: 2008, areaId: "9", code: "530499", county: "旧县", value: 5 }),
      row({ year: 2021, areaId: "1", value: 1034.27 }),
    ];
    const r = buildPackFromPanel(rows, { city: "530400" });
    if (!r.ok) throw new Error("expected a pack");
    expect(r.value.dataset.places.map((p) => p.id)).toEqual(["c530402"]);
    expect(r.issues.map(formatIssue)).toEqual([
      'warning: 旧县 (530499) has no row after 2008, while the city\'s data reach 2021 (abolished or merged?): its 1 rows are left out (got "530499")',
    ]);
  });

  it("throws its own errors for a broken contract", () => {
    expect(() => buildPackFromPanel(undefined as never, { city: "x" })).toThrow(
      new ArgumentTypeError(
        "buildPackFromPanel: rows must be an array of county panel rows (got nothing)",
        { code: "missing-argument", path: "rows" },
      ),
    );
    expect(() => buildPackFromPanel([row({ value: "1" as never })], { city: "x" })).toThrow(
      'buildPackFromPanel: rows[0].value must be a finite number (got the string "1")',
    );
    expect(() => buildPackFromPanel([row({ value: Number.NaN })], { city: "x" })).toThrow(
      "buildPackFromPanel: rows[0].value must be a finite number (got NaN)",
    );
    expect(() => buildPackFromPanel([], {} as never)).toThrow(
      "buildPackFromPanel: options.city must be a code or name (got nothing)",
    );
    expect(() => buildPackFromPanel([], { city: "x", tragets: [] } as never)).toThrow(
      "buildPackFromPanel: options.tragets is not an option; did you mean targets?",
    );
  });

  it("never changes its inputs", () => {
    const rows = ROWS.slice(0, 40).map((r) => ({ ...r }));
    const copy = structuredClone(rows);
    buildPackFromPanel(rows, { city: "530400" });
    expect(rows).toEqual(copy);
  });
});
