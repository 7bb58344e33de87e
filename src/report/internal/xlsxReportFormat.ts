// The Excel report: one workbook, a sheet per table of the report document.

import { loadExcelJs } from "../../internal/loadExcelJs.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { ReportFormatDefinition, ReportFormatInput } from "../reportFormatDefinition.js";
import { documentOf } from "./documentOf.js";
import {
  placesSheet,
  projectionsSheet,
  readinessSheet,
  runSheet,
  simulatedSheet,
  sourcesSheet,
  targetsSheet,
} from "./xlsxSheets.js";
import { writeTableSheet } from "./xlsxTable.js";

/** The sheets of the Excel report, in order; `simulated` and `places` only when there is data. */
export const XLSX_SHEETS = {
  comparison: "情景比较 Compare",
  targets: "目标 Targets",
  projections: "预测 Projections",
  simulated: "模拟分布 Simulated",
  places: "各县（市、区） Counties",
  readiness: "数据需求 Readiness",
  sources: "来源 Sources",
  run: "运行记录 Run",
} as const;

/**
 * `xlsx`: an Excel workbook (exceljs, loaded on first use) with, for several scenarios, their
 * comparison (one row per target, a column group per scenario), then the targets, the projections
 * (scope × indicator × year with intervals), the simulated quantiles when simulated, the county
 * table when the pack declares one, the data-readiness list, the sources and the run record.
 */
export const xlsxReportFormat: ReportFormatDefinition<Promise<Uint8Array>> = {
  id: "xlsx",
  extension: ".xlsx",
  description: "Excel workbook: targets, projections, counties, readiness, sources, run",
  render: renderXlsx,
};

async function renderXlsx(input: ReportFormatInput): Promise<Uint8Array> {
  const { fn, assessment, title, only, run, sources } = input;
  const doc = documentOf(fn, assessment, { ...(title === undefined ? {} : { title }), only });
  const list: readonly Assessment[] = Array.isArray(assessment)
    ? assessment
    : [assessment as Assessment];
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  workbook.creator = `${run.library} ${run.version}`;
  workbook.title = doc.title;
  // The workbook's dates are the run's, so that its properties follow options.date.
  const date = new Date(run.date);
  workbook.created = date;
  workbook.modified = date;
  if (doc.comparison !== null)
    writeTableSheet(workbook, XLSX_SHEETS.comparison, {
      fields: doc.comparison.fields,
      rows: doc.comparison.rows.map((r) => r.values),
    });
  writeTableSheet(workbook, XLSX_SHEETS.targets, targetsSheet(doc));
  writeTableSheet(workbook, XLSX_SHEETS.projections, projectionsSheet(list));
  const simulated = simulatedSheet(list);
  if (simulated !== null) writeTableSheet(workbook, XLSX_SHEETS.simulated, simulated);
  const places = placesSheet(doc);
  if (places !== null) writeTableSheet(workbook, XLSX_SHEETS.places, places);
  writeTableSheet(workbook, XLSX_SHEETS.readiness, readinessSheet(doc));
  writeTableSheet(workbook, XLSX_SHEETS.sources, sourcesSheet(doc, sources));
  writeTableSheet(workbook, XLSX_SHEETS.run, runSheet(run, doc.title));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
