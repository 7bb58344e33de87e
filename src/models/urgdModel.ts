import * as z from "zod";
import { withinSegmentSteps } from "./internal/withinSegmentSteps.js";
import { inverseLogit } from "./modelScale.js";
import type { FittedOf, ModelDefinition } from "./types.js";

/**
 * Spec of the UN urban–rural growth difference method:
 * `{ kind: "urgd", convergenceYears?: number, norm?: { intercept, slope, quadratic? } }`.
 * - `convergenceYears`: years over which the observed URGD moves linearly to the norm (default 25).
 * - `norm`: the hypothetical URGD (a fraction per year) as a function of the proportion urban p in
 *   (0, 1), `intercept + slope · p + quadratic · p²` (`quadratic` defaults to 0); default
 *   `{ intercept: 0.0275, slope: 0, quadratic: 0 }`, an unverified constant (see {@link urgdModel}).
 *   A norm published for the percentage urban PU with the URGD in per cent,
 *   `a + b·PU + c·PU²`, is `{ intercept: a / 100, slope: b, quadratic: 100 · c }` here.
 */
export const UrgdSpecSchema = z.object({
  kind: z.literal("urgd"),
  convergenceYears: z.number().positive().max(200).optional(),
  norm: z
    .object({
      intercept: z.number().gt(-1).lt(1),
      slope: z.number().gt(-1).lt(1),
      quadratic: z.number().gt(-1).lt(1).optional(),
    })
    .optional(),
});
/** A spec of the `urgd` model, as {@link UrgdSpecSchema} validates it. */
export type UrgdSpec = z.infer<typeof UrgdSpecSchema>;
/** Parameters of a fitted `urgd` model (see {@link urgdModel}). */
export type UrgdParams = {
  /** Observed URGD: the yearly change of the logit over the last interval. */
  readonly urgd: number;
  /** Intercept of the norm, the hypothetical URGD as a function of the proportion urban p. */
  readonly normIntercept: number;
  /** Slope of the norm in p. */
  readonly normSlope: number;
  /** Quadratic term of the norm in p; absent from fits serialised before it existed (read as 0). */
  readonly normQuadratic?: number;
  /** Years over which the URGD moves to the norm. */
  readonly convergenceYears: number;
};
/** A fitted `urgd` model. */
export type UrgdFitted = FittedOf<"urgd", UrgdParams>;

// The default hypothetical URGD, per year, whatever the level of urbanization. Its origin could
// not be traced to a UN document (see the caveat on urgdModel and docs/models.md).
const URGD_DEFAULT_NORM = { intercept: 0.0275, slope: 0, quadratic: 0 } as const;
// WUP: the observed URGD converges to the hypothetical one over 25 years (see urgdModel).
const DEFAULT_CONVERGENCE_YEARS = 25;

