import type { Observation } from "../schemas/observation.js";
import { QUALITY_RANK } from "./internal/qualityRank.js";
import type { ObservedPoint } from "./scopeSeries.js";

/** The observations of one scope × indicator sorted into those used and those kept aside. */
export interface ChosenObservations {
  /** One point a year, the best-graded admissible observation, sorted by year. */
  readonly used: ObservedPoint[];
  /** Every other observation (lower grades, quality C when not admitted), by year. */
  readonly unused: ObservedPoint[];
  /** One line per year where sources disagree on the value: the one used and the others. */
  readonly notes: string[];
}

/**
 * Chooses one observation a year from a scope × indicator's observations: the best quality grade
 * (A before B before C, the first listed among equal grades), quality C only when `useQualityC`
 * admits it. The others are kept as unused, and a year whose other observations report a
 * different value is noted as a conflict, e.g.
 * `2021: used 110 (NBS, A); also reported 112 (yearbook, B)`.
 */
export function chooseObservations(
  list: readonly Observation[],
  useQualityC: boolean,
): ChosenObservations {
  const byYear = new Map<number, Observation[]>();
  for (const o of list) {
    const l = byYear.get(o.year);
    if (l === undefined) byYear.set(o.year, [o]);
    else l.push(o);
  }
  const used: ObservedPoint[] = [];
  const unused: ObservedPoint[] = [];
  const notes: string[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const candidates = [...(byYear.get(year) ?? [])].sort(
      (a, b) => QUALITY_RANK[a.quality] - QUALITY_RANK[b.quality],
    );
    const admissible = candidates.filter((o) => useQualityC || o.quality !== "C");
    const chosen = admissible[0];
    for (const o of candidates) {
      const point = { year: o.year, value: o.value, source: o.source, quality: o.quality };
      if (o === chosen) used.push(point);
      else unused.push(point);
    }
    if (chosen !== undefined) {
      const conflicting = candidates.filter((o) => o !== chosen && o.value !== chosen.value);
      if (conflicting.length > 0)
        notes.push(
          `${year}: used ${chosen.value} (${chosen.source}, ${chosen.quality}); also reported ${conflicting
            .map((o) => `${o.value} (${o.source}, ${o.quality})`)
            .join(", ")}`,
        );
    }
  }
  return { used, unused, notes };
}
