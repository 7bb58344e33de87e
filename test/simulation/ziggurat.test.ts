import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/internal/normalQuantile.js";
import { xoshiro128Seed } from "../../src/internal/xoshiro128.js";
import {
  fillNormals,
  normalSlowPath,
  zigguratTables,
} from "../../src/simulation/internal/ziggurat.js";

const N = 1 << 21;

function sample(seed: number): Float64Array {
  const out = new Float64Array(N);
  fillNormals(xoshiro128Seed(seed, 0, 0), zigguratTables(), out, N, normalSlowPath);
  return out;
}

describe("zigguratTables", () => {
  it("zigguratTables has 256 layers of equal area V = 4.92867323399e-3 (Marsaglia & Tsang 2000)", () => {
    const { x } = zigguratTables();
    const f = (v: number): number => Math.exp(-0.5 * v * v);
    // Layer i (1 … 255) is the rectangle of width x[i] between heights f(x[i]) and f(x[i + 1]).
    for (const i of [1, 2, 100, 200, 254])
      expect(x[i]! * (f(x[i + 1]!) - f(x[i]!))).toBeCloseTo(4.92867323399e-3, 9);
    // The top layer: width x[255], from f(x[255]) to f(0) = 1.
    expect(x[255]! * (1 - f(x[255]!))).toBeCloseTo(4.92867323399e-3, 8);
  });
});

describe("fillNormals", () => {
  const z = sample(20240601);

  it("fillNormals has the moments of N(0, 1) within 4 standard errors", () => {
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const v of z) {
      const v2 = v * v;
      m1 += v;
      m2 += v2;
      m3 += v2 * v;
      m4 += v2 * v2;
    }
    // Standard errors of the sample moments of N(0,1): √(1/N), √(2/N), √(15/N), √(96/N).
    expect(Math.abs(m1 / N)).toBeLessThan(4 * Math.sqrt(1 / N));
    expect(Math.abs(m2 / N - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / N)).toBeLessThan(4 * Math.sqrt(15 / N));
    expect(Math.abs(m4 / N - 3)).toBeLessThan(4 * Math.sqrt(96 / N));
  });

  it("fillNormals passes a Kolmogorov–Smirnov check against Φ on a grid of 2000 quantiles", () => {
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    let k = 0;
    for (let j = 1; j < 2000; j++) {
      const p = j / 2000;
      const q = normalQuantile(p); // AS 241, accurate to 1e-16
      while (k < N && sorted[k]! <= q) k++;
      d = Math.max(d, Math.abs(k / N - p));
    }
    // 1.95/√N is the 0.1% critical value of the KS statistic (Kolmogorov distribution); a grid
    // statistic is at most the full one.
    expect(d * Math.sqrt(N)).toBeLessThan(1.95);
  });

  it("fillNormals puts 2·Φ(−R) of its draws in the tails beyond R = 3.6541528853610088", () => {
    let tail = 0;
    for (const v of z) if (Math.abs(v) > 3.6541528853610088) tail++;
    // 2·Φ(−R) = 2.5803248765390077e-4 (scipy.stats.norm.sf(R) * 2); binomial standard error.
    const p = 2.5803248765390077e-4;
    expect(Math.abs(tail / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    // and beyond 4.5 (2·Φ(−4.5) = 6.795e-6, scipy): the tail algorithm reaches far out
    let far = 0;
    for (const v of z) if (Math.abs(v) > 4.5) far++;
    expect(far).toBeGreaterThan(0);
    expect(far / N).toBeLessThan(6.795e-6 + 4 * Math.sqrt(6.795e-6 / N));
  });

  it("fillNormals continues the same stream across calls", () => {
    const state = xoshiro128Seed(5, 0, 0);
    const tables = zigguratTables();
    const whole = new Float64Array(1000);
    fillNormals(state, tables, whole, 1000, normalSlowPath);
    const again = xoshiro128Seed(5, 0, 0);
    const a = new Float64Array(1000);
    fillNormals(again, tables, a, 1000, normalSlowPath);
    expect(Array.from(a)).toEqual(Array.from(whole));
    const b = new Float64Array(10);
    fillNormals(again, tables, b, 10, normalSlowPath);
    expect(Array.from(b)).not.toEqual(Array.from(whole.subarray(0, 10)));
  });

  it("fillNormals with four lanes: lane j draws out[j], out[j + 4], … as a one-lane run of its own generator would", () => {
    const tables = zigguratTables();
    const count = 4003; // lanes 0–2 draw 1001 normals, lane 3 draws 1000
    const state = xoshiro128Seed(9, 2, 5, 4);
    const lanes = Int32Array.from(state);
    const out = new Float64Array(count);
    fillNormals(state, tables, out, count, normalSlowPath, 4);
    for (let j = 0; j < 4; j++) {
      const own = Int32Array.from([0, 1, 2, 3].map((w) => lanes[4 * w + j]!));
      const n = Math.ceil((count - j) / 4);
      const alone = new Float64Array(n);
      fillNormals(own, tables, alone, n, normalSlowPath);
      expect(Array.from({ length: n }, (_, q) => out[j + 4 * q]!)).toEqual(Array.from(alone));
      // and the lane's generator ends where the one-lane run's does
      expect([0, 1, 2, 3].map((w) => state[4 * w + j]!)).toEqual(Array.from(own));
    }
  });
});
