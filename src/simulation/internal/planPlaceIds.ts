import type { Dataset } from "../../schemas/dataset.js";

/** Engine place ids for the series that are not a dataset place's own. */
export interface PlanPlaceIds {
  /**
   * The engine place that holds a scope's own series: a place is itself; a group's own series
   * runs as a pseudo-place, `<group>-own`, suffixed further (`-own-2`, …) when that id is taken
   * by a place or group of the dataset. The same group always gets the same id.
   */
  ownSeriesOf(scope: string): string;
  /** A new pseudo-place for a reference series, `ref-<id>`, suffixed further when taken. */
  referencePlace(referenceId: string): string;
}

/** The pseudo-place ids of a plan, none of them an id of the dataset or another pseudo-place. */
export function planPlaceIds(dataset: Dataset): PlanPlaceIds {
  const groupNames = new Set(dataset.groups.map((g) => g.id));
  const takenIds = new Set([...dataset.places.map((p) => p.id), ...groupNames]);
  const pseudoIds = new Map<string, string>();
  const fresh = (base: string): string => {
    let id = base;
    for (let k = 2; takenIds.has(id); k++) id = `${base}-${k}`;
    takenIds.add(id);
    return id;
  };
  return {
    ownSeriesOf(scope) {
      if (!groupNames.has(scope)) return scope;
      const known = pseudoIds.get(scope);
      if (known !== undefined) return known;
      const id = fresh(`${scope}-own`);
      pseudoIds.set(scope, id);
      return id;
    },
    referencePlace: (referenceId) => fresh(`ref-${referenceId}`),
  };
}
