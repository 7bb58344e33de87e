// Ordinary least squares for the analyses (β-convergence, the trend of a dispersion measure),
// fitted by ml-regression's MultivariateLinearRegression behind a small adapter: the callers see
// plain numbers, no ml-regression type. ml-regression is loaded on the first fit, with a
// synchronous `require` in Node (the analyses are synchronous), as formulaParser loads mathjs;
// elsewhere `preloadDependencies(["regressions"])` loads it first.
import { fsum } from "../../internal/fsum.js";
import { requireLazyModule } from "../../internal/lazyModule.js";
import { studentTCdf } from "../../internal/studentTCdf.js";

/** The part of ml-regression's MultivariateLinearRegression the adapter reads. */
interface MlrModel {
  /** One row per regressor, the intercept last; one column per output. */
  readonly weights: number[][];
  /** Standard errors in the order of `weights` (with `statistics`, the default). */
  readonly stdErrors: number[];
  /** σ̂² (XᵀX)⁻¹, in the order of `weights`. */
  readonly stdErrorMatrix: { get(row: number, column: number): number };
}

type MlrConstructor = new (
  x: number[][],
  y: number[][],
  options?: { intercept?: boolean; statistics?: boolean },
) => MlrModel;

let mlr: MlrConstructor | undefined;

/** ml-regression's MultivariateLinearRegression, loaded once, on the first fit. */
function multivariateLinearRegression(): MlrConstructor {
  mlr ??= (
    requireLazyModule("ml-regression", "MultivariateLinearRegression", "regionsim") as {
      MultivariateLinearRegression: MlrConstructor;
    }
  ).MultivariateLinearRegression;
  return mlr;
}

/** One coefficient of a fit. */
export interface OlsCoefficient {
  readonly estimate: number;
  /** √(σ̂² (XᵀX)⁻¹ⱼⱼ), σ̂² = RSS / (n − p); null without residual degrees of freedom. */
  readonly standardError: number | null;
  /** estimate / standardError; null when the standard error is null or 0. */
  readonly t: number | null;
  /** Two-sided p-value of t under Student's t with n − p degrees of freedom; null with t. */
  readonly pValue: number | null;
}

/** An ordinary least-squares fit with an intercept. */
export interface OlsFit {
  /** The intercept, then one coefficient per column of x, in order. */
  readonly coefficients: readonly OlsCoefficient[];
  readonly n: number;
  /** Residual degrees of freedom, n − p (p = columns of x + 1). */
  readonly residualDf: number;
  /** 1 − RSS / TSS (null when y does not vary). */
  readonly rSquared: number | null;
  /** 1 − (1 − R²)(n − 1)/(n − p) (null without residual degrees of freedom). */
  readonly adjustedRSquared: number | null;
}

/**
 * Whether the columns of x, with an intercept, are linearly independent: Gram–Schmidt on the
 * centred columns (the intercept's span removed), each scaled to unit length first; a column
 * whose remainder is below 1e-9 of its length lies (within rounding) in the span of the others.
 */
export function fullRank(x: readonly (readonly number[])[]): boolean {
  const n = x.length;
  const p = x[0]?.length ?? 0;
  const basis: number[][] = [];
  for (let j = 0; j < p; j++) {
    const column = x.map((row) => row[j] as number);
    const mean = fsum(column) / n;
    let v = column.map((c) => c - mean);
    const norm0 = Math.sqrt(fsum(v.map((c) => c * c)));
    if (!(norm0 > 0)) return false;
    v = v.map((c) => c / norm0);
    for (const b of basis) {
      const dot = fsum(v.map((c, i) => c * (b[i] as number)));
      v = v.map((c, i) => c - dot * (b[i] as number));
    }
    const norm = Math.sqrt(fsum(v.map((c) => c * c)));
    if (!(norm > 1e-9)) return false;
    basis.push(v.map((c) => c / norm));
  }
  return true;
}

/**
 * Fits y = b₀ + Σ bⱼ xⱼ + ε by ordinary least squares (ml-regression's
 * MultivariateLinearRegression: the normal equations solved through an SVD; its standard errors
 * from σ̂² (XᵀX)⁻¹), with R², adjusted R² and two-sided p-values. The columns of x are centred
 * before the fit and the intercept recovered after it (b₀ = ȳ − Σ bⱼ x̄ⱼ, its variance
 * σ̂²/n + x̄ᵀ Cov(b) x̄): ln GDP per capita is about 9 with a spread of 1, and centring keeps the
 * normal equations well conditioned (β and its SE within 2e-16 of NumPy's lstsq on Qujing's
 * data, relative; 7e-14 without: docs/dependencies.md). The caller has checked that the rows
 * are finite, that there are more rows than coefficients and that the columns are independent
 * ({@link fullRank}).
 */
export function olsFit(x: readonly (readonly number[])[], y: readonly number[]): OlsFit {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  const p = k + 1;
  const means = Array.from({ length: k }, (_, j) => fsum(x.map((row) => row[j] as number)) / n);
  const Mlr = multivariateLinearRegression();
  const model = new Mlr(
    x.map((row) => row.map((v, j) => v - (means[j] as number))),
    y.map((v) => [v]),
    { intercept: true, statistics: true },
  );
  const residualDf = n - p;
  // ml-regression puts the intercept last (row k); the slopes are rows 0 … k − 1.
  const slopes = Array.from({ length: k }, (_, j) => model.weights[j]?.[0] as number);
  const centredIntercept = model.weights[k]?.[0] as number;
  const intercept = centredIntercept - fsum(slopes.map((b, j) => b * (means[j] as number)));
  const interceptVariance =
    model.stdErrorMatrix.get(k, k) +
    fsum(means.flatMap((mi, i) => means.map((mj, j) => mi * mj * model.stdErrorMatrix.get(i, j)))) -
    2 * fsum(means.map((mj, j) => mj * model.stdErrorMatrix.get(k, j)));
  const estimates = [intercept, ...slopes];
  const fitted = x.map((row) => fsum([intercept, ...row.map((v, j) => (slopes[j] as number) * v)]));
  const rss = fsum(y.map((v, i) => (v - (fitted[i] as number)) ** 2));
  const mean = fsum(y) / n;
  const tss = fsum(y.map((v) => (v - mean) ** 2));
  const rSquared = tss > 0 ? 1 - rss / tss : null;
  const errors = [Math.sqrt(interceptVariance), ...slopes.map((_, j) => model.stdErrors[j])];
  const coefficients = estimates.map((estimate, i): OlsCoefficient => {
    const se = errors[i];
    const standardError =
      residualDf > 0 && se !== undefined && Number.isFinite(se) && se >= 0 ? se : null;
    const t = standardError === null || standardError === 0 ? null : estimate / standardError;
    const pValue = t === null ? null : 2 * studentTCdf(-Math.abs(t), residualDf);
    return { estimate, standardError, t, pValue };
  });
  return {
    coefficients,
    n,
    residualDf,
    rSquared,
    adjustedRSquared:
      rSquared === null || residualDf <= 0 ? null : 1 - ((1 - rSquared) * (n - 1)) / residualDf,
  };
}
