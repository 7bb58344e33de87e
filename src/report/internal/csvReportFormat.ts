import { formatAssessmentCsv } from "../formatAssessmentCsv.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";

/** `csv`: the targets table of {@link formatAssessmentCsv} (UTF-8 with a byte-order mark), unchanged. */
export const csvReportFormat: ReportFormatDefinition<string> = {
  id: "csv",
  extension: ".csv",
  description: "CSV of the targets table (RFC 4180, UTF-8 with BOM)",
  render: ({ assessment, only }) => formatAssessmentCsv(assessment, { only }),
};
