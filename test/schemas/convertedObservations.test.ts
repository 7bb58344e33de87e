// Converted observations and workbook locations in the shared schemas: formatIssue names a sheet
// and cell; the readers convert a unit of the indicator's quantity when asked (convertUnits) and
// keep what was written in `original`, which every entry point then accepts and keeps.
import {
  assessPack,
  formatIssue,
  ObservationSchema,
  qujingPack,
  readObservationsCsv,
  readObservationsJson,
  validatePack,
} from "regionsim";
import { describe, expect, it } from "vitest";

const meta = qujingPack.dataset;

describe("formatIssue names a workbook's sheet and cell as Excel writes a reference", () => {
  it("file:sheet!cell, a sheet alone, a quoted sheet name", () => {
    const issue = {
      severity: "error" as const,
      code: "x",
      message: "not a number",
      file: "g.xlsx",
    };
    expect(formatIssue({ ...issue, sheet: "地区生产总值", cell: "C5", field: "麒麟区 2018" })).toBe(
      "g.xlsx:地区生产总值!C5: 麒麟区 2018: not a number",
    );
    expect(formatIssue({ ...issue, sheet: "gdp" })).toBe("g.xlsx:gdp: not a number");
    expect(formatIssue({ ...issue, sheet: "GDP 2018", cell: "A1" })).toBe(
      "g.xlsx:'GDP 2018'!A1: not a number",
    );
    expect(formatIssue({ ...issue, sheet: "It's", cell: "A1" })).toBe(
      "g.xlsx:'It''s'!A1: not a number",
    );
  });
});

describe("the observation readers convert units only when asked", () => {
  const csv = "地区,指标,年份,数值,单位,来源,质量\n麒麟区,gdp,2018,6518600,万元,CSMAR,B\n";

  it("without convertUnits 万元 is a unit mismatch, as before", () => {
    expect(readObservationsCsv(csv, meta).issues.map(formatIssue)).toEqual([
      '2:5: 单位: differs from the unit of gdp (expected "100M yuan", got "万元")',
    ]);
  });

  it("with convertUnits 6,518,600 万元 is 651.86 100M yuan, the written value kept", () => {
    const r = readObservationsCsv(csv, meta, { convertUnits: true });
    expect(r.ok && r.value).toEqual([
      {
        place: "qilin",
        indicator: "gdp",
        year: 2018,
        value: 651.86,
        unit: "100M yuan",
        source: "CSMAR",
        quality: "B",
        original: { value: 6518600, unit: "万元" },
      },
    ]);
  });

  it("bounds apply to the converted value: −1 万元 is still negative", () => {
    const r = readObservationsCsv(csv.replace("6518600", "-1"), meta, { convertUnits: true });
    expect(r.issues.map((i) => i.code)).toEqual(["negative-value"]);
  });

  it("a unit of another quantity or an unknown one names why it cannot be converted", () => {
    const r = readObservationsCsv(
      `${csv}沾益区,gdp,2018,1,万人,CSMAR,B\n马龙区,gdp,2018,1,万美元,CSMAR,B\n`,
      meta,
      {
        convertUnits: true,
      },
    );
    expect(r.issues.map(formatIssue)).toEqual([
      '3:5: 单位: a unit of another quantity: a number of persons, not an amount of money as gdp is (expected "100M yuan" or another unit of an amount of money (元, 万元, 亿元), got "万人")',
      '4:5: 单位: unknown unit, which cannot be converted to the unit of gdp; did you mean "10k yuan"? (expected "100M yuan" or another unit of an amount of money (元, 万元, 亿元), got "万美元")',
    ]);
  });
});

describe("original travels with an observation", () => {
  const converted = {
    place: "qilin",
    indicator: "gdp",
    year: 2018,
    value: 651.86,
    unit: "100M yuan",
    source: "CSMAR",
    quality: "B" as const,
    original: { value: 6518600, unit: "万元" },
  };

  it("is part of the schema, optional", () => {
    expect(ObservationSchema.parse(converted)).toEqual(converted);
    const { original: _, ...plain } = converted;
    expect(ObservationSchema.safeParse(plain).success).toBe(true);
    expect(ObservationSchema.safeParse({ ...plain, original: { value: "x" } }).success).toBe(false);
  });

  it("the JSON reader keeps it and refuses one of the wrong shape", () => {
    const r = readObservationsJson(JSON.stringify([converted]), meta);
    expect(r.ok && r.value).toEqual([converted]);
    const bad = readObservationsJson(JSON.stringify([{ ...converted, original: 6518600 }]), meta);
    expect(bad.issues.map(formatIssue)).toEqual([
      "1:125: [0].original: wrong type (expected an object { value, unit } with a finite number and a unit, got 6518600)",
    ]);
  });

  it("assessPack's data and a pack's observations keep it", () => {
    const a = assessPack(qujingPack, "trend", { data: [converted] });
    expect(a.issues.filter((i) => i.code === "unknown-key")).toEqual([]);
    const pack = { ...qujingPack, dataset: { ...meta, observations: [converted] } };
    const checked = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(checked.ok && checked.pack.dataset.observations).toEqual([converted]);
  });
});
