import type { Assessment } from "../../schemas/assessment.js";
import type { ReportFormatDefinition, ReportFormatInput } from "../reportFormatDefinition.js";
import type { VegaLiteSpec } from "../vegaLiteSpec.js";
import { specsOf } from "../vegaLiteSpecs.js";
import { comparisonChartSpec } from "./comparisonChartSpec.js";

/**
 * `vega-lite`: the Vega-Lite specification of every chart of the report (those of
 * `vegaLiteSpecs`), by file name (`fan-<target>.vl.json`, `places-<indicator>.vl.json`, …); each
 * carries the run record in its `usermeta.regionsim` (Vega-Lite's place for data it ignores).
 * For several scenarios, each scenario's charts are under `<scenario>/` and
 * `compare-gaps.vl.json` sets the scenarios side by side. The CLI writes them into a folder, one
 * file per chart.
 */
export const vegaLiteReportFormat: ReportFormatDefinition<Record<string, VegaLiteSpec>> = {
  id: "vega-lite",
  extension: "",
  description: "a folder of Vega-Lite specs, one .vl.json per chart, data inline",
  output: "folder",
  render(input: ReportFormatInput): Record<string, VegaLiteSpec> {
    const list: readonly Assessment[] = Array.isArray(input.assessment)
      ? input.assessment
      : [input.assessment as Assessment];
    const several = list.length > 1;
    const out: Record<string, VegaLiteSpec> = {};
    const withRun = (spec: VegaLiteSpec): VegaLiteSpec => ({
      ...spec,
      usermeta: { regionsim: input.run },
    });
    const compare = comparisonChartSpec(list);
    if (compare !== null) out["compare-gaps.vl.json"] = withRun(compare);
    for (const assessment of list) {
      const specs = specsOf({
        assessment,
        pack: input.pack ?? undefined,
        // A run given beside the assessment is of one scenario.
        simulation: several ? undefined : (input.simulation ?? undefined),
      });
      for (const [name, spec] of Object.entries(specs))
        out[several ? `${assessment.scenario}/${name}` : name] = withRun(spec);
    }
    return out;
  },
};
