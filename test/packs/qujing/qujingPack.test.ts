import { readFileSync } from "node:fs";
import {
  assessPack,
  getPack as getPackFromPackage,
  qujingPack as packFromPackage,
  RegionPackSchema,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { getPack, packs } from "../../../src/packs/index.js";
import { loadQujingObservations } from "../../../src/packs/qujing/loadQujingObservations.js";
import { qujingBreaks } from "../../../src/packs/qujing/qujingBreaks.js";
import { qujingGdpRankHistory } from "../../../src/packs/qujing/qujingGdpRankHistory.js";
import { qujingGroups } from "../../../src/packs/qujing/qujingGroups.js";
import { qujingIndicators } from "../../../src/packs/qujing/qujingIndicators.js";
import { qujingPack } from "../../../src/packs/qujing/qujingPack.js";
import { qujingPlaces } from "../../../src/packs/qujing/qujingPlaces.js";
import { qujingReferences } from "../../../src/packs/qujing/qujingReferences.js";
import { qujingScenarios } from "../../../src/packs/qujing/qujingScenarios.js";
import { qujingSources } from "../../../src/packs/qujing/qujingSources.js";
import { qujingTargets } from "../../../src/packs/qujing/qujingTargets.js";
import type { Target } from "../../../src/schemas/target.js";

const dataFile = (path: string) =>
  readFileSync(new URL(`../../../data/${path}`, import.meta.url), "utf8");

// The 29 target ids of shared/domain/PLAN.md's table, copied in its order.
const PLAN_IDS = [
  "urbanization-resident",
  "urbanization-hukou",
  "manufacturing-share",
  "trade-growth",
  "new-project-investment-growth",
  "fixed-asset-investment-growth",
  "outside-investor-tax-growth",
  "central-city-built-up-area",
  "central-city-urban-population",
  "central-city-life-circle",
  "central-city-gdp-share",
  "rd-expenditure",
  "rd-enterprise-share",
  "tech-contract-turnover",
  "hightech-enterprises-new",
  "tech-smes-new",
  "academician-workstations-new",
  "maker-spaces-new",
  "star-innovation-new",
  "key-labs-new",
  "innovation-centres-new",
  "incubators-new",
  "expressways",
  "railway-preparation",
  "class1-bus-stations",
  "county-bus-stations",
  "township-transport-stations",
  "urban-hierarchy",
  "gdp-rank-top70",
];

const scopeIds = new Set([...qujingPlaces.map((p) => p.id), ...qujingGroups.map((g) => g.id)]);
const indicatorIds = new Set(qujingIndicators.map((i) => i.id));
const byId = (id: string): Target => {
  const t = qujingTargets.find((x) => x.id === id);
  if (t === undefined) throw new Error(`no target ${id}`);
  return t;
};

describe("qujing pack: places and groups", () => {
  it("has the nine places of PLAN.md and the groups city, central-city and others", () => {
    expect(qujingPlaces.map((p) => p.id)).toEqual([
      "qilin",
      "zhanyi",
      "malong",
      "xuanwei",
      "huize",
      "luliang",
      "shizong",
      "luoping",
      "fuyuan",
    ]);
    const members = Object.fromEntries(qujingGroups.map((g) => [g.id, g.members]));
    expect(new Set(members.city)).toEqual(new Set(qujingPlaces.map((p) => p.id)));
    expect(members["central-city"]).toEqual(["qilin", "zhanyi", "malong"]);
    // others = city − central city
    expect(new Set(members.others)).toEqual(
      new Set(members.city?.filter((p) => !members["central-city"]?.includes(p))),
    );
  });

  it("says that the economic development zone is counted inside Qilin", () => {
    expect(qujingPlaces.find((p) => p.id === "qilin")?.role).toContain("经开区");
  });

  it("gives no name or alias to two places or groups", () => {
    const seen = new Map<string, string>();
    for (const entry of [...qujingPlaces, ...qujingGroups]) {
      const keys = new Set(
        [entry.id, entry.nameZh, entry.nameEn, ...(entry.aliases ?? [])].map((k) =>
          k.toLowerCase(),
        ),
      );
      for (const key of keys) {
        expect(seen.get(key) ?? entry.id, key).toBe(entry.id);
        seen.set(key, entry.id);
      }
    }
  });
});

describe("qujing pack: indicators and observations", () => {
  it("parses every data row of the two embedded CSVs, quality C included", () => {
    // Data rows: lines minus the header (python3: len(open(f).read().splitlines()) - 1):
    // observations.csv 164, panel-observations.csv 1105.
    const rows = (file: string) =>
      dataFile(file)
        .split("\r\n")
        .filter((l) => l !== "").length - 1;
    expect(rows("qujing/observations.csv")).toBe(164);
    expect(rows("qujing/panel-observations.csv")).toBe(1105);
    const observations = loadQujingObservations();
    expect(observations).toHaveLength(164 + 1105);
    // python3: collections.Counter(r["quality"] for r in csv.DictReader(f)) -> observations.csv
    // A 111, B 37, C 16; panel-observations.csv A 1014 (county tables), B 91 (G-P city files).
    expect(observations.filter((o) => o.quality === "C")).toHaveLength(16);
    expect(observations.filter((o) => o.quality === "B")).toHaveLength(37 + 91);
    expect(observations.filter((o) => o.quality === "A")).toHaveLength(111 + 1014);
    expect(observations.filter((o) => o.place === "qujing")).toHaveLength(0);
    expect(observations.filter((o) => o.place === "city").length).toBeGreaterThan(0);
  });

  it("holds the CSV rows plus one rank observation per year of the rank history", () => {
    const fromCsv = loadQujingObservations();
    // The GDP index (previous year = 100) of the city, 2000–2023, is among the CSV rows: 24 rows.
    expect(fromCsv.filter((o) => o.indicator === "gdp_index")).toHaveLength(24);
    expect(qujingPack.dataset.observations).toHaveLength(
      fromCsv.length + qujingGdpRankHistory.length,
    );
    // Qujing has GDP in the prefecture panel every year 2000–2023: 24 ranks.
    expect(qujingGdpRankHistory).toHaveLength(24);
    expect(qujingGdpRankHistory[0]?.year).toBe(2000);
    expect(qujingGdpRankHistory.at(-1)?.year).toBe(2023);
  });

  it("has an indicator, with the observations' unit, for every indicator the CSVs use", () => {
    const used = new Map<string, string>();
    for (const file of ["qujing/observations.csv", "qujing/panel-observations.csv"])
      for (const line of dataFile(file).split("\r\n").slice(1)) {
        const [, indicator, , , unit] = line.split(",");
        if (indicator !== undefined && unit !== undefined) used.set(indicator, unit);
      }
    // 26 in observations.csv; the panel file adds gdp_index and fixed_asset_investment.
    expect(used.size).toBe(28);
    for (const [indicator, unit] of used) {
      expect(qujingIndicators.find((i) => i.id === indicator)?.unit, indicator).toBe(unit);
    }
  });

  it("defines ratio aggregations over existing indicators", () => {
    for (const i of qujingIndicators) {
      if (i.aggregation.rule === "ratio") {
        expect(indicatorIds.has(i.aggregation.numerator), i.id).toBe(true);
        expect(indicatorIds.has(i.aggregation.denominator), i.id).toBe(true);
      }
    }
  });

  it("scales per-capita GDP so that the aggregate matches the published value", () => {
    const perCapita = qujingIndicators.find((i) => i.id === "gdp_per_capita");
    if (perCapita?.aggregation.rule !== "ratio") throw new Error("gdp_per_capita is not a ratio");
    // 2020: GDP 2959.35 (100M yuan) over the census population 576.577 (10k persons):
    // 10^8 × 2959.35 / (10^4 × 576.577) = 51326 yuan; CSMAR publishes 51244 (average population).
    const aggregate = (perCapita.aggregation.scale * 2959.35) / 576.577;
    expect(Math.abs(aggregate / 51244 - 1)).toBeLessThan(0.002);
  });

  it("uses the modelling scale of each kind: log for levels, logit for rates, linear for growth and counts", () => {
    for (const i of qujingIndicators) {
      if (i.kind === "count") expect(i.scale, i.id).toBe("linear");
      // The GDP index (previous year = 100) is a growth rate written as 100 + growth.
      if (i.kind === "rate")
        expect(i.scale, i.id).toBe(
          i.id.includes("growth") || i.id === "gdp_index" ? "linear" : "logit",
        );
      if (i.kind === "level" && i.id !== "gdp_rank_prefecture_cities")
        expect(i.scale, i.id).toBe("log");
    }
  });

  it("keeps the odd indicators with a note saying why no target uses them", () => {
    for (const id of [
      "urbanization_pct_basis_unstated",
      "population_total_unclear",
      "gdp_real_growth_pct_h1",
    ]) {
      expect(qujingIndicators.find((i) => i.id === id)?.note, id).toMatch(/target/);
      expect(qujingTargets.some((t) => t.indicator === id)).toBe(false);
    }
  });

  it("breaks GDP at 2019, the places' resident population at 2020, the city's at 2013 and investment at 2011, each with its reason", () => {
    expect(qujingBreaks.map((b) => [b.indicator, b.place ?? "*", b.year])).toEqual([
      ["gdp", "*", 2019],
      ["primary_va", "*", 2019],
      ["secondary_va", "*", 2019],
      ["tertiary_va", "*", 2019],
      ["gdp_per_capita", "*", 2019],
      ...qujingPlaces.map((p) => ["population_resident", p.id, 2020]),
      ["population_resident", "city", 2013],
      ["fixed_asset_investment", "*", 2011],
    ]);
    for (const b of qujingBreaks.filter((x) => x.year === 2019))
      expect(b.reason).toMatch(/economic census/);
    for (const b of qujingBreaks.filter((x) => x.indicator === "population_resident"))
      expect(b.reason).toMatch(/7th (national population )?census/);
    expect(qujingBreaks.at(-1)?.reason).toMatch(/Definition change in 2011/);
  });

  it("shows each declared break in the data: a jump the growth index does not explain", () => {
    const obs = qujingPack.dataset.observations;
    const value = (place: string, indicator: string, year: number, source: string) =>
      obs.find(
        (o) =>
          o.place === place && o.indicator === indicator && o.year === year && o.source === source,
      )?.value as number;
    // GDP 2018 → 2019: nominal +31% (2637.59 / 2013.36 = 1.310) against real index 109.6.
    expect(
      value("city", "gdp", 2019, "CSMAR_GH") / value("city", "gdp", 2018, "CSMAR_GH"),
    ).toBeCloseTo(1.31, 2);
    expect(value("city", "gdp_index", 2019, "GP_GDP_INDEX")).toBe(109.6);
    // Resident population 2019 → 2020: Qilin 78.6 → 99.63, Xuanwei 138.16 → 118.98 (panel rows).
    expect(value("qilin", "population_resident", 2019, "CSMAR_CNT_POP")).toBe(78.6);
    expect(value("qilin", "population_resident", 2020, "CSMAR_CNT_POP")).toBe(99.63);
    expect(value("xuanwei", "population_resident", 2020, "CSMAR_CNT_POP")).toBe(118.98);
    // City resident population 2012 → 2013: 593.6 → 584.5 (GP_POPULATION).
    expect(value("city", "population_resident", 2013, "GP_POPULATION")).toBe(584.5);
    // Investment 2010 → 2011: Qilin 60.63 → 188.02 (×3.1).
    expect(value("qilin", "fixed_asset_investment", 2011, "CSMAR_CNT_FAI")).toBe(188.02);
  });

  it("names a source for every observation", () => {
    const keys = new Set(qujingPack.sources.map((s) => s.key));
    for (const o of qujingPack.dataset.observations)
      expect(keys.has(o.source), o.source).toBe(true);
  });

  it("fails loudly, with the reader's issues, when the embedded data do not validate", () => {
    const bad =
      "place,indicator,year,value,unit,source,quality\r\nqujing,gdp,20x0,1,100M yuan,X,A\r\n";
    expect(() => loadQujingObservations(bad)).toThrow(TypeError);
    expect(() => loadQujingObservations(bad)).toThrow(
      /^loadQujingObservations: the embedded observations do not validate \(a bug in the package\):\ndata\/qujing\/observations\.csv:2:3: year: /,
    );
  });
});

describe("qujing pack: targets", () => {
  it("has the 29 targets of PLAN.md, with its ids, and one interpretation", () => {
    expect(qujingTargets).toHaveLength(30);
    expect(qujingTargets.filter((t) => t.provenance.kind === "plan").map((t) => t.id)).toEqual(
      PLAN_IDS,
    );
    const interpretations = qujingTargets.filter((t) => t.provenance.kind === "interpretation");
    expect(interpretations.map((t) => t.id)).toEqual(["gdp-2035-double"]);
  });

  it("refers only to existing scopes, indicators and reference series", () => {
    const references = new Set(qujingReferences.map((r) => r.id));
    for (const t of qujingTargets) {
      expect(scopeIds.has(t.scope), `${t.id} scope`).toBe(true);
      expect(indicatorIds.has(t.indicator), `${t.id} indicator`).toBe(true);
      if (t.kind === "share") {
        expect(scopeIds.has(t.denominator.scope ?? t.scope), t.id).toBe(true);
        expect(indicatorIds.has(t.denominator.indicator ?? t.indicator), t.id).toBe(true);
      }
      if (t.kind === "rank") {
        expect(references.has(t.reference), t.id).toBe(true);
        if (t.rankIndicator !== undefined)
          expect(indicatorIds.has(t.rankIndicator), t.id).toBe(true);
      }
      if (t.kind === "class")
        for (const c of t.classes) expect(scopeIds.has(c.scope), t.id).toBe(true);
    }
  });

  it("quotes the plan verbatim, in the section where the words are", () => {
    const text = dataFile("qujing/plan-qujing-2021.txt");
    for (const t of qujingTargets) {
      const quote = t.provenance.quote ?? "";
      const at = text.indexOf(quote);
      expect(at, `${t.id}: ${quote}`).toBeGreaterThanOrEqual(0);
      if (t.provenance.kind !== "plan") continue;
      // Section = last chapter heading "一、" and last article heading "(二)" before the quote.
      const before = text.slice(0, at);
      const chapter = [...before.matchAll(/\n([一二三四]+)、/g)].pop()?.[1];
      const article = [...before.matchAll(/\n\(([一二三四五六七八九十]+)\)/g)].pop()?.[1];
      expect(t.provenance.section, t.id).toBe(`${chapter}(${article})`);
    }
  });

  it("reads 以上/达 as >=, 左右/约 as about ±2%, and sets 2020 → 2025 (the rank has no year)", () => {
    for (const t of qujingTargets) {
      expect(t.baseYear, t.id).toBe(2020);
      if (t.id === "gdp-rank-top70") expect(t.year).toBeNull();
      else if (t.id === "gdp-2035-double") expect(t.year).toBe(2035);
      else expect(t.year, t.id).toBe(2025);
      const quote = t.provenance.quote ?? "";
      if (/左右|约/.test(quote)) {
        expect(t.comparator, t.id).toBe("about");
        expect(t.tolerance, t.id).toBe(0.02);
      } else if (t.kind !== "rank") expect(t.comparator, t.id).toBe(">=");
    }
  });

  it("takes each value from the plan's words", () => {
    // Every plan target's value appears as a number in its quote (the class target's 7 places are
    // 1 + 1 + 5; the share of enterprise R&D is 90).
    for (const t of qujingTargets) {
      if (t.provenance.kind !== "plan" || t.kind === "class") continue;
      const numbers = (t.provenance.quote.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      expect(numbers, t.id).toContain(t.value);
    }
    const hierarchy = byId("urban-hierarchy");
    if (hierarchy.kind !== "class") throw new Error("urban-hierarchy is not a class target");
    expect(hierarchy.value).toBe(hierarchy.classes.length);
    expect(hierarchy.classes.map((c) => c.atLeast)).toEqual([
      "large",
      "medium",
      "small",
      "small",
      "small",
      "small",
      "small",
    ]);
  });

  it("gives growth targets in % a year, shares with their denominators, counts over 2021–2025", () => {
    expect(byId("trade-growth")).toMatchObject({ kind: "growth", value: 15, unit: "%/yr" });
    for (const id of [
      "new-project-investment-growth",
      "fixed-asset-investment-growth",
      "outside-investor-tax-growth",
    ])
      expect(byId(id)).toMatchObject({ kind: "growth", value: 10 });
    expect(byId("manufacturing-share")).toMatchObject({
      kind: "share",
      scope: "city",
      indicator: "manufacturing_va",
      denominator: { scope: "city", indicator: "gdp" },
    });
    expect(byId("central-city-gdp-share")).toMatchObject({
      scope: "central-city",
      indicator: "gdp",
      denominator: { scope: "city", indicator: "gdp" },
    });
    expect(byId("rd-enterprise-share")).toMatchObject({
      indicator: "rd_expenditure_enterprise",
      denominator: { indicator: "rd_expenditure" },
    });
    const counts = qujingTargets.filter((t) => t.kind === "count");
    expect(counts).toHaveLength(13);
    for (const t of counts) {
      expect(qujingIndicators.find((i) => i.id === t.indicator)?.kind, t.id).toBe("count");
    }
    expect(byId("gdp-rank-top70")).toMatchObject({
      kind: "rank",
      comparator: "<=",
      value: 70,
      reference: "gdp-70th-prefecture-city",
    });
  });

  it("states the 2035 doubling as an interpretation judged at constant 2020 prices", () => {
    const t = byId("gdp-2035-double");
    // 2 × 2959.35 (CSMAR_GH 2020 GDP) = 5918.7
    expect(t).toMatchObject({
      kind: "level",
      scope: "city",
      indicator: "gdp",
      comparator: ">=",
      year: 2035,
      basis: "real",
    });
    expect(t.value).toBeCloseTo(5918.7, 10);
    if (t.provenance.kind !== "interpretation") throw new Error("not an interpretation");
    expect(t.provenance.reasoning).toMatch(/constant 2020 prices \(basis real\)/);
    expect(t.provenance.reasoning).toMatch(/current prices/);
    expect(t.provenance.reasoning).toMatch(/4\.73%/);
    expect(t.provenance.quote).toContain("再迈上新的台阶");
  });
});

describe("qujing pack: reference series and ranks", () => {
  it("holds the 70th city's GDP, with its break at 2019, as an independent count gives it", () => {
    const ref = qujingReferences[0];
    expect(ref?.id).toBe("gdp-70th-prefecture-city");
    expect(ref?.breaks).toEqual([2019]);
    const at = (y: number) => ref?.values[ref.years.indexOf(y)];
    // python3 over the shared prefecture_panel.csv, gdp rows, universe written afresh:
    //   city = r["category"] in ("地级市", "副省级市") and not re.search("(州|地区|盟)$", r["city"])
    //   sorted(gdp of cities that year, reverse=True)[69]
    // -> 2010: 1539.36, 2019: 3372.6778, 2020: 3337.32, 2021: 3725.0, 2022: 4005.03, 2023: 4190.87
    expect(at(2010)).toBe(1539.36);
    expect(at(2019)).toBe(3372.6778);
    expect(at(2020)).toBe(3337.32);
    expect(at(2021)).toBe(3725);
    expect(at(2022)).toBe(4005.03);
    expect(at(2023)).toBe(4190.87);
    // From 2000, the first year of Qujing's GDP observations, so both are fitted on the same years.
    expect(ref?.years).toEqual(Array.from({ length: 24 }, (_, i) => 2000 + i));
    const cityGdpYears = qujingPack.dataset.observations
      .filter((o) => o.place === "city" && o.indicator === "gdp")
      .map((o) => o.year);
    expect(Math.min(...cityGdpYears)).toBe(ref?.years[0]);
  });

  it("records Qujing's rank as observations of the city", () => {
    const ranks = qujingPack.dataset.observations.filter(
      (o) => o.indicator === "gdp_rank_prefecture_cities",
    );
    // Same python3 snippet: 1 + number of cities with a larger GDP -> 2020: 89, 2021: 85,
    // 2022: 75, 2023: 72 (the shared panels' README gives 85, 75 and 72 as well).
    expect(ranks.find((o) => o.year === 2020)).toMatchObject({
      place: "city",
      value: 89,
      source: "GP_PANEL_RANKS",
    });
    expect(ranks.find((o) => o.year === 2021)?.value).toBe(85);
    expect(ranks.find((o) => o.year === 2022)?.value).toBe(75);
    expect(ranks.find((o) => o.year === 2023)?.value).toBe(72);
    // The ranked GDP is the CSVs' city GDP for every year they have (2010 rounded in the CSV).
    const csvGdp = loadQujingObservations().filter(
      (o) => o.place === "city" && o.indicator === "gdp" && o.quality !== "C",
    );
    expect(csvGdp.length).toBeGreaterThanOrEqual(24);
    for (const o of csvGdp) {
      const r = qujingGdpRankHistory.find((x) => x.year === o.year);
      expect(r?.gdp, String(o.year)).toBeCloseTo(o.value, 1);
    }
  });
});

describe("qujing pack: scenarios", () => {
  it("names trend, plan and downside, each giving a reason for every assumption", () => {
    expect(qujingScenarios.map((s) => s.id)).toEqual(["trend", "plan", "downside"]);
    for (const s of qujingScenarios) {
      for (const a of [...s.models, ...s.shocks, ...s.overrides, ...s.references, ...s.uncertainty])
        expect(a.reason.length, s.id).toBeGreaterThan(20);
    }
  });

  it("refers only to existing scopes and indicators", () => {
    for (const s of qujingScenarios) {
      for (const a of [...s.models, ...s.shocks]) {
        expect(a.scope === "*" || scopeIds.has(a.scope), `${s.id} ${a.scope}`).toBe(true);
        expect(a.indicator === "*" || indicatorIds.has(a.indicator), `${s.id} ${a.indicator}`).toBe(
          true,
        );
      }
    }
  });

  it("sets a model for the 70th city's GDP in every scenario", () => {
    for (const s of qujingScenarios) {
      expect(
        s.references.map((r) => r.reference),
        s.id,
      ).toEqual(["gdp-70th-prefecture-city"]);
    }
  });

  it("puts 2024's contraction in the downside as a growth shock, citing its quality-C source", () => {
    const downside = qujingScenarios.find((s) => s.id === "downside");
    const shock = downside?.shocks[0];
    expect(shock).toMatchObject({
      scope: "city",
      indicator: "gdp",
      type: "growth",
      from: 2024,
      to: 2024,
    });
    expect(shock?.reason).toMatch(/NETEASE_2024, quality C/);
    // The shock is relative: growth in 2024 = 1.045 · (1 − 0.055) − 1 = 0.987525 − 1
    // = −1.2475%, close to the reported −0.9% (not 4.5% − 5.5 points = −1%).
    const cagr = downside?.models.find((m) => m.indicator === "gdp")?.spec;
    expect(cagr).toEqual({ kind: "cagr", rate: 0.045 });
    expect(shock?.mode ?? "relative").toBe("relative");
    expect(1.045 * (1 + (shock?.size ?? 0)) - 1).toBeCloseTo(-0.012475, 12);
    expect(shock?.reason).toMatch(/about −1\.2%/);
  });

  it("grows GDP in the plan scenario at the doubling rate 2^(1/15) − 1", () => {
    const plan = qujingScenarios.find((s) => s.id === "plan");
    const gdp = plan?.models.find((m) => m.indicator === "gdp")?.spec;
    // (1 + r)^15 = 2  ⇔  r = 2^(1/15) − 1 = 0.0472941 (R: 2^(1/15) - 1)
    expect(gdp).toMatchObject({ kind: "cagr" });
    if (gdp?.kind === "cagr") expect(gdp.rate).toBeCloseTo(0.0472941, 6);
    const path = plan?.models.find((m) => m.indicator === "urbanization_resident_pct")?.spec;
    expect(path).toEqual({ kind: "path", values: { "2025": 60 } });
  });

  it("spreads each count evenly over 2021–2025 in the plan scenario, summing to the target", () => {
    const plan = qujingScenarios.find((s) => s.id === "plan");
    for (const t of qujingTargets.filter((x) => x.kind === "count")) {
      const spec = plan?.models.find((m) => m.indicator === t.indicator)?.spec;
      if (spec?.kind !== "path") throw new Error(`${t.id}: no path`);
      expect(Object.keys(spec.values)).toEqual(["2021", "2022", "2023", "2024", "2025"]);
      expect(Object.values(spec.values).reduce((a, b) => a + b, 0)).toBeCloseTo(t.value, 9);
    }
  });
});

describe("qujing pack: as a whole", () => {
  it("validates against RegionPackSchema, and parsing changes nothing (no default left to fill)", () => {
    const parsed = RegionPackSchema.parse(qujingPack);
    expect(parsed).toEqual(qujingPack);
  });

  it("is exported from the package root", () => {
    expect(packFromPackage).toBe(qujingPack);
    expect(getPackFromPackage("qujing")).toBe(qujingPack);
  });

  it("assesses every target under each named scenario", () => {
    for (const scenario of ["trend", "plan", "downside"]) {
      const assessment = assessPack(qujingPack, scenario);
      expect(
        assessment.rows.map((r) => r.targetId),
        scenario,
      ).toEqual(qujingTargets.map((t) => t.id));
      expect(assessment.issues, scenario).toEqual([]);
    }
  });

  it("runs the examples of its documentation", () => {
    expect(qujingIndicators.find((i) => i.id === "urbanization_resident_pct")?.aggregation).toEqual(
      {
        rule: "ratio",
        numerator: "population_urban_resident",
        denominator: "population_resident",
        scale: 100,
      },
    );
    expect(qujingGroups.find((g) => g.id === "central-city")?.members).toEqual([
      "qilin",
      "zhanyi",
      "malong",
    ]);
    expect(qujingTargets.find((t) => t.id === "urbanization-resident")?.value).toBe(60);
    expect(qujingSources.find((s) => s.key === "CSMAR_GH")?.quality).toBe("A");
    // 16 city GDP rows in observations.csv (2010–2022, four years from two sources) and 11 in
    // panel-observations.csv (2000–2009 and 2023; the other years' figure is already there).
    expect(
      loadQujingObservations().filter((o) => o.place === "city" && o.indicator === "gdp"),
    ).toHaveLength(27);
    expect(qujingGdpRankHistory.find((r) => r.year === 2023)).toEqual({
      year: 2023,
      rank: 72,
      of: 288,
      gdp: 4048.91,
      gdpAtRank: 4190.87,
    });
    const ref = qujingReferences[0];
    expect(ref?.values[ref.years.indexOf(2023)]).toBe(4190.87);
    expect(qujingBreaks.filter((b) => b.indicator === "gdp").map((b) => b.year)).toEqual([2019]);
    expect(
      qujingBreaks.find((b) => b.indicator === "population_resident" && b.place === "qilin")?.year,
    ).toBe(2020);
    expect(assessPack(qujingPack, "trend").rows).toHaveLength(30);
  });
});

describe("packs", () => {
  it("lists the Qujing pack and finds it by id", () => {
    expect(Object.keys(packs)).toEqual(["qujing"]);
    expect(getPack("qujing")).toBe(qujingPack);
    expect(getPack("qujing").nameZh).toBe("曲靖市");
  });

  it("throws a RangeError for an unknown id", () => {
    expect(() => getPack("x")).toThrow(RangeError);
    expect(() => getPack("x")).toThrow('getPack: unknown pack "x" (known: qujing)');
    expect(() => getPack("toString")).toThrow('getPack: unknown pack "toString" (known: qujing)');
  });
});
