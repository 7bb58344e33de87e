// What one report format is, as the format table of `renderReport` (reportFormats.ts) lists it.

import type { Assessment } from "../schemas/assessment.js";
import type { Source } from "../schemas/regionPack.js";
import type { ReportRunRecord } from "./internal/runRecord.js";
import type { ReportRows } from "./reportDocument.js";

/** The layouts a report can take; `standard` is the full report of the targets. */
export const REPORT_LAYOUTS = ["standard"] as const;

/** A layout of a report (see {@link REPORT_LAYOUTS}). */
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];

/** Everything a format renders from, checked once by `renderReport`. */
export interface ReportFormatInput {
  /** Name of the public function, to start error messages (`renderReport`). */
  readonly fn: string;
  /** The assessment (or the list, one per scenario), valid against `AssessmentSchema`. */
  readonly assessment: Assessment | readonly Assessment[];
  /** The title the caller gave, else undefined (the document then makes one). */
  readonly title: string | undefined;
  readonly only: ReportRows;
  readonly layout: ReportLayout;
  /** The run record every report can end with (version, pack, fingerprint, scenarios, date). */
  readonly run: ReportRunRecord;
  /** The pack's citable sources when the caller gave the pack; else null. */
  readonly sources: readonly Source[] | null;
}

/**
 * One report format: its id (the `format` option and `--format` value), the file extension the
 * CLI writes, a one-line description for usage texts, and how it renders. A format is one module
 * exporting one such definition, listed once in `REPORT_FORMATS`; `renderReport`'s return type
 * follows `render`'s (a string, or a promise of bytes for a workbook).
 */
export interface ReportFormatDefinition<Output> {
  readonly id: string;
  /** File extension with its dot, e.g. `.md`. */
  readonly extension: string;
  /** What the file is, for usage texts: `Markdown (GitHub tables)`. */
  readonly description: string;
  render(input: ReportFormatInput): Output;
}
