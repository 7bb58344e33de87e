import { formatAssessmentMarkdown } from "../formatAssessmentMarkdown.js";
import type {
  ReportFormatDefinition,
  ReportFormatInput,
  ReportLayout,
} from "../reportFormatDefinition.js";
import { escapeMarkdown } from "./markdownText.js";
import { renderQuarterlyMarkdown } from "./quarterlyMarkdown.js";
import { runRecordLine } from "./runRecord.js";

/** The Markdown of each layout: the standard report, the quarterly monitoring report. */
const LAYOUTS: Readonly<Record<ReportLayout, (input: ReportFormatInput) => string>> = {
  standard: ({ assessment, title, only }) =>
    formatAssessmentMarkdown(assessment, { ...(title === undefined ? {} : { title }), only }),
  quarterly: renderQuarterlyMarkdown,
};

/**
 * `md`: the Markdown report of {@link formatAssessmentMarkdown}, or with `layout: "quarterly"`
 * the quarterly monitoring report; then a rule and the run record in one line.
 */
export const markdownReportFormat: ReportFormatDefinition<string> = {
  id: "md",
  extension: ".md",
  description: "Markdown with GitHub tables, with the run record",
  layouts: Object.keys(LAYOUTS) as ReportLayout[],
  render: (input) =>
    `${LAYOUTS[input.layout](input)}\n---\n\n${escapeMarkdown(runRecordLine(input.run))}\n`,
};
