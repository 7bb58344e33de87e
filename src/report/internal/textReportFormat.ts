import { formatAssessmentText } from "../formatAssessmentText.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";

/** `text`: the terminal report of {@link formatAssessmentText}, unchanged. */
export const textReportFormat: ReportFormatDefinition<string> = {
  id: "text",
  extension: ".txt",
  description: "plain text for a terminal (the table assess prints)",
  render: ({ assessment, title, only }) =>
    formatAssessmentText(assessment, { ...(title === undefined ? {} : { title }), only }),
};
