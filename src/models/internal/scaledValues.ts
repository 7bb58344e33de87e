import { ArgumentRangeError } from "../../internal/errors.js";
import type { ModelScale } from "../../schemas/indicator.js";
import { toScale } from "../modelScale.js";
import type { Series } from "../types.js";

/**
 * A series' values on the modelling scale and its breaks within its span (the years after its
 * first up to its last). A value outside the scale's domain is refused, named from `path`:
 * `<fn>: <path>.values[j] must be a positive number on the log scale (got 0 in 2019)`.
 * @throws {ArgumentRangeError} with code "out-of-range" and path `<path>.values[j]`.
 */
export function scaledValues(
  fn: string,
  path: string,
  series: Series,
  scale: ModelScale,
  bounds: readonly [number, number],
): { y: number[]; breaks: number[] } {
  const y = series.values.map((v, j) => {
    try {
      return toScale(v, scale, bounds);
    } catch {
      const domain =
        scale === "log"
          ? "a positive number on the log scale"
          : `a number inside (${bounds[0]}, ${bounds[1]}) on the logit scale`;
      throw new ArgumentRangeError(
        `${fn}: ${path}.values[${j}] must be ${domain} (got ${v} in ${series.years[j]})`,
        { code: "out-of-range", path: `${path}.values[${j}]` },
      );
    }
  });
  const first = series.years[0] as number;
  const last = series.years[series.years.length - 1] as number;
  return { y, breaks: (series.breaks ?? []).filter((b) => b > first && b <= last) };
}
