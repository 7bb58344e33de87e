// The HTML report: one self-contained file, rendered by renderHtmlReport, with the run record.

import type { Assessment } from "../../schemas/assessment.js";
import { renderHtmlReport } from "../renderHtmlReport.js";
import type {
  ReportFormatDefinition,
  ReportFormatInput,
  ReportLayout,
} from "../reportFormatDefinition.js";
import { comparisonHtml } from "./comparisonHtml.js";
import { escapeHtml } from "./htmlParts.js";
import { renderQuarterlyHtml } from "./quarterlyHtml.js";
import { runRecordLine } from "./runRecord.js";
import { singleAssessment } from "./singleAssessment.js";

/** The run record as the last line of the HTML report. */
function runFooter(input: ReportFormatInput): string {
  return `<footer class="run">${escapeHtml(runRecordLine(input.run))}</footer>\n`;
}

/** The standard HTML report: one assessment, rendered by `renderHtmlReport`. */
async function standard(input: ReportFormatInput): Promise<string> {
  const list: readonly Assessment[] = Array.isArray(input.assessment)
    ? input.assessment
    : [input.assessment as Assessment];
  if (list.length > 1) return comparisonHtml(input, list);
  return renderHtmlReport(singleAssessment(input, "html"), {
    ...(input.simulation === null ? {} : { simulation: input.simulation }),
    ...(input.pack === null ? {} : { pack: input.pack }),
    ...(input.title === undefined ? {} : { title: input.title }),
    only: input.only,
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
 * notes (see `renderHtmlReport`) — or of several scenarios: their comparison, then each one's
 * report — or with `layout: "quarterly"` the quarterly monitoring report
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
