// planTemplate: what the fill-in template asks for is exactly the assessment's data-readiness
// list, one sheet per indicator; titles, units, targets and the README's command.
import { describe, expect, it } from "vitest";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessPack,
  planTemplate,
  qujingPack,
  type RegionPack,
} from "../../src/index.js";
import { sheetNames } from "../../src/io/internal/sheetNames.js";
import { yearRanges } from "../../src/io/internal/yearRanges.js";
import { obs, syntheticPack } from "../helpers/syntheticPack.js";
import { renamedLabsPack, twoRowPack } from "../helpers/templatePacks.js";

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe("planTemplate on Qujing's trend scenario", () => {
  const readiness = assessPack(qujingPack, "trend").readiness;
  const plan = planTemplate(qujingPack, "trend");
  const sheet = (indicator: string) => {
    const found = plan.sheets.find((s) => s.indicator === indicator);
    if (found === undefined) throw new Error(`no sheet for ${indicator}`);
    return found;
  };

  it("has one sheet per indicator of the readiness list, in the order the list first names them", () => {
    const indicators = [...new Set(readiness.map((n) => n.indicator))];
    expect(indicators.length).toBeGreaterThan(10);
    expect(plan.sheets.map((s) => s.indicator)).toEqual(indicators);
    // Qujing's ids are all short enough to be sheet names as they are.
    expect(plan.sheets.map((s) => s.sheetName)).toEqual(indicators);
  });

  it("has one row per scope the list names for the indicator, with exactly the years it asks for", () => {
    for (const s of plan.sheets) {
      const needs = readiness.filter((n) => n.indicator === s.indicator);
      expect(s.rows.map((r) => [r.scope, r.years, r.minCount])).toEqual(
        needs.map((n) => [n.scope, n.years, n.minCount]),
      );
      expect(s.years).toEqual([...new Set(needs.flatMap((n) => n.years))].sort((a, b) => a - b));
    }
  });

  it("asks for the city's hukou urbanization rate, at least 2 of 2015–2024, for urbanization-hukou", () => {
    const s = sheet("urbanization_hukou_pct");
    expect(s.title).toBe("户籍人口城镇化率 Urbanization rate (household registration)（%）");
    expect(s.unit).toBe("%");
    expect(s.unitZh).toBeUndefined();
    expect(s.bounds).toEqual([0, 100]);
    expect(s.years).toEqual(range(2015, 2024));
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({
      scope: "city",
      scopeKind: "group",
      nameZh: "曲靖市",
      nameEn: "Qujing City",
      minCount: 2,
      yearsText: "at least 2 of 2015–2024",
    });
    expect(s.targets.map((t) => t.id)).toEqual(["urbanization-hukou"]);
  });

  it("says a growth target's base year is needed whatever the other years (foreign trade)", () => {
    // trade-growth is a CAGR from 2020: its own list of what it lacks asks for the 2020 level and
    // for at least 2 years of 2015–2024 to project; the readiness list merges the two.
    const row = sheet("foreign_trade").rows[0];
    expect(row).toMatchObject({
      scope: "city",
      minCount: 2,
      requiredYears: [2020],
      yearsText: "year 2020 and at least 2 of 2015–2024",
    });
    expect(sheet("urbanization_hukou_pct").rows[0]?.requiredYears).toEqual([]);
  });

  it("writes a unit that is a word with its Chinese form from the unit table", () => {
    expect(sheet("manufacturing_va").title).toBe(
      "制造业增加值 Manufacturing value added（亿元 100M yuan）",
    );
    expect(sheet("built_up_area").title).toBe("建成区面积 Built-up area（平方公里 km2）");
    const counts = sheet("hightech_enterprises_new");
    expect(counts.title).toBe(
      "新认定高新技术企业 High-tech enterprises newly certified（个 count）",
    );
    expect(counts.years).toEqual(range(2021, 2024));
    expect(counts.rows[0]?.yearsText).toBe("years 2021–2024");
  });

  it("lists places after the central city for the urban-area population, places named as places", () => {
    const s = sheet("population_urban_area");
    expect(s.rows[0]).toMatchObject({ scope: "central-city", scopeKind: "group" });
    expect(s.rows.slice(1).map((r) => r.scopeKind)).toEqual(s.rows.slice(1).map(() => "place"));
    expect(s.rows.find((r) => r.scope === "xuanwei")?.nameZh).toBe("宣威市");
    expect(s.targets.map((t) => t.id)).toEqual([
      "central-city-urban-population",
      "urban-hierarchy",
    ]);
  });

  it("says which other sheets a target also needs", () => {
    const enterprise = sheet("rd_expenditure").targets.find((t) => t.id === "rd-enterprise-share");
    expect(enterprise?.alsoNeeds).toEqual(["rd_expenditure_enterprise"]);
    expect(
      sheet("rd_expenditure").targets.find((t) => t.id === "rd-expenditure")?.alsoNeeds,
    ).toEqual([]);
  });

  it("names every insufficient-data target as one the template would unlock", () => {
    const rows = assessPack(qujingPack, "trend").rows;
    const insufficient = rows
      .filter((r) => r.status === "insufficient-data")
      .map((r) => r.targetId);
    expect(plan.targets).toEqual(insufficient);
    expect(new Set(plan.sheets.flatMap((s) => s.targets.map((t) => t.id)))).toEqual(
      new Set(insufficient),
    );
  });

  it("gives the command that reads the filled workbook back", () => {
    expect(plan.command).toBe("regionsim assess --pack qujing --scenario trend --data needs.xlsx");
    const custom = planTemplate(qujingPack, "plan", {
      packArgument: "packs/my pack.json",
      fileName: "缺的数据.xlsx",
    });
    expect(custom.command).toBe(
      "regionsim assess --pack 'packs/my pack.json' --scenario plan --data '缺的数据.xlsx'",
    );
    expect(custom.scenario).toBe("plan");
  });

  it("takes a scenario object, named in the command as the file it would be saved in", () => {
    const scenario = {
      id: "trend-copy",
      nameEn: "Trend, copied",
      description: "The trend scenario under another id.",
      extends: "trend",
    };
    const copy = planTemplate(qujingPack, scenario);
    expect(copy.scenario).toBe("trend-copy");
    expect(copy.command).toBe(
      "regionsim assess --pack qujing --scenario trend-copy.json --data needs.xlsx",
    );
    expect(copy.sheets.map((s) => s.indicator)).toEqual(plan.sheets.map((s) => s.indicator));
  });
});

