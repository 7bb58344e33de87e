import type { AssessmentRow, DataNeed } from "../schemas/assessment.js";
import { checkRows } from "./checkProjectionArgs.js";

/**
 * Every data need of the rows, one per scope × indicator (years merged, the largest count kept),
 * each saying which targets it is for.
 *
 * @param rows - assessment rows, whose `missing` lists what each target lacks.
 * @returns the merged needs, in the order they first occur.
 * @throws {ArgumentTypeError} `collectReadiness: rows must be an array of assessment rows (got …)`,
 *   or naming the first problem in a row (`rows[0].missing: …`).
 */
export function collectReadiness(rows: readonly AssessmentRow[]): DataNeed[] {
  checkRows("collectReadiness", "rows", rows);
  return collectCheckedReadiness(rows);
}

/** {@link collectReadiness} without its argument check, for rows the assessment built itself. */
export function collectCheckedReadiness(rows: readonly AssessmentRow[]): DataNeed[] {
  const byKey = new Map<string, DataNeed & { targets: string[] }>();
  for (const row of rows) {
    for (const need of row.missing) {
      const key = `${need.scope}|${need.indicator}`;
      const existing = byKey.get(key);
      if (existing === undefined)
        byKey.set(key, { ...need, years: [...need.years], targets: [row.targetId] });
      else {
        existing.years = [...new Set([...existing.years, ...need.years])].sort((a, b) => a - b);
        existing.minCount = Math.max(existing.minCount, need.minCount);
        if (!existing.targets.includes(row.targetId)) existing.targets.push(row.targetId);
      }
    }
  }
  return [...byKey.values()].map(({ targets, ...need }) => ({
    ...need,
    why: `${need.why} — for ${targets.join(", ")}`,
  }));
}
