// What validation says of prices: an indicator's price index, a target's basis, a scenario's
// deflators, and assessments written before the basis existed.
import { describe, expect, it } from "vitest";
import {
  AssessmentSchema,
  assessPack,
  formatIssue,
  jsonSchemaOf,
  qujingPack,
  readScenarioJson,
  readTargetsJson,
  resolveScenario,
  validatePack,
} from "../../src/index.js";
import { pricedPack, pricedScenario } from "../helpers/pricedPack.js";
import { sampleAssessment } from "../report/assessmentFixture.js";

/** The priced pack as JSON, to break. */
const raw = () => JSON.parse(JSON.stringify(pricedPack()));
const messages = (input: unknown) => validatePack(input).issues.map(formatIssue);

describe("validatePack: prices of an indicator", () => {
  it("names an unknown price index with the nearest ids", () => {
    const pack = raw();
    pack.dataset.indicators[0].prices.index = "gdp_indx";
    expect(messages(pack)).toEqual([
      'dataset.indicators[0].prices.index: unknown indicator; did you mean gdp_index or gdp? (got "gdp_indx")',
    ]);
  });

  it("refuses an index that is the indicator itself or has prices of its own", () => {
    const self = raw();
    self.dataset.indicators[0].prices.index = "gdp";
    expect(messages(self)).toEqual([
      'dataset.indicators[0].prices.index: a price index must be an indicator of its own, without a price index (expected the id of a volume index (previous year = 100), got "gdp")',
    ]);
  });

  it("refuses prices on what is not a level", () => {
    const pack = raw();
    pack.dataset.indicators[1] = {
      ...pack.dataset.indicators[1],
      kind: "count",
      prices: { index: "gdp" },
    };
    expect(messages(pack)).toContain(
      'dataset.indicators[1].prices: only a level (an amount of money) has prices; gdp_index is a count (expected an indicator of kind "level")',
    );
  });

  it("refuses an indicator whose id the derived series would take", () => {
    const pack = raw();
    pack.dataset.indicators.push({ ...pack.dataset.indicators[1], id: "gdp_real" });
    expect(messages(pack)).toEqual([
      'dataset.indicators[0].prices: the library names gdp\'s constant-price series gdp_real, which another indicator of the pack already is (got "gdp_real")',
    ]);
  });

  it("refuses priceCompanion, which only the library sets", () => {
    const pack = raw();
    pack.dataset.indicators[1].priceCompanion = {
      of: "gdp",
      role: "real",
      index: "gdp_index",
      referenceYear: 2020,
    };
    expect(messages(pack)).toEqual([
      "dataset.indicators[1].priceCompanion: set by the library on the series it derives; declare prices: { index } on the indicator at current prices instead",
    ]);
  });

  it("accepts Qujing's GDP with its index", () => {
    expect(validatePack(qujingPack).ok).toBe(true);
    expect(qujingPack.dataset.indicators.find((i) => i.id === "gdp")?.prices).toEqual({
      index: "gdp_index",
    });
  });
});

describe("a target's basis", () => {
  it("readTargetsJson refuses a target at constant prices on an indicator without a price index", () => {
    const meta = pricedPack({ prices: null }).dataset;
    const text = JSON.stringify([{ ...pricedPack().targets[0] }]);
    const r = readTargetsJson(text, meta, { file: "t.json" });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([["no-price-index", "[0].basis"]]);
  });

  it("has no basis on kinds other than level and growth: a file that gives one is told so", () => {
    const share = {
      id: "share",
      nameZh: "占比",
      nameEn: "Share",
      kind: "share",
      scope: "town",
      indicator: "gdp",
      denominator: { scope: "town" },
      comparator: ">=",
      value: 50,
      unit: "%",
      year: 2025,
      baseYear: 2020,
      basis: "real",
      provenance: { kind: "plan", quote: "x" },
    };
    // A share of two series at constant prices is not defined (chain-linked volumes do not add up).
    const r = readTargetsJson(JSON.stringify([share]), pricedPack().dataset);
    expect(r.issues.map(formatIssue)).toEqual([
      '1:202: warning: [0].basis: unknown key "basis" is ignored',
    ]);
  });
});

describe("a scenario's deflators", () => {
  it("are rates as fractions", () => {
    expect(() =>
      resolveScenario(
        {
          ...pricedScenario,
          deflators: [{ scope: "*", indicator: "gdp", rate: 2, reason: "2% a year" }],
        },
        [],
      ),
    ).toThrow(
      'resolveScenario: invalid scenario "steady": deflators.0.rate: deflator growth must be between -1 and 1: rates are fractions: 0.055 is 5.5% (a 3-point shock is -0.03)',
    );
  });

  it("name an indicator with a price index", () => {
    const a = assessPack(pricedPack({ prices: null, targets: [] }), {
      ...pricedScenario,
      deflators: [{ scope: "*", indicator: "gdp", rate: 0.02, reason: "x" }],
    });
    expect(a.issues.filter((i) => i.code === "no-price-index").map(formatIssue)).toEqual([
      'deflators[0].indicator: a deflator applies to an indicator with a price index; gdp has none (add prices: { index } to its definition) (expected an indicator with prices (the pack has none), got "gdp")',
    ]);
  });

  it("are read from a scenario file, with their selectors checked against the pack", () => {
    const text = JSON.stringify({
      ...pricedScenario,
      deflators: [{ scope: "twn", indicator: "gdp", rate: 0.02, reason: "x" }],
    });
    const r = readScenarioJson(text, pricedPack().dataset, { file: "s.json" });
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([
      ["unknown-place", "deflators[0].scope"],
    ]);
  });
});

describe("AssessmentSchema with the basis", () => {
  it("still parses an assessment written before basis and nominal existed", () => {
    const old = JSON.parse(JSON.stringify(sampleAssessment));
    for (const row of old.rows) {
      delete row.basis;
      delete row.nominal;
    }
    expect(AssessmentSchema.safeParse(old).success).toBe(true);
  });

  it("parses an assessment with a real row and its nominal judgement, and publishes them", () => {
    const a = assessPack(pricedPack(), "steady");
    const json = JSON.parse(JSON.stringify(a));
    expect(AssessmentSchema.parse(json).rows[0]?.nominal?.status).toBe("on-track");
    const schema = JSON.stringify(jsonSchemaOf("assessment"));
    expect(schema).toContain('"nominal"');
    expect(schema).toContain('"basis"');
  });
});