describe("planTemplate on the synthetic pack", () => {
  it("asks for the labs counts of the whole city in every year 2021–2023", () => {
    const plan = planTemplate(syntheticPack(), "steady");
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0]).toMatchObject({
      sheetName: "labs_new",
      title: "新增实验室 New labs（个 count）",
      years: [2021, 2022, 2023],
      targets: [{ id: "labs", nameZh: "实验室", nameEn: "New labs", alsoNeeds: [] }],
    });
    expect(plan.sheets[0]?.rows.map((r) => r.yearsText)).toEqual(["years 2021–2023"]);
  });

  it("keeps each row's own years and spans the sheet over all of them", () => {
    const plan = planTemplate(twoRowPack(), "steady");
    const [s] = plan.sheets;
    expect(s?.years).toEqual([2021, 2022, 2023]);
    expect(s?.rows.map((r) => [r.scope, r.years, r.scopeKind])).toEqual([
      ["all", [2021, 2022, 2023], "group"],
      ["east", [2022, 2023], "place"],
    ]);
  });

  it("asks only for what is still lacking after options.data, and reports bad rows", () => {
    // Made-up counts of the synthetic region (the pack's own figures are made up too).
    const data = [2021, 2022, 2023].map((y) => obs("all", "labs_new", y, 2, "count"));
    const filled = planTemplate(syntheticPack(), "steady", { data });
    expect(filled.sheets).toEqual([]);
    expect(filled.targets).toEqual([]);
    const bad = planTemplate(syntheticPack(), "steady", {
      data: [obs("all", "labs_new", 2021, -1, "count")],
    });
    expect(bad.sheets.map((s) => s.indicator)).toEqual(["labs_new"]);
    expect(bad.issues.map((i) => i.field)).toEqual(["data[0].value"]);
  });

  it("cuts an id longer than Excel's 31 characters and keeps the sheets apart", () => {
    const a = "labs_newly_recognised_by_the_province_a"; // 39 characters
    const b = "labs_newly_recognised_by_the_province_b";
    const plan = planTemplate(renamedLabsPack([a, b]), "steady");
    expect(plan.sheets.map((s) => s.indicator)).toEqual([a, b]);
    expect(plan.sheets.map((s) => s.sheetName)).toEqual([
      "labs_newly_recognised_by_the_pr",
      "labs_newly_recognised_by_the_~2",
    ]);
    for (const s of plan.sheets) expect(s.sheetName.length).toBeLessThanOrEqual(31);
  });

  it("does not give an indicator named readme or history the README's or a reserved name", () => {
    const plan = planTemplate(renamedLabsPack(["readme", "history"]), "steady");
    expect(plan.sheets.map((s) => s.sheetName)).toEqual(["readme~2", "history~2"]);
  });
});

describe("sheetNames", () => {
  it("keeps names Excel accepts and replaces the characters it refuses", () => {
    expect(sheetNames(["gdp", "a:b/c?d*e[f]g\\h"], ["README"])).toEqual(["gdp", "a_b_c_d_e_f_g_h"]);
  });

  it("compares names without case and counts on past ~9 within 31 characters", () => {
    const ids = Array.from({ length: 11 }, () => "x".repeat(40));
    const names = sheetNames(ids, []);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(11);
    expect(names[10]).toBe(`${"x".repeat(28)}~11`);
    expect(sheetNames(["Readme", "HISTORY"], ["README"])).toEqual(["Readme~2", "HISTORY~2"]);
  });
});

describe("yearRanges", () => {
  it("joins runs of consecutive years", () => {
    expect(yearRanges([2020, 2015, 2016, 2017, 2023, 2022])).toBe("2015–2017, 2020, 2022–2023");
    expect(yearRanges([2020])).toBe("2020");
  });
});

describe("planTemplate's arguments", () => {
  it("names itself, the parameter and what it got", () => {
    expect(() => planTemplate(null as unknown as RegionPack, "trend")).toThrow(
      new ArgumentTypeError("planTemplate: pack must be a region pack (got null)", {
        code: "invalid-type",
        path: "pack",
      }),
    );
    expect(() => planTemplate(qujingPack, "trnd")).toThrow(ArgumentRangeError);
    expect(() => planTemplate(qujingPack, "trnd")).toThrow(
      /^planTemplate: scenario must be a scenario id of the pack \("trend", "plan", "downside"\); did you mean "trend"\? \(got the string "trnd"\)$/,
    );
    expect(() => planTemplate(qujingPack, "trend", { fileName: 1 } as never)).toThrow(
      "planTemplate: options.fileName must be a non-empty string (got 1)",
    );
    expect(() => planTemplate(qujingPack, "trend", { packArgument: "" })).toThrow(
      'planTemplate: options.packArgument must be a non-empty string (got the string "")',
    );
    expect(() => planTemplate(qujingPack, "trend", { file: "x.xlsx" } as never)).toThrow(
      /^planTemplate: options\.file is not an option; did you mean fileName\?/,
    );
  });
});
