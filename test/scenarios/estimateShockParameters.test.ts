import { describe, expect, it } from "vitest";
import { estimateShockParameters } from "../../src/scenarios/estimateShockParameters.js";

// Made-up series; expected values from NumPy:
//   def dev(v): d = np.diff(np.log(v)); return d - d.mean()
//   E = [dev(A), dev(B), dev(C)]; ss = Σ (e**2).sum(); phi = Σ (e[1:]*e[:-1]).sum() / ss
//   sigma = sqrt(ss / Σ (len(e) - 1)) * sqrt(1 - phi**2); rho = np.corrcoef(dev(A), dev(B))[0, 1]
const A = [100, 104, 109, 111, 118, 121, 127, 130];
const B = [50, 53, 54, 57, 61, 62, 66, 70];
const C = [80, 81, 85, 86, 91, 95, 96, 101];
const years = A.map((_, k) => 2011 + k);

describe("estimateShockParameters", () => {
  it("estimateShockParameters matches NumPy's pooled AR(1) and pairwise correlation", () => {
    const s = estimateShockParameters([
      { id: "a", group: "g1", years, values: A },
      { id: "b", group: "g1", years, values: B },
      { id: "c", group: "g2", years, values: C },
    ]);
    expect(s.phi).toBeCloseTo(-0.5908715695533777, 12);
    expect(s.sigma).toBeCloseTo(0.01569447639862308, 12);
    expect(s.rho).toBeCloseTo(0.24251968405075752, 12); // only a–b share a group
    expect(s.pairs).toBe(1);
    expect(s.steps).toBe(21);
    expect(s.perSeries[0]?.sigma).toBeCloseTo(0.012746480783093667, 12);
  });

  it("estimateShockParameters with combine median takes medians of each series' own estimates", () => {
    // NumPy: phis = [(e[1:]*e[:-1]).sum()/(e**2).sum() for e in E]; sds = [sqrt((e**2).sum()/(len(e)-1))]
    //        phi = median(phis) = -0.5919034905592686; sigma = median(sds)·sqrt(1 − phi²) = 0.01672780331542703
    const s = estimateShockParameters(
      [
        { id: "a", group: "g1", years, values: A },
        { id: "b", group: "g1", years, values: B },
        { id: "c", group: "g2", years, values: C },
      ],
      { combine: "median" },
    );
    expect(s.phi).toBeCloseTo(-0.5919034905592686, 12);
    expect(s.sigma).toBeCloseTo(0.01672780331542703, 12);
    expect(s.rho).toBeCloseTo(0.24251968405075752, 12); // one pair: its own correlation
  });

  it("estimateShockParameters never uses the step across a series break", () => {
    const jumped = A.map((v, k) => ((years[k] as number) >= 2015 ? v * 1.3 : v));
    const plain = estimateShockParameters([{ id: "a", years, values: A, breaks: [2015] }]);
    const withJump = estimateShockParameters([{ id: "a", years, values: jumped, breaks: [2015] }]);
    expect(withJump.sigma).toBeCloseTo(plain.sigma, 12);
    expect(withJump.steps).toBe(6);
  });

  it("estimateShockParameters finds no shocks in constant growth (the @example)", () => {
    const s = estimateShockParameters([
      { id: "a", years: [1, 2, 3, 4, 5, 6], values: [100, 110, 121, 133.1, 146.41, 161.051] },
    ]);
    expect(s.sigma).toBeLessThan(1e-12);
    expect(s.rho).toBeNull();
  });

  it("estimateShockParameters says so when no series is long enough", () => {
    expect(() =>
      estimateShockParameters([{ id: "a", years: [1, 2, 3], values: [1, 2, 3] }]),
    ).toThrow("estimateShockParameters: no series has at least 4 steps");
  });
});
