import { deriveCheckedPriceSeries } from "../scenarios/derivePriceSeries.js";
import type { Dataset } from "../schemas/dataset.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { isChecked, markChecked } from "./checkAssessArgs.js";
import { mergeObservations } from "./mergeObservations.js";

/**
 * The dataset an assessment of a checked pack projects: the pack's observations with the user's
 * (see {@link mergeObservations}), and the constant-price series and deflators derived from the
 * price indices at the prices of the plan's base year (see `derivePriceSeries`), with the
 * warnings of that derivation. Not exported from the package.
 */
export function packDataset(
  pack: RegionPack,
  data: readonly Observation[],
): { readonly dataset: Dataset; readonly issues: readonly Issue[] } {
  const merged = mergeObservations(pack.dataset, data);
  const derived = deriveCheckedPriceSeries(merged, pack.plan.baseYear);
  // Built by the library from a checked dataset: not parsed again downstream.
  const dataset =
    derived.dataset !== merged && isChecked(merged)
      ? markChecked(derived.dataset)
      : derived.dataset;
  return { dataset, issues: derived.issues };
}
