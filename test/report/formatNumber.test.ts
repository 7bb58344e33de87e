import { describe, expect, it } from "vitest";
import {
  formatNumber,
  formatPercent,
  roundForExport,
} from "../../src/report/internal/formatNumber.js";

describe("formatNumber", () => {
  it("keeps about four significant digits without rounding the integer part", () => {
    expect(formatNumber(3393.92)).toBe("3,394"); // 4 integer digits → no decimals
    expect(formatNumber(58.934)).toBe("58.93"); // 2 integer digits → 2 decimals
    expect(formatNumber(5.12345)).toBe("5.123");
    expect(formatNumber(123456.7)).toBe("123,457");
    expect(formatNumber(0.012345)).toBe("0.01235"); // 0.012345 → 5 decimals; half-even or up both give …35
  });

  it("drops binary floating-point noise and trailing zeros", () => {
    // 100 × 1.1 = 110.00000000000001 in IEEE 754 doubles
    expect(formatNumber(100 * 1.1)).toBe("110");
    expect(formatNumber(60)).toBe("60");
  });

  it("shows null as an em dash", () => {
    expect(formatNumber(null)).toBe("—");
    expect(formatPercent(null)).toBe("—");
  });

  it("signs positive numbers on request and never signs zero", () => {
    expect(formatNumber(3.81, { signed: true })).toBe("+3.81");
    expect(formatNumber(-3.1, { signed: true })).toBe("-3.1");
    // at most 6 decimals: −1e-7 rounds to zero
    expect(formatNumber(-1e-7, { signed: true })).toBe("0");
    expect(formatNumber(-0.001, { digits: 1 })).toBe("0.0");
  });

  it("keeps exactly `digits` decimals when given, and groups only on request", () => {
    expect(formatNumber(3, { digits: 1 })).toBe("3.0");
    expect(formatNumber(12345.6, { grouping: false })).toBe("12346");
  });
});

describe("formatPercent", () => {
  it("shows a fraction as a percentage with one decimal", () => {
    // (60 / 53.6)^(1/2) − 1 = 0.0580184 → 5.8%
    expect(formatPercent(0.0580184, { signed: true })).toBe("+5.8%");
    expect(formatPercent(0.03, { signed: true })).toBe("+3.0%");
    expect(formatPercent(0.346938775510204, { digits: 0 })).toBe("35%");
  });
});

describe("roundForExport", () => {
  it("rounds to 12 significant digits", () => {
    expect(roundForExport(100 * 1.1)).toBe(110);
    expect(roundForExport(0.1 + 0.2)).toBe(0.3);
    expect(roundForExport(3393.92)).toBe(3393.92);
  });
});
