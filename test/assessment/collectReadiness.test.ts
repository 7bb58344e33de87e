import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { collectReadiness } from "../../src/assessment/collectReadiness.js";
import type { AssessmentRow, DataNeed } from "../../src/schemas/assessment.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

const template = assessPack(syntheticPack(), "steady").rows[0] as AssessmentRow;
const rowNeeding = (targetId: string, missing: DataNeed[]): AssessmentRow => ({
  ...template,
  targetId,
  missing,
});
const need = (scope: string, years: number[], minCount: number): DataNeed => ({
  scope,
  indicator: "labs_new",
  years,
  minCount,
  why: "counts",
});

describe("collectReadiness", () => {
  it("collectReadiness merges the needs of one scope and indicator: years united and sorted, the largest count", () => {
    const rows = [
      rowNeeding("a", [need("all", [2023, 2021], 2)]),
      rowNeeding("b", [need("all", [2022, 2021], 3), need("east", [2020], 1)]),
      rowNeeding("c", []),
    ];
    expect(collectReadiness(rows)).toEqual([
      { ...need("all", [2021, 2022, 2023], 3), why: "counts — for a, b" },
      { ...need("east", [2020], 1), why: "counts — for b" },
    ]);
  });

  it("collectReadiness names a target once however many of its needs merge", () => {
    const rows = [rowNeeding("a", [need("all", [2021], 1), need("all", [2022], 1)])];
    // Each need asks for its one year, so the merged need asks for both.
    expect(collectReadiness(rows)).toEqual([
      { ...need("all", [2021, 2022], 2), why: "counts — for a" },
    ]);
  });

  it("collectReadiness keeps a year some target needs whatever the others (a base year)", () => {
    const rows = [
      rowNeeding("growth", [need("all", [2020], 1), need("all", [2015, 2016, 2017, 2020], 2)]),
    ];
    expect(collectReadiness(rows)).toEqual([
      {
        ...need("all", [2015, 2016, 2017, 2020], 2),
        requiredYears: [2020],
        why: "counts — for growth",
      },
    ]);
  });

  it("collectReadiness is empty when no row misses data", () => {
    expect(collectReadiness([rowNeeding("a", [])])).toEqual([]);
  });
});
