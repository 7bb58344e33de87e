import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ScenarioInput } from "../../schemas/scenario.js";

/** The title of a report: the pack's names, the scenario's id and names (`曲靖市 Qujing · trend — Trend 趋势`). */
export function reportTitle(
  pack: RegionPack,
  assessment: Assessment,
  scenario: string | ScenarioInput,
): string {
  const named = pack.scenarios.find((s) => s.id === assessment.scenario);
  const nameZh = typeof scenario === "string" ? named?.nameZh : scenario.nameZh;
  return (
    `${pack.nameZh} ${pack.nameEn} · ${assessment.scenario} — ${assessment.scenarioName}` +
    (nameZh === undefined ? "" : ` ${nameZh}`)
  );
}
