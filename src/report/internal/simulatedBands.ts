import type { Assessment } from "../../schemas/assessment.js";

/** A target's simulated measure in the year it is judged: median and a central band. */
export interface SimulatedBand {
  readonly median: number | null;
  readonly lower: number;
  readonly upper: number;
  /** Share of the paths inside the band (0.8 for the 10–90% quantiles). */
  readonly level: number;
}

/** The band the report shows: the central one whose coverage is nearest this (as the row's interval). */
const PREFERRED_LEVEL = 0.8;

/** Tolerance when pairing quantile levels q and 1 − q, which are binary fractions. */
const LEVEL_EPSILON = 1e-9;

/**
 * The simulated band of each target the assessment's `simulation.targets` describe, by target
 * id: from the symmetric pair of quantile levels (q, 1 − q) whose coverage 1 − 2q is nearest
 * 80%, with the median when 0.5 is a level. Only for targets whose measure is in the row's
 * unit (its threshold is the row's target; not a rank, measured as a ratio to its reference).
 * Empty without simulation detail or without a pair.
 */
export function simulatedBands(a: Assessment): Map<string, SimulatedBand> {
  const bands = new Map<string, SimulatedBand>();
  const levels = a.simulation?.quantiles;
  const targets = a.simulation?.targets;
  if (levels === undefined || targets === undefined) return bands;
  let best: { lo: number; hi: number; level: number } | undefined;
  levels.forEach((q, lo) => {
    const hi = levels.findIndex((p) => Math.abs(p - (1 - q)) < LEVEL_EPSILON);
    if (q >= 0.5 || hi < 0) return;
    const level = 1 - 2 * q;
    if (
      best === undefined ||
      Math.abs(level - PREFERRED_LEVEL) < Math.abs(best.level - PREFERRED_LEVEL)
    )
      best = { lo, hi, level };
  });
  if (best === undefined) return bands;
  const mid = levels.findIndex((p) => Math.abs(p - 0.5) < LEVEL_EPSILON);
  const targetOf = new Map(a.rows.map((r) => [r.targetId, r.target]));
  for (const t of targets) {
    const target = targetOf.get(t.targetId);
    if (target === undefined || t.threshold === null || !sameNumber(t.threshold, target)) continue;
    const lower = t.measure[best.lo];
    const upper = t.measure[best.hi];
    if (lower === undefined || upper === undefined) continue;
    bands.set(t.targetId, {
      median: mid < 0 ? null : (t.measure[mid] ?? null),
      lower,
      upper,
      level: Math.round(best.level * 1e12) / 1e12,
    });
  }
  return bands;
}

/** Equal up to binary noise (a threshold computed from the target in another unit and back). */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= LEVEL_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}
