import { formatAssessmentMarkdown } from "../formatAssessmentMarkdown.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";
import { escapeMarkdown } from "./markdownText.js";
import { runRecordLine } from "./runRecord.js";

/**
 * `md`: the Markdown report of {@link formatAssessmentMarkdown}, then a rule and the run record
 * in one line.
 */
export const markdownReportFormat: ReportFormatDefinition<string> = {
  id: "md",
  extension: ".md",
  description: "Markdown with GitHub tables, with the run record",
  render: ({ assessment, title, only, run }) =>
    `${formatAssessmentMarkdown(assessment, { ...(title === undefined ? {} : { title }), only })}\n---\n\n${escapeMarkdown(runRecordLine(run))}\n`,
};
