import * as z from "zod";
import {
  describeSpec,
  type NestedSpec,
  NestedSpecSchema,
  nestedSpec,
} from "./internal/nestedSpec.js";
import { withinSegmentSteps } from "./internal/withinSegmentSteps.js";
import type {
  AutoSelectionParams,
  FittedModel,
  ScaledSeries,
  SelectorDefinition,
  Series,
} from "./types.js";

/**
 * Spec of automatic model selection:
 * `{ kind: "auto", candidates?, metric?: "mase" | "mae", horizon?: number }`.
 * - `candidates`: model kinds (`"drift"`) or specs (`{ kind: "holt", damped: true }`); default
 *   naive, drift, trend, holt, damped holt, theta.
 * - `metric`: mean absolute scaled error (default) or mean absolute error.
 * - `horizon`: forecast steps scored from each origin (default 1, one-step errors).
 * - `method`: `"select"` one candidate by cross-validation, or `"combine"` the equal-weight
 *   combination of the candidates (default theta, damped Holt and drift); default `"combine"`
 *   when the fit has a panel, `"select"` otherwise.
 */
export const AutoSpecSchema = z.object({
  kind: z.literal("auto"),
  candidates: z
    .array(NestedSpecSchema)
    .min(1)
    .refine(
      (list) => list.every((c) => (typeof c === "string" ? c : c.kind) !== "auto"),
      "auto cannot be its own candidate",
    )
    .optional(),
  metric: z.enum(["mase", "mae"]).optional(),
  horizon: z.number().int().min(1).max(10).optional(),
  method: z.enum(["select", "combine"]).optional(),
});
/** A spec of the `auto` model, as {@link AutoSpecSchema} validates it. */
export type AutoSpec = z.infer<typeof AutoSpecSchema>;

/** The members of `method: "combine"` when no candidates are given. */
const DEFAULT_COMBINATION: readonly NestedSpec[] = [
  { kind: "theta" },
  { kind: "holt", damped: true },
  { kind: "drift" },
];

const DEFAULT_CANDIDATES: readonly NestedSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
];
// A candidate is scored only if it can be fitted at two or more rolling origins.
const MIN_ORIGINS = 2;
// Scores closer than this (relatively) are ties; ties go to the candidate listed first.
const TIE = 1e-12;

/**
 * Chooses a model per series by time-series cross-validation (forecast evaluation on a rolling
 * origin, FPP3 §5.10): each candidate is fitted on the first k points for every origin k the
 * candidates can all use, forecasts the next `horizon` points, and is scored by the mean absolute
 * error of those forecasts, scaled (MASE, R. J. Hyndman & A. B. Koehler (2006), IJF 22, 679–688)
 * by the mean absolute one-step change of the training points. Errors are measured on the
 * modelling scale (log for levels, so they are relative errors and comparable across places). The best candidate (ties: the
 * first listed) is then fitted on the whole series; the fitted model has its `kind`, the `auto`
 * spec, `params.autoSelected` (index among the candidates, −1 for the naive last resort),
 * `params.autoScore<i>` (null when not scored), `params.autoOrigins`, and notes with every score.
 *
 * - Short series: a candidate is scored only if its `minPoints` leaves two origins (n − 2); when
 *   none can be scored, the candidate with the fewest `minPoints` that fits the series is taken
 *   (naive if none). So it never fails on a series of one point or more, and never returns a model
 *   whose `minPoints` exceeds the series length. minPoints 1, no fallback.
 * - Intervals: those of the selected model.
 * - Breaks: forecasts whose target lies across a break from their origin are not scored (the level
 *   jump is a change of basis); the candidates themselves handle breaks as they document.
 * - A candidate that cannot fit the series' values (e.g. `logistic` on values outside its bounds)
 *   is left out, with a note.
 *
 * @example
 * const fitted = fitModel({ kind: "auto" }, { years: [2021], values: [100] });
 * fitted.kind; // "naive"
 */
