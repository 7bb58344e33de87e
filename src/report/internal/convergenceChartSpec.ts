// σ-convergence over time: Theil's T split between the central places and the rest.

import { sigmaChartValues } from "../../analysis/sigmaChartValues.js";
import { sigmaConvergence } from "../../analysis/sigmaConvergence.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "../vegaLiteSpec.js";

/** The group the plan calls the central city (中心城市), as `convergence` takes it by default. */
const CENTRE = "central-city";

/**
 * The σ-convergence chart of one disparity indicator: per year, Theil's T stacked as its part
 * between the central places and the rest and its part within them (Shorrocks 1980); projected
 * years lighter, series breaks named in the subtitle. Only for an indicator of kind `level`
 * (income per person, not a rate or share). Needs the
 * pack's central-city group (else null), and at least two years of the indicator.
 */
export function convergenceChartSpec(
  assessment: Assessment,
  pack: RegionPack | undefined,
  indicator: string,
): VegaLiteSpec | null {
  const group = pack?.dataset.groups.find((g) => g.id === CENTRE);
  const info = pack?.dataset.indicators.find((i) => i.id === indicator);
  // Convergence is about levels across places (income per person), not about rates or shares.
  if (group === undefined || info === undefined || info.kind !== "level") return null;
  const rows = (assessment.disparity ?? []).filter((r) => r.indicator === indicator);
  if (rows.length < 2) return null;
  const chart = sigmaChartValues(sigmaConvergence(rows, { centre: group }));
  const label = { between: "between 中心与其他之间", within: "within 组内" } as const;
  const values: VegaLiteDatum[] = [];
  for (const p of chart.points) {
    if (p.measure === "between" || p.measure === "within")
      values.push({ part: label[p.measure], year: p.year, value: p.value, basis: p.basis });
  }
  if (values.length === 0) return null;
  const breaks = [...new Set(chart.breaks.map((b) => b.year))];

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [`${info.nameZh}地区差距的收敛`, `σ-convergence of ${info.nameEn}`],
      subtitle: [
        `Theil's T between ${group.id} and the rest, and within them; lighter bars are projected`,
        ...(breaks.length === 0
          ? []
          : [`series breaks in ${breaks.join(", ")}: levels are not comparable across them`]),
      ],
    },
    description: `Theil's T of ${indicator} across the places by year, split between the central places and the rest and within them; projected years lighter, series breaks named.`,
    data: { values },
    width: 400,
    height: 220,
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "year",
            type: "ordinal",
            title: "year 年份",
            axis: { labelAngle: 0, labelOverlap: "greedy" },
          },
          y: { field: "value", type: "quantitative", stack: "zero", title: "Theil T" },
          color: { field: "part", type: "nominal", title: null },
          opacity: {
            field: "basis",
            type: "nominal",
            scale: { domain: ["observed", "projected"], range: [1, 0.45] },
            title: null,
          },
        },
      },
    ],
  };
}
