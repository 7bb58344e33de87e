// Loads test/fixtures/reference/models.json, written by scripts/reference/models.R (R's
// forecast package and stats::lm). Every number in it is on the modelling scale (log or logit).
import { readFileSync } from "node:fs";

export interface ReferenceSeries {
  readonly years: number[];
  readonly values: number[];
  readonly breaks?: number[];
  readonly source: string;
}

export interface ReferenceCase {
  readonly series: string;
  readonly scale: "log" | "logit";
  readonly model: string;
  readonly breaks?: number[];
  readonly params: Record<string, number | number[] | string>;
  readonly mean: number[];
  readonly lower80: number[];
  readonly upper80: number[];
  readonly lower95: number[];
  readonly upper95: number[];
}

export interface Reference {
  readonly R: string;
  readonly forecast: string;
  readonly horizon: number;
  readonly series: Record<string, ReferenceSeries>;
  readonly cases: ReferenceCase[];
}

export const reference: Reference = JSON.parse(
  readFileSync(new URL("../fixtures/reference/models.json", import.meta.url), "utf8"),
) as Reference;

/** The reference cases of one model, with their series. */
export function casesOf(model: string): { c: ReferenceCase; s: ReferenceSeries }[] {
  return reference.cases
    .filter((c) => c.model === model)
    .map((c) => ({ c, s: reference.series[c.series] as ReferenceSeries }));
}

/** Maps a value to the fixture's modelling scale. */
export function toModellingScale(scale: "log" | "logit", value: number): number {
  return scale === "log" ? Math.log(value) : Math.log(value / (100 - value));
}

/** Largest absolute difference between two arrays of the same length. */
export function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length)
    throw new RangeError(`maxAbsDiff: lengths differ (${a.length}, ${b.length})`);
  return Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));
}

/**
 * Projects `fitted` over the case's horizon at 80% and 95% and returns the largest absolute
 * differences from R's mean and interval bounds, on the modelling scale.
 */
export function differences(
  project: (
    toYear: number,
    level: number,
  ) => { values: number[]; lower?: number[]; upper?: number[] },
  c: ReferenceCase,
  s: ReferenceSeries,
): { mean: number; bounds: number } {
  const toYear = (s.years[s.years.length - 1] as number) + c.mean.length;
  const p80 = project(toYear, 0.8);
  const p95 = project(toYear, 0.95);
  const f = (v: number) => toModellingScale(c.scale, v);
  if (
    p80.lower === undefined ||
    p80.upper === undefined ||
    p95.lower === undefined ||
    p95.upper === undefined
  )
    throw new RangeError(`differences: no interval for ${c.series} ${c.model}`);
  return {
    mean: maxAbsDiff(p80.values.map(f), c.mean),
    bounds: Math.max(
      maxAbsDiff(p80.lower.map(f), c.lower80),
      maxAbsDiff(p80.upper.map(f), c.upper80),
      maxAbsDiff(p95.lower.map(f), c.lower95),
      maxAbsDiff(p95.upper.map(f), c.upper95),
    ),
  };
}