export const autoModel: SelectorDefinition<AutoSpec> = {
  kind: "auto",
  schema: AutoSpecSchema,
  description: "Selection among candidates by rolling-origin cross-validation (FPP3 §5.10).",
  minPoints: () => 1,
  fallback: () => undefined,
  select: (spec, series, context) => {
    const method = spec.method ?? (context.panel === undefined ? "select" : "combine");
    if (method === "combine") {
      const members = (spec.candidates ?? DEFAULT_COMBINATION).map(nestedSpec);
      const n = context.original.years.length;
      const fewest = Math.min(...members.map((m) => context.minPointsOf(m)));
      if (fewest > n) {
        // No member fits: a no-change forecast, flagged as a fallback as any model's would be.
        const reason = `"auto" combines models that need at least ${fewest} points, the series has ${n}`;
        return {
          selected: context.fitSpec({ kind: "naive" }, context.original),
          params: {},
          notes: [`auto: ${reason}; naive`],
          fallback: { from: "auto", reason },
        };
      }
      const selected = context.fitSpec({ kind: "combination", members }, context.original);
      const panel = context.panel === undefined ? "" : ", drift shrunk toward the panel";
      return {
        selected,
        params: {},
        notes: [`auto: equal-weight combination instead of selection${panel}`],
      };
    }
    const original = context.original;
    const n = original.years.length;
    const candidates: NestedSpec[] = (spec.candidates ?? DEFAULT_CANDIDATES).map(nestedSpec);
    const need = candidates.map((c) => context.minPointsOf(c));
    const metric = spec.metric ?? "mase";
    const horizon = spec.horizon ?? 1;
    const scores: (number | null)[] = candidates.map(() => null);
    const notes: string[] = [];
    const eligible = candidates
      .map((_, i) => i)
      .filter((i) => (need[i] as number) <= n - MIN_ORIGINS);
    let origins = 0;
    // Errors are measured on the modelling scale (log for levels: relative errors), so a level
    // factor on a segment does not change them. A candidate that forecasts outside the scale's
    // domain (e.g. a negative level on the log scale) is left out.
    const scaled = series.y;
    const onScale = (value: number): number | undefined => {
      try {
        return context.toScale(value);
      } catch {
        return undefined;
      }
    };
    if (eligible.length >= 2) {
      const first = Math.max(...eligible.map((i) => need[i] as number));
      const errors = new Map<number, number[]>(eligible.map((i) => [i, []]));
      for (let k = first; k < n; k++) {
        const train = truncate(original, k);
        const scale = metric === "mase" ? maseScale(truncateScaled(series, k), series) : 1;
        const end = Math.min(k + horizon, n);
        const originYear = original.years[k - 1] as number;
        const targets: number[] = [];
        for (let j = k; j < end; j++) {
          const year = original.years[j] as number;
          if (!(original.breaks ?? []).some((b) => b > originYear && b <= year)) targets.push(j);
        }
        if (targets.length === 0) continue;
        origins++;
        for (const i of eligible) {
          const list = errors.get(i);
          if (list === undefined) continue;
          let fitted: FittedModel;
          try {
            fitted = context.fitSpec(candidates[i] as NestedSpec, train);
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            errors.delete(i);
            notes.push(`${describeSpec(candidates[i] as NestedSpec)} left out: ${error.message}`);
            continue;
          }
          const path = context.projectValues(fitted, original.years[end - 1] as number);
          for (const j of targets) {
            const value = path[(original.years[j] as number) - originYear - 1] as number;
            const forecast = onScale(value);
            if (forecast === undefined || !Number.isFinite(forecast)) {
              errors.delete(i);
              notes.push(
                `${describeSpec(candidates[i] as NestedSpec)} left out: its forecast ${value} for ${original.years[j]} is outside the ${context.scale} scale's domain`,
              );
              break;
            }
            list.push(Math.abs((scaled[j] as number) - forecast) / scale);
          }
        }
      }
      for (const [i, list] of errors)
        if (list.length > 0) scores[i] = list.reduce((a, b) => a + b, 0) / list.length;
    }
    // Preference order: scored candidates by score (ties: listed first), then, when none could be
    // scored, the candidates that fit the series by fewest minPoints; naive as the last resort.
    const scored = candidates
      .map((_, i) => i)
      .filter((i) => scores[i] !== null)
      .sort((a, b) => {
        const sa = scores[a] as number;
        const sb = scores[b] as number;
        return Math.abs(sa - sb) <= TIE * Math.max(Math.abs(sa), Math.abs(sb)) ? a - b : sa - sb;
      });
    const simplest = candidates
      .map((_, i) => i)
      .filter((i) => (need[i] as number) <= n)
      .sort((a, b) => (need[a] as number) - (need[b] as number) || a - b);
    const order = scored.length > 0 ? scored : simplest;
    let index = -1;
    let selected: FittedModel | undefined;
    for (const i of order) {
      try {
        selected = context.fitSpec(candidates[i] as NestedSpec, original);
        index = i;
        break;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        notes.push(`${describeSpec(candidates[i] as NestedSpec)} left out: ${error.message}`);
      }
    }
    const chosen: NestedSpec = index >= 0 ? (candidates[index] as NestedSpec) : { kind: "naive" };
    if (selected === undefined) selected = context.fitSpec(chosen, original);
    if (scored.length > 0) {
      const listed = candidates
        .map(
          (c, i) =>
            `${describeSpec(c)} ${scores[i] === null ? "not scored" : (scores[i] as number).toPrecision(4)}`,
        )
        .join(", ");
      notes.unshift(
        `auto: selected ${describeSpec(chosen)} by ${metric.toUpperCase()} of ${horizon === 1 ? "one-step" : `1–${horizon}-step`} forecasts from ${origins} rolling origins (${listed})`,
      );
    } else {
      notes.unshift(
        `auto: ${n} point${n === 1 ? " is" : "s are"} too few to compare candidates by cross-validation; took ${describeSpec(chosen)}, the simplest that fits`,
      );
    }
    const params: { -readonly [Key in keyof AutoSelectionParams]: AutoSelectionParams[Key] } = {
      autoSelected: index,
      autoOrigins: origins,
    };
    scores.forEach((score, i) => {
      params[`autoScore${i}`] = score;
    });
    return { selected, params, notes };
  },
};

function truncate(series: Series, k: number): Series {
  const years = series.years.slice(0, k);
  const last = years[years.length - 1] as number;
  return {
    years,
    values: series.values.slice(0, k),
    breaks: (series.breaks ?? []).filter((b) => b <= last),
  };
}

function truncateScaled(series: ScaledSeries, k: number): ScaledSeries {
  const years = series.years.slice(0, k);
  const last = years[years.length - 1] as number;
  return { years, y: series.y.slice(0, k), breaks: series.breaks.filter((b) => b <= last) };
}

/**
 * Below this mean absolute step (on the modelling scale: 1e-12 is a relative change of 1e-12 on
 * the log scale) a series is flat up to rounding, and dividing by its steps would rank candidates
 * by rounding noise; such a scale is treated as none.
 */
const FLAT_SCALE = 1e-12;

/** Mean absolute one-step change within segments (training data, else the whole series, else 1). */
function maseScale(train: ScaledSeries, whole: ScaledSeries): number {
  for (const s of [train, whole]) {
    const steps = withinSegmentSteps(s.years, s.y, s.breaks);
    const scale = steps.reduce((sum, st) => sum + Math.abs(st.dy), 0) / steps.length;
    if (scale > FLAT_SCALE) return scale;
  }
  return 1;
}
