// The HTML report: one self-contained file, rendered by renderHtmlReport, with the run record.

import { ArgumentRangeError } from "../../internal/errors.js";
import type { Assessment } from "../../schemas/assessment.js";
import { renderHtmlReport } from "../renderHtmlReport.js";
import type {
  ReportFormatDefinition,
  ReportFormatInput,
  ReportLayout,
} from "../reportFormatDefinition.js";
import { escapeHtml } from "./htmlParts.js";
import { renderQuarterlyHtml } from "./quarterlyHtml.js";

/** The run record as the last lines of the HTML report. */
function runFooter(input: ReportFormatInput): string {
  const { run } = input;
  const scenarios = run.scenarios
    .map(
      (s) =>
        `${s.scenario} (data as of ${s.asOf}${s.simulation === null ? "" : `, ${s.simulation.paths} paths, seed ${s.simulation.seed}`})`,
    )
    .join("; ");
  const text =
    `运行记录 Run: ${run.library} ${run.version} · pack ${run.pack}` +
    (run.dataFingerprint === null ? "" : ` (data ${run.dataFingerprint})`) +
    ` · ${scenarios} · ${run.date}`;
  return `<footer class="run">${escapeHtml(text)}</footer>\n`;
}

/** The standard HTML report: one assessment, rendered by `renderHtmlReport`. */
async function standard(input: ReportFormatInput): Promise<string> {
  const list = Array.isArray(input.assessment) ? input.assessment : [input.assessment];
  if (list.length !== 1)
    throw new ArgumentRangeError(
      `${input.fn}: the html format renders one assessment (got a list of ${list.length}); render each scenario on its own`,
      { code: "out-of-range", path: "assessment" },
    );
  return renderHtmlReport(list[0] as Assessment, {
    ...(input.pack === null ? {} : { pack: input.pack }),
    ...(input.title === undefined ? {} : { title: input.title }),
  });
}

/** The HTML of each layout: the standard report, the quarterly monitoring report. */
const LAYOUTS: Readonly<Record<ReportLayout, (input: ReportFormatInput) => Promise<string>>> = {
  standard,
  quarterly: async (input) => renderQuarterlyHtml(input),
};

/**
 * `html`: one self-contained HTML file (inline CSS and SVG, no script, A4 pages) of one
 * assessment — the dashboard, fan charts, the places side by side, readiness, assumptions and
 * notes (see `renderHtmlReport`) — or with `layout: "quarterly"` the quarterly monitoring report
 * (of one assessment or a list), ending with the run record. Charts read the pack's history and
 * breaks when the pack is given.
 */
export const htmlReportFormat: ReportFormatDefinition<Promise<string>> = {
  id: "html",
  extension: ".html",
  description: "HTML, one self-contained file with charts, prints on A4",
  layouts: Object.keys(LAYOUTS) as ReportLayout[],
  async render(input: ReportFormatInput): Promise<string> {
    const html = await LAYOUTS[input.layout](input);
    return html.replace("</body>", `${runFooter(input)}</body>`);
  },
};
