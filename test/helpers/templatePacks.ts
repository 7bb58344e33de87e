// Variants of the synthetic pack for the fill-in template's tests: rows that need different
// years, and indicator ids Excel cannot take as sheet names as they are.
import type { RegionPack } from "../../src/index.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { syntheticPack } from "./syntheticPack.js";

/**
 * The synthetic pack with a second count target on labs_new, for `east` from base year 2021: the
 * labs_new sheet then has a row `all` needing 2021–2023 and a row `east` needing 2022–2023.
 */
export function twoRowPack(): RegionPack {
  const p = syntheticPack();
  const labs = p.targets.find((t) => t.id === "labs");
  if (labs === undefined) throw new Error("the synthetic pack has no labs target");
  return {
    ...p,
    targets: [...p.targets, { ...labs, id: "east-labs", scope: "east", baseYear: 2021 }],
  };
}

/**
 * The synthetic pack with labs_new renamed to each of `ids` in turn, one count target on each
 * (all with no data), so that the template has one sheet per id.
 */
export function renamedLabsPack(ids: readonly string[]): RegionPack {
  const p = syntheticPack();
  const labsIndicator = p.dataset.indicators.find((i) => i.id === "labs_new");
  const labs = p.targets.find((t) => t.id === "labs");
  if (labsIndicator === undefined || labs === undefined)
    throw new Error("the synthetic pack has no labs_new indicator or labs target");
  return RegionPackSchema.parse({
    ...p,
    dataset: {
      ...p.dataset,
      indicators: [
        ...p.dataset.indicators.filter((i) => i.id !== "labs_new"),
        ...ids.map((id, k) => ({
          ...labsIndicator,
          id,
          nameZh: `新增实验室${k + 1}`,
          nameEn: `New labs ${k + 1}`,
        })),
      ],
    },
    targets: [
      ...p.targets.filter((t) => t.id !== "labs"),
      ...ids.map((id, k) => ({ ...labs, id: `labs-${k + 1}`, indicator: id })),
    ],
  });
}
