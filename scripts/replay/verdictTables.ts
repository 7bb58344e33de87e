/**
 * The tallies of the verdict replay (`npm run replay`): how often the targets given each status
 * were met, and how reliable the probabilities of attainment were (a reliability table and the
 * Brier score; Brier 1950, "Verification of forecasts expressed in terms of probability", Monthly
 * Weather Review 78(1); Murphy 1973, "A new vector partition of the probability score", J. Appl.
 * Meteor. 12(4), for the reliability reading).
 */
import { StatusSchema } from "../../src/schemas/assessment.js";

/** One judged target: its status, its probability (null when not simulated) and the outcome. */
export interface JudgedTarget {
  readonly status: string;
  readonly probability: number | null;
  readonly met: boolean;
}

/** Targets given one status, and how many were met. */
export interface StatusHits {
  readonly status: string;
  readonly n: number;
  readonly met: number;
}

/** The statuses in the order of the library's vocabulary (others after, by name). */
export const STATUS_ORDER: readonly string[] = StatusSchema.options;

/**
 * Count and number met of the targets of each status, in {@link STATUS_ORDER}.
 *
 * @example
 * statusHits([{ status: "on-track", probability: null, met: true },
 *             { status: "on-track", probability: null, met: false }]);
 * // [{ status: "on-track", n: 2, met: 1 }]
 */
export function statusHits(judged: readonly JudgedTarget[]): StatusHits[] {
  const by = new Map<string, { n: number; met: number }>();
  for (const j of judged) {
    const c = by.get(j.status) ?? { n: 0, met: 0 };
    c.n++;
    if (j.met) c.met++;
    by.set(j.status, c);
  }
  const rank = (s: string) => {
    const k = STATUS_ORDER.indexOf(s);
    return k < 0 ? STATUS_ORDER.length : k;
  };
  return [...by]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([status, c]) => ({ status, ...c }));
}

/** One bin of predicted probabilities. */
export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly n: number;
  /** Mean predicted probability in the bin (null when empty). */
  readonly predicted: number | null;
  /** Share of the bin's targets that were met (null when empty). */
  readonly observed: number | null;
}

/** A reliability table and the Brier scores of the probabilities and of the base rate. */
export interface Reliability {
  readonly bins: readonly ReliabilityBin[];
  readonly n: number;
  /** Mean of (p − outcome)², outcome 1 if met, 0 if not. */
  readonly brier: number | null;
  /** The Brier score of predicting the base rate (the share met) for every target. */
  readonly baseRateBrier: number | null;
}

/**
 * The reliability table of the simulated probabilities in `bins` equal bins of [0, 1] (the last
 * bin closed), and the Brier scores; targets without a probability are left out.
 *
 * @example
 * // p 0.9 met, p 0.1 missed, p 0.5 met: Brier = (0.01 + 0.01 + 0.25) / 3 = 0.09; base rate 2/3,
 * // its Brier = (2 · (1/3)² + (2/3)²) / 3 = 0.2222
 * reliability([{ status: "on-track", probability: 0.9, met: true },
 *              { status: "off-track", probability: 0.1, met: false },
 *              { status: "on-track", probability: 0.5, met: true }], 2).brier; // 0.09
 */
export function reliability(judged: readonly JudgedTarget[], bins = 10): Reliability {
  const withP = judged.filter((j) => j.probability !== null) as (JudgedTarget & {
    probability: number;
  })[];
  const n = withP.length;
  const out: ReliabilityBin[] = [];
  for (let k = 0; k < bins; k++) {
    const lower = k / bins;
    const upper = (k + 1) / bins;
    const inBin = withP.filter(
      (j) =>
        j.probability >= lower && (k === bins - 1 ? j.probability <= upper : j.probability < upper),
    );
    const m = inBin.length;
    out.push({
      lower,
      upper,
      n: m,
      predicted: m === 0 ? null : inBin.reduce((a, j) => a + j.probability, 0) / m,
      observed: m === 0 ? null : inBin.filter((j) => j.met).length / m,
    });
  }
  if (n === 0) return { bins: out, n, brier: null, baseRateBrier: null };
  const outcome = (j: JudgedTarget) => (j.met ? 1 : 0);
  const brier = withP.reduce((a, j) => a + (j.probability - outcome(j)) ** 2, 0) / n;
  const base = withP.filter((j) => j.met).length / n;
  const baseRateBrier = withP.reduce((a, j) => a + (base - outcome(j)) ** 2, 0) / n;
  return { bins: out, n, brier, baseRateBrier };
}
