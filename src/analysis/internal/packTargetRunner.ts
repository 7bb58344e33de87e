import { buildTargetContext } from "../../assessment/buildTargetContext.js";
import { checkAssessArgs, checkEntryPack } from "../../assessment/checkAssessArgs.js";
import { packDataset } from "../../assessment/packDataset.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import { nearestIds, normalizeName } from "../../internal/nameMatch.js";
import {
  projectCheckedScenario,
  type ScenarioProjection,
} from "../../scenarios/projectScenario.js";
import { resolveScenario } from "../../scenarios/resolveScenario.js";
import { derivedIndicators } from "../../schemas/derivedIndicators.js";
import type { Indicator } from "../../schemas/indicator.js";
import type { Scenario } from "../../schemas/scenario.js";
import type { Target } from "../../schemas/target.js";
import { evaluateCheckedTarget } from "../../targets/evaluateTarget.js";
import type { TargetEvaluation } from "../../targets/targetContext.js";
import type { TargetSeriesRef } from "../../targets/targetDefinition.js";
import { targetDefinitionOf } from "../../targets/targetRegistry.js";

/** One target of a pack, ready to be evaluated under variants of a scenario. */
export interface PackTargetRunner {
  readonly target: Target;
  /** The scenario, resolved (its `extends` chain flattened). */
  readonly scenario: Scenario;
  /** The series the target reads, its own first. */
  readonly reads: readonly TargetSeriesRef[];
  /** The indicators of the pack, by id. */
  readonly indicators: ReadonlyMap<string, Indicator>;
  /** How many places a scope covers: 1 for a place, a group's members, every place for `*`. */
  readonly scopeSize: (scope: string) => number;
  /** Projects the variant (only the series the target needs) and evaluates the target. */
  run(scenario: Scenario): { evaluation: TargetEvaluation; projection: ScenarioProjection };
}

/**
 * The indicators whose observations the series `reads` depend on: the indicators read, and
 * through their definitions the numerator and denominator of a ratio, the weight of a weighted
 * mean, the symbols of a formula, the price index of an indicator with `prices`, and what a
 * price companion is derived from.
 */
function neededIndicators(
  indicators: ReadonlyMap<string, Indicator>,
  reads: readonly TargetSeriesRef[],
): Set<string> {
  const programs = derivedIndicators([...indicators.values()]).programs;
  const needed = new Set<string>();
  const queue = reads.map((r) => r.indicator);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (needed.has(id)) continue;
    needed.add(id);
    const indicator = indicators.get(id);
    if (indicator === undefined) continue;
    const a = indicator.aggregation;
    if (a.rule === "ratio") queue.push(a.numerator, a.denominator);
    if (a.rule === "weighted-mean") queue.push(a.weight);
    queue.push(...(programs.get(id)?.symbols ?? []));
    if (indicator.prices !== undefined) queue.push(indicator.prices.index);
    if (indicator.priceCompanion !== undefined)
      queue.push(indicator.priceCompanion.of, indicator.priceCompanion.index);
  }
  return needed;
}

/**
 * Checks the pack, the scenario and the target id as `assessPack` does, and prepares the
 * target's evaluation: a copy of the pack with that target only and the observations of the
 * indicators it needs only, so that each run projects a few series instead of every one (the
 * target's evaluation is the same: a test compares it with `assessPack`'s row).
 */
export function packTargetRunner(
  fn: string,
  pack: unknown,
  scenario: unknown,
  targetId: unknown,
): PackTargetRunner {
  const args = checkAssessArgs(fn, pack, scenario, {});
  const ids = args.pack.targets.map((t) => t.id);
  const target = args.pack.targets.find((t) => t.id === targetId);
  if (target === undefined) {
    const key = typeof targetId === "string" ? targetId : "";
    const candidates = ids.map((id) => ({ id, keys: [normalizeName(id)] }));
    const [nearest] = nearestIds(normalizeName(key), candidates, 1);
    const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
    const got =
      typeof targetId === "string" ? `the string ${JSON.stringify(targetId)}` : String(targetId);
    throw new ArgumentRangeError(
      `${fn}: targetId must be the id of a target of the pack${hint} (got ${got})`,
      { code: "unknown-id", path: "targetId" },
    );
  }
  const resolved = resolveScenario(args.scenario, args.pack.scenarios);
  const indicators = new Map(args.pack.dataset.indicators.map((i) => [i.id, i]));
  const reads = targetDefinitionOf(target).reads().series;
  const needed = neededIndicators(indicators, reads);
  const pruned = checkEntryPack(fn, {
    ...args.pack,
    targets: [target],
    dataset: {
      ...args.pack.dataset,
      observations: args.pack.dataset.observations.filter((o) => needed.has(o.indicator)),
    },
  });
  const { dataset } = packDataset(pruned, []);
  return {
    target,
    scenario: resolved,
    reads,
    indicators,
    scopeSize: (scope) =>
      scope === "*"
        ? args.pack.dataset.places.length + 1
        : (args.pack.dataset.groups.find((g) => g.id === scope)?.members.length ?? 1),
    run: (variant) => {
      const projection = projectCheckedScenario(dataset, variant, pruned.references);
      const context = buildTargetContext(pruned, dataset, projection);
      return { evaluation: evaluateCheckedTarget(target, context), projection };
    },
  };
}
