import * as z from "zod";
import { schemaError } from "../assessment/checkAssessArgs.js";
import { checkArrayOf, checkObject, checkOptions, checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { type DisparityRow, DisparityRowSchema } from "../schemas/assessment.js";
import { fullRank, olsFit } from "./internal/olsFit.js";
import { decomposeTheil, type TheilGroup } from "./theilDecomposition.js";

/** The label of the group of places outside the centre in the Theil decomposition. */
export const REST_GROUP = "rest";

/** Dispersion of one year, with Theil's T split between the centre and the rest. */
export interface SigmaMeasures {
  /** Coefficient of variation, unweighted (`disparity`'s `cv`). */
  readonly cv: number;
  /** Williamson's population-weighted coefficient of variation. */
  readonly weightedCv: number;
  /** Theil's T, population-weighted. */
  readonly theil: number;
  /**
   * Theil's T between the centre and the rest (see `theilDecomposition`); null when a place's
   * weight is 0 (a group's mean is then undefined).
   */
  readonly between: number | null;
  /** Theil's T within the two groups, Σ_g (Yᵍ/Y) Tᵍ; null with `between`. */
  readonly within: number | null;
  /** The centre and the rest (a group without a compared place is left out). */
  readonly groups: readonly TheilGroup[];
}

/** One year of a {@link SigmaConvergence}. */
export interface SigmaRow {
  readonly year: number;
  /** `observed` up to the latest year with data, `projected` after it (see `assessDisparity`). */
  readonly basis: "observed" | "projected";
  /** The indicator the places are compared on that year (an earlier basis before its break). */
  readonly compared: string;
  /** Places compared (n), out of `placeCount` (N). */
  readonly n: number;
  readonly placeCount: number;
  /** The places compared, and those left out for want of data. */
  readonly places: readonly string[];
  readonly leftOut: readonly string[];
  /** Null when fewer than two places have a value. */
  readonly measures: SigmaMeasures | null;
  /**
   * The comparable stretch of years the row belongs to (1, 2, …): a new one starts at a series
   * break and wherever the places compared change. Levels of the measures are comparable only
   * within a segment.
   */
  readonly segment: number;
  /** The series break that starts in this year (`assessDisparity`'s), else null. */
  readonly break: { readonly from: string; readonly reason: string } | null;
}

/** A comparable stretch of years: no series break inside, the same places throughout. */
export interface SigmaSegment {
  readonly segment: number;
  readonly from: number;
  readonly to: number;
  readonly places: readonly string[];
  /** The pack's places without data in the segment. */
  readonly leftOut: readonly string[];
  readonly placeCount: number;
  /** Why the segment starts where it does (a series break, a change of places); null for the first. */
  readonly startsBecause: string | null;
}

/** A slope per year by ordinary least squares, with its standard error. */
export interface SlopeEstimate {
  readonly perYear: number;
  /** The slope's standard error (0 when the points lie on a line, and `t` is then null). */
  readonly standardError: number | null;
  readonly t: number | null;
}

/**
 * The linear trend of the measures over the years of one segment and basis. On a `projected`
 * basis the standard errors describe how straight the models' path is, not any uncertainty.
 */
export interface SigmaTrend {
  readonly segment: number;
  readonly basis: "observed" | "projected";
  readonly from: number;
  readonly to: number;
  /** Number of years fitted (at least 3). */
  readonly years: number;
  readonly cv: SlopeEstimate;
  readonly weightedCv: SlopeEstimate;
  readonly theil: SlopeEstimate;
  /** σ-convergence: the CV falls (its slope is negative). */
  readonly converging: boolean;
}

/** σ-convergence of one indicator: the dispersion by year, its comparable segments and trends. */
export interface SigmaConvergence {
  readonly indicator: string;
  /** The centre group of the Theil decomposition; the rest are {@link REST_GROUP}. */
  readonly centre: { readonly id: string; readonly members: readonly string[] };
  readonly rows: readonly SigmaRow[];
  readonly segments: readonly SigmaSegment[];
  /** One per segment and basis with at least 3 years. */
  readonly trends: readonly SigmaTrend[];
}

/** Options of {@link sigmaConvergence}. */
export interface SigmaConvergenceOptions {
  /** The central places (a group of the pack: `{ id: "central-city", members: [...] }`). */
  readonly centre: { readonly id: string; readonly members: readonly string[] };
}

const FN = "sigmaConvergence";

/** The fewest years a trend is fitted on (one residual degree of freedom). */
export const MIN_TREND_YEARS = 3;

/**
 * σ-convergence of a per-capita indicator across places: from the regional disparity rows of one
 * indicator (`assessDisparity`, an assessment's `disparity` filtered by indicator), the
 * coefficient of variation, Williamson's population-weighted CV and Theil's T of every year,
 * Theil's T split between the central places and the rest (see `theilDecomposition`), the
 * comparable segments of years (split at every series break and wherever the places compared
 * change) and, in each segment with at least three years of a basis (observed or projected), the
 * slope per year of each measure by ordinary least squares (ml-regression): σ-convergence holds
 * where the CV falls.
 *
 * Methods: X. Sala-i-Martin (1996), "The classical approach to convergence analysis", Economic
 * Journal 106(437): 1019–1036 — σ-convergence as a falling cross-section dispersion;
 * J. G. Williamson (1965), Economic Development and Cultural Change 13(4) — the weighted CV;
 * H. Theil (1967) and A. F. Shorrocks (1980), Econometrica 48(3) — T and its decomposition.
 * With a handful of places the slopes' standard errors are wide: read `t` before the sign.
 *
 * @param rows - disparity rows of one indicator, any order (one per year).
 * @param options - `centre`: the central places' group.
 * @throws {ArgumentTypeError} `sigmaConvergence: rows must be disparity rows (rows[0].year: …)`,
 *   `sigmaConvergence: options.centre must be a group { id, members } (got …)`.
 * @throws {ArgumentRangeError} `sigmaConvergence: rows must be of one indicator (got gdp_per_capita
 *   and urbanization_resident_pct)`; `sigmaConvergence: rows must have one row per year (2020 twice)`.
 * @example
 * const rows = assessPack(qujingPack, "trend").disparity.filter((r) => r.indicator === "gdp_per_capita");
 * const sigma = sigmaConvergence(rows, { centre: { id: "central-city", members: ["qilin", "zhanyi", "malong"] } });
 * sigma.rows[0].year; // 2000
 * sigma.rows[0].n; // 7
 * sigma.trends[0].converging; // true
 */
export function sigmaConvergence(
  rows: readonly DisparityRow[],
  options: SigmaConvergenceOptions,
): SigmaConvergence {
  const parsed = z.array(DisparityRowSchema).safeParse(rows);
  if (!parsed.success) schemaError(FN, "rows", "disparity rows", parsed.error.issues);
  const o = checkOptions(FN, "options", options, ["centre"]);
  const c = checkObject(FN, "options.centre", o.centre, "a group { id, members }");
  const centre = {
    id: checkString(FN, "options.centre.id", c.id, { nonEmpty: true }),
    members: checkArrayOf(FN, "options.centre.members", c.members, (at, m) =>
      checkString(FN, at, m, { nonEmpty: true }),
    ),
  };
  const indicators = [...new Set(rows.map((r) => r.indicator))];
  if (indicators.length > 1)
    throw new ArgumentRangeError(
      `${FN}: rows must be of one indicator (got ${indicators.join(" and ")})`,
      { code: "out-of-range", path: "rows" },
    );
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  sorted.forEach((r, i) => {
    if (i > 0 && sorted[i - 1]?.year === r.year)
      throw new ArgumentRangeError(`${FN}: rows must have one row per year (${r.year} twice)`, {
        code: "out-of-range",
        path: "rows",
      });
  });
  return sigmaOf(indicators[0] ?? "", sorted, centre);
}

/** {@link sigmaConvergence} of rows sorted by year, without the argument checks. */
export function sigmaOf(
  indicator: string,
  sorted: readonly DisparityRow[],
  centre: { readonly id: string; readonly members: readonly string[] },
): SigmaConvergence {
  const out: SigmaRow[] = [];
  const segments: SigmaSegment[] = [];
  for (const r of sorted) {
    const places = r.values.map((v) => v.place);
    const leftOut = r.leftOut ?? [];
    const previous = segments[segments.length - 1];
    const reasons: string[] = [];
    if (r.break !== undefined && r.break !== null) reasons.push(`series break: ${r.break.reason}`);
    if (previous !== undefined && !sameSet(previous.places, places))
      reasons.push(`places compared change: ${placeChange(previous.places, places)}`);
    if (previous === undefined || reasons.length > 0)
      segments.push({
        segment: segments.length + 1,
        from: r.year,
        to: r.year,
        places,
        leftOut,
        placeCount: places.length + leftOut.length,
        startsBecause: previous === undefined ? null : reasons.join("; "),
      });
    else segments[segments.length - 1] = { ...previous, to: r.year };
    out.push({
      year: r.year,
      basis: r.basis,
      compared: r.compared ?? r.indicator,
      n: places.length,
      placeCount: places.length + leftOut.length,
      places,
      leftOut,
      measures: measuresOf(r, centre.members, centre.id),
      segment: segments.length,
      break: r.break ?? null,
    });
  }
  return { indicator, centre, rows: out, segments, trends: trendsOf(out) };
}

/** The row's measures with the Theil decomposition; null without measures. */
function measuresOf(
  row: DisparityRow,
  centre: readonly string[],
  centreId: string,
): SigmaMeasures | null {
  const m = row.measures;
  if (m === null) return null;
  const values = row.values.map((v) => v.value);
  const weights = row.values.map((v) => v.weight);
  // A zero weight leaves a group's mean undefined: the row keeps its measures without the split.
  const split = weights.every((w) => w > 0)
    ? decomposeTheil(
        values,
        weights,
        row.values.map((v) => (centre.includes(v.place) ? centreId : REST_GROUP)),
      )
    : undefined;
  return {
    cv: m.cv,
    weightedCv: m.weightedCv,
    theil: m.theil,
    between: split?.between ?? null,
    within: split?.within ?? null,
    groups: split?.groups ?? [],
  };
}

/** The trends of each segment and basis with at least {@link MIN_TREND_YEARS} years. */
function trendsOf(rows: readonly SigmaRow[]): SigmaTrend[] {
  const runs = new Map<string, SigmaRow[]>();
  for (const r of rows) {
    if (r.measures === null) continue;
    const key = `${r.segment}|${r.basis}`;
    const run = runs.get(key) ?? [];
    run.push(r);
    runs.set(key, run);
  }
  const trends: SigmaTrend[] = [];
  for (const run of runs.values()) {
    if (run.length < MIN_TREND_YEARS) continue;
    const first = run[0] as SigmaRow;
    const last = run[run.length - 1] as SigmaRow;
    const x = run.map((r) => [r.year - first.year]);
    if (!fullRank(x)) continue;
    const slope = (pick: (m: SigmaMeasures) => number): SlopeEstimate => {
      const fit = olsFit(
        x,
        run.map((r) => pick(r.measures as SigmaMeasures)),
      );
      const b = fit.coefficients[1] as (typeof fit.coefficients)[number];
      return { perYear: b.estimate, standardError: b.standardError, t: b.t };
    };
    const cv = slope((m) => m.cv);
    trends.push({
      segment: first.segment,
      basis: first.basis,
      from: first.year,
      to: last.year,
      years: run.length,
      cv,
      weightedCv: slope((m) => m.weightedCv),
      theil: slope((m) => m.theil),
      converging: cv.perYear < 0,
    });
  }
  return trends;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** `+ zhanyi; − malong`: the places that join and leave. */
function placeChange(before: readonly string[], after: readonly string[]): string {
  const joined = after.filter((p) => !before.includes(p));
  const left = before.filter((p) => !after.includes(p));
  return [
    ...(joined.length > 0 ? [`+ ${joined.join(", ")}`] : []),
    ...(left.length > 0 ? [`− ${left.join(", ")}`] : []),
  ].join("; ");
}
