import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
} from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { fullRank, olsFit } from "./internal/olsFit.js";

/** One place of a {@link betaConvergence} regression. */
export interface BetaPlace {
  readonly place: string;
  /** The per-capita value at the start of the window, y₀ (> 0). */
  readonly initial: number;
  /** The per-capita value at its end, y_T (> 0). */
  readonly final: number;
  /** Control variables of a conditional regression, by name (e.g. the initial investment share). */
  readonly controls?: Readonly<Record<string, number>>;
}

/** An estimated regression coefficient. */
export interface RegressionCoefficient {
  readonly estimate: number;
  /** Its standard error, √(σ̂² (XᵀX)⁻¹ⱼⱼ) with σ̂² = RSS / (n − p); null if it cannot be computed. */
  readonly standardError: number | null;
  /** estimate / standardError; null when the standard error is null or 0. */
  readonly t: number | null;
  /** Two-sided p-value under Student's t with n − p degrees of freedom; null with t. */
  readonly pValue: number | null;
}

/** The result of {@link betaConvergence}. */
export interface BetaConvergence {
  /** Places in the regression (with 7–9 places, inference is weak: read `n` and `residualDf`). */
  readonly n: number;
  readonly places: readonly string[];
  /** Length of the window in years, T. */
  readonly years: number;
  /** Names of the control variables, in the order of `controlCoefficients` (none: unconditional). */
  readonly controls: readonly string[];
  /** The intercept α. */
  readonly alpha: RegressionCoefficient;
  /** The coefficient β of ln y₀: negative means poorer places grew faster (β-convergence). */
  readonly beta: RegressionCoefficient;
  readonly controlCoefficients: readonly (RegressionCoefficient & { readonly control: string })[];
  /** R² of the regression; null when growth does not vary across places. */
  readonly rSquared: number | null;
  readonly adjustedRSquared: number | null;
  /** n − p, p = 2 + the number of controls. */
  readonly residualDf: number;
  /**
   * Implied speed of convergence λ = −ln(1 + βT)/T per year; null when 1 + βT ≤ 0 (β below −1/T,
   * an overshoot no constant speed gives). Negative for divergence.
   */
  readonly speed: number | null;
  /** Half-life of the gaps, ln 2 / λ, in years; null unless λ > 0. */
  readonly halfLife: number | null;
  /** β < 0. */
  readonly converging: boolean;
}

const FN = "betaConvergence";

/**
 * β-convergence across places: the average growth rate of a per-capita indicator over a window
 * of T years regressed on its initial log level,
 * (1/T) ln(y_iT / y_i0) = α + β ln y_i0 [+ γ′ x_i] + ε_i,
 * by ordinary least squares (ml-regression's MultivariateLinearRegression), unconditional or
 * conditional on control variables x_i (e.g. the initial investment share); with the implied
 * speed of convergence λ = −ln(1 + βT)/T and the half-life ln 2/λ. A common deflator (one price
 * index for all places) changes α only, so nominal values give the β of real ones.
 *
 * Methods: R. J. Barro and X. Sala-i-Martin (1992), "Convergence", Journal of Political Economy
 * 100(2): 223–251 — the regression (their eq. 11, β = −(1 − e^{−λT})/T) and λ; conditional
 * convergence with controls: N. G. Mankiw, D. Romer and D. N. Weil (1992), "A contribution to
 * the empirics of economic growth", Quarterly Journal of Economics 107(2): 407–437.
 *
 * @param places - one entry per place: initial and final value (> 0), and the same controls for
 *   every place (or none).
 * @param years - the window's length T (> 0).
 * @throws {ArgumentTypeError} `betaConvergence: places[0].initial must be a positive finite number
 *   (got the string "3")`, `betaConvergence: places[1].controls must be an object (got 2)`.
 * @throws {ArgumentRangeError} `betaConvergence: needs at least 3 places for 2 coefficients
 *   (got 2)`; `betaConvergence: places[2].place "qilin" is given twice`;
 *   `betaConvergence: places[1].controls must name the controls of places[0] (share)`;
 *   `betaConvergence: the regressors are collinear (ln y₀ and the controls must vary
 *   independently across places)`.
 * @example
 * // Four places whose gaps halve in 10 years: y_T = y_0^(1/2) (times a common factor).
 * const places = [1, 4, 9, 16].map((y0, i) => ({ place: `p${i}`, initial: y0, final: 2 * Math.sqrt(y0) }));
 * const b = betaConvergence(places, 10);
 * b.beta.estimate.toFixed(4); // "-0.0500"
 * b.halfLife.toFixed(1); // "10.0"
 */
export function betaConvergence(places: readonly BetaPlace[], years: number): BetaConvergence {
  const T = checkNumber(FN, "years", years, { positive: true });
  const seen = new Set<string>();
  let names: string[] | undefined;
  const checked = checkArrayOf(FN, "places", places, (at, p) => {
    const o = checkOptions(FN, at, checkObject(FN, at, p, "a place { place, initial, final }"), [
      "place",
      "initial",
      "final",
      "controls",
    ]);
    const place = checkString(FN, `${at}.place`, o.place, { nonEmpty: true });
    if (seen.has(place))
      throw new ArgumentRangeError(`${FN}: ${at}.place "${place}" is given twice`, {
        code: "out-of-range",
        path: `${at}.place`,
      });
    seen.add(place);
    const initial = checkNumber(FN, `${at}.initial`, o.initial, { positive: true });
    const final = checkNumber(FN, `${at}.final`, o.final, { positive: true });
    const c =
      o.controls === undefined ? {} : checkObject(FN, `${at}.controls`, o.controls, "an object");
    const keys = Object.keys(c).sort();
    names ??= keys;
    if (keys.join("\u0000") !== names.join("\u0000"))
      throw new ArgumentRangeError(
        `${FN}: ${at}.controls must name the controls of places[0] (${names.join(", ") || "none"})`,
        { code: "out-of-range", path: `${at}.controls` },
      );
    const controls = keys.map((k) => checkNumber(FN, `${at}.controls.${k}`, c[k]));
    return { place, initial, final, controls };
  });
  const controlNames = names ?? [];
  const p = 2 + controlNames.length;
  if (checked.length < p + 1)
    throw new ArgumentRangeError(
      `${FN}: needs at least ${p + 1} places for ${p} coefficients (got ${checked.length})`,
      { code: "out-of-range", path: "places" },
    );
  const x = checked.map((q) => [Math.log(q.initial), ...q.controls]);
  if (!fullRank(x))
    throw new ArgumentRangeError(
      `${FN}: the regressors are collinear (ln y₀ and the controls must vary independently across places)`,
      { code: "out-of-range", path: "places" },
    );
  const growth = checked.map((q) => Math.log(q.final / q.initial) / T);
  const fit = olsFit(x, growth);
  const [alpha, beta, ...rest] = fit.coefficients as [
    RegressionCoefficient,
    RegressionCoefficient,
    ...RegressionCoefficient[],
  ];
  const b = beta.estimate;
  const speed = 1 + b * T > 0 ? -Math.log1p(b * T) / T : null;
  return {
    n: checked.length,
    places: checked.map((q) => q.place),
    years: T,
    controls: controlNames,
    alpha,
    beta,
    controlCoefficients: rest.map((coefficient, i) => ({
      control: controlNames[i] as string,
      ...coefficient,
    })),
    rSquared: fit.rSquared,
    adjustedRSquared: fit.adjustedRSquared,
    residualDf: fit.residualDf,
    speed,
    halfLife: speed !== null && speed > 0 ? Math.LN2 / speed : null,
    converging: b < 0,
  };
}
