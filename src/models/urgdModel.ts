import { z } from "zod";
import { withinSegmentSteps } from "../internal/withinSegmentSteps.js";
import type { ModelDefinition } from "./types.js";

/**
 * Spec of the UN urban–rural growth difference method:
 * `{ kind: "urgd", convergenceYears?: number, norm?: { intercept, slope } }`.
 * - `convergenceYears`: years over which the observed URGD moves linearly to the norm (default 25).
 * - `norm`: the hypothetical URGD (per year) as a function of the proportion urban p in (0, 1),
 *   `intercept + slope · p`; default `{ intercept: 0.0275, slope: 0 }` (see {@link urgdModel}).
 */
export const UrgdSpecSchema = z.object({
  kind: z.literal("urgd"),
  convergenceYears: z.number().positive().max(200).optional(),
  norm: z.object({ intercept: z.number().gt(-1).lt(1), slope: z.number().gt(-1).lt(1) }).optional(),
});
/** A spec of the `urgd` model, as {@link UrgdSpecSchema} validates it. */
export type UrgdSpec = z.infer<typeof UrgdSpecSchema>;

// The default world norm of the hypothetical URGD, per year (see docs/models.md on its source).
const URGD_DEFAULT_NORM = { intercept: 0.0275, slope: 0 } as const;
const DEFAULT_CONVERGENCE_YEARS = 25;

/**
 * The urban–rural growth difference (URGD) method of the UN Population Division's World
 * Urbanization Prospects (WUP 2018 Methodology, ESA/P/WP/252; UN Manual VIII, 1974): with p the
 * proportion urban, ln(U/R) = logit(p), so the URGD r_U − r_R is the yearly change of logit(p).
 * The URGD observed over the last interval converges linearly, over `convergenceYears` (25 in
 * WUP), to a hypothetical URGD given by a world norm as a function of the level of urbanization;
 * the proportion urban then follows logit(p_t) = logit(p_{t−1}) + URGD_t.
 *
 * - Always on the logit scale with the indicator's bounds (default [0, 100]); p is the position
 *   inside the bounds, (x − lo)/(hi − lo).
 * - URGD_h = (1 − λ_h)·URGD_obs + λ_h·norm(p_{T+h−1}), λ_h = min(1, h / convergenceYears).
 * - minPoints 2 (one interval); fallback `naive`. No interval: the UN method is deterministic.
 * - Breaks: the last interval that does not cross a break is used; with none, the projection
 *   starts at the norm (stated in `notes`).
 * - params: `urgd` (observed, per year), `normIntercept`, `normSlope`, `convergenceYears`.
 * - The default norm is 0.0275 a year whatever the level; the WUP norm is a regression on the
 *   level of urbanization that could not be checked here — pass it as `norm` (docs/models.md).
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "urgd", norm: { intercept: 0.03, slope: 0 } },
 *   { years: [2020, 2021], values: [50, 51] },
 * );
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 100) / 100); // [51.99]
 */
export const urgdModel: ModelDefinition<UrgdSpec> = {
  kind: "urgd",
  schema: UrgdSpecSchema,
  description: "UN WUP urban–rural growth difference converging to the world norm.",
  fixedScale: "logit",
  minPoints: () => 2,
  fallback: () => ({ kind: "naive" }),
  fit: (spec, series) => {
    const norm = spec.norm ?? URGD_DEFAULT_NORM;
    const convergenceYears = spec.convergenceYears ?? DEFAULT_CONVERGENCE_YEARS;
    const steps = withinSegmentSteps(series.years, series.y, series.breaks);
    const last = steps[steps.length - 1];
    const notes: string[] = [];
    let urgd: number;
    if (last === undefined) {
      const lastY = series.y[series.y.length - 1] as number;
      urgd = norm.intercept + norm.slope * sigmoid(lastY);
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
      params: { urgd, normIntercept: norm.intercept, normSlope: norm.slope, convergenceYears },
      notes,
    };
  },
  forecast: (fitted, lastY, horizon) => {
    const { urgd, normIntercept, normSlope, convergenceYears } = fitted.params as Record<
      string,
      number
    >;
    const mean: number[] = [];
    let y = lastY;
    for (let h = 1; h <= horizon; h++) {
      const weight = Math.min(1, h / (convergenceYears as number));
      const norm = (normIntercept as number) + (normSlope as number) * sigmoid(y);
      y += (1 - weight) * (urgd as number) + weight * norm;
      mean.push(y);
    }
    return { mean };
  },
};

function sigmoid(y: number): number {
  return y >= 0 ? 1 / (1 + Math.exp(-y)) : Math.exp(y) / (1 + Math.exp(y));
}
