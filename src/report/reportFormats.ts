// The format table of renderReport: one entry per report format, each defined in its own module.

import { csvReportFormat } from "./internal/csvReportFormat.js";
import { htmlReportFormat } from "./internal/htmlReportFormat.js";
import { markdownReportFormat } from "./internal/markdownReportFormat.js";
import { textReportFormat } from "./internal/textReportFormat.js";
import { vegaLiteReportFormat } from "./internal/vegaLiteReportFormat.js";
import { xlsxReportFormat } from "./internal/xlsxReportFormat.js";
import type { ReportLayout } from "./reportFormatDefinition.js";

/**
 * The report formats `renderReport` and `regionsim report --format` offer, by id. To add one,
 * write a module exporting a `ReportFormatDefinition` (its id, file extension, description and
 * `render`) and add it here; its id then becomes a `ReportFormat`, `renderReport` returns what
 * its `render` returns, and the CLI accepts it (see docs/reports.md, "Adding a format").
 */
export const REPORT_FORMATS = {
  text: textReportFormat,
  md: markdownReportFormat,
  csv: csvReportFormat,
  xlsx: xlsxReportFormat,
  html: htmlReportFormat,
  "vega-lite": vegaLiteReportFormat,
} as const;

/** A report format: `text`, `md`, `csv`, `xlsx`, `html` or `vega-lite`. */
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** The ids of the report formats, in the order of {@link REPORT_FORMATS}. */
export const REPORT_FORMAT_IDS = Object.keys(REPORT_FORMATS) as readonly ReportFormat[];

/** The layouts a format renders (`standard` for a format that declares none). */
export function layoutsOf(format: ReportFormat): readonly ReportLayout[] {
  return REPORT_FORMATS[format].layouts ?? ["standard"];
}

/** The formats that render a layout, in the order of {@link REPORT_FORMATS}. */
export function formatsWithLayout(layout: ReportLayout): readonly ReportFormat[] {
  return REPORT_FORMAT_IDS.filter((id) => layoutsOf(id).includes(layout));
}

/**
 * What `renderReport` returns for a format: a string, a promise of the file's bytes or text, or
 * (for `vega-lite`) an object of file names to specs.
 */
export type ReportOutput<F extends ReportFormat> = ReturnType<(typeof REPORT_FORMATS)[F]["render"]>;
