// The `data` rows of assessPack go through the readers' observation validator: a bad row is left
// out and reported with its index; `strict` throws every problem at once.
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessPack,
  formatIssue,
  type Observation,
  qujingPack,
  simulateAssessment,
} from "regionsim";
import { describe, expect, it } from "vitest";

/** A valid row: Qujing's 2023 GDP, 3957.8 (100M yuan), as a user would add it. */
const good = {
  place: "city",
  indicator: "gdp",
  year: 2023,
  value: 3957.8,
  unit: "100M yuan",
  source: "user",
  quality: "A",
} as const;

/** Rows as plain JavaScript may pass them (the type is not checked at runtime). */
const rows = (...r: unknown[]) => r as Observation[];

describe("assessPack: options.data", () => {
  it("assessPack reports each bad row with its index and the problem, and uses the good ones", () => {
    const data = rows(
      good,
      { ...good, place: "qiln" },
      { ...good, indicator: "gpd" },
      { ...good, value: "3957.8" },
      { ...good, value: -1 },
      { ...good, unit: "yuan" },
      { place: "city", indicator: "gdp", year: 2023, value: 1, unit: "100M yuan" },
    );
    const a = assessPack(qujingPack, "trend", { data });
    expect(a.issues.filter((i) => i.field?.startsWith("data[")).map(formatIssue)).toEqual([
      'data[1].place: unknown place; did you mean qilin, city or central-city? (got "qiln")',
      'data[2].indicator: unknown indicator; did you mean gdp, gdp_index or gdp_per_capita? (got "gpd")',
      'data[3].value: wrong type (expected a number, got the string "3957.8")',
      "data[4].value: negative value for the level indicator gdp (expected at least 0, got -1)",
      'data[5].unit: differs from the unit of gdp (expected "100M yuan", got "yuan")',
      "data[6].source: missing (expected a source key)",
      "data[6].quality: missing (expected A, B or C)",
    ]);
    // The good row is used: 2023 is the latest year of the city's GDP at current prices, which
    // the doubling's judgement at current prices reads.
    const gdp = a.rows.find((r) => r.targetId === "gdp-2035-double");
    expect(gdp?.nominal?.latest?.year).toBe(2023);
    expect(gdp?.nominal?.latest?.value).toBe(3957.8);
  });

  it("assessPack leaves out a bad row without changing the assessment otherwise", () => {
    const plain = assessPack(qujingPack, "trend");
    const withBad = assessPack(qujingPack, "trend", { data: rows({ ...good, value: -1 }) });
    expect(withBad.rows).toEqual(plain.rows);
    expect(withBad.issues.length).toBe(plain.issues.length + 1);
  });

  it("assessPack with strict throws every problem: a RangeError for bad values", () => {
    const data = rows({ ...good, value: -1 }, { ...good, place: "qiln" });
    const call = () => assessPack(qujingPack, "trend", { data, strict: true });
    expect(call).toThrow(ArgumentRangeError);
    expect(call).toThrow(
      "assessPack: options.data must be valid observations (options.data[0].value: negative value for the level indicator gdp (expected at least 0, got -1); 1 more problem in error.issues)",
    );
    try {
      call();
    } catch (e) {
      expect((e as ArgumentRangeError).path).toBe("options.data[0].value");
      expect((e as ArgumentRangeError).issues?.map((i) => i.field)).toEqual([
        "data[0].value",
        "data[1].place",
      ]);
    }
  });

  it("assessPack with strict throws a TypeError when a value has the wrong type", () => {
    const data = rows({ ...good, year: "2023" });
    expect(() => assessPack(qujingPack, "trend", { data, strict: true })).toThrow(
      ArgumentTypeError,
    );
  });

  it("assessPack with strict and good rows assesses as without strict", () => {
    const data = rows(good);
    expect(assessPack(qujingPack, "trend", { data, strict: true })).toEqual(
      assessPack(qujingPack, "trend", { data }),
    );
  });

  it("assessPack: a user row replaces the pack's for the same place, indicator and year", () => {
    // The pack has 4048.91 for the city's 2023 GDP (GP_INDUSTRY, quality B), its latest year; the
    // user's 3900 replaces it.
    const a = assessPack(qujingPack, "trend", { data: rows({ ...good, value: 3900 }) });
    const gdp = a.rows.find((r) => r.targetId === "gdp-2035-double");
    expect(gdp?.nominal?.latest).toMatchObject({ year: 2023, value: 3900, source: "user" });
  });

  it("simulateAssessment reports bad data rows as assessPack does", async () => {
    const data = rows({ ...good, value: -1 });
    const a = await simulateAssessment(qujingPack, "trend", {
      data,
      paths: 1024,
      seed: 1,
      workers: 0,
    });
    expect(a.issues.map(formatIssue)).toContain(
      "data[0].value: negative value for the level indicator gdp (expected at least 0, got -1)",
    );
    await expect(
      simulateAssessment(qujingPack, "trend", { data, strict: true, paths: 1024, seed: 1 }),
    ).rejects.toThrow("simulateAssessment: options.data must be valid observations");
  });
});
