/** Share of the plan period elapsed at `year` (序时进度), clamped to [0, 1]. */
export function elapsedShare(baseYear: number, targetYear: number, year: number): number | null {
  if (targetYear <= baseYear) return null;
  return Math.min(1, Math.max(0, (year - baseYear) / (targetYear - baseYear)));
}
