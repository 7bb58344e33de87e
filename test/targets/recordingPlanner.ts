// What the target kinds' `simulate` tests share: a target context of a synthetic pack, and a
// planner that records what a target asks for and answers like the simulation planner would.
import { buildTargetContext } from "../../src/assessment/buildTargetContext.js";
import type { RegionPack, ScenarioInput } from "../../src/index.js";
import { projectScenario } from "../../src/scenarios/projectScenario.js";
import { resolveScenario } from "../../src/scenarios/resolveScenario.js";
import type { Indicator } from "../../src/schemas/indicator.js";
import { findSeries } from "../../src/targets/findSeries.js";
import type { TargetContext } from "../../src/targets/targetContext.js";
import type { TargetSimulation } from "../../src/targets/targetDefinition.js";
import type { TargetPlanner } from "../../src/targets/targetPlanner.js";

/** The context a pack's targets are evaluated and planned in, under one scenario. */
export function contextOf(pack: RegionPack, scenario: string | ScenarioInput): TargetContext {
  const resolved = resolveScenario(scenario, pack.scenarios);
  const projection = projectScenario(pack.dataset, resolved, pack.references);
  return buildTargetContext(pack, pack.dataset, projection);
}

/**
 * A planner whose engine scope for a series is `@<scope>` (undefined when there is no series,
 * or the scope is in `refuse`) and for a reference in `references` is `ref-<id>`, a log-scale
 * pseudo-indicator of that id; `asked` lists each request in order (`scope|indicator`,
 * `ref:<id>`).
 */
export function recordingPlanner(
  context: TargetContext,
  options: { readonly refuse?: readonly string[]; readonly references?: readonly string[] } = {},
): { readonly planner: TargetPlanner; readonly asked: string[] } {
  const asked: string[] = [];
  const references = new Set(options.references ?? []);
  const planner: TargetPlanner = {
    context,
    need(scope, indicator) {
      asked.push(`${scope}|${indicator}`);
      if (options.refuse?.includes(scope)) return undefined;
      return findSeries(context, scope, indicator) === undefined ? undefined : `@${scope}`;
    },
    needReference(id) {
      asked.push(`ref:${id}`);
      return references.has(id) ? `ref-${id}` : undefined;
    },
    indicator(id): Indicator | undefined {
      if (references.has(id))
        return {
          id,
          nameZh: id,
          nameEn: id,
          unit: "x",
          kind: "level",
          aggregation: { rule: "none" },
          scale: "log",
        };
      return context.dataset.indicators.find((i) => i.id === id);
    },
  };
  return { planner, asked };
}

/** The simulated target a definition builds for a first simulated year, or why it cannot. */
export function built(simulation: TargetSimulation, firstYear: number) {
  return simulation.simulated ? simulation.build(firstYear) : { skipped: simulation.reason };
}
