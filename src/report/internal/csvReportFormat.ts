import { csvOfDocument } from "../formatAssessmentCsv.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";
import { documentOf } from "./documentOf.js";
import { RUN_CSV_COLUMNS, runCsvValues } from "./runRecord.js";

/**
 * `csv`: the targets table of `formatAssessmentCsv` (UTF-8 with a byte-order mark) with the run
 * record's columns ({@link RUN_CSV_COLUMNS}) after its own, the same on every row of a scenario.
 */
export const csvReportFormat: ReportFormatDefinition<string> = {
  id: "csv",
  extension: ".csv",
  description: "CSV of the targets table (RFC 4180, UTF-8 with BOM), run record as columns",
  render: ({ fn, assessment, only, run }) =>
    csvOfDocument(documentOf(fn, assessment, { only }), "targets", true, {
      columns: RUN_CSV_COLUMNS,
      valuesFor: (scenario) => runCsvValues(run, scenario),
    }),
};
