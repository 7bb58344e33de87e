import * as z from "zod";
import { normalQuantile } from "../internal/normalQuantile.js";
import {
  describeSpec,
  type NestedSpec,
  NestedSpecSchema,
  nestedSpec,
} from "./internal/nestedSpec.js";
import type { FittedModel, FittedOf, ModelDefinition, ScaledForecast } from "./types.js";

/**
 * Spec of a forecast combination: `{ kind: "combination", members, weights? }`.
 * - `members`: model kinds (`"theta"`) or specs (`{ kind: "holt", damped: true }`), not `auto`
 *   or `combination`;
 * - `weights`: one positive weight per member (default equal), renormalised over the members the
 *   series is long enough for.
 */
export const CombinationSpecSchema = z
  .object({
    kind: z.literal("combination"),
    members: z
      .array(NestedSpecSchema)
      .min(1)
      .refine(
        (list) =>
          list.every((c) => !["auto", "combination"].includes(typeof c === "string" ? c : c.kind)),
        "a member cannot be auto or combination",
      ),
    weights: z.array(z.number().positive().finite()).min(1).optional(),
  })
  .refine((s) => s.weights === undefined || s.weights.length === s.members.length, {
    message: "weights must have one weight per member",
    path: ["weights"],
  });
/** A spec of the `combination` model, as {@link CombinationSpecSchema} validates it. */
export type CombinationSpec = z.infer<typeof CombinationSpecSchema>;
/** Parameters of a fitted `combination` (see {@link combinationModel}). */
export type CombinationParams = {
  /** The members fitted on the series (those it is long enough for), as `fitModel` returns them. */
  readonly members: readonly FittedModel[];
  /** Their weights, summing to 1. */
  readonly weights: readonly number[];
};
/** A fitted `combination` model. */
export type CombinationFitted = FittedOf<"combination", CombinationParams>;

/**
 * A forecast combination: the weighted mean of its members' forecasts on the modelling scale.
 * Combining methods beats selecting one on short annual series (S. Makridakis, E. Spiliotis &
 * V. Assimakopoulos (2020), "The M4 Competition: 100,000 time series and 61 forecasting methods",
 * IJF 36(1), 54–74, whose benchmark "Comb" is the equal-weight mean of SES, Holt and damped Holt;
 * R. T. Clemen (1989), "Combining forecasts: a review and annotated bibliography", IJF 5(4)).
 *
 * - Members are fitted with the same options (scale, panel) on the whole series; a member the
 *   series is too short for (its `minPoints`, or `minPointsWithPanel` with a panel) is left out
 *   and the weights renormalised; naive when none is left. minPoints 1, no fallback.
 * - Intervals: the weighted mean of the members' interval bounds on the modelling scale — for
 *   Gaussian members, se = Σ wᵢ·seᵢ, the standard error of the combination when the members'
 *   errors are perfectly correlated (an upper bound otherwise). None when a member has none.
 * - params: `members` (their fitted models), `weights`.
 *
 * @example
 * const fitted = fitModel(
 *   { kind: "combination", members: ["naive", "drift"] },
 *   { years: [2019, 2020, 2021], values: [100, 110, 121] },
 *   { scale: "log" },
 * );
 * projectModel(fitted, { toYear: 2022 }).values.map((v) => Math.round(v * 10) / 10); // [126.9]
 */
export const combinationModel: ModelDefinition<CombinationSpec, CombinationFitted> = {
  kind: "combination",
  schema: CombinationSpecSchema,
  description: "Weighted mean of member forecasts (M4 'Comb'; Makridakis et al. 2020).",
  minPoints: () => 1,
  fallback: () => undefined,
  fit: (spec, series, context) => {
    const n = series.years.length;
    const members: FittedModel[] = [];
    const raw: number[] = [];
    const notes: string[] = [];
    spec.members.forEach((m, i) => {
      const member = nestedSpec(m);
      const need = context.minPointsOf(member);
      if (need > n) {
        notes.push(`${describeSpec(member)} left out: needs ${need} points, the series has ${n}`);
        return;
      }
      const fitted = context.fitSpec(member, context.original);
      if (fitted.scale !== context.scale) {
        notes.push(
          `${describeSpec(member)} left out: fitted on the ${fitted.scale} scale, not ${context.scale}`,
        );
        return;
      }
      members.push(fitted);
      raw.push(spec.weights?.[i] ?? 1);
    });
    if (members.length === 0) {
      members.push(context.fitSpec({ kind: "naive" }, context.original));
      raw.push(1);
      notes.push("no member could be fitted: naive");
    }
    const total = raw.reduce((a, b) => a + b, 0);
    const weights = raw.map((w) => w / total);
    notes.unshift(
      `combination of ${members.map((m, i) => `${describeSpec(m.spec as NestedSpec)} ${(weights[i] as number).toFixed(3)}`).join(", ")}`,
    );
    return { params: { members, weights }, notes };
  },
  forecast: (fitted, lastY, horizon, forecastOf) => {
    const { members, weights } = fitted.params;
    if (forecastOf === undefined) throw new Error("combination: forecastOf is required");
    const parts: ScaledForecast[] = members.map((m) => forecastOf(m, lastY, horizon));
    const mean = Array.from({ length: horizon }, (_, h) =>
      parts.reduce((sum, p, i) => sum + (weights[i] as number) * (p.mean[h] as number), 0),
    );
    if (!parts.every((p) => p.se !== undefined || p.interval !== undefined)) return { mean };
    return {
      mean,
      interval: (level: number) => {
        const z = normalQuantile(0.5 + level / 2);
        const lower = mean.map(() => 0);
        const upper = mean.map(() => 0);
        parts.forEach((p, i) => {
          const w = weights[i] as number;
          const bounds =
            p.interval !== undefined
              ? p.interval(level)
              : {
                  lower: p.mean.map((m, h) => m - z * ((p.se as number[])[h] as number)),
                  upper: p.mean.map((m, h) => m + z * ((p.se as number[])[h] as number)),
                };
          for (let h = 0; h < horizon; h++) {
            lower[h] = (lower[h] as number) + w * (bounds.lower[h] as number);
            upper[h] = (upper[h] as number) + w * (bounds.upper[h] as number);
          }
        });
        return { lower, upper };
      },
    };
  },
};
