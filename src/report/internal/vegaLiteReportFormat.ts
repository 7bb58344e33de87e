import type { ReportFormatDefinition, ReportFormatInput } from "../reportFormatDefinition.js";
import type { VegaLiteSpec } from "../vegaLiteSpec.js";
import { specsOf } from "../vegaLiteSpecs.js";
import { singleAssessment } from "./singleAssessment.js";

/**
 * `vega-lite`: the Vega-Lite specification of every chart of the report (those of
 * `vegaLiteSpecs`), by file name (`fan-<target>.vl.json`, `places-<indicator>.vl.json`, …); each
 * carries the run record in its `usermeta.regionsim` (Vega-Lite's place for data it ignores).
 * The CLI writes them into a folder, one file per chart.
 */
export const vegaLiteReportFormat: ReportFormatDefinition<Record<string, VegaLiteSpec>> = {
  id: "vega-lite",
  extension: "",
  description: "a folder of Vega-Lite specs, one .vl.json per chart, data inline",
  output: "folder",
  render(input: ReportFormatInput): Record<string, VegaLiteSpec> {
    const assessment = singleAssessment(input, "vega-lite");
    const specs = specsOf({
      assessment,
      pack: input.pack ?? undefined,
      simulation: input.simulation ?? undefined,
    });
    const out: Record<string, VegaLiteSpec> = {};
    for (const [name, spec] of Object.entries(specs))
      out[name] = { ...spec, usermeta: { regionsim: input.run } };
    return out;
  },
};
