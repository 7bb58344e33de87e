// The scenarios side by side as a chart: each target's relative gap under each scenario.

import type { Assessment } from "../../schemas/assessment.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "../vegaLiteSpec.js";

/**
 * A dot plot of the relative gap to each target, (projected − target) / |target|, one row per
 * target judged under some scenario, one colour per scenario, with the zero line (the target):
 * to the right of it a scenario meets a "≥" target. Null when no target has a gap under any
 * scenario, or for fewer than two scenarios.
 */
export function comparisonChartSpec(list: readonly Assessment[]): VegaLiteSpec | null {
  if (list.length < 2) return null;
  const values: VegaLiteDatum[] = [];
  for (const a of list)
    for (const row of a.rows) {
      const relative = row.gap?.relative;
      if (relative === null || relative === undefined) continue;
      values.push({
        target: `${row.nameZh} ${row.targetId}`,
        scenario: `${a.scenario} ${a.scenarioName}`,
        gap: relative,
        status: `${row.status} ${row.statusZh}`,
        probability: row.probability,
      });
    }
  if (values.length === 0) return null;
  const scenarios = list.map((a) => `${a.scenario} ${a.scenarioName}`);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: ["各情景目标差距", "The gap to each target, by scenario"],
      subtitle: ["(projected − target) / |target|; 0 = exactly the target"],
    },
    description:
      "Dot plot of each target's relative gap under each scenario, with the target as the zero line.",
    data: { values },
    width: 420,
    layer: [
      {
        mark: { type: "rule", color: "#c0392b" },
        encoding: { x: { datum: 0, type: "quantitative" } },
      },
      {
        mark: { type: "point", filled: true, size: 70 },
        encoding: {
          x: {
            field: "gap",
            type: "quantitative",
            title: "gap 差距 (share of the target)",
            axis: { format: "+.0%" },
          },
          y: { field: "target", type: "nominal", title: null, sort: null },
          color: { field: "scenario", type: "nominal", title: "情景 scenario", sort: scenarios },
          tooltip: [
            { field: "scenario", type: "nominal" },
            { field: "status", type: "nominal" },
            { field: "gap", type: "quantitative", format: "+.1%" },
            { field: "probability", type: "quantitative", format: ".0%" },
          ],
        },
      },
    ],
  };
}
