import { seriesValue } from "../scenarios/scopeSeries.js";
import { CITY_CLASS_LOWER_BOUND_10K, cityClass, classAtLeast } from "./cityClass.js";
import { gapOf, satisfies } from "./comparison.js";
import { findSeries } from "./findSeries.js";
import { insufficient } from "./internal/insufficient.js";
import { projectionNeed } from "./internal/seriesNeeds.js";
import { notSimulated } from "./internal/simulatedConditions.js";
import type { SimulationCondition } from "./simulatedCondition.js";
import type { TargetDefinition } from "./targetDefinition.js";

/**
 * A `class` target (e.g. one large, one medium and five small cities): each listed place's size
 * class by its urban resident population (`cityClass`) in the target year, against the class it
 * must reach.
 *
 * - evaluate: `projected` is the number of places that reach their class, `value` the number
 *   listed. Every place needs a projection; those without one are listed as missing data. When
 *   every place is observed in the target year the verdict is final (history).
 * - reads: each listed place's indicator.
 * - simulate: one condition per place, its simulated value on its class's lower bound; only
 *   "every listed place reaches its class" (`>=` the number of places) can be simulated.
 */
export const classTarget: TargetDefinition<"class"> = {
  kind: "class",
  thresholdNoun: undefined,
  evaluate(target, context) {
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
  },
  reads: (target) => ({
    series: target.classes.map((c) => ({ scope: c.scope, indicator: target.indicator })),
    references: [],
  }),
  growthSense: (target) => target.comparator,
  simulate(target, planner) {
    const conditions: SimulationCondition[] = [];
    for (const c of target.classes) {
      const scope = planner.need(c.scope, target.indicator);
      if (scope === undefined) break;
      conditions.push({
        measure: { kind: "value", scope, indicator: target.indicator },
        comparator: ">=",
        threshold: CITY_CLASS_LOWER_BOUND_10K[c.atLeast],
      });
    }
    if (conditions.length !== target.classes.length)
      return notSimulated("no simulated series for every place");
    if (target.comparator !== ">=" || target.value !== target.classes.length)
      return notSimulated("only 'every listed place reaches its class' can be simulated");
    return {
      simulated: true,
      build: () => ({ id: target.id, year: target.year, conditions }),
    };
  },
};
