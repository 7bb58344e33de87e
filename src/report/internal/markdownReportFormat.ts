import { formatAssessmentMarkdown } from "../formatAssessmentMarkdown.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";

/** `md`: the Markdown report of {@link formatAssessmentMarkdown}, unchanged. */
export const markdownReportFormat: ReportFormatDefinition<string> = {
  id: "md",
  extension: ".md",
  description: "Markdown with GitHub tables",
  render: ({ assessment, title, only }) =>
    formatAssessmentMarkdown(assessment, { ...(title === undefined ? {} : { title }), only }),
};