/**
 * The urban–rural growth difference (URGD) method of the UN Population Division: with p the
 * proportion urban, ln(U/R) = logit(p), so the URGD r_U − r_R is the yearly change of logit(p).
 * The URGD observed over the last interval converges linearly, over `convergenceYears` (25 in
 * WUP), to a hypothetical URGD (the "norm") that depends on the level of urbanization; the
 * proportion urban then follows logit(p_t) = logit(p_{t−1}) + URGD_t.
 *
 * - Always on the logit scale with the indicator's bounds (default [0, 100]); p is the position
 *   inside the bounds, (x − lo)/(hi − lo).
 * - URGD_h = (1 − λ_h)·URGD_obs + λ_h·norm(p_{T+h−1}), λ_h = min(1, h / convergenceYears),
 *   norm(p) = intercept + slope·p + quadratic·p².
 * - minPoints 2 (one interval); fallback `naive`. No interval: the UN method is deterministic.
 * - Breaks: the last interval that does not cross a break is used; with none, the projection
 *   starts at the norm (stated in `notes`).
 * - params: `urgd` (observed, per year), `normIntercept`, `normSlope`, `normQuadratic`,
 *   `convergenceYears`.
 *
 * Sources and what is assumed (details and what to check: docs/models.md, "urgd"):
 * - Checked: the logit identity and the constant-URGD extrapolation, as National Research Council
 *   (2003), *Cities Transformed*, Appendix D "United Nations Estimates and Projections",
 *   pp. 495–496, restates them from United Nations (1974, p. 29; by its year UN Manual VIII,
 *   *Methods for Projections of Urban and Rural Population*); NRC dates the refinements to United
 *   Nations (1980, pp. 10–11; by its year *Patterns of Urban and Rural Population Growth*,
 *   ST/ESA/SER.A/68). Neither UN document itself was reachable.
 * - Not checked: the hypothetical URGD's formula and coefficients in *World Urbanization
 *   Prospects: The 2018 Revision, Methodology* (ESA/P/WP/252). None of the copies reachable while
 *   writing this showed them; Bocquier (2005, *Demographic Research* 12(9), 197–236) only says
 *   that the UN model relates the URGD linearly to the percentage urban. The 25 years are WUP's
 *   convergence period as the methodology is commonly summarised, also unchecked here.
 * - So the default norm is the constant 0.0275 a year (slope 0), whose origin could not be traced
 *   to a UN document. Pass the WUP coefficients as `norm` once checked against the report.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "urgd", norm: { intercept: 0.03, slope: 0 } },
 *   { years: [2020, 2021], values: [50, 51] },
 * );
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 100) / 100); // [51.99]
 */
export const urgdModel: ModelDefinition<UrgdSpec, UrgdFitted> = {
  kind: "urgd",
  schema: UrgdSpecSchema,
  description:
    "UN urban–rural growth difference converging to a hypothetical URGD (default norm unverified).",
  fixedScale: "logit",
  minPoints: () => 2,
  fallback: () => ({ kind: "naive" }),
  fit: (spec, series) => {
    const norm = {
      intercept: spec.norm?.intercept ?? URGD_DEFAULT_NORM.intercept,
      slope: spec.norm?.slope ?? URGD_DEFAULT_NORM.slope,
      quadratic: spec.norm?.quadratic ?? URGD_DEFAULT_NORM.quadratic,
    };
    const convergenceYears = spec.convergenceYears ?? DEFAULT_CONVERGENCE_YEARS;
    const steps = withinSegmentSteps(series.years, series.y, series.breaks);
    const last = steps[steps.length - 1];
    const notes: string[] = [];
    if (spec.norm === undefined)
      notes.push(
        "default norm: a constant 0.0275 a year, not checked against the WUP methodology (pass norm to override)",
      );
    let urgd: number;
    if (last === undefined) {
      const lastY = series.y[series.y.length - 1] as number;
      urgd = normAt(norm.intercept, norm.slope, norm.quadratic, inverseLogit(lastY));
      notes.push("no interval inside one segment: the URGD starts at the norm");
    } else {
      urgd = last.dy / last.dt;
      const from = series.years[last.index - 1] as number;
      const to = series.years[last.index] as number;
      notes.push(`observed URGD ${urgd.toPrecision(4)} a year from ${from}–${to}`);
      if (last.index !== series.years.length - 1)
        notes.push(`the last interval crosses a break; ${from}–${to} used instead`);
    }
    return {
      params: {
        urgd,
        normIntercept: norm.intercept,
        normSlope: norm.slope,
        normQuadratic: norm.quadratic,
        convergenceYears,
      },
      notes,
    };
  },
  forecast: (fitted, lastY, horizon) => {
    const { urgd, convergenceYears, normIntercept: intercept, normSlope: slope } = fitted.params;
    // Fitted models serialised before the quadratic term existed have no normQuadratic.
    const quadratic = fitted.params.normQuadratic ?? 0;
    const mean: number[] = [];
    let y = lastY;
    for (let h = 1; h <= horizon; h++) {
      const weight = Math.min(1, h / convergenceYears);
      y += (1 - weight) * urgd + weight * normAt(intercept, slope, quadratic, inverseLogit(y));
      mean.push(y);
    }
    return { mean };
  },
};

function normAt(intercept: number, slope: number, quadratic: number, p: number): number {
  return intercept + (slope + quadratic * p) * p;
}
