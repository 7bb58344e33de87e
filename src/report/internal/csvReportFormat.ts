import { csvOfDocument } from "../formatAssessmentCsv.js";
import type { ReportDocument, ReportValue } from "../reportDocument.js";
import type { ReportFormatDefinition } from "../reportFormatDefinition.js";
import { documentOf } from "./documentOf.js";
import { RUN_CSV_COLUMNS, runCsvValues } from "./runRecord.js";

/**
 * The comparison's columns of a CSV of several scenarios: the first scenario, and this row's
 * changes from it (empty on the first scenario's rows and where a value is missing).
 */
export const COMPARISON_CSV_COLUMNS = [
  "compared_with",
  "projected_change",
  "probability_change",
  "status_changed",
] as const;

type Values = Readonly<Record<string, ReportValue>>;

/** The comparison's values of a row, read from the document's comparison table. */
function comparisonValues(doc: ReportDocument): ((scenario: string, row: Values) => Values) | null {
  const table = doc.comparison;
  const first = doc.scenarios[0]?.header.scenario;
  if (table === null || first === undefined) return null;
  const byTarget = new Map(table.rows.map((r) => [r.values.target_id, r.values]));
  return (scenario, row) => {
    const c = byTarget.get(row.target_id as string);
    const isFirst = scenario === first;
    return {
      compared_with: first,
      projected_change: isFirst ? null : (c?.[`${scenario}:projected_change`] ?? null),
      probability_change: isFirst ? null : (c?.[`${scenario}:probability_change`] ?? null),
      status_changed: isFirst ? null : c?.[`${scenario}:status`] !== c?.[`${first}:status`],
    };
  };
}

/**
 * `csv`: the targets table of `formatAssessmentCsv` (UTF-8 with a byte-order mark), one row per
 * target and scenario, then for several scenarios of one pack the comparison's columns
 * ({@link COMPARISON_CSV_COLUMNS}), then the run record's ({@link RUN_CSV_COLUMNS}), the same on
 * every row of a scenario.
 */
export const csvReportFormat: ReportFormatDefinition<string> = {
  id: "csv",
  extension: ".csv",
  description: "CSV of the targets table (RFC 4180, UTF-8 with BOM), run record as columns",
  render: ({ fn, assessment, only, run }) => {
    const doc = documentOf(fn, assessment, { only });
    const compare = comparisonValues(doc);
    return csvOfDocument(doc, "targets", true, {
      columns: [...(compare === null ? [] : COMPARISON_CSV_COLUMNS), ...RUN_CSV_COLUMNS],
      valuesFor: (scenario, row) => ({
        ...(compare === null ? {} : compare(scenario, row)),
        ...runCsvValues(run, scenario),
      }),
    });
  },
};
