import { describe, expect, it } from "vitest";
import { disparity } from "../../src/assessment/disparity.js";

describe("disparity", () => {
  it("disparity matches a NumPy computation of the weighted measures", () => {
    // Made-up per-capita GDP (yuan) and populations (10k); expected values from NumPy:
    //   y=np.array([51244.,42772.,20000.,65000.]); w=np.array([99.6,40.5,118.98,19.3]); p=w/w.sum()
    //   m=(p*y).sum(); y.std()/y.mean(); np.sqrt((p*(y-m)**2).sum())/m
    //   s=p*y/m; (s*np.log(y/m)).sum(); (p[:,None]*p[None,:]*abs(y[:,None]-y[None,:])).sum()/(2*m)
    const d = disparity([51244, 42772, 20000, 65000], [99.6, 40.5, 118.98, 19.3]);
    expect(d.n).toBe(4);
    expect(d.mean).toBeCloseTo(37611.42467131259, 8);
    expect(d.cv).toBeCloseTo(0.3652312863122816, 13);
    expect(d.weightedCv).toBeCloseTo(0.4245193749143038, 13);
    expect(d.theil).toBeCloseTo(0.0940502059440706, 13);
    expect(d.gini).toBeCloseTo(0.22688723306383335, 13);
    expect(d.maxMinRatio).toBe(3.25);
  });

  it("disparity of equal values is zero on every measure", () => {
    const d = disparity([5, 5, 5], [1, 2, 3]);
    expect([d.cv, d.weightedCv, d.theil, d.gini]).toEqual([0, 0, 0, 0]);
    expect(d.maxMinRatio).toBe(1);
  });

  it("disparity of two equally weighted values 1 and 3 has Gini 0.25 (the @example)", () => {
    // mean 2; Σ pᵢpⱼ|yᵢ−yⱼ| = 2 · ¼ · 2 = 1; 1 / (2·2) = 0.25
    expect(disparity([1, 3]).gini).toBe(0.25);
  });

  it("disparity rejects too few places, bad values and bad weights with clear messages", () => {
    expect(() => disparity([1])).toThrow("disparity: needs at least 2 places (got 1)");
    expect(() => disparity([1, 2, 0])).toThrow(
      "disparity: values must be positive finite numbers (got 0 at index 2)",
    );
    expect(() => disparity([1, 2, 3], [1, 2])).toThrow(
      "disparity: values and weights differ in length (3 values, 2 weights)",
    );
    expect(() => disparity([1, 2], [0, 0])).toThrow(
      "disparity: weights must be non-negative finite numbers, not all zero",
    );
  });

  it("disparity without weights matches R's ineq (Gini, Theil with parameter 0) and the population CV", () => {
    // R: library(ineq); Gini(1:4) = 0.25 (Σ(2i − n − 1)·x₍ᵢ₎ / (n²·mean) = (−3 −2 +3 +12)/(16·2.5));
    //    Theil(1:4, parameter = 0) = mean((x/μ)·log(x/μ)) = 0.1064401352862232;
    //    sd with divisor n: sqrt(mean((x − 2.5)²)) / 2.5 = sqrt(1.25)/2.5 = 0.4472135954999579
    const d = disparity([1, 2, 3, 4]);
    expect(d.gini).toBeCloseTo(0.25, 14);
    expect(d.theil).toBeCloseTo(0.10644013528622318, 14);
    expect(d.cv).toBeCloseTo(Math.sqrt(1.25) / 2.5, 14);
    expect(d.weightedCv).toBeCloseTo(d.cv, 14); // equal weights: Williamson's CV is the plain CV
  });

  it("disparity weighted by population equals the unweighted measures over every person", () => {
    // Weights are head counts: place a (25000 yuan, 4 people) and b (8333.3, 6 people) are the
    // same as ten people with those incomes. Computed on the ten-person list without weights.
    const people = [...Array(4).fill(25000), ...Array(6).fill(50000 / 6)];
    const persons = disparity(people);
    const places = disparity([25000, 50000 / 6], [4, 6]);
    expect(places.mean).toBeCloseTo(persons.mean, 9);
    expect(places.weightedCv).toBeCloseTo(persons.cv, 12);
    expect(places.theil).toBeCloseTo(persons.theil, 12);
    expect(places.gini).toBeCloseTo(persons.gini, 12);
  });

  it("disparity's Theil T equals Σ (Yᵢ/Y)·ln((Yᵢ/Y)/(Nᵢ/N)) from GDP and population totals", () => {
    // The grouped form of Theil's T (Theil 1967; e.g. Conceição & Galbraith 2000, eq. 1) with
    // GDP Y and population N of each place; per-capita values y = 1e4·Y/N.
    const gdp = [3802.2, 1200.5, 450.3];
    const pop = [576.6, 310.2, 98.4];
    const Y = gdp.reduce((a, b) => a + b);
    const N = pop.reduce((a, b) => a + b);
    const grouped = gdp.reduce(
      (t, g, i) => t + (g / Y) * Math.log(g / Y / ((pop[i] as number) / N)),
      0,
    );
    const d = disparity(
      gdp.map((g, i) => (1e4 * g) / (pop[i] as number)),
      pop,
    );
    expect(d.theil).toBeCloseTo(grouped, 13);
    // the weighted mean is the aggregate: 1e4 · ΣY / ΣN
    expect(d.mean).toBeCloseTo((1e4 * Y) / N, 8);
  });
});
