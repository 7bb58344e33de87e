import type { AssessmentRow, DataNeed } from "../schemas/assessment.js";
import { checkRows } from "./checkProjectionArgs.js";

/**
 * Every data need of the rows, one per scope × indicator (years merged; the years some target
 * needs whatever the others kept as `requiredYears` and counted in the minimum, else the largest
 * count), each saying which targets it is for.
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
  const byKey = new Map<string, DataNeed & { targets: string[]; required: Set<number> }>();
  for (const row of rows) {
    for (const need of row.missing) {
      const key = `${need.scope}|${need.indicator}`;
      // A need that asks for all its years (a base year) keeps them required once merged.
      const required = need.minCount >= need.years.length ? need.years : [];
      const existing = byKey.get(key);
      if (existing === undefined)
        byKey.set(key, {
          ...need,
          years: [...need.years],
          targets: [row.targetId],
          required: new Set(required),
        });
      else {
        existing.years = [...new Set([...existing.years, ...need.years])].sort((a, b) => a - b);
        existing.minCount = Math.max(existing.minCount, need.minCount);
        for (const y of required) existing.required.add(y);
        if (!existing.targets.includes(row.targetId)) existing.targets.push(row.targetId);
      }
    }
  }
  return [...byKey.values()].map(({ targets, required, ...need }) => {
    // The required years count towards the minimum: two targets needing 2021 and 2022 need both.
    const minCount = Math.max(need.minCount, required.size);
    return {
      ...need,
      minCount,
      // Only where the count does not already say it (it does when every year is needed).
      ...(required.size === 0 || minCount >= need.years.length
        ? {}
        : { requiredYears: [...required].sort((a, b) => a - b) }),
      why: `${need.why} — for ${targets.join(", ")}`,
    };
  });
}
