import * as z from "zod";
import type { FittedOf, ModelDefinition } from "./types.js";

/**
 * Spec of an explicit path: `{ kind: "path", values: { "2021": 3394, "2025": 4500 } }`.
 * Years between given ones are interpolated geometrically on log scale (linearly on the other
 * scales); after the last given year the value stays flat.
 */
export const PathSpecSchema = z.object({
  kind: z.literal("path"),
  values: z
    .record(z.string().regex(/^\d{4}$/, "a four-digit year"), z.number().finite())
    .refine((v) => Object.keys(v).length > 0, "at least one year"),
});
/** A spec of the `path` model, as {@link PathSpecSchema} validates it. */
export type PathSpec = z.infer<typeof PathSpecSchema>;
/** Parameters of a fitted `path` model; the years are those of its spec's `values`. */
export type PathParams = {
  /** The given values on the modelling scale, in the order of their years. */
  readonly scaledValues: readonly number[];
};
/** A fitted `path` model. */
export type PathFitted = FittedOf<"path", PathParams>;

/**
 * An explicit path of values by year, as an analyst or a plan document states it. Interpolation
 * between the given years, and between the last observation and the first given year, is linear
 * on the modelling scale (geometric for levels). Needs one point (the origin).
 */
export const pathModel: ModelDefinition<PathSpec, PathFitted> = {
  kind: "path",
  schema: PathSpecSchema,
  description: "Explicit values by year, interpolated on the modelling scale.",
  minPoints: () => 1,
  fallback: () => undefined,
  fit: (spec, _series, context) => ({
    params: {
      scaledValues: Object.keys(spec.values)
        .map(Number)
        .sort((a, b) => a - b)
        .map((year) => context.toScale(spec.values[String(year)] as number)),
    },
  }),
  forecast: (fitted, lastY, horizon) => {
    const spec = fitted.spec;
    // The years of the path are its spec's: a path selected by `auto` lacks them.
    if (spec.kind !== "path")
      throw new TypeError(
        `pathModel: a fitted path model needs its path spec to project (got a "${spec.kind}" spec)`,
      );
    const knotsYears = Object.keys(spec.values)
      .map(Number)
      .sort((a, b) => a - b);
    const ys = fitted.params.scaledValues;
    const xs: number[] = [fitted.origin.year];
    const vs: number[] = [lastY];
    knotsYears.forEach((year, k) => {
      if (year > fitted.origin.year) {
        xs.push(year);
        vs.push(ys[k] as number);
      }
    });
    const mean: number[] = [];
    for (let h = 1; h <= horizon; h++) {
      const year = fitted.origin.year + h;
      let j = 1;
      while (j < xs.length && (xs[j] as number) < year) j++;
      if (j >= xs.length) mean.push(vs[vs.length - 1] as number);
      else {
        const x0 = xs[j - 1] as number;
        const x1 = xs[j] as number;
        const v0 = vs[j - 1] as number;
        const v1 = vs[j] as number;
        mean.push(v0 + ((v1 - v0) * (year - x0)) / (x1 - x0));
      }
    }
    return { mean };
  },
};
