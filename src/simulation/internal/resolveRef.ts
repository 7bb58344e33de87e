import type { SimulationSeriesRef } from "../../targets/simulatedCondition.js";
import { failPlan } from "./failPlan.js";
import { groupSource } from "./kernelAggregation.js";
import type { PlanIndex } from "./planIndex.js";
import { placeSource, type ValueGraph, type ValueSource } from "./valueGraph.js";

/** A (place or group) × indicator reference, as indices. */
export type ResolvedRef =
  | { readonly kind: "place"; readonly place: number; readonly indicator: number }
  | { readonly kind: "group"; readonly group: number; readonly indicator: number };

/**
 * Looks up a (place or group) × indicator reference.
 * @throws {RangeError} `simulate: <what> refers to an unknown indicator "<id>"` or `… to an
 *   unknown place or group "<id>"`.
 */
export function resolveRef(index: PlanIndex, ref: SimulationSeriesRef, what: string): ResolvedRef {
  const indicator = index.indicator.get(ref.indicator);
  if (indicator === undefined)
    return failPlan(`${what} refers to an unknown indicator "${ref.indicator}"`);
  const place = index.place.get(ref.scope);
  if (place !== undefined) return { kind: "place", place, indicator };
  const group = index.group.get(ref.scope);
  if (group === undefined)
    return failPlan(`${what} refers to an unknown place or group "${ref.scope}"`);
  return { kind: "group", group, indicator };
}

/** The value of a resolved reference, added to the graph if new. */
export function refSource(graph: ValueGraph, ref: ResolvedRef, what: string): ValueSource {
  return ref.kind === "place"
    ? placeSource(graph, ref.place, ref.indicator, what)
    : groupSource(graph, ref.group, ref.indicator, what);
}

/** {@link resolveRef} then {@link refSource}. */
export function sourceOfRef(
  graph: ValueGraph,
  ref: SimulationSeriesRef,
  what: string,
): ValueSource {
  return refSource(graph, resolveRef(graph.index, ref, what), what);
}
