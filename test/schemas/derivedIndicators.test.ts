import { describe, expect, it } from "vitest";
import { assessPack, formatIssue, validatePack } from "../../src/index.js";
import { formulaPack, GDP_PER_CAPITA, levelTarget } from "../helpers/formulaPack.js";

const pack = formulaPack([], []);
/** The synthetic pack (five indicators) with `extra` indicators from index 5 on, as raw input. */
const withIndicators = (...extra: object[]) => ({
  ...pack,
  dataset: { ...pack.dataset, indicators: [...pack.dataset.indicators, ...extra] },
});
const messages = (input: unknown) => validatePack(input).issues.map(formatIssue);

describe("validatePack checks the formulas of derived indicators", () => {
  it("validatePack accepts a per-capita formula of two indicators of the pack", () => {
    const v = validatePack(withIndicators(GDP_PER_CAPITA));
    expect(v.ok).toBe(true);
    expect(v.issues).toEqual([]);
  });

  it("validatePack names the indicator, the formula and an unknown symbol, with the nearest ids", () => {
    expect(
      messages(withIndicators({ ...GDP_PER_CAPITA, formula: "gdp / populaton * 10000" })),
    ).toEqual([
      'dataset.indicators[5].formula: formula of gdp_per_capita names an unknown indicator populaton; did you mean population, labs_new or urban_population? (got "gdp / populaton * 10000")',
    ]);
  });

  it("validatePack explains that an id with '-' cannot be named in a formula", () => {
    const real = { ...pack.dataset.indicators[0], id: "gdp-real" };
    const [message] = messages(
      withIndicators(real, { ...GDP_PER_CAPITA, formula: "gdp-real / population" }),
    );
    expect(message).toContain("names an unknown indicator real;");
    expect(message).toContain(
      "(gdp-real cannot be named in a formula: '-' reads as a minus; rename with '_')",
    );
  });

  it("validatePack names the construct a formula may not use", () => {
    expect(
      messages(withIndicators({ ...GDP_PER_CAPITA, formula: "x = gdp / population" })),
    ).toEqual([
      'dataset.indicators[5].formula: formula of gdp_per_capita uses an assignment (=); a formula may contain only numbers, indicator ids, + - * / ^, parentheses and the functions min, max, abs, log, exp, sqrt (got "x = gdp / population")',
    ]);
    expect(messages(withIndicators({ ...GDP_PER_CAPITA, formula: "round(gdp)" }))[0]).toContain(
      "formula of gdp_per_capita calls an unknown function round",
    );
  });

  it("validatePack reports derived indicators that name each other in a cycle, and those that depend on them", () => {
    const derived = (id: string, formula: string) => ({ ...GDP_PER_CAPITA, id, formula });
    expect(
      messages(
        withIndicators(
          derived("a", "b * 2"),
          derived("b", "a + 1"),
          derived("c", "a + gdp"),
          derived("d", "d + 1"),
        ),
      ),
    ).toEqual([
      'dataset.indicators[5].formula: formula of a is part of a cycle of derived indicators (a → b → a) (got "b * 2")',
      'dataset.indicators[6].formula: formula of b is part of a cycle of derived indicators (a → b → a) (got "a + 1")',
      'dataset.indicators[7].formula: formula of c names a, which cannot be computed (see its problem) (got "a + gdp")',
      'dataset.indicators[8].formula: formula of d is part of a cycle of derived indicators (d → d) (got "d + 1")',
    ]);
  });

  it("validatePack accepts a derived indicator whose formula names another derived indicator", () => {
    const inThousands = {
      ...GDP_PER_CAPITA,
      id: "gdp_per_capita_k",
      formula: "gdp_per_capita / 1000",
    };
    expect(validatePack(withIndicators(inThousands, GDP_PER_CAPITA)).ok).toBe(true);
  });

  it("validatePack requires a derived indicator to aggregate by its formula, and the formula rule to have one", () => {
    const { formula: _, ...noFormula } = GDP_PER_CAPITA;
    expect(
      messages(
        withIndicators(
          { ...GDP_PER_CAPITA, aggregation: { rule: "sum" } },
          { ...noFormula, id: "e" },
        ),
      ),
    ).toEqual([
      'dataset.indicators[5].aggregation: gdp_per_capita has a formula, so its aggregation must be { "rule": "formula" } (got "sum")',
      'dataset.indicators[6].aggregation: e aggregates by "formula" but has no formula',
    ]);
  });

  it("validatePack refuses a formula that is not text, is empty, blank or longer than 500 characters", () => {
    expect(messages(withIndicators({ ...GDP_PER_CAPITA, formula: 42 }))).toEqual([
      "dataset.indicators[5].formula: wrong type (expected text, got 42)",
    ]);
    expect(messages(withIndicators({ ...GDP_PER_CAPITA, formula: "" }))).toEqual([
      "dataset.indicators[5].formula: empty (expected non-empty text)",
    ]);
    expect(messages(withIndicators({ ...GDP_PER_CAPITA, formula: "  " }))).toEqual([
      'dataset.indicators[5].formula: formula of gdp_per_capita is empty (got "  ")',
    ]);
    const [long] = messages(
      withIndicators({ ...GDP_PER_CAPITA, formula: `gdp${" ".repeat(498)}` }),
    );
    expect(long).toMatch(/^dataset\.indicators\[5\]\.formula: too large \(expected at most 500/);
  });

  it("validatePack warns that observations of a derived indicator are not used, and accepts the pack", () => {
    const input = withIndicators(GDP_PER_CAPITA);
    const published = {
      place: "east",
      indicator: "gdp_per_capita",
      year: 2020,
      value: 25000,
      unit: "yuan",
      source: "yearbook",
      quality: "A",
    };
    const v = validatePack({
      ...input,
      dataset: { ...input.dataset, observations: [...input.dataset.observations, published] },
    });
    expect(v.ok).toBe(true);
    expect(v.issues.map(formatIssue)).toEqual([
      'warning: dataset.observations: 1 observation of gdp_per_capita is not used: it is derived by its formula "10000 * gdp / population", which gives its values; to compare published values with the formula, give them under an indicator of their own',
    ]);
  });

  it("assessPack refuses a pack with a bad formula, naming it", () => {
    const bad = withIndicators({ ...GDP_PER_CAPITA, formula: "gdp / popn" });
    expect(() =>
      assessPack({ ...bad, targets: [levelTarget("pc", "east", 1)] } as never, "steady"),
    ).toThrow(
      'assessPack: pack is not a valid region pack (dataset.indicators[5].formula: formula of gdp_per_capita names an unknown indicator popn; did you mean population, gdp or labs_new? (got "gdp / popn"))',
    );
  });
});
