import * as z from "zod";
import { schemaError } from "../assessment/checkAssessArgs.js";
import type { SigmaConvergence } from "./sigmaConvergence.js";

/** One point of a σ-convergence chart: a measure's value in a year. */
export interface SigmaChartPoint {
  readonly year: number;
  /** `cv`, `weightedCv`, `theil`, `between` or `within` (Theil's T between and within groups). */
  readonly measure: "cv" | "weightedCv" | "theil" | "between" | "within";
  readonly value: number;
  readonly basis: "observed" | "projected";
  /** The comparable segment (lines should not join points of different segments). */
  readonly segment: number;
}

/** The data of a chart of σ-convergence over time, in long form (one row per point). */
export interface SigmaChartValues {
  readonly indicator: string;
  readonly points: readonly SigmaChartPoint[];
  /** Series breaks, at the year they start (draw a rule half a year before it). */
  readonly breaks: readonly { readonly year: number; readonly reason: string }[];
}

const FN = "sigmaChartValues";

const MEASURES = ["cv", "weightedCv", "theil", "between", "within"] as const;

/** The fields of a σ-convergence result the chart reads. */
const SigmaShape = z.object({
  indicator: z.string(),
  rows: z.array(
    z.object({
      year: z.number().int(),
      basis: z.enum(["observed", "projected"]),
      segment: z.number().int(),
      break: z.object({ from: z.string(), reason: z.string() }).nullable(),
      measures: z
        .object({
          cv: z.number(),
          weightedCv: z.number(),
          theil: z.number(),
          between: z.number().nullable(),
          within: z.number().nullable(),
        })
        .nullable(),
    }),
  ),
});

/**
 * The values a chart of σ-convergence over time plots, in the long form Vega-Lite reads as
 * inline data (`data: { values: points }`, `color: measure`, `strokeDash: basis`, `detail:
 * segment`, a rule at each break): every measure of every year that has one, and the series
 * breaks. See docs/convergence.md for a spec.
 *
 * @param sigma - the `sigma` of a `convergence` result, or a `sigmaConvergence` result.
 * @throws {ArgumentTypeError} `sigmaChartValues: sigma must be a σ-convergence result (sigma.rows: …)`.
 * @example
 * const values = sigmaChartValues(convergence(qujingPack, "trend").sigma);
 * values.points.find((p) => p.year === 2018 && p.measure === "cv").value.toFixed(3); // "0.560"
 * values.breaks.map((b) => b.year); // [2019, 2020]
 */
export function sigmaChartValues(sigma: SigmaConvergence): SigmaChartValues {
  const parsed = SigmaShape.safeParse(sigma);
  if (!parsed.success) schemaError(FN, "sigma", "a σ-convergence result", parsed.error.issues);
  const points: SigmaChartPoint[] = [];
  const breaks: { year: number; reason: string }[] = [];
  for (const r of sigma.rows) {
    if (r.break !== null) breaks.push({ year: r.year, reason: r.break.reason });
    const m = r.measures;
    if (m === null) continue;
    for (const measure of MEASURES) {
      const value = m[measure];
      if (value !== null)
        points.push({ year: r.year, measure, value, basis: r.basis, segment: r.segment });
    }
  }
  return { indicator: sigma.indicator, points, breaks };
}
