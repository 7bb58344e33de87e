import type { Dataset } from "../schemas/dataset.js";
import type { Observation } from "../schemas/observation.js";
import { markChecked } from "./checkAssessArgs.js";
import { checkDataset, checkObservations } from "./checkProjectionArgs.js";

/**
 * Adds user observations to a dataset. A user observation replaces the pack's for the same place,
 * indicator and year (the pack's are dropped, not kept as alternatives).
 *
 * @param dataset - the pack's dataset.
 * @param extra - observations to add; an empty list returns `dataset` itself.
 * @returns a new dataset with the same metadata and the merged observations.
 * @throws {ArgumentTypeError} `mergeObservations: dataset must be a dataset (got …)` (or naming
 *   its first problem); `mergeObservations: extra must be an array of observations (got …)`.
 */
export function mergeObservations(dataset: Dataset, extra: readonly Observation[]): Dataset {
  const checked = checkDataset("mergeObservations", "dataset", dataset);
  checkObservations("mergeObservations", "extra", extra);
  if (extra.length === 0) return dataset;
  // Built from a checked dataset and checked observations: not checked again downstream.
  if (checked === dataset) return markChecked(merge(dataset, extra));
  return merge(dataset, extra);
}

function merge(dataset: Dataset, extra: readonly Observation[]): Dataset {
  const replaced = new Set(extra.map((o) => `${o.place}|${o.indicator}|${o.year}`));
  return {
    ...dataset,
    observations: [
      ...dataset.observations.filter((o) => !replaced.has(`${o.place}|${o.indicator}|${o.year}`)),
      ...extra,
    ],
  };
}
