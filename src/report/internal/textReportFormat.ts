import { formatAssessmentText } from "../formatAssessmentText.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";
import { runRecordLine } from "./runRecord.js";

/**
 * `text`: the terminal report of {@link formatAssessmentText} (what `regionsim assess` prints),
 * then a blank line and the run record in one line.
 */
export const textReportFormat: ReportFormatDefinition<string> = {
  id: "text",
  extension: ".txt",
  description: "plain text for a terminal (the table assess prints), with the run record",
  render: ({ assessment, title, only, run }) =>
    `${formatAssessmentText(assessment, { ...(title === undefined ? {} : { title }), only })}\n${runRecordLine(run)}\n`,
};
