import { seriesValue } from "../scenarios/scopeSeries.js";
import type { Target } from "../schemas/target.js";
import { cityClass, classAtLeast } from "./cityClass.js";
import { gapOf, satisfies } from "./comparison.js";
import { findSeries } from "./findSeries.js";
import { insufficient } from "./internal/insufficient.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";

type ClassTarget = Extract<Target, { kind: "class" }>;

/**
 * Evaluates a `class` target (e.g. one large, one medium and five small cities): each listed
 * place's size class by its urban resident population ({@link cityClass}) in the target year,
 * against the class it must reach. `projected` is the number of places that reach their class,
 * `value` the number listed. Every place needs a projection; those without one are listed as
 * missing data. When every place is observed in the target year the verdict is final (history).
 */
export function evaluateClassTarget(target: ClassTarget, context: TargetContext): TargetEvaluation {
  const needs = [];
  const reached: string[] = [];
  const notes: string[] = [];
  // The verdict is history once every listed place is observed in the target year.
  let final = true;
  for (const { scope, atLeast } of target.classes) {
    const series = findSeries(context, scope, target.indicator);
    const need = projectionNeed(context, series, scope, target.indicator, target.year);
    if (need !== undefined || series === undefined) {
      if (need !== undefined) needs.push(need);
      continue;
    }
    if (!series.observed.some((p) => p.year === target.year)) final = false;
    const value = seriesValue(series, target.year);
    if (value === undefined || value < 0) continue;
    const cls = cityClass(value);
    notes.push(`${scope}: ${Number(value.toPrecision(4))} → ${cls} (needs ${atLeast})`);
    if (classAtLeast(cls, atLeast)) reached.push(scope);
  }
  if (needs.length > 0) return insufficient(needs, notes);
  const count = reached.length;
  return {
    projected: count,
    interval: null,
    met: satisfies(count, target.comparator, target.value, target.tolerance),
    gap: gapOf(count, target.value),
    latest: null,
    requiredGrowth: null,
    impliedGrowth: null,
    firstYearMet: null,
    expectedProgress: null,
    actualProgress: null,
    achieved: false,
    final,
    missing: [],
    notes,
  };
}
