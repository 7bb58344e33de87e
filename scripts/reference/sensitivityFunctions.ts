// Test functions of global sensitivity analysis with their analytic indices, for the tests of
// sobolIndices and morrisScreening and for scripts/sensitivity-validation.ts.
import type {
  ParameterValues,
  SensitivityParameter,
} from "../../src/analysis/sensitivityParameter.js";

/**
 * The Ishigami function (Ishigami & Homma 1990, "An importance quantification technique in
 * uncertainty analysis for computer models", ISUMA '90), f = sin x1 + a sin² x2 + b x3⁴ sin x1,
 * with X ~ U(−π, π)³.
 */
export function ishigami(a = 7, b = 0.1) {
  const parameters: SensitivityParameter[] = ["x1", "x2", "x3"].map((name) => ({
    name,
    min: -Math.PI,
    max: Math.PI,
  }));
  const fn = ({ x1, x2, x3 }: ParameterValues): number =>
    Math.sin(x1!) + a * Math.sin(x2!) ** 2 + b * x3! ** 4 * Math.sin(x1!);
  // Analytic variances (Sobol' & Levitan 1999, "On the use of variance reducing multipliers in
  // Monte Carlo computations of a global sensitivity index", Comput. Phys. Commun. 117(1);
  // Saltelli et al. 2008, *Global Sensitivity Analysis: The Primer*, §4.8):
  //   V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,  V1 = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V3 = 0,
  //   V13 = b²π⁸/18 − b²π⁸/50 = 8b²π⁸/225, every other term 0.
  const pi = Math.PI;
  const v = a ** 2 / 8 + (b * pi ** 4) / 5 + (b ** 2 * pi ** 8) / 18 + 1 / 2;
  const v1 = (1 + (b * pi ** 4) / 5) ** 2 / 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi ** 8) / 225;
  return {
    fn,
    parameters,
    s1: [v1 / v, v2 / v, 0],
    st: [(v1 + v13) / v, v2 / v, v13 / v],
  };
}

/**
 * Sobol's g-function (Saltelli & Sobol' 1995, "About the use of rank transformation in
 * sensitivity analysis of model output", Reliab. Eng. Syst. Saf. 50(3)),
 * g = Π (|4 x_i − 2| + a_i) / (1 + a_i), X ~ U(0, 1)^k. Each factor has mean 1 and variance
 * V_i = 1 / (3 (1 + a_i)²), so V = Π (1 + V_i) − 1, S1_i = V_i / V and
 * ST_i = V_i Π_{j≠i} (1 + V_j) / V.
 */
export function gFunction(a: readonly number[] = [0, 1, 4.5, 9, 99, 99, 99, 99]) {
  const names = a.map((_, i) => `x${i + 1}`);
  const parameters: SensitivityParameter[] = names.map((name) => ({ name, min: 0, max: 1 }));
  const fn = (x: ParameterValues): number =>
    names.reduce((p, name, i) => (p * (Math.abs(4 * x[name]! - 2) + a[i]!)) / (1 + a[i]!), 1);
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = vi.reduce((p, w) => p * (1 + w), 1) - 1;
  return {
    fn,
    parameters,
    s1: vi.map((w) => w / v),
    st: vi.map((w, i) => (w * vi.reduce((p, u, j) => (j === i ? p : p * (1 + u)), 1)) / v),
  };
}
