import { hashString } from "../../internal/hashString.js";
import { failPlan } from "./failPlan.js";
import { SERIES_SCALE } from "./kernelCodes.js";
import type { PlanIndex } from "./planIndex.js";

/**
 * The simulated series (active place × indicator), grouped by indicator, then in place order,
 * with their kernel arrays (see the fields of the same names in `KernelSpec`).
 */
export interface SeriesTable {
  /** Series index by `"<place>:<indicator>"` (indices); absent for an inactive series. */
  readonly index: ReadonlyMap<string, number>;
  readonly place: readonly number[];
  readonly indicator: readonly number[];
  readonly indicatorStart: Int32Array;
  readonly indicatorKey: Float64Array;
  readonly seriesKey: Float64Array;
  readonly seriesBase: Float64Array;
  readonly seriesA: Float64Array;
  readonly seriesB: Float64Array;
  readonly seriesPhi: Float64Array;
  readonly seriesStart: Int32Array;
  /** [s·T + t − 1] → the factor of series s's cumulated shock in year t (1 before its start). */
  readonly seriesSpread: Float64Array;
  readonly seriesScale: Int32Array;
  readonly seriesLo: Float64Array;
  readonly seriesHi: Float64Array;
}

/** The key of place p × indicator i in {@link SeriesTable.index}. */
export function seriesKeyOf(p: number, i: number): string {
  return `${p}:${i}`;
}

/**
 * The second stage of the kernel compile: orders the active series, splits each one's shock into
 * its common and own loadings (sigma·√rho, sigma·√(1 − rho)), and gives every indicator factor
 * and every series a stream key, the hash of its ids (so a series' shocks do not depend on the
 * order of the places).
 * @throws {RangeError} `simulate: two series share a stream key (…); rename one`.
 */
export function buildSeriesTable(index: PlanIndex): SeriesTable {
  const { plan, years: T, range } = index;
  const P = plan.places.length;
  const I = plan.indicators.length;
  const seriesIndex = new Map<string, number>();
  const place: number[] = [];
  const indicator: number[] = [];
  const indicatorStart = new Int32Array(I + 1);
  for (let i = 0; i < I; i++) {
    indicatorStart[i] = place.length;
    for (let p = 0; p < P; p++) {
      if (plan.baseline[p]![i] == null) continue;
      seriesIndex.set(seriesKeyOf(p, i), place.length);
      place.push(p);
      indicator.push(i);
    }
  }
  indicatorStart[I] = place.length;
  const S = place.length;
  const seriesBase = new Float64Array(S * T);
  const seriesA = new Float64Array(S);
  const seriesB = new Float64Array(S);
  const seriesPhi = new Float64Array(S);
  const seriesStart = new Int32Array(S).fill(1);
  const seriesSpread = new Float64Array(S * T).fill(1);
  const seriesScale = new Int32Array(S);
  const seriesLo = new Float64Array(S);
  const seriesHi = new Float64Array(S);
  const seriesKey = new Float64Array(S);
  const indicatorKey = new Float64Array(I);
  const keys = new Set<number>();
  const key = (text: string): number => {
    const k = hashString(text);
    if (keys.has(k)) failPlan(`two series share a stream key (${text}); rename one`);
    keys.add(k);
    return k;
  };
  plan.indicators.forEach((ind, i) => {
    indicatorKey[i] = key(`factor\u0000${ind.id}`);
  });
  for (let s = 0; s < S; s++) {
    const p = place[s]!;
    const i = indicator[s]!;
    const ind = plan.indicators[i]!;
    const sigma = plan.sigma[p]![i]!;
    seriesBase.set(plan.baseline[p]![i]!, s * T);
    seriesA[s] = sigma * Math.sqrt(ind.rho);
    seriesB[s] = sigma * Math.sqrt(1 - ind.rho);
    seriesPhi[s] = ind.phi;
    seriesStart[s] = plan.start?.[p]?.[i] ?? 1;
    const factors = plan.spread?.[p]?.[i] ?? [];
    if (factors.length > 0)
      for (let t = seriesStart[s]!; t <= T; t++)
        seriesSpread[s * T + t - 1] =
          factors[Math.min(factors.length, t - seriesStart[s]! + 1) - 1]!;
    seriesScale[s] = SERIES_SCALE[ind.scale];
    seriesLo[s] = range[i]![0];
    seriesHi[s] = range[i]![1];
    seriesKey[s] = key(`series\u0000${plan.places[p]}\u0000${ind.id}`);
  }
  return {
    index: seriesIndex,
    place,
    indicator,
    indicatorStart,
    indicatorKey,
    seriesKey,
    seriesBase,
    seriesA,
    seriesB,
    seriesPhi,
    seriesStart,
    seriesSpread,
    seriesScale,
    seriesLo,
    seriesHi,
  };
}
