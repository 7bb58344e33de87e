import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calibrationPaths, runCalibration } from "../../scripts/calibrate-intervals.js";
import {
  calibratedCoverage,
  conformalFactor,
  crossFittedCoverage,
  factorsByHorizon,
  provinceFolds,
  type ScoredError,
  scaledError,
} from "../../scripts/calibration/scaledErrors.js";
import { cnPanelPaths, sharedDir } from "../../scripts/cn-panels.js";
import { INTERVAL_CALIBRATION } from "../../src/scenarios/intervalCalibration.generated.js";
import {
  calibrationFactorAt,
  calibrationFactorsOf,
} from "../../src/scenarios/intervalCalibration.js";

const root = join(import.meta.dirname, "../..");
const shared = sharedDir();
const hasShared = existsSync(cnPanelPaths(shared).county);

describe("interval calibration: the arithmetic", () => {
  it("scaledError divides the log error by the cumulated shock sd of the horizon", () => {
    // phi 0: sd = σ·√h = 0.05 · 2 = 0.1; ln(110 / 100) = 0.09531 → 0.9531
    expect(scaledError({ actual: 110, forecast: 100, horizon: 4 }, 0.05, 0, "log")).toBeCloseTo(
      0.9531,
      4,
    );
    // phi 0.5, h = 2: Σ (1 − φ^k)² / (1 − φ)² = (0.25 + 0.5625) / 0.25 = 3.25, sd = 0.1 · √3.25
    // = 0.18028; the logit of 60% is ln(1.5) = 0.405465, of 50% is 0 → 0.405465 / 0.18028 = 2.2491
    expect(scaledError({ actual: 60, forecast: 50, horizon: 2 }, 0.1, 0.5, "logit")).toBeCloseTo(
      2.2491,
      3,
    );
    expect(scaledError({ actual: 0, forecast: 100, horizon: 1 }, 0.05, 0, "log")).toBeUndefined();
  });

  it("conformalFactor takes the ⌈(n + 1)·level⌉-th smallest score over z", () => {
    // n = 9 at 80%: ⌈8⌉ = 8th smallest of 1…9 is 8; z_0.9 = 1.281552 → 6.2424
    expect(conformalFactor([9, 1, 8, 2, 7, 3, 6, 4, 5], 0.8)).toBeCloseTo(6.2424, 3);
    // n = 4: ⌈5 · 0.8⌉ = 4th = the largest, 4 / 1.281552 = 3.1212
    expect(conformalFactor([1, 2, 3, 4], 0.8)).toBeCloseTo(3.1212, 3);
    expect(conformalFactor([], 0.8)).toBeUndefined();
  });

  it("factorsByHorizon fits each horizon alone and repeats the last for an empty one", () => {
    const errors = [
      ...[1, 2, 3, 4].map((u) => ({ horizon: 1, u })),
      ...[2, -4, 6, -8].map((u) => ({ horizon: 2, u })),
    ];
    // h = 1: 4 / 1.281552 = 3.1212; h = 2: |u| 2, 4, 6, 8 → 8 / 1.281552 = 6.2424; h = 3 repeats
    const f = factorsByHorizon(errors, 3, 0.8);
    expect(f[0]).toBeCloseTo(3.1212, 3);
    expect(f[1]).toBeCloseTo(6.2424, 3);
    expect(f[2]).toBe(f[1]);
  });

  it("calibratedCoverage counts |u| ≤ factor·z", () => {
    // factor 1 at 80%: |u| ≤ 1.2816 holds for 0.5 and −1, not for 2 → 2 of 3
    const cover = calibratedCoverage(
      [
        { horizon: 1, u: 0.5 },
        { horizon: 1, u: -1 },
        { horizon: 1, u: 2 },
      ],
      [1, 1],
      0.8,
    );
    expect(cover[0]).toBeCloseTo(2 / 3, 10);
    expect(cover[1]).toBeNull();
  });

  it("crossFittedCoverage scores each half of the provinces with the other half's factors", () => {
    // fold 0: |u| = 1, 2, 3, 4; fold 1: |u| = 10, 20, 30, 40 (h = 1). Fold 0 is scored with fold
    // 1's factor (4th smallest of 4 = 40, over z: the interval ±40 covers all 4); fold 1 with fold
    // 0's (±4: covers none of 10…40) → 4 of 8 = 0.5.
    const e = (fold: 0 | 1, u: number): ScoredError => ({
      kind: "theta",
      horizon: 1,
      u,
      fold,
      level: "county",
    });
    const errors = [...[1, 2, 3, 4].map((u) => e(0, u)), ...[10, 20, 30, 40].map((u) => e(1, u))];
    expect(crossFittedCoverage(errors, 1, 0.8)).toEqual([0.5]);
  });

  it("provinceFolds deals the provinces sorted by code alternately", () => {
    expect([...provinceFolds(["53", "11", "44", "11"])]).toEqual([
      ["11", 0],
      ["44", 1],
      ["53", 0],
    ]);
  });
});

describe("interval calibration: the shipped factors", () => {
  it("calibrationFactorsOf picks the factors of the scale and kind, none for a path", () => {
    expect(calibrationFactorsOf("log", "theta")).toEqual(INTERVAL_CALIBRATION.log.theta);
    expect(calibrationFactorsOf("logit", "drift")).toEqual(INTERVAL_CALIBRATION.logit.drift);
    expect(calibrationFactorsOf("log", "path")).toBeUndefined();
    expect(calibrationFactorsOf("log", "toString")).toBeUndefined();
    expect(calibrationFactorsOf("linear", "theta")).toBeUndefined();
    expect(calibrationFactorsOf("log", undefined)).toBeUndefined();
  });

  it("calibrationFactorAt takes the horizon's factor, the last one beyond, 1 before", () => {
    expect(calibrationFactorAt([1.2, 1.5], 1)).toBe(1.2);
    expect(calibrationFactorAt([1.2, 1.5], 2)).toBe(1.5);
    expect(calibrationFactorAt([1.2, 1.5], 12)).toBe(1.5);
    expect(calibrationFactorAt([1.2, 1.5], 0)).toBe(1);
    expect(calibrationFactorAt(undefined, 3)).toBe(1);
  });

  it("every factor is positive and finite, five horizons each", () => {
    for (const scale of ["log", "logit"] as const)
      for (const factors of Object.values(INTERVAL_CALIBRATION[scale])) {
        expect(factors).toHaveLength(5);
        for (const f of factors) expect(f > 0 && Number.isFinite(f)).toBe(true);
      }
  });

  it.skipIf(!hasShared)(
    "the generated module equals what npm run calibrate-intervals computes from the panels now (needs the shared county panel)",
    () => {
      const { module, tables } = runCalibration(shared);
      expect(readFileSync(join(root, calibrationPaths.module), "utf8")).toBe(module);
      // And every held-out coverage of the calibrated kinds is within 70–90%.
      const cells = tables
        .split("\n")
        .slice(2)
        .flatMap((line) => line.split("|").slice(4, 9))
        .map((c) => Number(c.trim()));
      // 2 levels × 2 scales × 4 kinds (naive, drift, theta, auto) × 5 horizons.
      expect(cells.length).toBe(2 * 2 * 4 * 5);
      for (const c of cells) expect(c >= 70 && c <= 90).toBe(true);
    },
    120_000,
  );
});
