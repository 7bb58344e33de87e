import type { Dataset } from "../schemas/dataset.js";
import type { Observation } from "../schemas/observation.js";

/**
 * Adds user observations to a dataset. A user observation replaces the pack's for the same place,
 * indicator and year (the pack's are dropped, not kept as alternatives).
 *
 * @param dataset - the pack's dataset.
 * @param extra - observations to add; an empty list returns `dataset` itself.
 * @returns a new dataset with the same metadata and the merged observations.
 */
export function mergeObservations(dataset: Dataset, extra: readonly Observation[]): Dataset {
  if (extra.length === 0) return dataset;
  const replaced = new Set(extra.map((o) => `${o.place}|${o.indicator}|${o.year}`));
  return {
    ...dataset,
    observations: [
      ...dataset.observations.filter((o) => !replaced.has(`${o.place}|${o.indicator}|${o.year}`)),
      ...extra,
    ],
  };
}
