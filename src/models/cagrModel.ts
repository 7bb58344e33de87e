import * as z from "zod";
import type { FittedOf, ModelDefinition } from "./types.js";

/** Spec of compound growth at a fixed rate: `{ kind: "cagr", rate: 0.065 }` (rate as a fraction a year). */
export const CagrSpecSchema = z.object({
  kind: z.literal("cagr"),
  /** Growth per year as a fraction (0.065 = 6.5%); must be > −1. */
  rate: z.number().gt(-1).lt(10),
});
/** A spec of the `cagr` model, as {@link CagrSpecSchema} validates it. */
export type CagrSpec = z.infer<typeof CagrSpecSchema>;
/** Parameters of a fitted `cagr` model. */
export type CagrParams = {
  /** ln(1 + rate): the growth per year on the log scale. */
  readonly logGrowth: number;
};
/** A fitted `cagr` model. */
export type CagrFitted = FittedOf<"cagr", CagrParams>;

/**
 * Compound growth at a given rate: `x(t + h) = x(t) · (1 + rate)^h`. It is compound growth by
 * definition, so it always works on the log scale whatever the indicator's scale. Needs one
 * point (the origin).
 */
export const cagrModel: ModelDefinition<CagrSpec, CagrFitted> = {
  kind: "cagr",
  schema: CagrSpecSchema,
  description: "Compound annual growth at an assumed rate from the last observation.",
  fixedScale: "log",
  minPoints: () => 1,
  fallback: () => undefined,
  fit: (spec) => ({ params: { logGrowth: Math.log1p(spec.rate) } }),
  forecast: (fitted, lastY, horizon) => {
    const g = fitted.params.logGrowth;
    return { mean: Array.from({ length: horizon }, (_, h) => lastY + g * (h + 1)) };
  },
};
