import { describe, expect, it } from "vitest";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { convertUnit, unitFactor, unitsCompatible } from "../../src/schemas/units.js";

describe("unitsCompatible", () => {
  it("units of one quantity are compatible whatever their scale or language", () => {
    expect(unitsCompatible("100M yuan", "亿元")).toBe(true);
    expect(unitsCompatible("亿元", "万元")).toBe(true);
    expect(unitsCompatible("yuan", "元")).toBe(true);
    expect(unitsCompatible("10k persons", "人")).toBe(true);
    expect(unitsCompatible("%/yr", "%/年")).toBe(true);
    expect(unitsCompatible("count", "个")).toBe(true);
  });
  it("compares units after NFKC, trimming and lower-casing (km² is km2)", () => {
    expect(unitsCompatible(" 100m Yuan ", "100M yuan")).toBe(true);
    expect(unitsCompatible("km²", "km2")).toBe(true);
    expect(unitsCompatible("％", "%")).toBe(true);
  });
  it("units of different quantities are not compatible; a share is not a growth rate", () => {
    expect(unitsCompatible("%", "%/yr")).toBe(false);
    expect(unitsCompatible("100M yuan", "10k persons")).toBe(false);
    expect(unitsCompatible("count", "rank")).toBe(false);
  });
  it("an unknown unit is compatible only with itself", () => {
    expect(unitsCompatible("tonnes", "tonnes")).toBe(true);
    expect(unitsCompatible("tonnes", "万吨")).toBe(false);
    expect(unitsCompatible("tonnes", "yuan")).toBe(false);
  });
  it("refuses a unit that is not a string", () => {
    expect(() => unitsCompatible("%", undefined as unknown as string)).toThrow(
      new ArgumentTypeError("unitsCompatible: b must be a string (got nothing)", {
        code: "missing-argument",
        path: "b",
      }),
    );
  });
});

describe("convertUnit", () => {
  // 万 = 10^4 and 亿 = 10^8 (GB/T 8170 and every statistical yearbook).
  it("converts between 元, 万元 and 亿元", () => {
    expect(convertUnit(4500, "亿元", "万元")).toBe(45_000_000);
    expect(convertUnit(4500, "100M yuan", "yuan")).toBe(450_000_000_000);
    expect(convertUnit(12345, "万元", "100M yuan")).toBe(1.2345);
    expect(convertUnit(1, "元", "亿元")).toBe(1e-8);
  });
  it("moves the decimal point instead of multiplying in binary: 8.37 万元 is 83,700 元", () => {
    // 8.37 × 10⁴ in double arithmetic is 83699.99999999999; the decimal 8.37 × 10⁴ is 83700.
    expect(8.37 * 1e4).not.toBe(83_700);
    expect(convertUnit(8.37, "万元", "yuan")).toBe(83_700);
    expect(convertUnit(0.07, "亿元", "万元")).toBe(700);
    expect(convertUnit(-1.15, "万人", "persons")).toBe(-11_500);
  });
  it("converts between 人 and 万人", () => {
    expect(convertUnit(97.6, "万人", "persons")).toBe(976_000);
    expect(convertUnit(976_000, "人", "10k persons")).toBe(97.6);
  });
  it("returns the value itself for one unit written two ways, or an unknown unit twice", () => {
    expect(convertUnit(55.2, "%", "%")).toBe(55.2);
    expect(convertUnit(2959.35, "亿元", "100M yuan")).toBe(2959.35);
    expect(convertUnit(3, "tonnes", "Tonnes")).toBe(3);
  });
  it("converting there and back returns values printed with a few decimals, as yearbooks print them", () => {
    for (const v of [0.01, 1, 3.25, 2959.35, 123456.789]) {
      expect(convertUnit(convertUnit(v, "亿元", "万元"), "万元", "亿元")).toBe(v);
      expect(convertUnit(convertUnit(v, "万人", "人"), "人", "万人")).toBe(v);
    }
  });
  it("refuses an unknown unit with the nearest known one", () => {
    expect(() => convertUnit(1, "10k yaun", "yuan")).toThrow(
      new ArgumentRangeError(
        'convertUnit: from must be a known unit; did you mean "10k yuan"? (got the string "10k yaun")',
        { code: "unknown-id", path: "from" },
      ),
    );
  });
  it("refuses units of different quantities, naming both", () => {
    let caught: unknown;
    try {
      convertUnit(50, "亿元", "%");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArgumentRangeError);
    expect(caught).toMatchObject({
      code: "incompatible-units",
      path: "to",
      message:
        'convertUnit: to must be a unit of the same quantity as from ("亿元", an amount of money) (got the string "%", a percentage)',
    });
  });
  it("refuses a value that is not a finite number", () => {
    expect(() => convertUnit("1" as unknown as number, "元", "万元")).toThrow(
      'convertUnit: value must be a finite number (got the string "1")',
    );
    expect(() => convertUnit(Number.NaN, "元", "万元")).toThrow(ArgumentRangeError);
  });
});

describe("unitFactor", () => {
  it("is 1 for one unit written two ways and undefined across quantities", () => {
    expect(unitFactor("亿元", "100M yuan")).toBe(1);
    expect(unitFactor("万人", "人")).toBe(1e4);
    expect(unitFactor("%", "%/yr")).toBeUndefined();
    expect(unitFactor("km2", "mu")).toBeUndefined();
  });
});
